/** SQL of the Hulpwijzer search: the services that may be shown, and the details of a few. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isVisibleService } from './visibility.sql.js';

type Db = Kysely<Database>;

export type ServiceFilter = {
  regionId: number;
  /** Only services with one of these need terms; null: any. */
  needTermIds: string[] | null;
  /** Only services whose area is one of these codes; null: anywhere. */
  areaCodes: string[] | null;
  /** Only services whose text matches these words (Dutch full-text search); null: any. */
  text: string | null;
  ladderTaxonomyId: string;
  needTaxonomyId: string;
  /** The profile term whose attribute says where a listing's facts come from. */
  sourceTermId: string;
  limit: number;
};

/**
 * Published, active, recently checked services matching the filter, with their ladder step,
 * needs and areas (what ordering and cards need). Ordered by the ladder so a limit keeps the
 * nearest steps.
 */
export async function findServices(db: Db, filter: ServiceFilter) {
  let query = db
    .selectFrom('hsds_service as s')
    .innerJoin('hsds_organization as o', 'o.id', 's.organization_id')
    .innerJoin('hsds_attribute as la', 'la.link_id', 's.id')
    .innerJoin('hsds_taxonomy_term as lt', (join) =>
      join
        .onRef('lt.id', '=', 'la.taxonomy_term_id')
        .on('lt.taxonomy_id', '=', filter.ladderTaxonomyId),
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
      'lt.code as ladder',
      'lt.position as ladder_rank',
      sql<string[]>`array(select t.code from hsds_attribute a
        join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
        where a.link_id = s.id and t.taxonomy_id = ${filter.needTaxonomyId}
        order by t.position)`.as('needs'),
      sql<string | null>`(select a.value from hsds_attribute a
        where a.link_id = s.id and a.taxonomy_term_id = ${filter.sourceTermId} limit 1)`.as(
        'source',
      ),
      sql<string[]>`array(select sa.area_code from hsds_service_area sa
        where sa.service_id = s.id order by sa.area_code)`.as('areas'),
      sql<[number, number][]>`coalesce((select json_agg(json_build_array(l.longitude, l.latitude))
        from hsds_service_at_location sal join hsds_location l on l.id = sal.location_id
        where sal.service_id = s.id and l.latitude is not null and l.longitude is not null),
        '[]'::json)`.as('points'),
    ])
    .where('s.region_id', '=', filter.regionId)
    .where(isVisibleService('s'));
  const needs = filter.needTermIds;
  if (needs?.length === 0) return [];
  if (needs)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('hsds_attribute as na')
          .select('na.id')
          .whereRef('na.link_id', '=', 's.id')
          .where('na.taxonomy_term_id', 'in', needs),
      ),
    );
  const areas = filter.areaCodes;
  if (areas?.length === 0) return [];
  if (areas)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('hsds_service_area as sa')
          .select('sa.id')
          .whereRef('sa.service_id', '=', 's.id')
          .where('sa.area_code', 'in', areas),
      ),
    );
  if (filter.text)
    query = query.where(
      sql<boolean>`s.search_vector @@ websearch_to_tsquery('dutch', ${filter.text})`,
    );
  return query.orderBy('lt.position').orderBy('s.name').limit(filter.limit).execute();
}

export type FoundService = Awaited<ReturnType<typeof findServices>>[number];

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
