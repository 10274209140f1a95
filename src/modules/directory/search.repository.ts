/** SQL of the Hulpwijzer search: the services that may be shown, and the details of a few. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export type ServiceFilter = {
  regionId: number;
  /** Only services with one of these need codes; null: any. */
  needCodes: string[] | null;
  /** Only services whose area is one of these codes; null: anywhere. */
  areaCodes: string[] | null;
  /** Only services whose text matches these words (Dutch full-text search); null: any. */
  text: string | null;
  /** A listing not checked for this long is hidden (issue 5 §3: 15 months). */
  hiddenAfterMonths: number;
  limit: number;
};

/**
 * Published, active, recently checked services matching the filter: what ordering needs (ladder
 * step, needs, areas, points), read from the narrow search rows (migration 0022). Ordered by the
 * ladder so a limit keeps the nearest steps.
 */
export async function findCandidates(db: Db, filter: ServiceFilter) {
  const { needCodes, areaCodes } = filter;
  if (needCodes?.length === 0 || areaCodes?.length === 0) return [];
  let query = db
    .selectFrom('hsds_search_entry as e')
    .select(['e.service_id as id', 'e.ladder', 'e.ladder_rank', 'e.need_codes as needs'])
    .select([
      sql<string[]>`e.area_codes`.as('areas'),
      sql<[number, number][]>`coalesce(e.points, '[]'::jsonb)`.as('points'),
    ])
    .$narrowType<{ ladder: string; ladder_rank: number }>()
    .where('e.region_id', '=', filter.regionId)
    .where('e.listed', '=', true)
    .where('e.ladder_rank', 'is not', null)
    .where(
      sql<boolean>`e.checked_on > current_date - make_interval(months => ${filter.hiddenAfterMonths})`,
    );
  if (needCodes) query = query.where(sql<boolean>`e.need_codes && ${textArray(needCodes)}`);
  if (areaCodes) query = query.where(sql<boolean>`e.area_codes && ${textArray(areaCodes)}`);
  if (filter.text) {
    const text = filter.text;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('hsds_service as s')
          .select('s.id')
          .whereRef('s.id', '=', 'e.service_id')
          .where(sql<boolean>`s.search_vector @@ websearch_to_tsquery('dutch', ${text})`),
      ),
    );
  }
  return query.orderBy('e.ladder_rank').orderBy('e.name').limit(filter.limit).execute();
}

export type Candidate = Awaited<ReturnType<typeof findCandidates>>[number];

const textArray = (values: string[]) => sql`${values}::text[]`;

/** What a card shows of each service, with where its facts come from (`sourceTermId`). */
export async function serviceCards(db: Db, serviceIds: string[], sourceTermId: string) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('hsds_service as s')
    .innerJoin('hsds_organization as o', 'o.id', 's.organization_id')
    .leftJoin('hsds_attribute as src', (join) =>
      join.onRef('src.link_id', '=', 's.id').on('src.taxonomy_term_id', '=', sourceTermId),
    )
    .select([
      's.id',
      's.name',
      's.description',
      's.eligibility_description',
      's.fees_description',
      's.application_process',
      's.url',
      's.email',
      's.is_demo',
      's.assured_date',
      'o.name as organization_name',
      'src.value as source',
    ])
    .where('s.id', 'in', serviceIds)
    .execute();
}

export type ServiceCard = Awaited<ReturnType<typeof serviceCards>>[number];

/** Phones, schedules and located places of the services on a page. */
export async function serviceDetails(db: Db, serviceIds: string[]) {
  if (serviceIds.length === 0) return { phones: [], schedules: [], locations: [] };
  const [phones, schedules, locations] = await Promise.all([
    db
      .selectFrom('hsds_phone')
      .select(['service_id', 'number', 'description'])
      .where('service_id', 'in', serviceIds)
      .orderBy('number')
      .execute(),
    db
      .selectFrom('hsds_schedule')
      .select(['service_id', 'description', 'byday', 'opens_at', 'closes_at', 'notes'])
      .where('service_id', 'in', serviceIds)
      .execute(),
    db
      .selectFrom('hsds_service_at_location as sal')
      .innerJoin('hsds_location as l', 'l.id', 'sal.location_id')
      .leftJoin('hsds_address as a', 'a.location_id', 'l.id')
      .select(['sal.service_id', 'a.address_1', 'a.postal_code', 'a.city'])
      .where('sal.service_id', 'in', serviceIds)
      .execute(),
  ]);
  return { phones, schedules, locations };
}
