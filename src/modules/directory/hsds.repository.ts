/**
 * SQL of the HSDS API and export: pages of the services, organizations and service_at_locations
 * residents may see (isVisibleService), and the profile's taxonomies and terms. Only public
 * columns are selected, so moderation fields (submitted_by, reviewed_by, review_note) cannot
 * reach an answer.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isVisibleService } from './visibility.sql.js';

type Db = Kysely<Database>;

/** The filters of /services and /service_at_locations; all optional and cumulative (AND). */
export type ServiceQuery = {
  regionId: number;
  /** Words matched with Dutch full-text search against the service's text. */
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  /** ISO 8601; services changed on or after this moment. */
  modifiedAfter?: string;
};

export type Paging = { limit: number; offset: number };

/** `column = any(ids)`: one array parameter however many ids (no 65 535-parameter limit). */
export function anyOf(column: string, ids: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::uuid[])`;
}

const SERVICE_COLUMNS = [
  's.id',
  's.organization_id',
  's.name',
  's.alternate_name',
  's.description',
  's.url',
  's.email',
  's.status',
  's.interpretation_services',
  's.application_process',
  's.fees_description',
  's.eligibility_description',
  's.minimum_age',
  's.maximum_age',
  's.assured_date',
  's.alert',
  's.last_modified',
  's.is_demo',
] as const;

const ORGANIZATION_COLUMNS = [
  'o.id',
  'o.name',
  'o.alternate_name',
  'o.description',
  'o.email',
  'o.website',
  'o.year_incorporated',
  'o.legal_status',
  'o.logo',
  'o.uri',
  'o.parent_organization_id',
  'o.is_demo',
] as const;

/** Visible services of the region matching the query (alias `s`). */
function visibleServices(db: Db, query: ServiceQuery) {
  let q = db
    .selectFrom('hsds_service as s')
    .where('s.region_id', '=', query.regionId)
    .where(isVisibleService('s'));
  if (query.search)
    q = q.where(sql<SqlBool>`s.search_vector @@ websearch_to_tsquery('dutch', ${query.search})`);
  if (query.organizationId) q = q.where('s.organization_id', '=', query.organizationId);
  if (query.modifiedAfter)
    q = q.where(sql<SqlBool>`s.last_modified >= ${query.modifiedAfter}::timestamptz`);
  const termId = query.taxonomyTermId;
  if (termId)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('hsds_attribute as fa')
          .select('fa.id')
          .whereRef('fa.link_id', '=', 's.id')
          .where('fa.taxonomy_term_id', '=', termId),
      ),
    );
  const taxonomyId = query.taxonomyId;
  if (taxonomyId)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('hsds_attribute as ta')
          .innerJoin('hsds_taxonomy_term as tt', 'tt.id', 'ta.taxonomy_term_id')
          .select('ta.id')
          .whereRef('ta.link_id', '=', 's.id')
          .where('tt.taxonomy_id', '=', taxonomyId),
      ),
    );
  return q;
}

export async function countServices(db: Db, query: ServiceQuery): Promise<number> {
  const row = await visibleServices(db, query)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One page of visible services (ordered by name, then id) with their organization. */
export async function servicePage(db: Db, query: ServiceQuery, paging: Paging) {
  return withOrganization(visibleServices(db, query))
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute();
}

/** Visible services of the region by id, in the order asked for; unknown or hidden ids are left out. */
export async function servicesByIds(db: Db, regionId: number, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await withOrganization(visibleServices(db, { regionId }))
    .where(anyOf('s.id', ids))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The ids of every visible service of the region, by name (for the whole-directory export). */
export async function allServiceIds(db: Db, regionId: number): Promise<string[]> {
  const rows = await visibleServices(db, { regionId })
    .select('s.id')
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => r.id);
}

function withOrganization(q: ReturnType<typeof visibleServices>) {
  return q
    .innerJoin('hsds_organization as o', 'o.id', 's.organization_id')
    .select(SERVICE_COLUMNS)
    .select((eb) =>
      eb
        .fn<OrganizationRow>('json_build_object', [
          ...ORGANIZATION_COLUMNS.flatMap((c) => [sql.lit(c.slice(2)), eb.ref(c)]),
        ])
        .as('organization'),
    );
}

export type ServiceRow = Awaited<ReturnType<typeof servicePage>>[number];

/** Organizations of the region with at least one visible service (alias `o`). */
function visibleOrganizations(db: Db, regionId: number, search: string | undefined) {
  let q = db
    .selectFrom('hsds_organization as o')
    .where('o.region_id', '=', regionId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('hsds_service as s')
          .select('s.id')
          .whereRef('s.organization_id', '=', 'o.id')
          .where(isVisibleService('s')),
      ),
    );
  if (search)
    q = q.where(
      sql<SqlBool>`to_tsvector('dutch', o.name || ' ' || coalesce(o.alternate_name, '') || ' ' || o.description)
        @@ websearch_to_tsquery('dutch', ${search})`,
    );
  return q;
}

export type OrganizationRow = {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
  year_incorporated: number | null;
  legal_status: string | null;
  logo: string | null;
  uri: string | null;
  parent_organization_id: string | null;
  is_demo: boolean;
};

export async function countOrganizations(db: Db, regionId: number, search?: string) {
  const row = await visibleOrganizations(db, regionId, search)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function organizationPage(
  db: Db,
  regionId: number,
  search: string | undefined,
  paging: Paging,
): Promise<OrganizationRow[]> {
  return visibleOrganizations(db, regionId, search)
    .select(ORGANIZATION_COLUMNS)
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute();
}

export async function organizationById(db: Db, regionId: number, id: string) {
  return visibleOrganizations(db, regionId, undefined)
    .select(ORGANIZATION_COLUMNS)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** The ids of an organization's first `limit` visible services, by name (as /services orders). */
export async function serviceIdsOfOrganization(
  db: Db,
  regionId: number,
  organizationId: string,
  limit: number,
) {
  const rows = await visibleServices(db, { regionId, organizationId })
    .select('s.id')
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Service_at_locations of visible services matching the query (alias `sal`, location `l`). */
function visibleServiceAtLocations(db: Db, query: ServiceQuery) {
  return db
    .selectFrom('hsds_service_at_location as sal')
    .innerJoin('hsds_location as l', 'l.id', 'sal.location_id')
    .where('l.region_id', '=', query.regionId)
    .where('sal.service_id', 'in', visibleServices(db, query).select('s.id'));
}

export async function countServiceAtLocations(db: Db, query: ServiceQuery) {
  const row = await visibleServiceAtLocations(db, query)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const SAL_COLUMNS = ['sal.id', 'sal.service_id', 'sal.location_id', 'sal.description'] as const;

/** One page of service_at_locations (by location name, then id). */
export async function serviceAtLocationPage(db: Db, query: ServiceQuery, paging: Paging) {
  return visibleServiceAtLocations(db, query)
    .select(SAL_COLUMNS)
    .orderBy('l.name')
    .orderBy('sal.id')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute();
}

/** A service_at_location of a visible service of the region, or undefined. */
export async function serviceAtLocationById(db: Db, regionId: number, id: string) {
  return visibleServiceAtLocations(db, { regionId })
    .select(SAL_COLUMNS)
    .where('sal.id', '=', id)
    .executeTakeFirst();
}

/** Every taxonomy term with its taxonomy (a few dozen rows: the Dutch profile). */
export async function allTerms(db: Db) {
  return db
    .selectFrom('hsds_taxonomy_term as t')
    .innerJoin('hsds_taxonomy as x', 'x.id', 't.taxonomy_id')
    .select([
      't.id',
      't.taxonomy_id',
      't.code',
      't.name',
      't.description',
      't.parent_id',
      't.language',
      't.term_uri',
      't.position',
      'x.name as taxonomy_name',
    ])
    .orderBy('x.name')
    .orderBy('t.position')
    .orderBy('t.id')
    .execute();
}

export type TermRow = Awaited<ReturnType<typeof allTerms>>[number];

export async function allTaxonomies(db: Db) {
  return db
    .selectFrom('hsds_taxonomy')
    .select(['id', 'name', 'description', 'uri', 'version'])
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export type TaxonomyRow = Awaited<ReturnType<typeof allTaxonomies>>[number];

/** Ids of the terms (or taxonomies) whose words match a Dutch full-text search. */
export async function matchingTermIds(db: Db, search: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('hsds_taxonomy_term')
    .select('id')
    .where(
      sql<SqlBool>`to_tsvector('dutch', name || ' ' || description || ' ' || keywords::text)
        @@ websearch_to_tsquery('dutch', ${search})`,
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function matchingTaxonomyIds(db: Db, search: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('hsds_taxonomy')
    .select('id')
    .where(
      sql<SqlBool>`to_tsvector('dutch', name || ' ' || description)
        @@ websearch_to_tsquery('dutch', ${search})`,
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * One state of the open data: the directory's change counter (raised by triggers on every write
 * to an HSDS table, migration 0024) and the database's date, on which visibility depends.
 */
export async function directoryVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ version: string }>`select version::text || '-' ||
    to_char(current_date, 'YYYYMMDD') as version from hsds_directory_version`.execute(db);
  return rows[0]?.version ?? '0';
}
