/**
 * Server-rendered SVG charts: a line chart with a target line, and a sparkline. Scales and path
 * strings come from d3-scale and d3-shape; the page always shows the same figures in a table.
 * Colours are the Okabe–Ito palette (colour-blind safe) via CSS classes; lines also differ in dash.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export type ChartPoint = { x: number; label: string; value: number };
export type ChartSeries = { name: string; points: ChartPoint[] };

/**
 * The series styles of marke.css as SVG attributes, for a chart saved as a file of its own
 * (no stylesheet there): the same Okabe–Ito colours and dashes.
 */
const SERIES_ATTRIBUTES = [
  { colour: '#0072b2', dash: undefined },
  { colour: '#d55e00', dash: '8 4' },
  { colour: '#009e73', dash: '2 3' },
  { colour: '#cc79a7', dash: '12 3 2 3' },
] as const;

const WIDTH = 560;
const HEIGHT = 220;
const MARGIN = { top: 16, right: 16, bottom: 28, left: 48 };

function domainOf(values: number[], padding = 0.1): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  return [min - span * padding, max + span * padding];
}

// toLocaleString builds a new Intl.NumberFormat on every call (~0.1 ms each); an evidence card
// formats hundreds of numbers, so one formatter per number of decimals is kept.
const dutchFormats = new Map<number, Intl.NumberFormat>();

/** Formats a number the Dutch way with fixed decimals. */
export function formatNumber(value: number, decimals: number): string {
  let format = dutchFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    dutchFormats.set(decimals, format);
  }
  return format.format(value);
}

/**
 * Lines per series over time with an optional target line. `x` is a year as a number (2024.5
 * for the middle of 2024); `label` is what a reader calls the period.
 */
export function LineChart({
  id,
  title,
  description,
  series,
  target,
  unit,
  decimals,
  standalone = false,
}: {
  /** Unique on the page: the title and description are referenced by id. */
  id: string;
  title: string;
  description: string;
  series: ChartSeries[];
  target?: { value: number; label: string; x?: number };
  unit: string;
  decimals: number;
  /** A file of its own (download): the SVG namespace, a size, and styles as attributes. */
  standalone?: boolean;
}) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return null;
  const xs = [...all.map((p) => p.x), ...(target?.x !== undefined ? [target.x] : [])];
  const ys = [...all.map((p) => p.value), ...(target ? [target.value] : [])];
  const [x0, x1] = [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5];
  const y = scaleLinear()
    .domain(domainOf(ys))
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const fmt = (v: number) => `${formatNumber(v, decimals)}${unit === '%' ? '%' : ''}`;
  // Room for the longest axis label ("120.000" needs more than "27%"), at ~7 px per character.
  const left = Math.max(MARGIN.left, 12 + 7 * Math.max(...y.ticks(5).map((t) => fmt(t).length)));
  const x = scaleLinear()
    .domain([x0, x1])
    .range([left, WIDTH - MARGIN.right]);
  const path = line<ChartPoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.value));
  const years = [...new Set(xs.map((v) => Math.floor(v)))].sort((a, b) => a - b);
  const yearTicks =
    years.length > 8 ? years.filter((_, i) => i % Math.ceil(years.length / 8) === 0) : years;
  return (
    <svg
      xmlns={standalone ? 'http://www.w3.org/2000/svg' : undefined}
      width={standalone ? WIDTH : undefined}
      height={standalone ? HEIGHT : undefined}
      font-family={standalone ? 'sans-serif' : undefined}
      font-size={standalone ? '12' : undefined}
      class="marke-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {y.ticks(5).map((t) => (
        <g class="marke-chart-grid">
          <line
            x1={left}
            x2={WIDTH - MARGIN.right}
            y1={y(t)}
            y2={y(t)}
            stroke={standalone ? '#d0d0d0' : undefined}
          />
          <text x={left - 6} y={y(t) + 4} text-anchor="end">
            {fmt(t)}
          </text>
        </g>
      ))}
      {yearTicks.map((year) => (
        <text class="marke-chart-axis" x={x(year + 0.5)} y={HEIGHT - 8} text-anchor="middle">
          {year}
        </text>
      ))}
      {target ? (
        <g class="marke-chart-target">
          <line
            x1={left}
            x2={WIDTH - MARGIN.right}
            y1={y(target.value)}
            y2={y(target.value)}
            stroke={standalone ? '#000' : undefined}
            stroke-dasharray={standalone ? '2 4' : undefined}
          />
          <text x={WIDTH - MARGIN.right} y={y(target.value) - 4} text-anchor="end">
            {target.label}
          </text>
        </g>
      ) : null}
      {series.map((s, i) => {
        const style = standalone ? SERIES_ATTRIBUTES[i % 4] : undefined;
        return (
          <g class={`marke-chart-series marke-chart-series-${i % 4}`}>
            {s.points.length > 1 ? (
              <path
                d={path(s.points) ?? ''}
                fill={style ? 'none' : undefined}
                stroke={style?.colour}
                stroke-width={style ? '2.5' : undefined}
                stroke-dasharray={style?.dash}
              />
            ) : null}
            {s.points.map((p) => (
              <circle cx={x(p.x)} cy={y(p.value)} r="4" fill={style?.colour}>
                <title>{`${s.name}, ${p.label}: ${fmt(p.value)}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
    </svg>
  );
}

/** A tiny trend line for tables; aria-hidden because the row shows the values as text. */
export function Sparkline({ points }: { points: ChartPoint[] }) {
  if (points.length < 2) return null;
  const x = scaleLinear()
    .domain([Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x))])
    .range([2, 78]);
  const y = scaleLinear()
    .domain(
      domainOf(
        points.map((p) => p.value),
        0,
      ),
    )
    .range([18, 2]);
  const d = line<ChartPoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.value))(points);
  return (
    <svg class="marke-sparkline" viewBox="0 0 80 20" width="80" height="20" aria-hidden="true">
      <path d={d ?? ''} />
    </svg>
  );
}

/** The legend under a LineChart: swatches in the same colour and dash as the lines. */
export function ChartLegend({ names, target }: { names: string[]; target: boolean }) {
  return (
    <ul class="marke-chart-legend">
      {names.map((name, i) => (
        <li>
          <svg
            width="28"
            height="10"
            aria-hidden="true"
            class={`marke-chart-series marke-chart-series-${i % 4}`}
          >
            <path d="M0 5 H28" />
          </svg>{' '}
          {name}
        </li>
      ))}
      {target ? (
        <li>
          <svg width="28" height="10" aria-hidden="true" class="marke-chart-target">
            <line x1="0" x2="28" y1="5" y2="5" />
          </svg>{' '}
          streefwaarde
        </li>
      ) : null}
    </ul>
  );
}
