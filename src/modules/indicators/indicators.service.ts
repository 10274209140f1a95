/** Reading indicators: with their goals, targets and status, measurements and series per area. */
import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import { type Area, areaIndex, subregionView } from '../areas/index.js';
import {
  DEFAULT_POLICY,
  type DisclosurePolicy,
  roundCell,
  SUPPRESSED_TEXT,
  suppressionReason,
} from '../disclosure/index.js';
import * as repo from './indicators.repository.js';
import { subregionAreaCode } from './indicators.rollups.js';
import { periodToYear, type StatusResult, statusAgainstTarget } from './indicators.status.js';

type Db = Kysely<Database>;
type IndicatorRow = Awaited<ReturnType<typeof repo.listIndicators>>[number];
type MeasurementDbRow = Awaited<ReturnType<typeof repo.listMeasurements>>[number];
type TargetDbRow = Awaited<ReturnType<typeof repo.listTargets>>[number];

const num = (v: string | null): number | null => (v === null ? null : Number(v));

export type Measurement = {
  areaCode: string;
  areaName: string;
  areaLevel: string;
  period: string;
  value: number | null;
  missingReason: string | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  source: string;
  note: string;
  isProjection: boolean;
  isDemo: boolean;
  batch: string | null;
};

export type TargetWithStatus = {
  id: number;
  comparator: TargetDbRow['comparator'];
  kind: TargetDbRow['kind'];
  value: number;
  year: number;
  areaCode: string;
  areaName: string;
  baselinePeriod: string | null;
  source: string;
  note: string;
  status: StatusResult;
};

export type IndicatorSummary = IndicatorRow & {
  goals: Array<{ code: string; contribution: string }>;
  targets: TargetWithStatus[];
  /** The latest value in the main area (the first target's area, else the region's own code). */
  latest: Measurement | undefined;
  /** The main area's series (no projections), oldest first, for sparklines. */
  series: Measurement[];
};

/** Figures based on fewer observations than this are never shown (disclosure control). */
export const MIN_OBSERVATIONS = DEFAULT_POLICY.threshold;

/** Whether a missing value's reason is our own disclosure control (written as "x" in exports). */
export function isSuppressedReason(reason: string | null): boolean {
  return reason?.startsWith(SUPPRESSED_TEXT.primary) ?? false;
}

function tooFew(row: MeasurementDbRow): boolean {
  const n = row.sample_size ?? (row.denominator === null ? null : Number(row.denominator));
  return n !== null && n < (row.source_threshold ?? MIN_OBSERVATIONS);
}

/** The rules of the figure's source (the default rules when it has no catalogue entry). */
function policyOf(row: MeasurementDbRow): DisclosurePolicy {
  return {
    threshold: row.source_threshold ?? MIN_OBSERVATIONS,
    ...(row.source_decimals === null ? {} : { decimals: row.source_decimals }),
    ...(row.source_count_base === null ? {} : { countBase: row.source_count_base }),
  };
}

/** What a figure needs to know about its area: a CBS area, or a HEMA subregion (a roll-up). */
type AreaLabel = Pick<Area, 'name'> & { level: string };

/**
 * The region's areas plus its HEMA subregions, whose figures are roll-ups stored under
 * `hema-<code>` (see indicators.rollups.ts): names and levels for showing figures.
 */
async function displayAreas(db: Db, regionId: number): Promise<Map<string, AreaLabel>> {
  const [areas, view] = await Promise.all([areaIndex(db, regionId), subregionView(db, regionId)]);
  const labels = new Map<string, AreaLabel>(areas);
  for (const s of view.subregions)
    labels.set(subregionAreaCode(s.code), {
      name: `HEMA-subregio ${s.name}`,
      level: 'hema-subregio',
    });
  return labels;
}

/**
 * Every output (pages, API, CSV, round snapshots) reads measurements through here, so a value the
 * disclosure module hid (`measurement.suppressed`, see indicators.disclosure.ts) is hidden
 * everywhere, with its counts and interval, and the reason.
 */
