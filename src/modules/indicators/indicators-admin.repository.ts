/** SQL of indicator management in beheer: one indicator with its links, writes, counts. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { json } from '../../db/upsert.js';
import type { GoalLink, IndicatorInput, TargetInput } from './indicators-admin.types.js';

type Db = Kysely<Database>;

/** One indicator of the region by code, locked for the rest of the transaction when asked. */
export async function findIndicator(db: Db, regionId: number, code: string, lock = false) {
  let query = db
    .selectFrom('indicator')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('code', '=', code);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function goalLinksOf(db: Db, indicatorId: number): Promise<GoalLink[]> {
  return db
    .selectFrom('indicator_goal')
    .select(['goal_code as code', 'contribution'])
    .where('indicator_id', '=', indicatorId)
    .orderBy('goal_code')
    .execute();
}

export async function targetsOf(db: Db, indicatorId: number) {
  return db
    .selectFrom('indicator_target')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .orderBy('year')
    .orderBy('id')
    .execute();
}

export async function countMeasurements(db: Db, indicatorId: number): Promise<number> {
  const row = await db
    .selectFrom('measurement')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('indicator_id', '=', indicatorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Measurements per indicator id of the region, for the overview. */
export async function measurementCounts(db: Db, regionId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('measurement')
    .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
    .select(['measurement.indicator_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('indicator.region_id', '=', regionId)
    .groupBy('measurement.indicator_id')
    .execute();
  return new Map(rows.map((r) => [r.indicator_id, Number(r.n)]));
}

function columns(input: IndicatorInput) {
  return {
    name: input.name,
    description: input.description,
    numerator: input.numerator,
    denominator: input.denominator,
    unit: input.unit,
    decimals: input.decimals,
    direction: input.direction,
    source: input.source,
    area_levels: json(input.areaLevels),
    frequency: input.frequency,
    track: input.track,
    is_public: input.isPublic,
  };
}

export async function insertIndicator(
  db: Db,
  regionId: number,
  code: string,
  input: IndicatorInput,
): Promise<number> {
  const row = await db
    .insertInto('indicator')
    .values({ region_id: regionId, code, ...columns(input) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateIndicator(db: Db, id: number, input: IndicatorInput): Promise<void> {
  await db
    .updateTable('indicator')
    .set({ ...columns(input), updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function replaceGoalLinks(db: Db, id: number, goals: GoalLink[]): Promise<void> {
  await db.deleteFrom('indicator_goal').where('indicator_id', '=', id).execute();
  if (goals.length > 0)
    await db
      .insertInto('indicator_goal')
      .values(
        goals.map((g) => ({ indicator_id: id, goal_code: g.code, contribution: g.contribution })),
      )
      .execute();
}

export async function deleteIndicator(db: Db, id: number): Promise<void> {
  await db.deleteFrom('indicator').where('id', '=', id).execute();
}

export async function insertTarget(db: Db, indicatorId: number, t: TargetInput) {
  return db
    .insertInto('indicator_target')
    .values({
      indicator_id: indicatorId,
      comparator: t.comparator,
      kind: t.kind,
      value: t.value,
      year: t.year,
      area_code: t.areaCode,
      baseline_period: t.baselinePeriod,
      source: t.source,
      note: t.note,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes one target of this indicator; the deleted row, or undefined when it was not there. */
export async function deleteTarget(db: Db, indicatorId: number, targetId: number) {
  return db
    .deleteFrom('indicator_target')
    .where('indicator_id', '=', indicatorId)
    .where('id', '=', targetId)
    .returningAll()
    .executeTakeFirst();
}

/** The plan file's state of one code (absent for indicators that never were in the file). */
export async function seedStateOf(db: Db, regionId: number, code: string) {
  return db
    .selectFrom('indicator_seed')
    .select(['checksum', 'loaded_at', 'managed_here_at', 'managed_here_by'])
    .where('region_id', '=', regionId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** From now on beheer owns this code: the plan file no longer overwrites (or revives) it. */
export async function markManagedHere(db: Db, regionId: number, code: string, actor: string) {
  await db
    .updateTable('indicator_seed')
    .set({ managed_here_at: sql<string>`now()`, managed_here_by: actor })
    .where('region_id', '=', regionId)
    .where('code', '=', code)
    .where('managed_here_at', 'is', null)
    .execute();
}

/** Codes of the region that came from the plan file, and whether beheer has taken them over. */
export async function seedStates(db: Db, regionId: number) {
  const rows = await db
    .selectFrom('indicator_seed')
    .select(['code', 'managed_here_at'])
    .where('region_id', '=', regionId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.managed_here_at]));
}
