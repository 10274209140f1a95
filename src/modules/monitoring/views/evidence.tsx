/** The provincial overview (/voortgang) and the evidence cards per opgave and per goal. */

import { ChartLegend, LineChart } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { PRIORITIES, ROLLUP_RULE, STATUSES } from '../../agenda/index.js';
import {
  type IndicatorSummary,
  IndicatorTable,
  periodToYear,
  STATUS_LABELS,
  StatusRule,
  type TargetStatus,
} from '../../indicators/index.js';
import { goalCodeToSegment } from '../../plan/index.js';
import type { PublicStory } from '../../stories/index.js';
import type { Evidence, provincialOverview, StatusCounts } from '../evidence.service.js';

type Overview = Awaited<ReturnType<typeof provincialOverview>>;

const percent = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v}%`);

/** "3 loopt, 1 risico" in the order of the agenda statuses. */
export function statusSummary(counts: StatusCounts): string {
  const parts = Object.entries(STATUSES)
    .filter(([key]) => counts[key])
    .map(([key, label]) => `${counts[key]} ${label.toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'geen doelen';
}

export function targetSummary(counts: StatusCounts): string {
  const keys: TargetStatus[] = ['op_koers', 'niet_op_koers', 'onbekend'];
  const parts = keys
    .filter((k) => counts[k])
    .map((k) => `${counts[k]} ${STATUS_LABELS[k].toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'geen streefwaarden';
}

export function OverviewPage({ ctx, data }: { ctx: PageContext; data: Overview }) {
  return (
    <Layout ctx={ctx} title="Voortgang" nav="voortgang" crumbs={[{ label: 'Voortgang' }]}>
      <h1 class="utrecht-heading-1">Voortgang van het plan</h1>
      <p class="utrecht-paragraph">
        Hoe staan de zes opgaven ervoor? Per opgave de voortgang van de werkagenda en hoe de
        indicatoren zich verhouden tot de streefwaarden. Klik op een opgave voor alle cijfers,
        updates en besluiten op één pagina.
      </p>
      <p class="utrecht-paragraph">
        Alle {data.total} doelen: {statusSummary(data.statusCounts)}. Streefwaarden:{' '}
        {targetSummary(data.targetCounts)}.
      </p>
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">Voortgang per opgave</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Opgave
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Voortgang
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Doelen
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Indicatoren
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {data.opgaven.map((o) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  <a class="utrecht-link" href={href(ctx, `/voortgang/opgaven/${o.slug}`)}>
                    {o.number}. {o.name}
                  </a>
                </th>
                <td class="utrecht-table__cell">
                  <ProgressBar value={o.progress} label={`${o.name}: voortgang`} />
                </td>
                <td class="utrecht-table__cell">
                  {o.goals} doelen: {statusSummary(o.statusCounts)}
                </td>
                <td class="utrecht-table__cell">
                  {o.indicatorCount} indicatoren; {targetSummary(o.targetCounts)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="utrecht-paragraph marke-muted">{ROLLUP_RULE}</p>
      <StatusRule />
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={href(ctx, '/indicatoren')}>
            Alle indicatoren
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={href(ctx, '/werkagenda')}>
            De werkagenda
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={href(ctx, '/rapporten')}>
            Monitoringsrapporten
          </a>
        </li>
      </ul>
    </Layout>
  );
}

/** A progress bar that is also text, so it reads the same without colour or CSS. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  if (value === null) return <span class="marke-muted">nog niet bekend</span>;
  return (
    <span class="marke-progress">
      <meter min="0" max="100" value={value} aria-label={label}>
        {value}%
      </meter>{' '}
      {value}%
    </span>
  );
}

function IndicatorCharts({ indicators }: { indicators: IndicatorSummary[] }) {
  const withTrend = indicators.filter((i) => i.series.length > 1).slice(0, 6);
  return (
    <>
      {withTrend.map((i, n) => {
        const target = i.targets[0];
        const goal = target?.status.goalValue ?? null;
        return (
          <figure class="marke-figure">
            <LineChart
              id={`trend-${n}`}
              title={`${i.name}, ${i.series[0]?.areaName ?? ''}`}
              description={`Metingen ${i.series.map((m) => m.period).join(', ')}; de tabel hierboven heeft de laatste waarde en de streefwaarde.`}
              series={[
                {
                  name: i.series[0]?.areaName ?? '',
                  points: i.series.map((m) => ({
                    x: periodToYear(m.period),
                    label: m.period,
                    value: m.value ?? 0,
                  })),
                },
              ]}
              target={
                goal !== null && target
                  ? { value: goal, label: `streefwaarde ${target.year}`, x: target.year + 0.5 }
                  : undefined
              }
              unit={i.unit}
              decimals={i.decimals}
            />
            <ChartLegend names={[i.series[0]?.areaName ?? '']} target={goal !== null} />
            <figcaption>{i.name}</figcaption>
          </figure>
        );
      })}
    </>
  );
}

export function EvidencePage({
  ctx,
  evidence,
  backHref,
}: {
  ctx: PageContext;
  evidence: Evidence;
  backHref: string;
}) {
  const e = evidence;
  const heading =
    e.kind === 'opgave' ? `Opgave ${e.opgave.number}: ${e.opgave.name}` : `Doel ${e.code}`;
  return (
    <Layout
      ctx={ctx}
      title={heading}
      nav="voortgang"
      crumbs={[
        { label: 'Voortgang', href: href(ctx, '/voortgang') },
        ...(e.kind === 'doel'
          ? [{ label: e.opgave.name, href: href(ctx, `/voortgang/opgaven/${e.opgave.slug}`) }]
          : []),
        { label: heading },
      ]}
    >
      <h1 class="utrecht-heading-1">{heading}</h1>
      {e.kind === 'doel' ? <p class="utrecht-paragraph">{e.title}</p> : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={backHref}>
          Naar de planpagina
        </a>
      </p>
      <h2 class="utrecht-heading-2">Voortgang</h2>
      <p class="utrecht-paragraph">
        <ProgressBar value={e.progress} label="Voortgang" /> · {statusSummary(e.statusCounts)}
      </p>
      <p class="utrecht-paragraph marke-muted">{ROLLUP_RULE}</p>
      <h2 class="utrecht-heading-2">Indicatoren</h2>
      {e.indicators.length === 0 ? (
        <p class="utrecht-paragraph">Aan dit onderdeel hangt nog geen indicator.</p>
      ) : (
        <>
          <IndicatorTable
            ctx={ctx}
            indicators={e.indicators}
            caption={`${e.indicators.length} indicatoren met hun streefwaarde`}
          />
          <StatusRule />
          <IndicatorCharts indicators={e.indicators} />
        </>
      )}
      <h2 class="utrecht-heading-2">Werkagenda</h2>
      <AgendaRows ctx={ctx} rows={e.agendaRows} />
      <h2 class="utrecht-heading-2">Verhalen</h2>
      <StoryList ctx={ctx} stories={e.stories} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, `/verhalen?opgave=${e.opgave.slug}`)}>
          Alle verhalen over {e.opgave.name}
        </a>
      </p>
      {e.kind === 'opgave' ? (
        <>
          <h2 class="utrecht-heading-2">Hoe gaat de samenwerking?</h2>
          {e.notes.length === 0 ? (
            <p class="utrecht-paragraph">Nog geen procesnotities.</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {e.notes.map((n) => (
                <li>
                  <strong>{n.notedOn}</strong>: {n.text}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <h2 class="utrecht-heading-2">Laatste updates en besluiten</h2>
      {e.updates.length === 0 ? (
        <p class="utrecht-paragraph">Nog geen updates.</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {e.updates.map((u) => (
            <li>
              <strong>{u.occurred_on}</strong> · {u.code} ·{' '}
              {u.kind === 'besluit' ? 'besluit' : 'update'}: {u.text}
              {u.round_code ? (
                <>
                  {' '}
                  (
                  <a class="utrecht-link" href={href(ctx, `/rapporten/${u.round_code}`)}>
                    monitoringsronde {u.round_code}
                  </a>
                  )
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function AgendaRows({ ctx, rows }: { ctx: PageContext; rows: Evidence['agendaRows'] }) {
  if (rows.length === 0) return <p class="utrecht-paragraph">Geen operationele doelen.</p>;
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Operationele doelen in de werkagenda</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Doel
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Status
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Prioriteit
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Voortgang
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Planning
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((r) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <a
                  class="utrecht-link marke-code"
                  href={href(ctx, `/voortgang/doelen/${goalCodeToSegment(r.code)}`)}
                >
                  {r.code}
                </a>
              </th>
              <td class="utrecht-table__cell">{STATUSES[r.status ?? 'niet_gestart']}</td>
              <td class="utrecht-table__cell">{r.priority ? PRIORITIES[r.priority] : '–'}</td>
              <td class="utrecht-table__cell">{r.item_id ? percent(r.progress) : '–'}</td>
              <td class="utrecht-table__cell">
                {r.planned_start || r.planned_end
                  ? `${r.planned_start ?? '?'} – ${r.planned_end ?? '?'}`
                  : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Published stories as quotes: role, place and date, never a name. */
export function StoryList({ ctx, stories }: { ctx: PageContext; stories: PublicStory[] }) {
  if (stories.length === 0)
    return <p class="utrecht-paragraph">Nog geen gepubliceerde verhalen.</p>;
  return (
    <ul class="marke-stories">
      {stories.map((s) => (
        <li id={`verhaal-${s.id}`}>
          <blockquote class="marke-quote">
            <p class="utrecht-paragraph">{s.text}</p>
          </blockquote>
          <p class="utrecht-paragraph marke-muted">
            {s.roleLabel}, {s.area.name}, {s.dateLabel}
            {s.isDemo ? ' · voorbeeld' : ''} ·{' '}
            <a class="utrecht-link" href={href(ctx, '/verhalen')}>
              meer verhalen
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
