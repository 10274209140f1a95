/**
 * Comparing two to four areas: per indicator their figures side by side for the newest period
 * they all have, and each area's trend. The figures come from the indicators module, already
 * through disclosure control; a hidden figure is shown as hidden and nothing is computed from it.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import { AREA_CODE, type Area } from '../areas/index.js';
import {
  figuresForAreas,
  type IndicatorSummary,
  indicatorsWithFiguresAt,
  type Measurement,
  periodToYear,
  regionAreas,
} from '../indicators/index.js';
import {
  byPeriod,
  figuresOfIndicator,
  findIndicator,
  referenceAreas,
  type Scope,
} from './trend.service.js';

type Db = Kysely<Database>;

/** More than four lines or columns stop being readable, on a phone above all. */
export const MAX_COMPARE = 4;
const ALL_LEVELS = [
  'land',
  'provincie',
  'ggd-regio',
  'zorgkantoorregio',
  'gemeente',
  'wijk',
  'buurt',
];

/** The query string as it arrives: `gebied` repeated (empty selects send ""), `cijfer` once. */
export const CompareQuery = z.object({
  gebied: z.array(z.string().max(40)).max(200),
  cijfer: z
    .string()
    .regex(/^[a-z0-9-]{0,80}$/)
    .optional(),
});
export type CompareQuery = z.infer<typeof CompareQuery>;

/** What the user picked, with a Dutch message per field that is wrong (keyed by field id). */
export type CompareSelection = {
  /** The codes as given (empty selects dropped), to show them again in the form. */
  codes: string[];
  areas: Area[];
  errors: Record<string, string>;
};

/** Checks the chosen area codes: known, different, at most four. Changes nothing. */
export function checkSelection(given: string[], areas: Map<string, Area>): CompareSelection {
  const codes = given.map((c) => c.trim()).filter((c) => c !== '');
  const errors: Record<string, string> = {};
  const chosen: Area[] = [];
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    const field = `gebied-${i + 1}`;
    const area = areas.get(code);
    if (!AREA_CODE.test(code)) errors[field] = `Gebied ${i + 1} is geen gebiedscode.`;
    else if (!area) errors[field] = `Een gebied met code ${code} kennen we niet.`;
    else if (seen.has(code))
      errors[field] = `U koos ${area.name} twee keer. Kies steeds een ander gebied.`;
    else chosen.push(area);
    seen.add(code);
  });
  if (codes.length > MAX_COMPARE)
    errors[`gebied-${MAX_COMPARE + 1}`] =
      `U koos ${codes.length} gebieden. U kunt er hoogstens ${MAX_COMPARE} tegelijk vergelijken. Haal er ${codes.length - MAX_COMPARE} weg.`;
  return { codes, areas: chosen, errors };
}

/** The areas a form offers, grouped: region and country, gemeenten, the wijken per gemeente. */
export function areaChoices(areas: Map<string, Area>, regionAreaCode: string) {
  const byName = (a: Area, b: Area) => a.name.localeCompare(b.name, 'nl');
  const gemeenten = [...areas.values()].filter((a) => a.level === 'gemeente').sort(byName);
  return [
    { label: 'Regio en land', areas: referenceAreas(areas, regionAreaCode) },
    { label: 'Gemeenten', areas: gemeenten },
    ...gemeenten.map((g) => ({
      label: `Wijken in ${g.name}`,
      areas: [...areas.values()]
        .filter((a) => a.level === 'wijk' && a.parentCode === g.code)
        .sort(byName),
    })),
  ].filter((group) => group.areas.length > 0);
}

/**
 * Everything the compare form needs: the areas and the indicators with any figures, kept until
 * the data changes (every compare page shows the form).
 */
export async function compareChoices(db: Db, scope: Scope) {
  const key = `compare-indicators:${scope.regionId}:${scope.regionAreaCode}:${scope.publicOnly}`;
  const [areas, indicators] = await Promise.all([
    regionAreas(db, scope.regionId),
    memoByDataVersion(db, key, () => indicatorsWithFiguresAt(db, scope, ALL_LEVELS)),
  ]);
  return {
    areas,
    groups: areaChoices(areas, scope.regionAreaCode),
    indicators: [...indicators].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  };
}

export type CompareCell = {
  area: Area;
  /** The figure of the common period, or (without one) the area's newest measured figure. */
  figure: Measurement | undefined;
  /** Every figure of this area, oldest first, projections included (flagged). */
  series: Measurement[];
};
export type CompareRow = {
  indicator: IndicatorSummary;
  /** The newest measured period every area has a figure for (shown or hidden). */
  period: string | undefined;
  cells: CompareCell[];
};

/** The newest period (no projections) in which every area has a figure, shown or hidden. */
export function commonPeriod(figures: Measurement[], areaCodes: string[]): string | undefined {
  const measured = figures.filter((m) => !m.isProjection);
  const periods = [...new Set(measured.map((m) => m.period))].sort(
    (a, b) => periodToYear(b) - periodToYear(a),
  );
  return periods.find((p) =>
    areaCodes.every((code) => measured.some((m) => m.areaCode === code && m.period === p)),
  );
}

function compareRow(
  indicator: IndicatorSummary,
  figures: Measurement[],
  areas: Area[],
): CompareRow {
  const period = commonPeriod(
    figures,
    areas.map((a) => a.code),
  );
  return {
    indicator,
    period,
    cells: areas.map((area) => {
      const series = figures.filter((m) => m.areaCode === area.code).sort(byPeriod);
      const measured = series.filter((m) => !m.isProjection);
      return {
        area,
        figure: period ? measured.find((m) => m.period === period) : measured.at(-1),
        series,
      };
    }),
  };
}

/**
 * The comparison of 2–4 checked areas: one indicator, or (without one) every indicator that has
 * a measured figure for at least one of them, by name.
 */
export async function compareAreas(
  db: Db,
  scope: Scope,
  selection: { areas: Area[]; indicatorCode?: string },
) {
  const only = selection.indicatorCode
    ? await findIndicator(db, scope, selection.indicatorCode)
    : undefined;
  if (selection.indicatorCode && !only) return err('IndicatorNotFound' as const);
  // One indicator: its own figures only; every indicator: all figures of these areas at once.
  const figures = only
    ? (await figuresOfIndicator(db, scope, only.id, selection.areas)).map((m) => ({
        indicator: only,
        m,
      }))
    : await figuresForAreas(
        db,
        scope,
        selection.areas.map((a) => a.code),
      );
  const byIndicator = new Map<number, { indicator: IndicatorSummary; figures: Measurement[] }>();
  for (const { indicator, m } of figures) {
    if (only && indicator.id !== only.id) continue;
    const entry = byIndicator.get(indicator.id) ?? { indicator, figures: [] };
    entry.figures.push(m);
    byIndicator.set(indicator.id, entry);
  }
  const entries = only
    ? [{ indicator: only, figures: byIndicator.get(only.id)?.figures ?? [] }]
    : [...byIndicator.values()]
        .filter((e) => e.figures.some((m) => !m.isProjection))
        .sort((a, b) => a.indicator.name.localeCompare(b.indicator.name, 'nl'));
  return ok({
    areas: selection.areas,
    indicator: only,
    rows: entries.map((e) => compareRow(e.indicator, e.figures, selection.areas)),
  });
}

export type Comparison = Extract<Awaited<ReturnType<typeof compareAreas>>, { ok: true }>['value'];
