/** SQL for staged file imports (table import_batch). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { json } from '../../db/upsert.js';

type Db = Kysely<Database>;

export async function insertBatch(
  db: Db,
  batch: {
    regionId: number;
    kind: string;
    filename: string;
    checksum: string;
    rowCount: number;
    payload: unknown;
    createdBy: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('import_batch')
    .values({
      region_id: batch.regionId,
      kind: batch.kind,
      filename: batch.filename,
      checksum: batch.checksum,
      row_count: batch.rowCount,
      payload: json(batch.payload),
      created_by: batch.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The last applied batch of this file (same checksum) in the region, if any. */
export async function findApplied(db: Db, regionId: number, kind: string, checksum: string) {
  return db
    .selectFrom('import_batch')
    .select(['id', 'filename', 'applied_at', 'applied_by'])
    .where('region_id', '=', regionId)
    .where('kind', '=', kind)
    .where('checksum', '=', checksum)
    .where('status', '=', 'applied')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function findBatch(db: Db, id: number) {
  return db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the batch row so two confirmations of one preview cannot both apply it. */
export async function lockBatch(trx: Transaction<Database>, id: number) {
  return trx
    .selectFrom('import_batch')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setStatus(
  db: Db,
  id: number,
  status: 'applied' | 'discarded',
  actor: string,
): Promise<void> {
  await db
    .updateTable('import_batch')
    .set(
      status === 'applied'
        ? { status, applied_at: new Date(), applied_by: actor, payload: json(null) }
        : { status, payload: json(null) },
    )
    .where('id', '=', id)
    .execute();
}

/** Previews nobody confirmed within a day are dropped (their rows can be large). */
export async function discardStalePreviews(db: Db, olderThan: Date): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({ status: 'discarded', payload: json(null) })
    .where('status', '=', 'preview')
    .where('created_at', '<', olderThan)
    .execute();
}

export async function listApplied(db: Db, regionId: number, kind: string) {
  return db
    .selectFrom('import_batch')
    .select(['id', 'filename', 'checksum', 'row_count', 'applied_at', 'applied_by', 'created_by'])
    .where('region_id', '=', regionId)
    .where('kind', '=', kind)
    .where('status', '=', 'applied')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}
