/** SQL for subregions (HEMA) and which gemeente belongs to which. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { setExcluded } from '../../db/upsert.js';

type Db = Kysely<Database>;

export async function upsertSubregions(
  db: Db,
  regionId: number,
  rows: Array<{ code: string; name: string; description: string }>,
) {
  if (rows.length === 0) return;
  await db
    .insertInto('subregion')
    .values(rows.map((r) => ({ region_id: regionId, ...r })))
    .onConflict((oc) =>
      oc.columns(['region_id', 'code']).doUpdateSet(setExcluded(['name', 'description'])),
    )
    .execute();
}

export async function listSubregions(db: Db, regionId: number) {
  return db
    .selectFrom('subregion')
    .select(['id', 'code', 'name', 'description'])
    .where('region_id', '=', regionId)
    .orderBy('name')
    .execute();
}

export async function listMembers(db: Db, regionId: number) {
  return db
    .selectFrom('subregion_member')
    .select(['gemeente_code', 'subregion_id'])
    .where('region_id', '=', regionId)
    .execute();
}

/** Replaces the whole assignment of a region (one form saves all gemeenten at once). */
export async function replaceMembers(
  db: Db,
  regionId: number,
  members: Array<{ gemeente_code: string; subregion_id: number }>,
) {
  await db.deleteFrom('subregion_member').where('region_id', '=', regionId).execute();
  if (members.length > 0)
    await db
      .insertInto('subregion_member')
      .values(members.map((m) => ({ region_id: regionId, ...m })))
      .execute();
}
