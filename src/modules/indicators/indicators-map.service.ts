/**
 * Figures for maps, read per indicator and period instead of the indicator's whole history, and
 * shown through the same presenter as every other output (toMeasurement: the stored disclosure
 * decision, the backstop, rounding per source), so a map hides exactly what pages and exports hide.
 */
import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { AreaLevel, Database } from '../../db/schema.js';
import { type Area, areaIndex } from '../areas/index.js';
import { type Measurement, toMeasurement } from './indicators.service.js';
import * as repo from './indicators-map.repository.js';
import * as jsonRepo from './indicators-map-json.repository.js';

type Db = Kysely<Database>;
type Scope = { regionId: number };

/**
 * The region's areas by code, kept until the data changes (every area import bumps the data
 * version). A national set has 18 000 areas: reading them per request would cost more than the
 * figures themselves.
 */
export function regionAreas(db: Db, regionId: number): Promise<Map<string, Area>> {
  return memoByDataVersion(db, `region-areas:${regionId}`, () => areaIndex(db, regionId));
}

/** Whether `ancestor` is one of the areas above `area` (parent, grandparent, …). */
export function isInside(area: Area, ancestor: string, areas: Map<string, Area>): boolean {
  let parent = area.parentCode;
  for (let depth = 0; parent && depth < 10; depth++) {
    if (parent === ancestor) return true;
    parent = areas.get(parent)?.parentCode ?? null;
  }
  return false;
}

/** Which levels and periods an indicator has figures for, kept until the data changes. */
export function figureCoverage(
  db: Db,
  scope: Scope,
  indicatorId: number,
  levels: readonly AreaLevel[],
): Promise<Array<{ level: AreaLevel; period: string }>> {
  const key = `figure-coverage:${scope.regionId}:${indicatorId}:${levels.join(',')}`;
  return memoByDataVersion(db, key, () =>
    repo.listFigureCoverage(db, scope.regionId, indicatorId, levels),
  );
}

/**
 * The areas of `level`; with `codes`, only those (a map inside one area: its caller already
 * knows which areas of the level lie inside).
 */
type LevelQuery = {
  indicatorId: number;
  period: string;
  level: AreaLevel;
  codes?: readonly string[];
};

const levelFilter = (scope: Scope, query: LevelQuery): repo.FigureFilter => ({
  regionId: scope.regionId,
  ...query,
});

/**
 * One indicator's figures in one period for the areas of `level` (only `codes` when given);
 * areas without a figure are simply absent.
 */
export async function figuresAtLevel(
  db: Db,
  scope: Scope,
  query: LevelQuery,
): Promise<Measurement[]> {
  const [areas, rows] = await Promise.all([
    regionAreas(db, scope.regionId),
    repo.listFiguresAt(db, levelFilter(scope, query)),
  ]);
  return rows.map((row) => toMeasurement(row, areas));
}

/**
 * The same figures as `figuresAtLevel`, as JSON made by PostgreSQL from each row's shown figure
 * (the map API; see indicators-map-json.repository.ts); a whole level read in parts side by side
 * when `splitAt` cuts its code range.
 */
export function figuresJsonAtLevel(
  db: Db,
  scope: Scope,
  query: LevelQuery,
  splitAt: readonly string[] = [],
): Promise<string> {
  return jsonRepo.figuresJsonInParts(db, levelFilter(scope, query), splitAt);
}

/** One indicator's figures in one period for these areas (references, parents, roll-ups). */
export async function figuresOfAreas(
  db: Db,
  scope: Scope,
  query: { indicatorId: number; period: string; codes: readonly string[] },
): Promise<Measurement[]> {
  const areas = await regionAreas(db, scope.regionId);
  const rows = await repo.listFiguresAt(db, {
    regionId: scope.regionId,
    indicatorId: query.indicatorId,
    period: query.period,
    codes: query.codes,
  });
  return rows.map((row) => toMeasurement(row, areas));
}

/** Codes of the areas of `level` that have a figure (shown or hidden) in this period. */
export function areasWithFigures(
  db: Db,
  scope: Scope,
  query: { indicatorId: number; period: string; level: AreaLevel },
): Promise<string[]> {
  return repo.listAreasWithFigures(db, { regionId: scope.regionId, ...query });
}
