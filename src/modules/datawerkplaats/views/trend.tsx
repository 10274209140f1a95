/** The trend of one indicator in one area: a line chart, the same figures in a table, downloads. */
import { ChartLegend, LineChart } from '../../../web/charts.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { periodToYear } from '../../indicators/index.js';
import { MAP_LEVELS } from '../map.service.js';
import type { AreaTrend } from '../trend.service.js';
import { chartPoints, compareHref, FigureFlags, figureText, ScrollTable } from './figures.js';
import { levelName } from './map.js';

const PROFILE_LEVELS = new Set(['gemeente', 'wijk', 'buurt']);

function trendTitle(trend: AreaTrend): string {
  return `${trend.indicator.name} in ${trend.area.name}, per periode`;
}

function chartSeries(trend: AreaTrend) {
  return trend.lines
    .map((line) => ({ name: line.area.name, points: chartPoints(line.figures, periodToYear) }))
    .filter((s) => s.points.length > 0);
}

/** Every source the figures name, once, for the caption and the SVG file. */
function sources(trend: AreaTrend): string {
  return [...new Set(trend.lines.flatMap((l) => l.figures.map((m) => m.source)))].join('; ');
}

function chartDescription(trend: AreaTrend, names: string[]): string {
  return `Lijn per gebied: ${names.join(', ')}. Periodes: ${trend.periods.join(', ')}. Prognoses en verborgen cijfers (te weinig waarnemingen) hebben geen punt. Bron: ${sources(trend)}.`;
}

/** The chart as a file of its own, with its title, the areas and the sources in the description. */
export function TrendSvg({ trend }: { trend: AreaTrend }) {
  const series = chartSeries(trend);
  return (
    <LineChart
      id="trend"
      title={trendTitle(trend)}
      description={chartDescription(
        trend,
        series.map((s) => s.name),
      )}
      series={series}
      unit={trend.indicator.unit}
      decimals={trend.indicator.decimals}
      standalone
    />
  );
}

function TrendTable({ trend }: { trend: AreaTrend }) {
  const { indicator, lines, periods } = trend;
  return (
    <ScrollTable label={`Tabel: ${trendTitle(trend)}`}>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{trendTitle(trend)}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Periode
            </th>
            {lines.map((line) => (
              <th class="utrecht-table__header-cell" scope="col">
                {line.area.name}
                {line.role === 'area' ? '' : ` (${levelName(line.area.level)})`}
              </th>
            ))}
            <th class="utrecht-table__header-cell" scope="col">
              Bron
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {periods.map((period) => {
            const cells = lines.map((l) => l.figures.find((m) => m.period === period));
            return (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {period}
                </th>
                {cells.map((m) => (
                  <td class="utrecht-table__cell">
                    {figureText(m, indicator)}
                    <FigureFlags m={m} />
                  </td>
                ))}
                <td class="utrecht-table__cell">{cells.find((m) => m)?.source ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function TrendPage({ ctx, trend }: { ctx: PageContext; trend: AreaTrend }) {
  const { indicator, area } = trend;
  const title = trendTitle(trend);
  const series = chartSeries(trend);
  const onMap = (MAP_LEVELS as readonly string[]).includes(area.level);
  const mapQuery = `niveau=${area.level}${trend.parent ? `&binnen=${trend.parent.code}` : ''}`;
  const base = `/datawerkplaats/trend/${indicator.code}/${area.code}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      nav="data"
      crumbs={[
        { label: 'Datawerkplaats', href: href(ctx, '/datawerkplaats') },
        ...(PROFILE_LEVELS.has(area.level)
          ? [{ label: area.name, href: href(ctx, `/datawerkplaats/gebied/${area.code}`) }]
          : []),
        { label: indicator.name },
      ]}
    >
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        {indicator.description} Hoe veranderde dit in {area.name}? Hier staan alle periodes
        {trend.lines.length > 1
          ? `, naast ${trend.lines
              .slice(1)
              .map((l) => l.area.name)
              .join(' en ')}`
          : ''}
        .
      </p>
      {indicator.is_demo ? (
        <p class="utrecht-paragraph">
          <span class="marke-tag">voorbeelddata</span> Deze cijfers zijn een voorbeeld, geen echte
          metingen.
        </p>
      ) : null}
      {series.length > 0 ? (
        <figure class="marke-figure">
          <LineChart
            id="trend"
            title={title}
            description={chartDescription(
              trend,
              series.map((s) => s.name),
            )}
            series={series}
            unit={indicator.unit}
            decimals={indicator.decimals}
          />
          <ChartLegend names={series.map((s) => s.name)} target={false} />
          <figcaption>Bron: {sources(trend)}. Dezelfde cijfers staan in de tabel.</figcaption>
        </figure>
      ) : (
        <p class="utrecht-paragraph">
          Er is geen getal om te tekenen: elk cijfer van {area.name} is verborgen of een prognose.
          De tabel zegt waarom.
        </p>
      )}
      <TrendTable trend={trend} />
      <p class="utrecht-paragraph marke-muted">
        "Te weinig waarnemingen": dit cijfer gaat over te weinig mensen. We laten het niet zien,
        zodat niemand te herkennen is. "Prognose" is een verwachting, geen meting.
      </p>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={compareHref(ctx, [area.code], indicator.code)}>
            Vergelijk {area.name} met andere gebieden
          </a>
        </li>
        {onMap ? (
          <li>
            <a
              class="utrecht-link"
              href={href(ctx, `/datawerkplaats/kaart/${indicator.code}?${mapQuery}`)}
            >
              Kaart van dit cijfer per {levelName(area.level)}
            </a>
          </li>
        ) : null}
        <li>
          Downloaden:{' '}
          <a class="utrecht-link" href={href(ctx, `${base}.csv`)}>
            tabel (CSV)
          </a>
          {series.length > 0 ? (
            <>
              ,{' '}
              <a class="utrecht-link" href={href(ctx, `${base}.svg`)}>
                grafiek (SVG)
              </a>
            </>
          ) : null}
        </li>
      </ul>
    </Layout>
  );
}
