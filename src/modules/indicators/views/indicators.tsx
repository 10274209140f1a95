/** Public indicator pages: the list with status against target, and one indicator in full. */

import { ChartLegend, LineChart, Sparkline } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { goalCodeToSegment } from '../../plan/index.js';
import type { getIndicator, IndicatorSummary, Measurement } from '../indicators.service.js';
import { periodToYear, STATUS_RULE } from '../indicators.status.js';
import { DIRECTION_NAMES, TRACK_NAMES, type Track } from '../indicators.types.js';
import {
  formatValue,
  LatestCell,
  MeasurementFlags,
  StatusBadge,
  targetText,
} from './indicator-parts.js';

type Detail = Extract<Awaited<ReturnType<typeof getIndicator>>, { ok: true }>['value'];

export function GoalLinks({ ctx, codes }: { ctx: PageContext; codes: string[] }) {
  return (
    <>
      {codes.map((code, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <a class="utrecht-link marke-code" href={href(ctx, `/doelen/${goalCodeToSegment(code)}`)}>
            {code}
          </a>
        </>
      ))}
    </>
  );
}

/** The table of indicators used on the list page and on evidence cards. */
export function IndicatorTable({
  ctx,
  indicators,
  caption,
}: {
  ctx: PageContext;
  indicators: IndicatorSummary[];
  caption: string;
}) {
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Indicator
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Doelen
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Laatste meting
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Trend
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Streefwaarde en status
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {indicators.map((i) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <a class="utrecht-link" href={href(ctx, `/indicatoren/${i.code}`)}>
                  {i.name}
                </a>
              </th>
              <td class="utrecht-table__cell">
                <GoalLinks ctx={ctx} codes={i.goals.map((g) => g.code)} />
              </td>
              <LatestCell indicator={i} />
              <td class="utrecht-table__cell">
                <Sparkline
                  points={i.series.map((m) => ({
                    x: periodToYear(m.period),
                    label: m.period,
                    value: m.value ?? 0,
                  }))}
                />
              </td>
              <td class="utrecht-table__cell">
                {i.targets.length === 0 ? (
                  <span class="marke-muted">geen streefwaarde in het plan</span>
                ) : (
                  i.targets.map((t) => (
                    <div>
                      {targetText(t, i)}: <StatusBadge target={t} />
                    </div>
                  ))
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StatusRule() {
  return (
    <details class="marke-rule">
      <summary>Hoe bepalen we de status?</summary>
      <p class="utrecht-paragraph">{STATUS_RULE}</p>
    </details>
  );
}

export function IndicatorListPage({
  ctx,
  indicators,
}: {
  ctx: PageContext;
  indicators: IndicatorSummary[];
}) {
  const tracks: Track[] = ['2040', 'cyclus'];
  return (
    <Layout
      ctx={ctx}
      title="Indicatoren"
      nav="voortgang"
      crumbs={[{ label: 'Voortgang', href: href(ctx, '/voortgang') }, { label: 'Indicatoren' }]}
    >
      <h1 class="utrecht-heading-1">Indicatoren</h1>
      <p class="utrecht-paragraph">
        Met deze cijfers volgen we of de doelen van het plan dichterbij komen. Bij elk cijfer staan
        de bron en de periode. Veel indicatoren hebben nog geen meting: dan staat er "nog geen
        meting".
      </p>
      <StatusRule />
      {tracks.map((track) => {
        const list = indicators.filter((i) => i.track === track);
        return list.length === 0 ? null : (
          <section>
            <h2 class="utrecht-heading-2">{TRACK_NAMES[track]}</h2>
            <IndicatorTable
              ctx={ctx}
              indicators={list}
              caption={`${list.length} indicatoren: ${TRACK_NAMES[track].toLowerCase()}`}
            />
          </section>
        );
      })}
      <p class="utrecht-paragraph">
        Alle metingen als bestand:{' '}
        <a class="utrecht-link" href={`/api/v1/regions/${ctx.region.code}/measurements.csv`}>
          CSV
        </a>
        .
      </p>
    </Layout>
  );
}

/** Series for the chart: the target's area first, then the region and up to two more areas. */
function chartSeries(detail: Detail) {
  const withValues = detail.measurements.filter((m) => m.value !== null && !m.isProjection);
  const areas = [...new Set(withValues.map((m) => m.areaCode))];
  const first = detail.indicator.targets[0]?.areaCode;
  const ordered = [
    ...(first && areas.includes(first) ? [first] : []),
    ...areas.filter((a) => a !== first),
  ];
  return ordered.slice(0, 4).map((code) => {
    const points = withValues.filter((m) => m.areaCode === code);
    return {
      name: points[0]?.areaName ?? code,
      points: points.map((m) => ({
        x: periodToYear(m.period),
        label: m.period,
        value: m.value ?? 0,
      })),
    };
  });
}

function MeasurementTable({ detail }: { detail: Detail }) {
  const i = detail.indicator;
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Alle metingen van {i.name.toLowerCase()}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Gebied
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Periode
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Waarde
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Bron
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {detail.measurements.map((m: Measurement) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {m.areaName} <span class="marke-muted">{m.areaCode}</span>
              </th>
              <td class="utrecht-table__cell">{m.period}</td>
              <td class="utrecht-table__cell">
                {m.value === null ? (
                  <span class="marke-muted">{m.missingReason ?? 'geen waarde'}</span>
                ) : (
                  formatValue(m.value, i)
                )}
                {m.ciLow !== null && m.ciHigh !== null ? (
                  <span class="marke-muted">
                    {' '}
                    (95%-interval {formatValue(m.ciLow, i)} – {formatValue(m.ciHigh, i)})
                  </span>
                ) : null}
                {m.sampleSize !== null ? (
                  <span class="marke-muted"> n = {m.sampleSize}</span>
                ) : null}{' '}
                <MeasurementFlags m={m} />
              </td>
              <td class="utrecht-table__cell">
                {m.source}
                {m.note ? <span class="marke-muted"> – {m.note}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IndicatorPage({ ctx, detail }: { ctx: PageContext; detail: Detail }) {
  const i = detail.indicator;
  const series = chartSeries(detail);
  const target = i.targets.find((t) => t.kind === 'absolute' || t.status.goalValue !== null);
  return (
    <Layout
      ctx={ctx}
      title={i.name}
      nav="voortgang"
      crumbs={[
        { label: 'Voortgang', href: href(ctx, '/voortgang') },
        { label: 'Indicatoren', href: href(ctx, '/indicatoren') },
        { label: i.name },
      ]}
    >
      <h1 class="utrecht-heading-1">{i.name}</h1>
      {i.is_demo ? (
        <p class="utrecht-paragraph">
          <span class="marke-tag">voorbeelddata</span> Deze indicator is een voorbeeld, geen echte
          meting.
        </p>
      ) : null}
      <p class="utrecht-paragraph">{i.description}</p>
      <dl class="marke-dl">
        {i.numerator ? (
          <>
            <dt>Teller</dt>
            <dd>{i.numerator}</dd>
          </>
        ) : null}
        {i.denominator ? (
          <>
            <dt>Noemer</dt>
            <dd>{i.denominator}</dd>
          </>
        ) : null}
        <dt>Eenheid</dt>
        <dd>
          {i.unit}, {DIRECTION_NAMES[i.direction]}
        </dd>
        <dt>Bron</dt>
        <dd>{i.source}</dd>
        <dt>Hoe vaak</dt>
        <dd>{i.frequency}</dd>
        <dt>Spoor</dt>
        <dd>{TRACK_NAMES[i.track]}</dd>
        <dt>Doelen</dt>
        <dd>
          <GoalLinks ctx={ctx} codes={i.goals.map((g) => g.code)} />
        </dd>
      </dl>
      <h2 class="utrecht-heading-2">Streefwaarden</h2>
      {i.targets.length === 0 ? (
        <p class="utrecht-paragraph">Het plan noemt voor deze indicator geen streefwaarde.</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {i.targets.map((t) => (
            <li>
              {targetText(t, i)}: <StatusBadge target={t} />. {t.status.reason}{' '}
              <span class="marke-muted">
                Bron: {t.source}. {t.note}
              </span>
            </li>
          ))}
        </ul>
      )}
      <StatusRule />
      <h2 class="utrecht-heading-2">Metingen</h2>
      {detail.measurements.length === 0 ? (
        <p class="utrecht-paragraph">Er is nog geen meting ingelezen.</p>
      ) : (
        <>
          {series.some((s) => s.points.length > 1) ? (
            <>
              <LineChart
                id="indicator-chart"
                title={`${i.name} per periode`}
                description={`Lijn per gebied: ${series.map((s) => s.name).join(', ')}. De tabel hieronder heeft dezelfde cijfers.`}
                series={series}
                target={
                  target && target.status.goalValue !== null
                    ? {
                        value: target.status.goalValue,
                        label: `streefwaarde ${target.year}`,
                        x: target.year + 0.5,
                      }
                    : undefined
                }
                unit={i.unit}
                decimals={i.decimals}
              />
              <ChartLegend names={series.map((s) => s.name)} target={!!target} />
            </>
          ) : null}
          <MeasurementTable detail={detail} />
        </>
      )}
    </Layout>
  );
}
