/**
 * The data behind a map: one indicator, one level (gemeente, wijk, buurt), one period, optionally
 * only the areas inside one parent. Figures come from the indicators module, already through
 * disclosure control, read for this period only (a national buurt map is 14 500 of 9 million
 * rows); boundaries from the areas module, in the boundary year of the period.
 */
import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import { type Area, boundariesForPeriod } from '../areas/index.js';
import {
  areasWithFigures,
  figureCoverage,
  figuresAtLevel,
  figuresJsonAtLevel,
  figuresOfAreas,
  isInside,
  listIndicatorSummaries,
  type Measurement,
  periodToYear,
  regionAreas,
} from '../indicators/index.js';

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

/** The level whose stored figures a map of gemeenten' parts is summed up to (its roll-up). */
export const ROLLUP_LEVEL: Record<MapLevel, 'gemeente' | undefined> = {
  gemeente: undefined,
  wijk: 'gemeente',
  buurt: 'gemeente',
};

const newestFirst = (a: string, b: string) => periodToYear(b) - periodToYear(a);

/** The area and the areas above it, nearest first. */
function lineage(area: Area, areas: Map<string, Area>): Area[] {
  const chain = [area];
  for (let up = areas.get(area.parentCode ?? ''); up && chain.length < 10; ) {
    chain.push(up);
    up = areas.get(up.parentCode ?? '');
  }
  return chain;
}

/** The code of the area of `level` that an area lies in (itself when it is of that level). */
function rollupFinder(areas: Map<string, Area>, level: string | undefined) {
  // Siblings share their roll-up area: looked up once per parent.
  const byParent = new Map<string, string | undefined>();
  return (area: Area): string | undefined => {
    if (!level) return undefined;
    if (area.level === level) return area.code;
    const parent = area.parentCode ?? '';
    if (!byParent.has(parent))
      byParent.set(parent, lineage(area, areas).find((a) => a.level === level)?.code);
    return byParent.get(parent);
  };
}

/**
 * What a map shows, before any figure is read: the indicator, level and period (checked against
 * what has figures), the areas of the level in scope (inside `within`), the gemeenten they roll
 * up to, and the reference areas of the region.
 */
async function mapScope(db: Db, scope: Scope, code: string, query: MapQuery) {
  const indicator = (await listIndicatorSummaries(db, scope)).find((i) => i.code === code);
  if (!indicator) return err('NotFound' as const);
  const coverage = await figureCoverage(db, scope, indicator.id, MAP_LEVELS);
  const levels = MAP_LEVELS.filter((l) => coverage.some((c) => c.level === l));
  const level = (query.level ?? levels[0]) as MapLevel | undefined;
  if (!level || !levels.includes(level))
    return err(levels.length ? ('BadLevel' as const) : ('NoAreas' as const));
  const periods = [...new Set(coverage.filter((c) => c.level === level).map((c) => c.period))].sort(
    newestFirst,
  );
  const period = query.period ?? periods[0];
  if (!period || !periods.includes(period)) return err('BadPeriod' as const);
  const areas = await regionAreas(db, scope.regionId);
  const within = query.within ? areas.get(query.within) : undefined;
  if (query.within && !within) return err('BadWithin' as const);
  const layout = await layoutOf(db, scope, areas, level, within);
  return ok({ indicator, level, levels, period, periods, within, ...layout });
}

/**
 * The layout of a map of `level` (inside `within`): the same for every indicator and period of
 * this level, so a whole level's is kept until the data changes (a map inside one area is worked
 * out each time).
 */
function layoutOf(
  db: Db,
  scope: Scope,
  areas: Map<string, Area>,
  level: MapLevel,
  within: Area | undefined,
) {
  return within
    ? levelLayout(scope, areas, level, within)
    : memoByDataVersion(db, `map-layout:${scope.regionId}:${level}`, async () =>
        levelLayout(scope, areas, level, undefined),
      );
}

/** Figures per part of a whole level the map API reads side by side (a national buurt map: 2). */
const PART_SIZE = 8000;

/** Codes that cut a level's areas into parts of about PART_SIZE (none for a small level). */
export function partCuts(areas: readonly { code: string }[]): string[] {
  const parts = Math.round(areas.length / PART_SIZE);
  if (parts < 2) return [];
  const codes = areas.map((a) => a.code).sort();
  return Array.from({ length: parts - 1 }, (_, i) =>
    String(codes[Math.floor(((i + 1) * codes.length) / parts)]),
  );
}

