/**
 * Checksums of the region files last loaded (table `seed_file`), so an unchanged file is skipped
 * on start without parsing it. Shared by every seed (areas, boundaries, subregions, sources,
 * indicators) and by markers such as the disclosure rules version.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export async function seedFileChecksum(db: Db, regionId: number, name: string) {
  const row = await db
    .selectFrom('seed_file')
    .select('checksum')
    .where('region_id', '=', regionId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.checksum;
}

export async function setSeedFileChecksum(
  db: Db,
  regionId: number,
  name: string,
  checksum: string,
) {
  await db
    .insertInto('seed_file')
    .values({ region_id: regionId, name, checksum })
    .onConflict((oc) => oc.columns(['region_id', 'name']).doUpdateSet({ checksum }))
    .execute();
}
