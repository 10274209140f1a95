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

/**
 * Runs `check` while the service serves `areaCode` instead of its own areas, and gives it its
 * areas back afterwards, also when the check fails.
 */
export async function withArea(
  db: Kysely<Database>,
  serviceId: string,
  areaCode: string,
  check: () => Promise<void>,
): Promise<void> {
  const own = await db
    .selectFrom('hsds_service_area')
    .select(['id', 'area_code'])
    .where('service_id', '=', serviceId)
    .execute();
  if (own.length !== 1) throw new Error(`withArea: the service has ${own.length} areas, not 1`);
  const [area] = own;
  const set = (code: string) =>
    db
      .updateTable('hsds_service_area')
      .set({ area_code: code })
      .where('id', '=', area?.id ?? '')
      .execute();
  await set(areaCode);
  try {
    await check();
  } finally {
    await set(area?.area_code ?? '');
  }
}
