/**
 * Checksums of the region files last loaded (table `seed_file`), so an unchanged file is skipped
 * on start without parsing it. Shared by every seed (areas, boundaries, subregions, sources,
 * indicators) and by markers such as the disclosure rules version.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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

/**
 * A region file that is there and changed since it was last loaded, with its checksum (to store
 * once it is loaded); undefined when it is missing or unchanged. Checked before any parsing, so a
 * restart with unchanged files stays fast.
 */
export async function readChangedSeedFile(db: Db, regionId: number, dir: string, name: string) {
  const bytes = await readFile(path.join(dir, name)).catch(() => undefined);
  if (!bytes) return undefined;
  const checksum = createHash('sha256').update(bytes).digest('hex');
  if ((await seedFileChecksum(db, regionId, name)) === checksum) return undefined;
  return { bytes, checksum };
}
