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

const SEED_FILE = 'areas.csv';

/** The checksum of the last loaded areas.csv (table seed_file, shared with other seed files). */
export async function seedChecksum(db: Db, regionId: number) {
  const row = await db
    .selectFrom('seed_file')
    .select('checksum')
    .where('region_id', '=', regionId)
    .where('name', '=', SEED_FILE)
    .executeTakeFirst();
  return row?.checksum;
}

export async function setSeedChecksum(db: Db, regionId: number, checksum: string) {
  await db
    .insertInto('seed_file')
    .values({ region_id: regionId, name: SEED_FILE, checksum })
    .onConflict((oc) => oc.columns(['region_id', 'name']).doUpdateSet({ checksum }))
    .execute();
}
