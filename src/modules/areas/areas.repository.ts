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
