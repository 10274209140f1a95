/** SQL for indicators, their goals and targets, measurements and seed-file checksums. */
import type { Kysely } from 'kysely';
import { lockRegionFigures } from '../../db/locks.js';
import type { AreaLevel, Database } from '../../db/schema.js';
import { json, setExcluded } from '../../db/upsert.js';
import type { IndicatorSeedT, MeasurementRow } from './indicators.types.js';
import { writeMeasurements } from './measurements-write.repository.js';

type Db = Kysely<Database>;

const indicatorColumns = [
  'indicator.id',
  'indicator.code',
  'indicator.name',
  'indicator.description',
  'indicator.numerator',
  'indicator.denominator',
  'indicator.unit',
  'indicator.decimals',
  'indicator.direction',
  'indicator.source',
  'indicator.area_levels',
  'indicator.frequency',
  'indicator.track',
  'indicator.is_public',
  'indicator.is_demo',
] as const;

export async function upsertIndicator(
  db: Db,
  regionId: number,
  seed: IndicatorSeedT,
  isDemo = false,
): Promise<number> {
  const values = {
    region_id: regionId,
    code: seed.code,
    name: seed.name,
    description: seed.description,
    numerator: seed.numerator ?? null,
    denominator: seed.denominator ?? null,
    unit: seed.unit,
    decimals: seed.decimals,
    direction: seed.direction,
    source: seed.source,
    area_levels: json(seed.area_levels),
    frequency: seed.frequency,
    track: seed.track,
    is_demo: isDemo,
  };
  const row = await db
    .insertInto('indicator')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'code'])
        .doUpdateSet(
          setExcluded([
            'name',
            'description',
            'numerator',
            'denominator',
            'unit',
            'decimals',
            'direction',
            'source',
            'area_levels',
            'frequency',
            'track',
            'is_demo',
          ]),
        ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceGoalsAndTargets(
  db: Db,
  indicatorId: number,
  seed: IndicatorSeedT,
): Promise<void> {
  await db.deleteFrom('indicator_goal').where('indicator_id', '=', indicatorId).execute();
  await db.deleteFrom('indicator_target').where('indicator_id', '=', indicatorId).execute();
  if (seed.goals.length > 0)
    await db
      .insertInto('indicator_goal')
      .values(
        seed.goals.map((g) => ({
          indicator_id: indicatorId,
          goal_code: g.code,
          contribution: g.contribution,
        })),
      )
      .execute();
  if (seed.targets.length > 0)
    await db
      .insertInto('indicator_target')
      .values(
        seed.targets.map((t) => ({
          indicator_id: indicatorId,
          comparator: t.comparator,
          kind: t.kind,
          value: t.value,
          baseline_period: t.baseline_period ?? null,
          year: t.year,
          area_code: t.area,
          source: t.source,
          note: t.note,
        })),
      )
      .execute();
}

export type MeasurementInsert = MeasurementRow & {
  indicatorId: number;
  isProjection?: boolean;
  isDemo?: boolean;
};

/**
 * Upserts by (indicator, area, period): a newer file for the same cell replaces the value.
 * `known: 'new'` writes rows the caller has checked are not stored yet (see OnConflict).
 */
export async function upsertMeasurements(
  db: Db,
  rows: readonly MeasurementInsert[],
  importBatchId: number | null,
  known: 'new' | 'any' = 'any',
): Promise<void> {
  const records = rows.map((r) => ({
    indicator_id: r.indicatorId,
    area_code: r.areaCode,
    period: r.period,
    value: r.value,
    missing_reason: r.missingReason,
    numerator: r.numerator,
    denominator: r.denominator,
    sample_size: r.sampleSize,
    ci_low: r.ciLow,
    ci_high: r.ciHigh,
    source: r.source,
    note: r.note,
    is_projection: r.isProjection ?? false,
    is_demo: r.isDemo ?? false,
    import_batch_id: importBatchId,
    data_source_id: r.dataSourceId ?? null,
    // A figure of its own replaces a roll-up that stood in for it.
    rollup_children: null,
  }));
  await writeMeasurements(db, records, known === 'new' ? 'none' : 'replace');
}

export async function listIndicators(db: Db, regionId: number, publicOnly: boolean) {
  let query = db
    .selectFrom('indicator')
    .select(indicatorColumns)
    .where('region_id', '=', regionId)
    .orderBy('track')
    .orderBy('code');
  if (publicOnly) query = query.where('is_public', '=', true);
  return query.execute();
}

export async function listGoalLinks(db: Db, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_goal')
    .select(['indicator_id', 'goal_code', 'contribution'])
    .where('indicator_id', 'in', indicatorIds)
    .execute();
}

export async function listTargets(db: Db, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_target')
    .selectAll()
    .where('indicator_id', 'in', indicatorIds)
    .orderBy('year')
    .execute();
}

/** What every presenter of a measurement reads (toMeasurement): the figure, its batch, its rules. */
export const MEASUREMENT_FIELDS = [
  'measurement.indicator_id',
  'measurement.area_code',
  'measurement.period',
  'measurement.value',
  'measurement.missing_reason',
  'measurement.numerator',
  'measurement.denominator',
  'measurement.sample_size',
  'measurement.ci_low',
  'measurement.ci_high',
  'measurement.source',
  'measurement.note',
  'measurement.is_projection',
  'measurement.is_demo',
  'measurement.suppressed',
  'measurement.data_source_id',
  'measurement.rollup_children',
  'import_batch.filename as batch_filename',
  'data_source.threshold as source_threshold',
  'data_source.decimals as source_decimals',
  'data_source.count_base as source_count_base',
] as const;

/** Measurements of these indicators, optionally only in some areas, oldest period first. */
export async function listMeasurements(db: Db, indicatorIds: number[], areaCodes?: string[]) {
  if (indicatorIds.length === 0 || areaCodes?.length === 0) return [];
  let query = db
    .selectFrom('measurement')
    .leftJoin('import_batch', 'import_batch.id', 'measurement.import_batch_id')
    .leftJoin('data_source', 'data_source.id', 'measurement.data_source_id')
    .select(MEASUREMENT_FIELDS)
    .where('measurement.indicator_id', 'in', indicatorIds)
    .orderBy('measurement.period')
    .orderBy('measurement.area_code');
  if (areaCodes) query = query.where('measurement.area_code', 'in', areaCodes);
  return query.execute();
}

/**
 * The stored cells of these indicators, unordered: what an import compares its rows with, and
 * what roll-ups and disclosure decide over.
 */
export async function listStoredCells(db: Db, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('measurement')
    .select([
      'id',
      'indicator_id',
      'area_code',
      'period',
      'value',
      'missing_reason',
      'numerator',
      'denominator',
      'sample_size',
      'ci_low',
      'ci_high',
      'source',
      'note',
      'is_projection',
      'is_demo',
      'data_source_id',
      'rollup_children',
      'suppressed',
    ])
    .where('indicator_id', 'in', indicatorIds)
    .execute();
}

/** Indicator ids by code in a region, for imports. */
export async function indicatorIdsByCode(db: Db, regionId: number) {
  return db
    .selectFrom('indicator')
    .select(['id', 'code', 'area_levels'])
    .where('region_id', '=', regionId)
    .execute();
}

export type SeedState = {
  code: string;
  checksum: string;
  managed_here_at: Date | null;
  managed_here_by: string | null;
};

/** Per code of the plan file: the entry as last loaded, and whether beheer has taken it over. */
export async function listSeedStates(db: Db, regionId: number): Promise<Map<string, SeedState>> {
  const rows = await db
    .selectFrom('indicator_seed')
    .select(['code', 'checksum', 'managed_here_at', 'managed_here_by'])
    .where('region_id', '=', regionId)
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** Records the entry as loaded; `managedHereBy` marks a code the file may no longer overwrite. */
export async function upsertSeedState(
  db: Db,
  regionId: number,
  code: string,
  checksum: string,
  managedHereBy: string | null = null,
): Promise<void> {
  const managed = managedHereBy === null ? null : new Date().toISOString();
  await db
    .insertInto('indicator_seed')
    .values({
      region_id: regionId,
      code,
      checksum,
      managed_here_at: managed,
      managed_here_by: managedHereBy,
    })
    .onConflict((oc) =>
      oc.columns(['region_id', 'code']).doUpdateSet({
        checksum,
        loaded_at: new Date().toISOString(),
        managed_here_at: managed,
        managed_here_by: managedHereBy,
      }),
    )
    .execute();
}

export async function indicatorIdsOfRegion(db: Db, regionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('indicator')
    .select('id')
    .where('region_id', '=', regionId)
    .execute();
  return rows.map((r) => r.id);
}

/** Ids of the region's indicators with at least one measurement for an area of these levels. */
export async function indicatorIdsWithFiguresAt(db: Db, regionId: number, levels: string[]) {
  const rows = await db
    .selectFrom('measurement')
    .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
    .innerJoin('area', (join) =>
      join
        .onRef('area.code', '=', 'measurement.area_code')
        .onRef('area.region_id', '=', 'indicator.region_id'),
    )
    .select('measurement.indicator_id')
    .distinct()
    .where('indicator.region_id', '=', regionId)
    .where('area.level', 'in', levels as AreaLevel[])
    .execute();
  return rows.map((r) => r.indicator_id);
}

/** Serialises the imports and disclosure decisions of one region until the end of the transaction. */
export async function lockDisclosure(db: Db, regionId: number) {
  await lockRegionFigures(db, regionId);
}

/** Code, name and source text of every indicator: the choices of an import's column mapping. */
export async function indicatorChoices(db: Db, regionId: number) {
  return db
    .selectFrom('indicator')
    .select(['code', 'name', 'source'])
    .where('region_id', '=', regionId)
    .orderBy('name')
    .execute();
}
