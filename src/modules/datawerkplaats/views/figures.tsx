/** Small pieces the trend, compare and ranking pages share: a figure as text, its labels, links. */
import type { Child } from 'hono/jsx';
import { href, type PageContext } from '../../../web/context.js';
import { formatValue, type Measurement } from '../../indicators/index.js';

type Unit = { unit: string; decimals: number };

/** The figure as shown: its value, or why there is none ("te weinig waarnemingen …"). */
export function figureText(m: Measurement | undefined, unit: Unit): string {
  if (!m) return 'geen cijfer';
  return m.value === null ? (m.missingReason ?? 'geen cijfer') : formatValue(m.value, unit);
}

/** The labels that travel with a figure: a projection, or example data. */
export function FigureFlags({ m }: { m: Measurement | undefined }) {
  if (!m) return null;
  return (
    <>
      {m.isProjection ? <span class="marke-tag"> prognose</span> : null}
      {m.isDemo ? <span class="marke-tag"> voorbeelddata</span> : null}
    </>
  );
}

/** The trend page of one indicator in one area. */
export function trendHref(ctx: PageContext, indicatorCode: string, areaCode: string): string {
  return href(ctx, `/datawerkplaats/trend/${indicatorCode}/${areaCode}`);
}

/** The compare page with these areas (and this indicator) already chosen. */
export function compareHref(ctx: PageContext, areaCodes: string[], indicatorCode?: string): string {
  const params = new URLSearchParams();
  for (const code of areaCodes) params.append('gebied', code);
  if (indicatorCode) params.set('cijfer', indicatorCode);
  const query = params.toString();
  return href(ctx, `/datawerkplaats/vergelijk${query ? `?${query}` : ''}`);
}

/**
 * A table that may scroll sideways on a phone. It has no links to stop at, so the scroll area
 * itself takes keyboard focus (with a name) and can be scrolled with the arrow keys.
 */
export function ScrollTable({ label, children }: { label: string; children: Child }) {
  return (
    // A named section is a region landmark: screen readers say what the focused area holds.
    <section class="marke-table-wrap" tabindex={0} aria-label={label}>
      {children}
    </section>
  );
}

/** A chart point: x is the period as a year (2024.5 for the whole of 2024). */
export function chartPoints(figures: Measurement[], toYear: (period: string) => number) {
  // Hidden figures and projections get no point: the table says why.
  return figures
    .filter((m) => m.value !== null && !m.isProjection)
    .map((m) => ({ x: toYear(m.period), label: m.period, value: m.value ?? 0 }));
}

/** The form the map table's checkboxes belong to (by their form attribute: no nesting needed). */
const COMPARE_FORM = 'vergelijk-formulier';

/** The column heads of CompareCells. */
export function CompareHeaders() {
  return (
    <>
      <th class="utrecht-table__header-cell" scope="col">
        Alle periodes
      </th>
      <th class="utrecht-table__header-cell" scope="col">
        Vergelijk
      </th>
    </>
  );
}

/** Sends the checked areas of a map table to the compare page, with the map's indicator. */
export function CompareButton({ ctx, indicatorCode }: { ctx: PageContext; indicatorCode: string }) {
  return (
    <form id={COMPARE_FORM} method="get" action={href(ctx, '/datawerkplaats/vergelijk')}>
      <input type="hidden" name="cijfer" value={indicatorCode} />
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        Vergelijk de aangevinkte gebieden (2 tot 4)
      </button>
    </form>
  );
}

const PLURALS: Record<string, string> = {
  gemeente: 'gemeenten',
  wijk: 'wijken',
  buurt: 'buurten',
};

/** "gemeenten", "wijken", "buurten". */
export const levelPlural = (level: string) => PLURALS[level] ?? level;

/** Links to an area's trend and a checkbox to compare it (issue 4 §3), for areas with a figure. */
export function CompareCells({
  ctx,
  indicatorCode,
  row,
}: {
  ctx: PageContext;
  indicatorCode: string;
  row: { code: string; name: string; measurement: Measurement | undefined };
}) {
  if (!row.measurement)
    return (
      <>
        <td class="utrecht-table__cell">–</td>
        <td class="utrecht-table__cell">–</td>
      </>
    );
  const id = `vergelijk-${row.code}`;
  return (
    <>
      <td class="utrecht-table__cell">
        <a class="utrecht-link" href={trendHref(ctx, indicatorCode, row.code)}>
          trend<span class="marke-visually-hidden"> van {row.name}</span>
        </a>
      </td>
      <td class="utrecht-table__cell">
        <input
          class="utrecht-checkbox"
          type="checkbox"
          name="gebied"
          value={row.code}
          id={id}
          form={COMPARE_FORM}
        />
        <label for={id} class="marke-visually-hidden">
          Vergelijk {row.name}
        </label>
      </td>
    </>
  );
}