export function toMeasurement(
  row: MeasurementDbRow,
  areas: ReadonlyMap<string, AreaLabel>,
): Measurement {
  // Backstop: a row no decision has touched yet (written by a path that forgot to decide) is
  // still hidden when it rests on too few observations.
  const suppressed = row.suppressed ?? (tooFew(row) ? 'primary' : null);
  const shown = roundCell(
    {
      areaCode: row.area_code,
      value: num(row.value),
      numerator: num(row.numerator),
      denominator: num(row.denominator),
      sampleSize: row.sample_size,
      ciLow: num(row.ci_low),
      ciHigh: num(row.ci_high),
    },
    policyOf(row),
  );
  const hidden = suppressed !== null;
  return {
    areaCode: row.area_code,
    areaName: areas.get(row.area_code)?.name ?? row.area_code,
    areaLevel: areas.get(row.area_code)?.level ?? 'onbekend',
    period: row.period,
    value: hidden ? null : shown.value,
    missingReason: suppressed
      ? suppressionReason(suppressed, policyOf(row).threshold)
      : row.missing_reason,
    numerator: hidden ? null : shown.numerator,
    denominator: hidden ? null : shown.denominator,
    sampleSize: hidden ? null : shown.sampleSize,
    ciLow: hidden ? null : shown.ciLow,
    ciHigh: hidden ? null : shown.ciHigh,
    source: row.source,
    note: row.note,
    isProjection: row.is_projection,
    isDemo: row.is_demo,
    batch: row.batch_filename,
  };
}

/** Real (non-projection) values of one area, oldest first: what a status and trend use. */
export function seriesOf(measurements: Measurement[], areaCode: string): Measurement[] {
  return measurements
    .filter((m) => m.areaCode === areaCode && m.value !== null && !m.isProjection)
    .sort((a, b) => periodToYear(a.period) - periodToYear(b.period));
}

function summarise(
  indicator: IndicatorRow,
  links: Array<{ indicator_id: number; goal_code: string; contribution: string }>,
  targets: TargetDbRow[],
  measurements: Measurement[],
  areas: Map<string, Area>,
  regionAreaCode: string,
  today: Date,
): IndicatorSummary {
  const own = targets.filter((t) => t.indicator_id === indicator.id);
  const withStatus = own.map((t) => {
    const series = seriesOf(measurements, t.area_code);
    return {
      id: t.id,
      comparator: t.comparator,
      kind: t.kind,
      value: Number(t.value),
      year: t.year,
      areaCode: t.area_code,
      areaName: areas.get(t.area_code)?.name ?? t.area_code,
      baselinePeriod: t.baseline_period,
      source: t.source,
      note: t.note,
      status: statusAgainstTarget(
        {
          comparator: t.comparator,
          kind: t.kind,
          value: Number(t.value),
          year: t.year,
          baselinePeriod: t.baseline_period,
        },
        series.map((m) => ({ period: m.period, value: m.value ?? 0 })),
        indicator.direction,
        indicator.decimals,
        today,
      ),
    };
  });
  const mainArea = own[0]?.area_code ?? mainAreaOf(measurements, regionAreaCode);
  const main = measurements.filter((m) => m.areaCode === mainArea && m.value !== null);
  return {
    ...indicator,
    goals: links
      .filter((l) => l.indicator_id === indicator.id)
      .map((l) => ({ code: l.goal_code, contribution: l.contribution })),
    targets: withStatus,
    latest: main.sort((a, b) => periodToYear(a.period) - periodToYear(b.period)).at(-1),
    series: seriesOf(measurements, mainArea),
  };
}

/** The region's own code when it has values; else the first area with values (e.g. NL01). */
function mainAreaOf(measurements: Measurement[], regionAreaCode: string): string {
  if (measurements.some((m) => m.areaCode === regionAreaCode)) return regionAreaCode;
  const ggd = measurements.find((m) => m.areaCode.startsWith('GG'));
  return ggd?.areaCode ?? measurements[0]?.areaCode ?? regionAreaCode;
}

/** Levels whose figures describe the whole region (or the country, for comparison). */
const REGION_WIDE = new Set(['land', 'provincie', 'ggd-regio', 'zorgkantoorregio']);

type Scope = { regionId: number; regionAreaCode: string; publicOnly: boolean; today?: Date };

/** All summaries of a scope, memoised until the data changes (evidence cards share them). */
export function listIndicatorSummaries(db: Db, scope: Scope): Promise<IndicatorSummary[]> {
  const day = (scope.today ?? new Date()).toISOString().slice(0, 10);
  const key = `indicator-summaries:${scope.regionId}:${scope.regionAreaCode}:${scope.publicOnly}:${day}`;
  return memoByDataVersion(db, key, () => computeSummaries(db, scope));
}

