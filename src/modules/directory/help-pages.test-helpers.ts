/** Test helper for the Hulpwijzer pages: take listings offline for one check, then back. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Runs `check` while the given services wait for moderation (not shown to residents), and puts
 * them back afterwards, also when the check fails, so later tests see the seeded directory.
 */
export async function withHidden(
  db: Kysely<Database>,
  serviceIds: string[],
  check: () => Promise<void>,
): Promise<void> {
  const updated = await db
    .updateTable('hsds_service')
    .set({ review_status: 'ingediend' })
    .where('id', 'in', serviceIds)
    .where('review_status', '=', 'goedgekeurd')
    .executeTakeFirst();
  // A wrong id would make the check pass for the wrong reason.
  if (Number(updated.numUpdatedRows) !== serviceIds.length)
    throw new Error(`withHidden: ${updated.numUpdatedRows} of ${serviceIds.length} services found`);
  try {
    await check();
  } finally {
    await db
      .updateTable('hsds_service')
      .set({ review_status: 'goedgekeurd' })
      .where('id', 'in', serviceIds)
      .execute();
  }
}