/**
 * What a map of `level` (inside `within`) shows before any figure: its areas, the gemeenten they
 * roll up to, the reference areas and the codes of all but the level's areas.
 */
function levelLayout(scope: Scope, areas: Map<string, Area>, level: MapLevel, within?: Area) {
  const rollupLevel = ROLLUP_LEVEL[level];
  // One pass over the region's areas (18 000 for the country): the level's areas in scope, the
  // gemeenten (roll-up) and the reference areas.
  const inScope: Area[] = [];
  const rollupAreas: Area[] = within
    ? lineage(within, areas).filter((a) => a.level === rollupLevel)
    : [];
  const references: Area[] = [];
  for (const a of areas.values()) {
    if (a.level === level && (!within || isInside(a, within.code, areas))) inScope.push(a);
    else if (!within && a.level === rollupLevel) rollupAreas.push(a);
    if (REFERENCE_LEVELS.includes(a.level)) references.push(a);
  }
  // The region's own area first (PV22 for Drenthe, NL01 for the country), then closest first.
  references.sort(
    (a, b) =>
      Number(b.code === scope.regionAreaCode) - Number(a.code === scope.regionAreaCode) ||
      REFERENCE_LEVELS.indexOf(a.level) - REFERENCE_LEVELS.indexOf(b.level) ||
      a.name.localeCompare(b.name, 'nl'),
  );
  const otherCodes = [
    ...new Set([
      ...(within ? [within.code] : []),
      ...rollupAreas.map((a) => a.code),
      ...references.map((a) => a.code),
    ]),
  ];
  return {
    inScope,
    rollupLevel,
    rollupAreas,
    references,
    rollupOf: rollupFinder(areas, rollupLevel),
    otherCodes,
    splitAt: within ? [] : partCuts(inScope),
  };
}

type MapScope = Extract<Awaited<ReturnType<typeof mapScope>>, { ok: true }>['value'];

/** Which figures of the level a map reads: inside `within`, the areas mapScope found there. */
const levelQuery = (view: MapScope) => ({
  indicatorId: view.indicator.id,
  period: view.period,
  level: view.level,
  codes: view.within ? view.inScope.map((a) => a.code) : undefined,
});

/** The other figures it reads: of `within`, of the roll-up's gemeenten and of the references. */
const othersQuery = (view: MapScope) => ({
  indicatorId: view.indicator.id,
  period: view.period,
  codes: view.otherCodes,
});

/** The figures of `within`, of the reference and of the roll-up, from the other areas' figures. */
function aroundTheLevel(view: MapScope, others: readonly Measurement[]) {
  const figureOf = new Map(others.map((m) => [m.areaCode, m]));
  return {
    withinFigure: view.within ? figureOf.get(view.within.code) : undefined,
    reference: view.references.map((a) => figureOf.get(a.code)).find((m) => m !== undefined),
    rollup: view.rollupLevel
      ? {
          level: view.rollupLevel,
          areas: view.rollupAreas.map((area) => ({ area, measurement: figureOf.get(area.code) })),
        }
      : undefined,
  };
}

/**
 * The figures of a map without its drawing: the areas of the level (inside `within`), each with
 * its figure (if any) and the gemeente it lies in, the gemeenten's own figures (the roll-up),
 * the figure of `within` and a reference figure of the region (the page and its downloads).
 */
export async function mapFigures(db: Db, scope: Scope, code: string, query: MapQuery) {
  const chosen = await mapScope(db, scope, code, query);
  if (!chosen.ok) return chosen;
  const view = chosen.value;
  const [figures, others] = await Promise.all([
    figuresAtLevel(db, scope, levelQuery(view)),
    figuresOfAreas(db, scope, othersQuery(view)),
  ]);
  const figureOf = new Map(figures.map((m) => [m.areaCode, m]));
  return ok({
    ...view,
    ...aroundTheLevel(view, others),
    /** Every area of the level in scope, with or without a figure. */
    areas: view.inScope.map((area) => ({
      area,
      measurement: figureOf.get(area.code),
      rollupCode: view.rollupOf(area),
    })),
    figures: figureOf,
  });
}

/**
 * The areas of one level (inside `within`) as JSON columns — code, name, parent and the gemeente
 * each lies in — for the map API's clients (ADR 0015): the same for every indicator and period,
 * so a client fetches them once and joins the figures by code. Kept per data version.
 */
