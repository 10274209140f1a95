/** The compare page: a form to pick 2–4 areas (works without JavaScript) and their figures. */
import { ChartLegend, LineChart, Sparkline } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { ErrorSummary } from '../../auth/index.js';
import { type IndicatorSummary, periodToYear } from '../../indicators/index.js';
import {
  type CompareRow,
  type Comparison,
  type compareChoices,
  MAX_COMPARE,
} from '../compare.service.js';
import {
  chartPoints,
  compareHref,
  FigureFlags,
  figureText,
  ScrollTable,
  trendHref,
} from './figures.js';

type Choices = Awaited<ReturnType<typeof compareChoices>>;

export type CompareForm = {
  codes: string[];
  indicatorCode: string;
  errors: Record<string, string>;
};

function AreaSelect({
  index,
  current,
  choices,
  error,
}: {
  index: number;
  current: string;
  choices: Choices;
  error: string | undefined;
}) {
  const id = `gebied-${index}`;
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        Gebied {index}
      </label>
      {error ? (
        <p class="utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </p>
      ) : null}
      <select
        class="utrecht-select"
        id={id}
        name="gebied"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-fout` : undefined}
      >
        <option value="">(geen)</option>
        {choices.groups.map((group) => (
          <optgroup label={group.label}>
            {group.areas.map((a) => (
              <option value={a.code} selected={a.code === current}>
                {a.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function PickForm({
  ctx,
  form,
  choices,
}: {
  ctx: PageContext;
  form: CompareForm;
  choices: Choices;
}) {
  // One select per code given, so a sixth area from the map's checkboxes is shown, not lost.
  const count = Math.max(MAX_COMPARE, form.codes.length);
  return (
    <form method="get" action={href(ctx, '/datawerkplaats/vergelijk')}>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">Welke gebieden wilt u vergelijken?</legend>
        <p class="marke-muted">Kies er twee tot vier.</p>
        {Array.from({ length: count }, (_, i) => (
          <AreaSelect
            index={i + 1}
            current={form.codes[i] ?? ''}
            choices={choices}
            error={form.errors[`gebied-${i + 1}`]}
          />
        ))}
      </fieldset>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="cijfer">
          Welk cijfer?
        </label>
        <select class="utrecht-select" id="cijfer" name="cijfer">
          <option value="">Alle cijfers van de gebieden</option>
          {choices.indicators.map((i) => (
            <option value={i.code} selected={i.code === form.indicatorCode}>
              {i.name}
            </option>
          ))}
        </select>
      </div>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        Vergelijken
      </button>
    </form>
  );
}

function periodText(row: CompareRow): string {
  return row.period
    ? `Nieuwste periode waarin alle gebieden een cijfer hebben: ${row.period}.`
    : 'Er is geen periode waarin alle gebieden een cijfer hebben. Bij elk cijfer staat de periode.';
}

function Cell({ row, index, spark }: { row: CompareRow; index: number; spark?: boolean }) {
  const cell = row.cells[index];
  const m = cell?.figure;
  return (
    <td class="utrecht-table__cell">
      {figureText(m, row.indicator)}
      {m && !row.period ? <span class="marke-muted"> ({m.period})</span> : null}
      <FigureFlags m={m} />
      {spark && cell ? <Sparkline points={chartPoints(cell.series, periodToYear)} /> : null}
    </td>
  );
}

/** One indicator: the figures side by side, then every area's trend as chart and table. */
function OneIndicator({
  ctx,
  comparison,
  row,
}: {
  ctx: PageContext;
  comparison: Comparison;
  row: CompareRow;
}) {
  const { indicator } = row;
  const series = row.cells
    .map((c) => ({ name: c.area.name, points: chartPoints(c.series, periodToYear) }))
    .filter((s) => s.points.length > 0);
  const periods = [...new Set(row.cells.flatMap((c) => c.series.map((m) => m.period)))].sort(
    (a, b) => periodToYear(a) - periodToYear(b),
  );
  const names = comparison.areas.map((a) => a.name).join(', ');
  return (
    <>
      <h2 class="utrecht-heading-2">{indicator.name}</h2>
      <p class="utrecht-paragraph">
        {indicator.description} {periodText(row)}
      </p>
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">
            {indicator.name}: {names}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Gebied
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Waarde{row.period ? ` ${row.period}` : ''}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Bron
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {row.cells.map((cell, i) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {cell.series.length > 0 ? (
                    <a class="utrecht-link" href={trendHref(ctx, indicator.code, cell.area.code)}>
                      {cell.area.name}
                    </a>
                  ) : (
                    cell.area.name
                  )}
                </th>
                <Cell row={row} index={i} />
                <td class="utrecht-table__cell">{cell.figure?.source ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {series.length > 0 ? (
        <figure class="marke-figure">
          <LineChart
            id="vergelijk"
            title={`${indicator.name} per periode: ${names}`}
            description={`Lijn per gebied: ${series.map((s) => s.name).join(', ')}. Prognoses en verborgen cijfers hebben geen punt. De tabel hieronder heeft dezelfde cijfers.`}
            series={series}
            unit={indicator.unit}
            decimals={indicator.decimals}
          />
          <ChartLegend names={series.map((s) => s.name)} target={false} />
          <figcaption>Bron: {indicator.source}.</figcaption>
        </figure>
      ) : null}
      {periods.length > 0 ? (
        <ScrollTable label={`Tabel: ${indicator.name} per periode`}>
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">
              {indicator.name} per periode: {names}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Periode
                </th>
                {row.cells.map((c) => (
                  <th class="utrecht-table__header-cell" scope="col">
                    {c.area.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {periods.map((period) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    {period}
                  </th>
                  {row.cells.map((c) => {
                    const m = c.series.find((f) => f.period === period);
                    return (
                      <td class="utrecht-table__cell">
                        {figureText(m, indicator)}
                        <FigureFlags m={m} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p class="utrecht-paragraph">Voor deze gebieden zijn er geen cijfers van dit cijfer.</p>
      )}
    </>
  );
}

/** Every indicator of the areas: one row each, the newest common period, a small trend line. */
function AllIndicators({ ctx, comparison }: { ctx: PageContext; comparison: Comparison }) {
  const codes = comparison.areas.map((a) => a.code);
  if (comparison.rows.length === 0)
    return <p class="utrecht-paragraph">Voor deze gebieden zijn er nog geen cijfers.</p>;
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">
          Alle cijfers van {comparison.areas.map((a) => a.name).join(', ')} (klik op een cijfer voor
          de trend)
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Cijfer
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Periode
            </th>
            {comparison.areas.map((a) => (
              <th class="utrecht-table__header-cell" scope="col">
                {a.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {comparison.rows.map((row) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <a class="utrecht-link" href={compareHref(ctx, codes, row.indicator.code)}>
                  {row.indicator.name}
                </a>
                {row.indicator.is_demo ? <span class="marke-tag"> voorbeelddata</span> : null}
              </th>
              <td class="utrecht-table__cell">{row.period ?? 'verschilt'}</td>
              {row.cells.map((_, i) => (
                <Cell row={row} index={i} spark />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComparePage({
  ctx,
  form,
  choices,
  comparison,
  indicator,
}: {
  ctx: PageContext;
  form: CompareForm;
  choices: Choices;
  comparison: Comparison | undefined;
  indicator: IndicatorSummary | undefined;
}) {
  const title = comparison
    ? `Vergelijken: ${comparison.areas.map((a) => a.name).join(', ')}`
    : 'Gebieden vergelijken';
  const single = comparison?.indicator ? comparison.rows[0] : undefined;
  const csv = comparison
    ? compareHref(
        ctx,
        comparison.areas.map((a) => a.code),
        indicator?.code,
      ).replace('/vergelijk', '/vergelijk.csv')
    : undefined;
  return (
    <Layout
      ctx={ctx}
      title={title}
      nav="data"
      crumbs={[
        { label: 'Datawerkplaats', href: href(ctx, '/datawerkplaats') },
        { label: 'Vergelijken' },
      ]}
    >
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        Kies twee tot vier gebieden: gemeenten, wijken of de hele regio. U ziet hun cijfers naast
        elkaar, voor de nieuwste periode waarin alle gebieden een cijfer hebben. Cijfers over te
        weinig mensen laten we niet zien.
      </p>
      <ErrorSummary errors={form.errors} />
      {form.codes.length === 1 && Object.keys(form.errors).length === 0 ? (
        <p class="utrecht-paragraph" role="status">
          Kies nog minstens één gebied om mee te vergelijken.
        </p>
      ) : null}
      <PickForm ctx={ctx} form={form} choices={choices} />
      {comparison && single ? (
        <OneIndicator ctx={ctx} comparison={comparison} row={single} />
      ) : null}
      {comparison && !single ? <AllIndicators ctx={ctx} comparison={comparison} /> : null}
      {csv ? (
        <p class="utrecht-paragraph">
          Downloaden:{' '}
          <a class="utrecht-link" href={csv}>
            deze cijfers, alle periodes (CSV)
          </a>
          .
        </p>
      ) : null}
    </Layout>
  );
}
