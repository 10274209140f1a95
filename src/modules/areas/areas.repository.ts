/** SQL for areas. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { setExcluded } from '../../db/upsert.js';
import type { AreaInput } from './areas.types.js';

type Db = Kysely<Database>;

export async function upsertAreas(db: Db, regionId: number, rows: AreaInput[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('area')
    .values(rows.map((r) => ({ region_id: regionId, ...r })))
    .onConflict((oc) =>
      oc.columns(['region_id', 'code']).doUpdateSet(setExcluded(['name', 'level', 'parent_code'])),
    )
    .execute();
}

export async function listAreas(db: Db, regionId: number) {
  return db
    .selectFrom('area')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('region_id', '=', regionId)
    .orderBy('code')
    .execute();
}

/** Replaces all boundaries of a region by this set (the manifest is the whole truth). */
export async function replaceBoundaries(
  db: Db,
  regionId: number,
  rows: Array<{
    area_code: string;
    year: number;
    level: string;
    name: string;
    geometry: string;
    source: string;
  }>,
) {
  await db.deleteFrom('area_boundary').where('region_id', '=', regionId).execute();
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('area_boundary')
      .values(rows.slice(i, i + 200).map((r) => ({ region_id: regionId, ...r })))
      .execute();
}

/** Boundaries of one level and year, optionally only the children of one parent area. */
export async function listBoundaries(
  db: Db,
  regionId: number,
  filter: { level: string; year: number; codes?: string[] },
) {
  let query = db
    .selectFrom('area_boundary')
    .select(['area_code', 'name', 'geometry', 'year', 'source'])
    .where('region_id', '=', regionId)
    .where('level', '=', filter.level)
    .where('year', '=', filter.year);
  if (filter.codes) {
    if (filter.codes.length === 0) return [];
    query = query.where('area_code', 'in', filter.codes);
  }
  return query.orderBy('area_code').execute();
}

/** The boundary years a level has, newest first. */
export async function boundaryYears(db: Db, regionId: number, level: string): Promise<number[]> {
  const rows = await db
    .selectFrom('area_boundary')
    .select('year')
    .distinct()
    .where('region_id', '=', regionId)
    .where('level', '=', level)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}
