/** An opgave: why, its focus, its strategic goals and its operational goals on a year timeline. */
import type { OkValue } from '../../../lib/result.js';
import { Blocks, Tag } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { getOpgave } from '../plan.service.js';
import type { AgendaRollUp } from '../plan.types.js';
import { OpgaveAgenda } from './goal-agenda.js';
import { GoalLink, goalHref, goalSummary, YEARS, yearCell } from './goal-parts.js';
import { OpgaveTimelineSvg } from './opgave-timeline.js';

type Data = Exclude<OkValue<typeof getOpgave>, { redirect: string }>;

function Timeline({ ctx, data }: { ctx: PageContext; data: Data }) {
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table marke-timeline">
        <caption class="utrecht-table__caption">Operationele doelen per jaar</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Doel
            </th>
            {YEARS.map((year) => (
              <th class="utrecht-table__header-cell" scope="col">
                {year === '2027+' ? '2027 en later' : year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {data.operational.map((goal) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <a class="utrecht-link" href={goalHref(ctx, goal.code)}>
                  <span class="marke-code">{goal.code}</span>
                </a>
              </th>
              {YEARS.map((year) => (
                <td class="utrecht-table__cell">
                  {yearCell(goal, year) || <span class="marke-muted">–</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /opgaven/:slug: why the opgave matters, its goals and a year timeline of its goals. */
export function OpgavePage({
  ctx,
  data,
  agenda,
}: {
  ctx: PageContext;
  data: Data;
  agenda?: AgendaRollUp;
}) {
  const { opgave } = data;
  return (
    <Layout
      ctx={ctx}
      title={opgave.name}
      crumbs={[{ label: `Opgave ${opgave.number}: ${opgave.name}` }]}
      nav="home"
    >
      <p class="utrecht-paragraph marke-muted">Regio-opgave {opgave.number}</p>
      <h1 class="utrecht-heading-1">{opgave.name}</h1>
      <p class="utrecht-paragraph marke-lead">{opgave.slogan}</p>
      <p>
        {opgave.keywords.map((k) => (
          <Tag>{k}</Tag>
        ))}
      </p>
      <h2 class="utrecht-heading-2">Wat is de opgave en waarom?</h2>
      <Blocks blocks={opgave.why} />
      <h2 class="utrecht-heading-2">Strategische doelen voor 2040</h2>
      <Blocks blocks={opgave.strategic_intro} />
      <ul class="marke-goal-list">
        {data.strategic.map((goal) => (
          <li>
            <GoalLink ctx={ctx} code={goal.code} text={goal.text_chapter2} />
            <ul class="utrecht-unordered-list">
              {data.operational
                .filter((op) => op.strategic_goal_id === goal.id)
                .map((op) => (
                  <li class="utrecht-unordered-list__item">
                    <GoalLink ctx={ctx} code={op.code} text={goalSummary(op)} />
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      {agenda ? <OpgaveAgenda ctx={ctx} slug={opgave.slug} rollUp={agenda} /> : null}
      <h2 class="utrecht-heading-2">Tijdlijn van de operationele doelen</h2>
      <p class="utrecht-paragraph">
        Een stip is het jaar dat de tekst van het doel noemt (doeljaar). Een open vierkantje is een
        jaar dat de planningstabel van het plan markeert (gepland).
      </p>
      <div class="marke-table-wrap">
        <OpgaveTimelineSvg goals={data.operational} opgaveName={opgave.name} />
      </div>
      <Timeline ctx={ctx} data={data} />
      {opgave.focus.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">Waar we ons op richten</h2>
          {asTitled(opgave.focus).map((f) => (
            <section>
              <h3 class="utrecht-heading-3">{f.title}</h3>
              <Blocks blocks={f.blocks} headingLevel={4} />
            </section>
          ))}
        </>
      ) : null}
      {asTitled(opgave.chapter2_sections).map((s) => (
        <section>
          <h2 class="utrecht-heading-2">{s.title}</h2>
          <Blocks blocks={s.blocks} />
        </section>
      ))}
      {data.programmes.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">Transformatieprogramma's die bijdragen</h2>
          <ul class="utrecht-unordered-list">
            {data.programmes.map((p) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link" href={href(ctx, `/programmas/${p.slug}`)}>
                  {p.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

/** Stored `{title, blocks}` sections; validated on import. */
export function asTitled(value: unknown): Array<{ title: string; blocks: unknown }> {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is { title: string; blocks: unknown } =>
      typeof v === 'object' && v !== null && 'title' in v,
  );
}
