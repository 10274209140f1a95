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

/**
 * The page's cards and where a card's heading is not exactly one level below the heading of
 * the section it is in (an h3 card under an h3 need is a sibling, not a part, to a screen reader).
 */
export function cardOutline(html: string): { cards: number; problems: string[] } {
  let section = 0;
  let inCard = false;
  let cards = 0;
  const problems: string[] = [];
  for (const m of html.matchAll(
    /<article class="marke-card"|<\/article>|<h([1-6])[^>]*>([^<]*)/g,
  )) {
    if (m[0].startsWith('<article')) inCard = true;
    else if (m[0] === '</article>') inCard = false;
    else if (!inCard) section = Number(m[1]);
    else {
      cards++;
      const level = Number(m[1]);
      if (level !== section + 1)
        problems.push(`${(m[2] ?? '').trim()}: h${level} under h${section}`);
    }
  }
  return { cards, problems };
}
