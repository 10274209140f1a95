/** SQL of the Hulpwijzer search: the services that may be shown, and the details of a few. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isVisibleEntry } from './visibility.sql.js';

type Db = Kysely<Database>;

/** What ordering needs of a service: ladder step, needs, areas, located points. */
export type Candidate = {
  id: string;
  name: string;
  ladder: string;
  ladder_rank: number;
  needs: string[];
  areas: string[];
  points: [number, number][];
};

type Visible = { regionId: number };

/** What residents may see (visibility.sql), on the ladder, in the region. */
const visible = ({ regionId }: Visible) => isVisibleEntry('e', regionId);

const CANDIDATE_COLUMNS = sql`e.service_id as id, e.name, e.ladder, e.ladder_rank,
  e.need_codes as needs, e.area_codes as areas, coalesce(e.points, '[]'::jsonb) as points`;

/**
 * Every service residents may see with this need, read from the narrow search rows (migration
 * 0022) through the `need_codes` index (0025). The search keeps the answer per data version
 * (search-candidates.service.ts, ADR 0022) and picks areas and ladder steps from it.
 */
export async function visibleForNeed(
  db: Db,
  filter: Visible & { needCode: string },
): Promise<Candidate[]> {
  const { rows } = await sql<Candidate>`
    select ${CANDIDATE_COLUMNS}
    from hsds_search_entry e
    where e.need_codes @> array[${filter.needCode}::text] and ${visible(filter)}`.execute(db);
  return rows;
}

/**
 * Services whose own words match the text (Dutch full-text search), in some areas or anywhere;
 * ordered by the ladder so the limit keeps the nearest steps.
 */
export async function findByText(
  db: Db,
  filter: Visible & { text: string; areaCodes: string[] | null; limit: number },
): Promise<Candidate[]> {
  const { areaCodes } = filter;
  if (areaCodes?.length === 0) return [];
  const inAreas = areaCodes ? sql`and e.area_codes && ${textArray(areaCodes)}` : sql``;
  const { rows } = await sql<Candidate>`
    select ${CANDIDATE_COLUMNS}
    from hsds_search_entry e join hsds_service s on s.id = e.service_id
    where ${visible(filter)} ${inAreas}
      and s.search_vector @@ websearch_to_tsquery('dutch', ${filter.text})
    order by e.ladder_rank limit ${filter.limit}`.execute(db);
  return rows;
}

const textArray = (values: string[]) => sql`${values}::text[]`;

/** Which of these services are demo listings: where one must be chosen, a real one wins. */
export async function demoServiceIds(db: Db, serviceIds: string[]): Promise<Set<string>> {
  if (serviceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('hsds_service')
    .select('id')
    .where('id', 'in', [...new Set(serviceIds)])
    .where('is_demo', '=', true)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * What a card shows of each service, with where its facts come from (`sourceTermId`) and the
 * organization's own e-mail and website (HSDS: a service's contact may be its organization's).
 */
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
      's.organization_id',
      'o.email as organization_email',
      'o.website as organization_website',
    ])
    .where('s.id', 'in', serviceIds)
    .execute();
}

type CardRow = Awaited<ReturnType<typeof serviceCards>>[number];
/** The card's own fields; the organization's contact fields end up in the card's contact. */
export type ServiceCard = Omit<
  CardRow,
  'organization_id' | 'organization_email' | 'organization_website'
>;

/** The places of the services on a page: service_at_location, location and its addresses. */
export async function servicePlaces(db: Db, serviceIds: string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('hsds_service_at_location as sal')
    .innerJoin('hsds_location as l', 'l.id', 'sal.location_id')
    .leftJoin('hsds_address as a', 'a.location_id', 'l.id')
    .select([
      'sal.id as sal_id',
      'sal.service_id',
      'sal.location_id',
      'l.name as location_name',
      'l.url as location_url',
      'a.address_1',
      'a.postal_code',
      'a.city',
    ])
    .where('sal.service_id', 'in', serviceIds)
    .orderBy('sal.id')
    .execute();
}
