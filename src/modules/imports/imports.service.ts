/**
 * Staged imports: a parsed file waits as a preview (row by row, shown to the user) and is applied
 * all-or-nothing when the same user confirms. The same file applied twice is detected by checksum.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { SessionUser } from '../auth/index.js';
import * as repo from './imports.repository.js';

type Db = Kysely<Database>;

/** A preview older than this can no longer be confirmed. */
export const PREVIEW_HOURS = 24;

export function checksumOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type PreviousImport = { filename: string; appliedAt: Date | null; appliedBy: string | null };

/** Stores the parsed rows as a preview; says when the same file was applied before. */
export async function stageImport(
  db: Db,
  user: SessionUser,
  input: {
    kind: string;
    filename: string;
    /** The file, or its checksum when it was staged before in another shape (wide → long). */
    bytes: Uint8Array | { checksum: string };
    rowCount: number;
    payload: unknown;
  },
): Promise<{ id: number; previous: PreviousImport | undefined }> {
  const checksum =
    input.bytes instanceof Uint8Array ? checksumOf(input.bytes) : input.bytes.checksum;
  await repo.discardStalePreviews(db, new Date(Date.now() - PREVIEW_HOURS * 3600 * 1000));
  const id = await repo.insertBatch(db, {
    regionId: user.regionId,
    kind: input.kind,
    filename: input.filename.slice(0, 200),
    checksum,
    rowCount: input.rowCount,
    payload: input.payload,
    createdBy: `user:${user.id}`,
  });
  const previous = await repo.findApplied(db, user.regionId, input.kind, checksum);
  return {
    id,
    previous: previous && {
      filename: previous.filename,
      appliedAt: previous.applied_at,
      appliedBy: previous.applied_by,
    },
  };
}

export type StagedError = 'NotFound' | 'AlreadyApplied' | 'Duplicate';

/** The user's own, still open preview of this kind. */
export async function loadStaged(db: Db, user: SessionUser, kind: string, id: number) {
  const batch = await repo.findBatch(db, id);
  if (!batch || !isOwnOpenPreview(batch, user, kind)) return err('NotFound' as const);
  const previous = await repo.findApplied(db, user.regionId, kind, batch.checksum);
  return ok({
    id: batch.id,
    filename: batch.filename,
    rowCount: batch.row_count,
    payload: batch.payload,
    previous: previous && {
      filename: previous.filename,
      appliedAt: previous.applied_at,
      appliedBy: previous.applied_by,
    },
  });
}

function isOwnOpenPreview(
  batch: { region_id: number; kind: string; status: string; created_by: string; created_at: Date },
  user: SessionUser,
  kind: string,
): boolean {
  const fresh = Date.now() - new Date(batch.created_at).getTime() < PREVIEW_HOURS * 3600 * 1000;
  return (
    batch.region_id === user.regionId &&
    batch.kind === kind &&
    batch.created_by === `user:${user.id}` &&
    batch.status === 'preview' &&
    fresh
  );
}

/**
 * Applies a preview in one transaction: `apply` writes the rows; any throw rolls everything
 * back. The batch is locked first, so a double click applies once; a file already applied is
 * refused unless `allowDuplicate` (the user confirmed it on purpose).
 */
export async function applyStaged<T>(
  db: Db,
  user: SessionUser,
  kind: string,
  id: number,
  apply: (trx: Transaction<Database>, payload: unknown, batchId: number) => Promise<T>,
  options: { allowDuplicate?: boolean } = {},
): Promise<Result<T, StagedError>> {
  return db.transaction().execute(async (trx) => {
    const batch = await repo.lockBatch(trx, id);
    if (!batch) return err('NotFound' as const);
    if (batch.status === 'applied' && batch.created_by === `user:${user.id}`)
      return err('AlreadyApplied' as const);
    if (!isOwnOpenPreview(batch, user, kind)) return err('NotFound' as const);
    const previous = await repo.findApplied(trx, user.regionId, kind, batch.checksum);
    if (previous && !options.allowDuplicate) return err('Duplicate' as const);
    const result = await apply(trx, batch.payload, batch.id);
    const actor = `user:${user.id}`;
    await repo.setStatus(trx, batch.id, 'applied', actor);
    await writeAudit(trx, {
      actor,
      action: 'import.apply',
      entityType: 'import_batch',
      entityKey: `${kind}:${batch.id}`,
      regionId: user.regionId,
      before: null,
      after: { kind, filename: batch.filename, checksum: batch.checksum, rows: batch.row_count },
    });
    return ok(result);
  });
}

/** Drops the user's own preview (the "Annuleren" button). */
export async function discardStaged(db: Db, user: SessionUser, kind: string, id: number) {
  const batch = await repo.findBatch(db, id);
  if (!batch || !isOwnOpenPreview(batch, user, kind)) return err('NotFound' as const);
  await repo.setStatus(db, id, 'discarded', `user:${user.id}`);
  return ok(id);
}

/** Applied batches of a kind, newest first, for the import page's history. */
export function listImports(db: Db, regionId: number, kind: string) {
  return repo.listApplied(db, regionId, kind);
}
