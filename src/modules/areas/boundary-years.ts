/**
 * Boundary years: which boundary set a period's figures belong to, which codes of a figure set
 * have no boundary in that year (a code that changed is reported, never joined by guesswork),
 * and which codes were added or dropped between the boundary years of a level.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import * as repo from './areas.repository.js';
import { areaIndex } from './areas.service.js';
import {
  AREA_LEVEL_NAMES,
  AREA_LEVELS,
  type Area,
  type AreaLevel,
  levelOfCode,
} from './areas.types.js';

type Db = Kysely<Database>;

/** Periods as the indicators use them: 2024, 2024-H1, 2024-Q3, 2024-05. */
const PERIOD = /^([0-9]{4})(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

/** The calendar year of a period (2024-Q3 → 2024), or undefined when it is no period. */
export function periodYear(period: string): number | undefined {
  const match = PERIOD.exec(period);
  return match ? Number(match[1]) : undefined;
}

/**
 * The boundary year figures of `year` are drawn on: the latest boundary year not after it, or
 * the earliest one when the figures are older than every boundary set. Years in any order.
 */
export function boundaryYearFor(years: readonly number[], year: number): number | undefined {
  const sorted = [...years].sort((a, b) => b - a);
  return sorted.find((y) => y <= year) ?? sorted.at(-1);
}

/** One boundary without its geometry, as `listBoundaryCodes` reads it. */
export type BoundaryCode = {
  level: string;
  year: number;
  area_code: string;
  name: string;
  source: string;
};

/** A figure's area and period, as an import or a table holds them. */
export type AreaPeriod = { areaCode: string; period: string };

/** A figure whose code has no boundary in the boundary year of its period. */
export type BoundaryGap<R extends AreaPeriod = AreaPeriod> = {
  row: R;
  level: AreaLevel;
  /** The boundary year the period maps to. */
  year: number;
  /** Other boundary years of the level that do have this code, oldest first. */
  otherYears: number[];
  /** Whether the region knows the code as an area (its own or a national layer's). */
  knownArea: boolean;
};

/** Boundary codes per level and year: level → year → codes. */
function codesByLevelYear(boundaries: readonly BoundaryCode[]) {
  const index = new Map<string, Map<number, Set<string>>>();
  for (const b of boundaries) {
    const years = index.get(b.level) ?? new Map<number, Set<string>>();
    index.set(b.level, years);
    years.set(b.year, (years.get(b.year) ?? new Set<string>()).add(b.area_code));
  }
  return index;
}

/**
 * The pure rule behind `boundaryGaps`: rows whose level has boundaries but whose code is not
 * among the boundaries of the year its period maps to. The level comes from the area or, for a
 * code the region does not know, from the code's prefix. Rows whose period is no period are
 * left to the caller's own checks.
 */
export function findBoundaryGaps<R extends AreaPeriod>(
  rows: readonly R[],
  boundaries: readonly BoundaryCode[],
  areas: ReadonlyMap<string, Pick<Area, 'level'>>,
): Array<BoundaryGap<R>> {
  const index = codesByLevelYear(boundaries);
  const gaps: Array<BoundaryGap<R>> = [];
  for (const row of rows) {
    const level = areas.get(row.areaCode)?.level ?? levelOfCode(row.areaCode);
    const periodInYear = periodYear(row.period);
    const years = level ? index.get(level) : undefined;
    if (!level || periodInYear === undefined || !years) continue;
    const year = boundaryYearFor([...years.keys()], periodInYear);
    if (year === undefined || years.get(year)?.has(row.areaCode)) continue;
    const otherYears = [...years]
      .filter(([, codes]) => codes.has(row.areaCode))
      .map(([y]) => y)
      .sort((a, b) => a - b);
    gaps.push({ row, level, year, otherYears, knownArea: areas.has(row.areaCode) });
  }
  return gaps;
}

/**
 * Rows (area code + period, e.g. from a measurement import) whose code does not exist in the
 * boundary year of their period, so an import can ask whether the code changed instead of
 * silently keeping a figure that no map can draw. One query for any number of rows.
 */
export async function boundaryGaps<R extends AreaPeriod>(
  db: Db,
  regionId: number,
  rows: readonly R[],
): Promise<Array<BoundaryGap<R>>> {
  if (rows.length === 0) return [];
  const [boundaries, areas] = await Promise.all([
    repo.listBoundaryCodes(db, regionId),
    areaIndex(db, regionId, { national: true }),
  ]);
  return findBoundaryGaps(rows, boundaries, areas);
}

/** The Dutch sentence an import shows for a gap. */
export function boundaryGapMessage(gap: BoundaryGap): string {
  const elsewhere =
    gap.otherYears.length > 0 ? ` Die code staat wel in ${joinYears(gap.otherYears)}.` : '';
  return `${gap.row.areaCode} bestaat niet in de gebiedsindeling van ${gap.year} (${AREA_LEVEL_NAMES[gap.level]}); is de code veranderd?${elsewhere}`;
}

function joinYears(years: number[]): string {
  const last = years.at(-1);
  return years.length > 1 ? `${years.slice(0, -1).join(', ')} en ${last}` : String(last);
}

export type CodeName = { code: string; name: string };

/** One level's boundary years and what changed between each year and the next. */
export type LevelBoundaryYears = {
  level: AreaLevel;
  years: Array<{ year: number; count: number; sources: string[] }>;
  changes: Array<{ from: number; to: number; added: CodeName[]; removed: CodeName[] }>;
  /** The region's own areas of this level that have boundaries (GGD Drenthe in a national layer). */
  own: CodeName[];
  /** Whether the level holds areas outside the region (a national layer). */
  national: boolean;
};

/**
 * The pure rule behind `boundaryYearChanges`: per level (country first) its boundary years,
 * and per pair of consecutive years the codes only in the later year (added) or only in the
 * earlier one (removed).
 */
export function compareBoundaryYears(
  boundaries: readonly BoundaryCode[],
  areas: ReadonlyMap<string, Pick<Area, 'name' | 'inRegion'>>,
): LevelBoundaryYears[] {
  const byLevel = new Map<string, BoundaryCode[]>();
  for (const b of boundaries) byLevel.set(b.level, [...(byLevel.get(b.level) ?? []), b]);
  const nameOf = (b: BoundaryCode) => areas.get(b.area_code)?.name ?? b.name;
  return AREA_LEVELS.filter((level) => byLevel.has(level)).map((level) => {
    const rows = byLevel.get(level) ?? [];
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const inYear = (year: number) =>
      new Map(rows.filter((r) => r.year === year).map((r) => [r.area_code, r]));
    const onlyIn = (a: Map<string, BoundaryCode>, b: Map<string, BoundaryCode>) =>
      [...a.values()]
        .filter((r) => !b.has(r.area_code))
        .map((r) => ({ code: r.area_code, name: nameOf(r) }));
    const own = new Map<string, CodeName>();
    for (const r of rows)
      if (areas.get(r.area_code)?.inRegion)
        own.set(r.area_code, { code: r.area_code, name: nameOf(r) });
    return {
      level,
      years: years.map((year) => {
        const set = rows.filter((r) => r.year === year);
        return { year, count: set.length, sources: [...new Set(set.map((r) => r.source))] };
      }),
      changes: years.slice(1).map((to, i) => {
        const from = years[i] ?? to;
        const [before, after] = [inYear(from), inYear(to)];
        return { from, to, added: onlyIn(after, before), removed: onlyIn(before, after) };
      }),
      own: [...own.values()].sort((a, b) => a.code.localeCompare(b.code)),
      national: rows.some((r) => areas.get(r.area_code)?.inRegion === false),
    };
  });
}

/** Per level the boundary years, their sizes and sources, and the codes added or removed. */
export async function boundaryYearChanges(db: Db, regionId: number): Promise<LevelBoundaryYears[]> {
  const [boundaries, areas] = await Promise.all([
    repo.listBoundaryCodes(db, regionId),
    areaIndex(db, regionId, { national: true }),
  ]);
  return compareBoundaryYears(boundaries, areas);
}
