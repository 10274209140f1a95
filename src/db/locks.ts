/**
 * Locks shared by modules that write a region's figures. One lock serialises everything that
 * decides how a region's figures are shown: imports and disclosure decisions (indicators module)
 * and changes of a source's disclosure rules (sources module). A rule change that did not wait
 * for an import in progress would recompute the stored shown figures (ADR 0015) without the
 * import's rows, which are not committed yet, and those rows would keep the old rounding.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** Waits for, and holds until the end of the transaction, the lock on a region's figures. */
export async function lockRegionFigures(db: Kysely<Database>, regionId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(7243002, ${regionId})`.execute(db);
}
