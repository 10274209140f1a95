/** List pages: all goals, programmes, initiatives. */
import type { OkValue } from '../../../lib/result.js';
import { Blocks } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { listGoals } from '../plan.service.js';
import type {
  getInitiative,
  getProgramme,
  listInitiatives,
  listProgrammes,
} from '../plan-content.service.js';
import { deadlineText, GoalLink, goalSummary } from './goal-parts.js';

/** /doelen shows all goals in plan order, for readers looking for a goal across opgaven. */
export function GoalsPage({
  ctx,
  data,
}: {
  ctx: PageContext;
  data: Awaited<ReturnType<typeof listGoals>>;
}) {
  return (
    <Layout ctx={ctx} title="Alle doelen" nav="doelen" crumbs={[{ label: 'Alle doelen' }]}>
      <h1 class="utrecht-heading-1">Alle doelen</h1>
      <p class="utrecht-paragraph">
        {data.strategic.length} strategische doelen voor 2040 en {data.operational.length}{' '}
        operationele doelen voor de komende jaren, in de volgorde van het plan.
      </p>
      <ul class="utrecht-unordered-list">
        {opgavenOf(data.strategic).map((o) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#opgave-${o.slug}`}>
              {o.number}. {o.name}
            </a>
          </li>
        ))}
      </ul>
      {data.strategic.map((goal, index) => (
        <section>
          {index === 0 || data.strategic[index - 1]?.opgave_slug !== goal.opgave_slug ? (
            <h2 class="utrecht-heading-2" id={`opgave-${goal.opgave_slug}`}>
              Opgave {goal.opgave_number}. {goal.opgave_name}
            </h2>
          ) : null}
          <h3 class="utrecht-heading-3">
            <GoalLink ctx={ctx} code={goal.code} text={goal.text_chapter2} />
          </h3>
          <ul class="marke-goal-list">
            {data.operational
              .filter((op) => op.strategic_goal_id === goal.id)
              .map((op) => (
                <li>
                  <GoalLink ctx={ctx} code={op.code} text={goalSummary(op)} />
                  <span class="marke-muted"> · doeljaar {deadlineText(op)}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/** The opgaven in plan order, for the jump list at the top of /doelen. */
function opgavenOf(
  goals: Array<{ opgave_slug: string; opgave_name: string; opgave_number: number }>,
) {
  const seen = new Map<string, { slug: string; name: string; number: number }>();
  for (const g of goals)
    if (!seen.has(g.opgave_slug))
      seen.set(g.opgave_slug, {
        slug: g.opgave_slug,
        name: g.opgave_name,
        number: g.opgave_number,
      });
  return [...seen.values()];
}

/** /programmas: the programmes of Bijlage A, with the goals each one contributes to. */
export function ProgrammesPage({
  ctx,
  programmes,
}: {
  ctx: PageContext;
  programmes: Awaited<ReturnType<typeof listProgrammes>>;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Transformatieprogramma's"
      nav="programmas"
      crumbs={[{ label: "Transformatieprogramma's" }]}
    >
      <h1 class="utrecht-heading-1">Transformatieprogramma's</h1>
      <p class="utrecht-paragraph">
        Deze programma's staan in bijlage A van het plan. Ze dragen bij aan de doelen.
      </p>
      <ul class="marke-cards">
        {programmes.map((p) => (
          <li class="marke-card">
            <h2 class="utrecht-heading-3">
              <a class="utrecht-link" href={href(ctx, `/programmas/${p.slug}`)}>
                {p.name}
              </a>
            </h2>
            <p class="utrecht-paragraph marke-muted">
              Draagt bij aan:{' '}
              {p.contributions.length === 0
                ? 'niet genoemd'
                : p.contributions.map((c, index) => (
                    <>
                      {index > 0 ? ', ' : ''}
                      <a class="utrecht-link" href={href(ctx, c.path)}>
                        {c.label}
                      </a>
                    </>
                  ))}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** /programmas/:slug: a programme's objective, partners and the goals it contributes to. */
export function ProgrammePage({
  ctx,
  data,
}: {
  ctx: PageContext;
  data: OkValue<typeof getProgramme>;
}) {
  const { programme } = data;
  return (
    <Layout
      ctx={ctx}
      title={programme.name}
      nav="programmas"
      crumbs={[{ label: "Programma's", href: href(ctx, '/programmas') }, { label: programme.name }]}
    >
      <p class="utrecht-paragraph marke-muted">Transformatieprogramma {programme.number}</p>
      <h1 class="utrecht-heading-1">{programme.name}</h1>
      <h2 class="utrecht-heading-2">Doelstelling</h2>
      <Blocks blocks={programme.objective} />
      {Array.isArray(programme.context) && programme.context.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">Context</h2>
          <Blocks blocks={programme.context} />
        </>
      ) : null}
      <h2 class="utrecht-heading-2">Samenwerkingspartners</h2>
      {data.partners.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {data.partners.map((p) => (
            <li class="utrecht-unordered-list__item">
              {p.organisation_slug ? (
                <a class="utrecht-link" href={href(ctx, `/organisaties/${p.organisation_slug}`)}>
                  {p.name}
                </a>
              ) : (
                p.name
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph marke-muted">Het plan noemt geen samenwerkingspartners.</p>
      )}
      <h2 class="utrecht-heading-2">Bijdrage aan het regioplan</h2>
      <Blocks blocks={programme.contribution} />
      <ul class="utrecht-unordered-list">
        {data.targets.map((t) => (
          <li class="utrecht-unordered-list__item">
            {t.kind === 'goal' ? (
              <GoalLink ctx={ctx} code={t.code} text={t.text} />
            ) : (
              <a class="utrecht-link" href={href(ctx, `/opgaven/${t.code}`)}>
                Opgave {t.text}
              </a>
            )}
          </li>
        ))}
      </ul>
      {programme.more_info ? (
        <p class="utrecht-paragraph marke-muted">
          Meer informatie in het plan: {programme.more_info}
        </p>
      ) : null}
    </Layout>
  );
}

/** /initiatieven: every initiative the plan names as inspiration, with its number of goals. */
export function InitiativesPage({
  ctx,
  initiatives,
}: {
  ctx: PageContext;
  initiatives: Awaited<ReturnType<typeof listInitiatives>>;
}) {
  return (
    <Layout ctx={ctx} title="Initiatieven" nav="doelen" crumbs={[{ label: 'Initiatieven' }]}>
      <h1 class="utrecht-heading-1">Initiatieven en projecten in het plan</h1>
      <p class="utrecht-paragraph">
        Het plan noemt deze initiatieven als inspiratie bij de operationele doelen.
      </p>
      <ul class="utrecht-unordered-list">
        {initiatives.map((i) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={href(ctx, `/initiatieven/${i.slug}`)}>
              {i.name}
            </a>
            <span class="marke-muted">
              {' '}
              · bij {Number(i.goal_count)} {Number(i.goal_count) === 1 ? 'doel' : 'doelen'}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** /initiatieven/:slug: one initiative with the goals that name it, or a note if none do. */
export function InitiativePage({
  ctx,
  data,
}: {
  ctx: PageContext;
  data: OkValue<typeof getInitiative>;
}) {
  const { initiative } = data;
  return (
    <Layout
      ctx={ctx}
      title={initiative.name}
      nav="doelen"
      crumbs={[
        { label: 'Initiatieven', href: href(ctx, '/initiatieven') },
        { label: initiative.name },
      ]}
    >
      <h1 class="utrecht-heading-1">{initiative.name}</h1>
      {data.programme ? (
        <p class="utrecht-paragraph">
          Dit is ook een transformatieprogramma in bijlage A van het plan:{' '}
          <a class="utrecht-link" href={href(ctx, `/programmas/${data.programme.slug}`)}>
            {data.programme.name}
          </a>
          .
        </p>
      ) : null}
      {Array.isArray(initiative.description) && initiative.description.length > 0 ? (
        <Blocks blocks={initiative.description} />
      ) : data.programme ? null : (
        <p class="utrecht-paragraph marke-muted">
          Het plan noemt dit initiatief, maar beschrijft het niet verder.
        </p>
      )}
      <h2 class="utrecht-heading-2">Genoemd bij deze doelen</h2>
      {data.goals.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {data.goals.map((g) => (
            <li class="utrecht-unordered-list__item">
              <GoalLink
                ctx={ctx}
                code={g.code}
                text={g.label ? `${g.label}: ${g.text ?? ''}` : (g.text ?? '')}
              />
              {g.line !== initiative.name ? (
                <span class="marke-muted"> (als: {g.line})</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph marke-muted">
          Dit initiatief staat niet in de initiatieventabel bij een doel. Het plan noemt het in de
          lopende tekst.
        </p>
      )}
    </Layout>
  );
}
