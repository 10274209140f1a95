/**
 * The trend of one indicator in one area: every period, next to the gemeente it lies in and the
 * region's figure. Figures come from the indicators module, already through disclosure control:
 * a hidden figure stays a row without a value, and nothing here is computed from it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import type { Area } from '../areas/index.js';
import {
  figureCoverage,
  figuresOfAreas,
  type IndicatorSummary,
  listIndicatorSummaries,
  type Measurement,
  periodToYear,
  regionAreas,
} from '../indicators/index.js';
import { REFERENCE_LEVELS } from './map.service.js';

type Db = Kysely<Database>;
export type Scope = { regionId: number; regionAreaCode: string; publicOnly: boolean };

/** One area's figures of one indicator, oldest period first (projections included, flagged). */
export type TrendLine = {
  area: Area;
  role: 'area' | 'parent' | 'reference';
  figures: Measurement[];
};

/** Oldest first, the order of a time axis. */
export const byPeriod = (a: { period: string }, b: { period: string }) =>
  periodToYear(a.period) - periodToYear(b.period);

/**
 * The areas a figure is compared with, closest first: the region's own area, then its GGD
 * region, zorgkantoorregio and the country.
 */
export function referenceAreas(areas: Map<string, Area>, regionAreaCode: string): Area[] {
  return [...areas.values()]
    .filter((a) => REFERENCE_LEVELS.includes(a.level))
    .sort(
      (a, b) =>
        Number(b.code === regionAreaCode) - Number(a.code === regionAreaCode) ||
        REFERENCE_LEVELS.indexOf(a.level) - REFERENCE_LEVELS.indexOf(b.level) ||
        a.name.localeCompare(b.name, 'nl'),
    );
}

/** The public indicator with this code, or undefined. */
export async function findIndicator(
  db: Db,
  scope: Scope,
  code: string,
): Promise<IndicatorSummary | undefined> {
  return (await listIndicatorSummaries(db, scope)).find((i) => i.code === code);
}

/**
 * Every figure of one indicator for these areas, all periods: read period by period through the
 * map's index (indicator, period, area), so a trend costs a few small reads, not the whole set.
 */
export async function figuresOfIndicator(
  db: Db,
  scope: Scope,
  indicatorId: number,
  areas: Area[],
): Promise<Measurement[]> {
  const levels = [...new Set(areas.map((a) => a.level))];
  const coverage = await figureCoverage(db, scope, indicatorId, levels);
  const periods = [...new Set(coverage.map((c) => c.period))];
  const codes = areas.map((a) => a.code);
  const lists = await Promise.all(
    periods.map((period) => figuresOfAreas(db, scope, { indicatorId, period, codes })),
  );
  return lists.flat().sort(byPeriod);
}

/** Why a trend page cannot be shown: the route turns these into Dutch 404 messages. */
export type TrendError = 'IndicatorNotFound' | 'AreaNotFound' | 'NoFigures';

/**
 * Every period of one indicator in one area, with the gemeente (for a wijk or buurt) and the
 * closest reference area that has figures of this indicator, as lines for a chart and a table.
 */
export async function areaTrend(db: Db, scope: Scope, indicatorCode: string, areaCode: string) {
  const indicator = await findIndicator(db, scope, indicatorCode);
  if (!indicator) return err<TrendError>('IndicatorNotFound');
  const areas = await regionAreas(db, scope.regionId);
  const area = areas.get(areaCode);
  if (!area) return err<TrendError>('AreaNotFound');
  const up = area.parentCode ? areas.get(area.parentCode) : undefined;
  const parent = up && (up.level === 'gemeente' || up.level === 'wijk') ? up : undefined;
  const references = referenceAreas(areas, scope.regionAreaCode).filter(
    (a) => a.code !== area.code,
  );
  const figures = await figuresOfIndicator(db, scope, indicator.id, [
    area,
    ...(parent ? [parent] : []),
    ...references,
  ]);
  const of = (code: string) => figures.filter((m) => m.areaCode === code);
  if (of(area.code).length === 0) return err<TrendError>('NoFigures');
  const reference = references.find((a) => of(a.code).length > 0);
  const lines: TrendLine[] = [
    { area, role: 'area', figures: of(area.code) },
    ...(parent && of(parent.code).length > 0
      ? [{ area: parent, role: 'parent' as const, figures: of(parent.code) }]
      : []),
    ...(reference
      ? [{ area: reference, role: 'reference' as const, figures: of(reference.code) }]
      : []),
  ];
  // Every period of any line, so the table holds exactly what the chart draws.
  const periods = [...new Set(lines.flatMap((l) => l.figures.map((m) => m.period)))].sort((a, b) =>
    byPeriod({ period: a }, { period: b }),
  );
  return ok({ indicator, area, parent, lines, periods });
}

export type AreaTrend = Extract<Awaited<ReturnType<typeof areaTrend>>, { ok: true }>['value'];