export async function levelAreasJson(db: Db, scope: Scope, level: MapLevel, within?: string) {
  const areas = await regionAreas(db, scope.regionId);
  const parent = within === undefined ? undefined : areas.get(within);
  if (within !== undefined && !parent) return err('BadWithin' as const);
  // The areas and gemeenten a map of this level shows, so the two answers always join.
  const make = async () => {
    const { inScope, rollupOf } = await layoutOf(db, scope, areas, level, parent);
    return JSON.stringify({
      level,
      within: parent?.code ?? null,
      areas: {
        area_code: inScope.map((a) => a.code),
        area_name: inScope.map((a) => a.name),
        parent_code: inScope.map((a) => a.parentCode),
        gemeente_code: inScope.map((a) => rollupOf(a) ?? null),
      },
    });
  };
  return ok(
    parent
      ? await make()
      : await memoByDataVersion(db, `level-areas:${scope.regionId}:${level}`, make),
  );
}

/**
 * What the map API sends (ADR 0014, 0015): the same choice and figures as `mapFigures`, the
 * level's figures and the gemeenten' roll-up as JSON made by PostgreSQL from each row's shown
 * figure. The areas themselves (names, gemeenten) come from `levelAreasJson`, once per client
 * instead of with every map.
 */
export async function mapFiguresJson(db: Db, scope: Scope, code: string, query: MapQuery) {
  const chosen = await mapScope(db, scope, code, query);
  if (!chosen.ok) return chosen;
  const view = chosen.value;
  const rollupLevel = view.rollupLevel;
  const [figuresJson, rollupJson, around] = await Promise.all([
    figuresJsonAtLevel(db, scope, levelQuery(view), view.splitAt),
    rollupLevel
      ? figuresJsonAtLevel(db, scope, {
          indicatorId: view.indicator.id,
          period: view.period,
          level: rollupLevel,
          codes: view.within ? view.rollupAreas.map((a) => a.code) : undefined,
        })
      : undefined,
    figuresOfAreas(db, scope, {
      ...othersQuery(view),
      codes: [...(view.within ? [view.within.code] : []), ...view.references.map((a) => a.code)],
    }),
  ]);
  const { withinFigure, reference } = aroundTheLevel(view, around);
  return ok({ ...view, withinFigure, reference, figuresJson, rollupJson });
}

/**
 * The level below this one, and the areas one can drill into: those with figures of the child
 * level for this same period, when that level has boundaries to draw them on.
 */
async function drillableChildren(
  db: Db,
  scope: Scope,
  query: { indicatorId: number; level: MapLevel; period: string },
) {
  const child = CHILD_LEVEL[query.level];
  if (!child) return undefined;
  const areas = await regionAreas(db, scope.regionId);
  const codes = await areasWithFigures(db, scope, { ...query, level: child });
  const parents = new Set(codes.flatMap((c) => areas.get(c)?.parentCode ?? []));
  if (parents.size === 0) return undefined;
  const drawable = await boundariesForPeriod(
    db,
    scope.regionId,
    child,
    periodToYear(query.period),
    [],
  );
  return drawable.year === null ? undefined : { level: child, parents };
}

/** Everything a map page, its table and its downloads show. */
export async function mapData(db: Db, scope: Scope, code: string, query: MapQuery) {
  const view = await mapFigures(db, scope, code, query);
  if (!view.ok) return view;
  const { indicator, level, period, within, figures } = view.value;
  const boundaries = await boundariesForPeriod(
    db,
    scope.regionId,
    level,
    periodToYear(period),
    view.value.areas.map((a) => a.area.code),
  );
  const drawn = new Set(boundaries.rows.map((b) => b.area_code));
  const child = await drillableChildren(db, scope, { indicatorId: indicator.id, level, period });
  const names = new Map(view.value.areas.map((a) => [a.area.code, a.area.name]));
  const rows: MapRow[] = boundaries.rows.map((b) => ({
    code: b.area_code,
    name: names.get(b.area_code) ?? b.name,
    measurement: figures.get(b.area_code),
    drillHref: child?.parents.has(b.area_code) ? b.area_code : undefined,
  }));
  return ok({
    indicator,
    level,
    levels: view.value.levels,
    period,
    periods: view.value.periods,
    within,
    withinFigure: view.value.withinFigure,
    boundaryYear: boundaries.year,
    boundarySource: boundaries.rows[0]?.source ?? null,
    rows,
    geometry: new Map(boundaries.rows.map((b) => [b.area_code, b.geometry])),
    // Figures whose area has no boundary in this year: reported, never joined by guesswork.
    unmatched: [...figures.values()].filter((m) => !drawn.has(m.areaCode)),
    reference: view.value.reference,
    childLevel: child?.level,
  });
}
