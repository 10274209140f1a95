/** Goal pages: a strategic goal with its operational goals, or an operational goal with everything linked. */
import { excerpt } from '../../../lib/blocks.js';
import type { OkValue } from '../../../lib/result.js';
import { Blocks } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { getGoal } from '../plan.service.js';
import type { AgendaGoalDetail, AgendaRollUp } from '../plan.types.js';
import { OperationalAgenda, StrategicAgenda } from './goal-agenda.js';
import { deadlineText, GoalLink, goalSummary, YEARS } from './goal-parts.js';

type Data = OkValue<typeof getGoal>;
type Strategic = Extract<Data, { kind: 'strategic' }>;
type Operational = Extract<Data, { kind: 'operational' }>;
type Related = Data['related'];

function RelatedGoals({ ctx, related }: { ctx: PageContext; related: Related }) {
  if (related.outgoing.length === 0 && related.incoming.length === 0) return null;
  return (
    <section aria-labelledby="samenhang">
      <h2 class="utrecht-heading-2" id="samenhang">
        Hangt samen met
      </h2>
      {related.outgoing.length > 0 ? (
        <>
          <p class="utrecht-paragraph">Dit doel noemt:</p>
          <ul class="utrecht-unordered-list">
            {related.outgoing.map((g) => (
              <li class="utrecht-unordered-list__item">
                <GoalLink ctx={ctx} code={g.code} text={g.text} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {related.incoming.length > 0 ? (
        <>
          <p class="utrecht-paragraph">Dit doel wordt genoemd bij:</p>
          <ul class="utrecht-unordered-list">
            {related.incoming.map((g) => (
              <li class="utrecht-unordered-list__item">
                <GoalLink ctx={ctx} code={g.code} text={g.text} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const VIA = {
  doel: ' · noemt dit doel',
  'strategisch doel': ' · via het strategische doel',
  opgave: ' · via de hele opgave',
} as const;

function Programmes({ ctx, programmes }: { ctx: PageContext; programmes: Data['programmes'] }) {
  if (programmes.length === 0) return null;
  return (
    <>
      <h2 class="utrecht-heading-2">Transformatieprogramma's die bijdragen</h2>
      <ul class="utrecht-unordered-list">
        {programmes.map((p) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={href(ctx, `/programmas/${p.slug}`)}>
              {p.name}
            </a>
            <span class="marke-muted">{VIA[p.via]}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** /doelen/2.x.y: a 2040 goal with its chapter-1 wording, operational goals and programmes. */
export function StrategicGoalPage({
  ctx,
  data,
  agenda,
}: {
  ctx: PageContext;
  data: Strategic;
  agenda?: AgendaRollUp;
}) {
  const { goal } = data;
  return (
    <Layout
      ctx={ctx}
      title={`Strategisch doel ${goal.code}: ${excerpt(goal.text_chapter2, 70)}`}
      nav="doelen"
      crumbs={[
        { label: goal.opgave_name, href: href(ctx, `/opgaven/${goal.opgave_slug}`) },
        { label: `Strategisch doel ${goal.code}` },
      ]}
    >
      <p class="utrecht-paragraph marke-muted">
        Strategisch doel {goal.code} (in hoofdstuk 1: {goal.chapter1_code}) · opgave{' '}
        {goal.opgave_number}. {goal.opgave_name}
      </p>
      <h1 class="utrecht-heading-1">Strategisch doel {goal.code}</h1>
      <p class="utrecht-paragraph marke-lead">{goal.text_chapter2}</p>
      {goal.text_chapter1 !== goal.text_chapter2 ? (
        <details>
          <summary>Tekst zoals in hoofdstuk 1 ({goal.chapter1_code})</summary>
          <p class="utrecht-paragraph">{goal.text_chapter1}</p>
        </details>
      ) : null}
      <Blocks blocks={goal.notes} />
      <h2 class="utrecht-heading-2">Operationele doelen</h2>
      <ul class="marke-goal-list">
        {data.operational.map((op) => (
          <li>
            <GoalLink ctx={ctx} code={op.code} text={goalSummary(op)} />
            <div class="marke-muted">Doeljaar: {deadlineText(op)}</div>
          </li>
        ))}
      </ul>
      {agenda ? <StrategicAgenda ctx={ctx} rollUp={agenda} /> : null}
      <RelatedGoals ctx={ctx} related={data.related} />
      <Programmes ctx={ctx} programmes={data.programmes} />
    </Layout>
  );
}

/** A party links to its organisation, or to its sector when the plan names a whole group. */
function PartyName({
  ctx,
  party,
}: {
  ctx: PageContext;
  party: { name: string; organisation_slug: string | null; sector_slug: string | null };
}) {
  if (party.organisation_slug) {
    return (
      <a class="utrecht-link" href={href(ctx, `/organisaties/${party.organisation_slug}`)}>
        {party.name}
      </a>
    );
  }
  if (party.sector_slug) {
    return (
      <a class="utrecht-link" href={href(ctx, `/organisaties#sector-${party.sector_slug}`)}>
        {party.name}
      </a>
    );
  }
  return <>{party.name}</>;
}

/** Why a list is empty: the plan's table has no entry, which does not mean the text names nobody. */
function NoTableEntry({ kind, what }: { kind: string; what: string }) {
  return (
    <p class="utrecht-paragraph marke-muted">
      {kind === 'oplossingsrichting'
        ? `Bij de oplossingsrichtingen heeft het plan geen tabel met ${what}. Partijen en projecten die de tekst noemt, staan hierboven.`
        : `In de tabel van het plan staan bij dit doel geen ${what}.`}
    </p>
  );
}

function Parties({ ctx, data }: { ctx: PageContext; data: Operational }) {
  if (data.goal.initiators_tbd) return <p class="utrecht-paragraph">Nader te bepalen.</p>;
  if (data.initiators.length === 0)
    return <NoTableEntry kind={data.goal.kind} what="initiatiefnemers" />;
  return (
    <ul class="utrecht-unordered-list">
      {data.initiators.map((p) => (
        <li class="utrecht-unordered-list__item">
          <PartyName ctx={ctx} party={p} />
          {p.note ? <span class="marke-muted"> ({p.note})</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Inspiration({ ctx, data }: { ctx: PageContext; data: Operational }) {
  if (data.goal.inspiration_tbd) return <p class="utrecht-paragraph">Nader te bepalen.</p>;
  if (data.initiatives.length === 0)
    return <NoTableEntry kind={data.goal.kind} what="initiatieven" />;
  return (
    <ul class="utrecht-unordered-list">
      {data.initiatives.map((i) => (
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, `/initiatieven/${i.slug}`)}>
            {i.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** /doelen/2.x.y.a: the planning, target, initiatives and possible initiators of one goal. */
export function OperationalGoalPage({
  ctx,
  data,
  agenda,
}: {
  ctx: PageContext;
  data: Operational;
  agenda?: AgendaGoalDetail;
}) {
  const { goal } = data;
  const kindLabel = goal.kind === 'oplossingsrichting' ? 'Oplossingsrichting' : 'Operationeel doel';
  return (
    <Layout
      ctx={ctx}
      title={`${kindLabel} ${goal.code}: ${excerpt(goalSummary(goal), 70)}`}
      nav="doelen"
      crumbs={[
        { label: goal.opgave_name, href: href(ctx, `/opgaven/${goal.opgave_slug}`) },
        {
          label: `Strategisch doel ${goal.strategic_code}`,
          href: href(ctx, `/doelen/${goal.strategic_code}`),
        },
        { label: `${kindLabel} ${goal.code}` },
      ]}
    >
      <p class="utrecht-paragraph marke-muted">
        {kindLabel} onder strategisch doel {goal.strategic_code} · opgave {goal.opgave_number}.{' '}
        {goal.opgave_name}
      </p>
      <h1 class="utrecht-heading-1">
        {kindLabel} {goal.code}
        {goal.label ? `: ${goal.label}` : ''}
      </h1>
      {goal.text_missing ? (
        <p class="marke-note">
          De tekst van dit doel ontbreekt in de bronversie van het plan die wij hebben. Alleen de
          initiatieven en initiatiefnemers staan erin.
        </p>
      ) : (
        <p class="utrecht-paragraph marke-lead">{goal.text}</p>
      )}
      <Blocks blocks={goal.details} />
      <h2 class="utrecht-heading-2">Planning en doel</h2>
      <dl class="marke-dl">
        <dt>Doeljaar</dt>
        <dd>{deadlineText(goal)}</dd>
        <dt>Gepland in</dt>
        <dd>
          {goal.planning.length > 0
            ? goal.planning.map((y) => (y === '2027+' ? '2027 en later' : y)).join(', ')
            : 'De planningstabel van het plan is voor dit doel niet ingevuld.'}
        </dd>
        <dt>Meetbaar doel</dt>
        <dd>{goal.target ?? 'Het plan noemt geen meetbaar doel.'}</dd>
      </dl>
      <p class="utrecht-paragraph marke-muted">
        Jaren in de planningstabel: {YEARS.join(', ').replace('2027+', '2027 en later')}.
      </p>
      {agenda ? <OperationalAgenda ctx={ctx} code={goal.code} item={agenda} /> : null}
      <h2 class="utrecht-heading-2">Inspirerende initiatieven</h2>
      <Inspiration ctx={ctx} data={data} />
      <h2 class="utrecht-heading-2">Mogelijke initiatiefnemers</h2>
      <Parties ctx={ctx} data={data} />
      <RelatedGoals ctx={ctx} related={data.related} />
      <Programmes ctx={ctx} programmes={data.programmes} />
      <p class="utrecht-paragraph">
        Hoort bij <GoalLink ctx={ctx} code={goal.strategic_code} text={goal.strategic_text} />
      </p>
    </Layout>
  );
}