/** Summaries of a set of indicators (all of the region's when `only` is absent). */
async function computeSummaries(db: Db, scope: Scope): Promise<IndicatorSummary[]> {
  const indicators = await repo.listIndicators(db, scope.regionId, scope.publicOnly);
  const ids = indicators.map((i) => i.id);
  const [links, targets, areas] = await Promise.all([
    repo.listGoalLinks(db, ids),
    repo.listTargets(db, ids),
    areaIndex(db, scope.regionId),
  ]);
  // A summary needs only its main area: the targets' areas and the region-wide ones. Loading
  // every gemeente and wijk here made evidence cards slow (see BENCHMARKS.md).
  const summaryAreas = [
    ...new Set([
      ...targets.map((t) => t.area_code),
      ...[...areas.values()].filter((a) => REGION_WIDE.has(a.level)).map((a) => a.code),
    ]),
  ];
  const rows = await repo.listMeasurements(db, ids, summaryAreas);
  const byIndicator = new Map<number, Measurement[]>();
  for (const row of rows)
    byIndicator.set(row.indicator_id, [
      ...(byIndicator.get(row.indicator_id) ?? []),
      toMeasurement(row, areas),
    ]);
  return indicators.map((i) =>
    summarise(
      i,
      links,
      targets,
      byIndicator.get(i.id) ?? [],
      areas,
      scope.regionAreaCode,
      scope.today ?? new Date(),
    ),
  );
}

/** Indicators linked to any of these goal codes (plan notation), for goal pages and evidence. */
export async function indicatorsForGoals(db: Db, scope: Scope, goalCodes: string[]) {
  const codes = new Set(goalCodes);
  return (await listIndicatorSummaries(db, scope)).filter((i) =>
    i.goals.some((g) => codes.has(g.code)),
  );
}

const LEVEL_RANK: Record<string, number> = {
  provincie: 0,
  'ggd-regio': 1,
  zorgkantoorregio: 1,
  'hema-subregio': 1.5,
  gemeente: 2,
  wijk: 3,
  buurt: 4,
  land: 5,
};

/** Newest period first; within it the region, then gemeenten and wijken by name, the country last. */
export function byPeriodThenArea(a: Measurement, b: Measurement): number {
  return (
    periodToYear(b.period) - periodToYear(a.period) ||
    (LEVEL_RANK[a.areaLevel] ?? 9) - (LEVEL_RANK[b.areaLevel] ?? 9) ||
    a.areaName.localeCompare(b.areaName, 'nl')
  );
}

/** One indicator with every measurement, for its page and the API. */
export async function getIndicator(db: Db, scope: Scope, code: string) {
  const summary = (await listIndicatorSummaries(db, scope)).find((i) => i.code === code);
  if (!summary) return err('NotFound' as const);
  const areas = await displayAreas(db, scope.regionId);
  const measurements = (await repo.listMeasurements(db, [summary.id]))
    .map((r) => toMeasurement(r, areas))
    .sort(byPeriodThenArea);
  return ok({ indicator: summary, measurements });
}

/** Every measurement of the scope's indicators in one query, for the CSV export. */
export async function allMeasurements(db: Db, scope: Scope) {
  const summaries = await listIndicatorSummaries(db, scope);
  const codes = new Map(summaries.map((i) => [i.id, i.code]));
  const areas = await displayAreas(db, scope.regionId);
  // Roll-ups are left out: Marke computes them from the other rows, so the export read back in
  // must not turn them into figures of their own (ADR 0012).
  const rows = (await repo.listMeasurements(db, [...codes.keys()])).filter(
    (r) => r.rollup_children === null,
  );
  return rows
    .map((r) => ({ indicator: codes.get(r.indicator_id) ?? '', m: toMeasurement(r, areas) }))
    .sort((a, b) => a.indicator.localeCompare(b.indicator) || byPeriodThenArea(a.m, b.m));
}

/** Summaries of the indicators that have figures for areas of these levels (for maps). */
export async function indicatorsWithFiguresAt(db: Db, scope: Scope, levels: string[]) {
  const ids = new Set(await repo.indicatorIdsWithFiguresAt(db, scope.regionId, levels));
  return (await listIndicatorSummaries(db, scope)).filter((i) => ids.has(i.id));
}

/** Every figure of the scope's indicators for these areas (an area profile and its references). */
export async function figuresForAreas(db: Db, scope: Scope, areaCodes: string[]) {
  const summaries = await listIndicatorSummaries(db, scope);
  const areas = await displayAreas(db, scope.regionId);
  const rows = await repo.listMeasurements(
    db,
    summaries.map((i) => i.id),
    areaCodes,
  );
  const byId = new Map(summaries.map((i) => [i.id, i]));
  return rows.flatMap((r) => {
    const indicator = byId.get(r.indicator_id);
    return indicator ? [{ indicator, m: toMeasurement(r, areas) }] : [];
  });
}
