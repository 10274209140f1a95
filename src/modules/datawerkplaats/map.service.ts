/**
 * The data behind a map: one indicator, one level (gemeente, wijk, buurt), one period, optionally
 * only the areas inside one parent. Figures come from the indicators module, already through
 * disclosure control; boundaries from the areas module, in the boundary year of the period.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import { type Area, areaIndex, boundariesForPeriod } from '../areas/index.js';
import { getIndicator, type Measurement, periodToYear } from '../indicators/index.js';

type Db = Kysely<Database>;
type Scope = { regionId: number; regionAreaCode: string; publicOnly: boolean };

export const MAP_LEVELS = ['gemeente', 'wijk', 'buurt'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];
const CHILD_LEVEL: Record<string, MapLevel | undefined> = { gemeente: 'wijk', wijk: 'buurt' };
/**
 * Figures to compare with (maps and profiles), closest first: the region, its GGD region, its
 * zorgkantoorregio, the country. Only the region's own areas carry figures (areaIndex), so the
 * GGD region here is the region's own one, never another of the national layer.
 */
export const REFERENCE_LEVELS = ['provincie', 'ggd-regio', 'zorgkantoorregio', 'land'];

export type MapQuery = { level?: string; period?: string; within?: string; sort?: string };

export type MapRow = {
  code: string;
  name: string;
  measurement: Measurement | undefined;
  drillHref: string | undefined;
};

/** Levels (of the map levels) and periods for which the indicator has figures. */
function coverage(measurements: Measurement[]) {
  const levels = MAP_LEVELS.filter((l) => measurements.some((m) => m.areaLevel === l));
  return { levels };
}

function periodsAt(measurements: Measurement[], level: string): string[] {
  const periods = new Set(measurements.filter((m) => m.areaLevel === level).map((m) => m.period));
  return [...periods].sort((a, b) => periodToYear(b) - periodToYear(a));
}

function inside(area: Area | undefined, within: string | undefined, areas: Map<string, Area>) {
  if (!within) return true;
  let parent = area?.parentCode ?? null;
  while (parent) {
    if (parent === within) return true;
    parent = areas.get(parent)?.parentCode ?? null;
  }
  return false;
}

/**
 * The level below this one, and the areas one can drill into: those with figures of the child
 * level for this same period, when that level has boundaries to draw them on.
 */
async function drillableChildren(
  db: Db,
  regionId: number,
  level: MapLevel,
  period: string,
  measurements: Measurement[],
  areas: Map<string, Area>,
) {
  const child = CHILD_LEVEL[level];
  if (!child) return undefined;
  const parents = new Set(
    measurements
      .filter((m) => m.areaLevel === child && m.period === period)
      .flatMap((m) => areas.get(m.areaCode)?.parentCode ?? []),
  );
  if (parents.size === 0) return undefined;
  const drawable = await boundariesForPeriod(db, regionId, child, periodToYear(period), []);
  return drawable.year === null ? undefined : { level: child, parents };
}

/** Everything a map page, its table and its downloads show. */
export async function mapData(db: Db, scope: Scope, code: string, query: MapQuery) {
  const detail = await getIndicator(db, scope, code);
  if (!detail.ok) return err('NotFound' as const);
  const { indicator, measurements } = detail.value;
  const { levels } = coverage(measurements);
  const level = (query.level ?? levels[0]) as MapLevel | undefined;
  if (!level || !levels.includes(level))
    return err(levels.length ? ('BadLevel' as const) : ('NoAreas' as const));
  const periods = periodsAt(measurements, level);
  const period = query.period ?? periods[0];
  if (!period || !periods.includes(period)) return err('BadPeriod' as const);
  const areas = await areaIndex(db, scope.regionId);
  const withinArea = query.within ? areas.get(query.within) : undefined;
  if (query.within && !withinArea) return err('BadWithin' as const);
  const figures = new Map(
    measurements
      .filter((m) => m.period === period && m.areaLevel === level)
      .filter((m) => inside(areas.get(m.areaCode), query.within, areas))
      .map((m) => [m.areaCode, m]),
  );
  const codes = query.within
    ? [...areas.values()].filter((a) => a.level === level && inside(a, query.within, areas))
    : [...areas.values()].filter((a) => a.level === level);
  const boundaries = await boundariesForPeriod(
    db,
    scope.regionId,
    level,
    periodToYear(period),
    codes.map((a) => a.code),
  );
  const drawn = new Set(boundaries.rows.map((b) => b.area_code));
  const child = await drillableChildren(db, scope.regionId, level, period, measurements, areas);
  const rows: MapRow[] = boundaries.rows.map((b) => ({
    code: b.area_code,
    name: areas.get(b.area_code)?.name ?? b.name,
    measurement: figures.get(b.area_code),
    drillHref: child?.parents.has(b.area_code) ? b.area_code : undefined,
  }));
  const reference = REFERENCE_LEVELS.map((l) =>
    measurements.find((m) => m.areaLevel === l && m.period === period),
  ).find(Boolean);
  return ok({
    indicator,
    level,
    levels,
    period,
    periods,
    within: withinArea,
    withinFigure: withinArea
      ? measurements.find((m) => m.areaCode === withinArea.code && m.period === period)
      : undefined,
    boundaryYear: boundaries.year,
    boundarySource: boundaries.rows[0]?.source ?? null,
    rows,
    geometry: new Map(boundaries.rows.map((b) => [b.area_code, b.geometry])),
    // Figures whose area has no boundary in this year: reported, never joined by guesswork.
    unmatched: [...figures.values()].filter((m) => !drawn.has(m.areaCode)),
    reference,
    childLevel: child?.level,
  });
}
