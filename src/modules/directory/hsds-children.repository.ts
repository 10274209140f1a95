/**
 * SQL for the nested parts of HSDS objects: the children of a page of services, locations or
 * organizations, one query per table for all parents at once (never one query per service).
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { anyOf } from './hsds.repository.js';

type Db = Kysely<Database>;

/** Parents whose children are wanted; any list may be empty. */
export type Parents = {
  services: readonly string[];
  serviceAtLocations: readonly string[];
  locations: readonly string[];
  organizations: readonly string[];
};

/** `column = any(ids)` for each (column, ids) pair with ids, OR-ed; false when none has ids. */
function anyOfEither(pairs: [string, readonly string[]][]) {
  const parts = pairs.filter(([, ids]) => ids.length > 0).map(([col, ids]) => anyOf(col, ids));
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The service_at_locations of these services with their location's id, by location name. */
export async function serviceAtLocationsOf(db: Db, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('hsds_service_at_location as sal')
    .innerJoin('hsds_location as l', 'l.id', 'sal.location_id')
    .select(['sal.id', 'sal.service_id', 'sal.location_id', 'sal.description'])
    .where(anyOf('sal.service_id', serviceIds))
    .orderBy('l.name')
    .orderBy('sal.id')
    .execute();
}

/** Locations by id. */
export async function locationsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('hsds_location')
    .select([
      'id',
      'location_type',
      'url',
      'organization_id',
      'name',
      'alternate_name',
      'description',
      'transportation',
      'latitude',
      'longitude',
      'external_identifier',
      'external_identifier_type',
      'area_code',
      'is_demo',
    ])
    .where(anyOf('id', ids))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The locations where any of these services is given. */
export async function locationIdsHosting(db: Db, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  const rows = await db
    .selectFrom('hsds_service_at_location')
    .select('location_id')
    .distinct()
    .where(anyOf('service_id', serviceIds))
    .execute();
  return rows.map((r) => r.location_id);
}

/** Contacts of any of the parents. */
async function contactsOf(db: Db, p: Parents) {
  return db
    .selectFrom('hsds_contact')
    .selectAll()
    .where(
      anyOfEither([
        ['service_id', p.services],
        ['service_at_location_id', p.serviceAtLocations],
        ['location_id', p.locations],
        ['organization_id', p.organizations],
      ]),
    )
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/**
 * `id` of the parents' phones and of their contacts' phones, as SQL for a subquery: one branch
 * per owner column, united. One OR across the columns and the contact subquery made PostgreSQL
 * read every phone (8 ms of a 20 ms Hulpwijzer search over 50 000 services); each branch here is
 * an index scan on its owner column (migration 0024).
 */
function phonesOfParents(p: Parents) {
  const owners: [string, readonly string[]][] = [
    ['service_id', p.services],
    ['service_at_location_id', p.serviceAtLocations],
    ['location_id', p.locations],
    ['organization_id', p.organizations],
  ];
  const branches = owners
    .filter(([, ids]) => ids.length > 0)
    .map(([column, ids]) => sql`select id from hsds_phone where ${anyOf(column, ids)}`);
  branches.push(sql`select ph.id from hsds_phone ph join hsds_contact c on c.id = ph.contact_id
    where ${anyOfEither([
      ['c.service_id', p.services],
      ['c.service_at_location_id', p.serviceAtLocations],
      ['c.location_id', p.locations],
      ['c.organization_id', p.organizations],
    ])}`);
  return sql.join(branches, sql` union `);
}

/**
 * Phones of any of the parents, and of their contacts (one round trip). `= any(array(…))` makes
 * the ids an init plan read once, so the phones themselves come by primary key.
 */
async function phonesOf(db: Db, p: Parents) {
  return db
    .selectFrom('hsds_phone as ph')
    .selectAll()
    .where(sql<SqlBool>`ph.id = any(array(${phonesOfParents(p)}))`)
    .orderBy('ph.number')
    .orderBy('ph.id')
    .execute();
}

async function schedulesOf(db: Db, p: Parents) {
  return db
    .selectFrom('hsds_schedule')
    .selectAll()
    .where(
      anyOfEither([
        ['service_id', p.services],
        ['service_at_location_id', p.serviceAtLocations],
        ['location_id', p.locations],
      ]),
    )
    .orderBy('id')
    .execute();
}

/**
 * Languages of services and locations, and of every phone phonesOf loads — the contacts' phones
 * too, or an export read back would remove their languages.
 */
async function languagesOf(db: Db, p: Parents) {
  return db
    .selectFrom('hsds_language')
    .selectAll()
    .where(
      sql<SqlBool>`(${anyOfEither([
        ['service_id', p.services],
        ['location_id', p.locations],
      ])} or phone_id = any(array(${phonesOfParents(p)})))`,
    )
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Attributes of the parents and of the services' areas. */
async function attributesOf(db: Db, p: Parents) {
  const ids = [...p.services, ...p.serviceAtLocations, ...p.locations, ...p.organizations];
  return db
    .selectFrom('hsds_attribute')
    .select(['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id', 'value'])
    .where(
      sql<SqlBool>`(${anyOfEither([['link_id', ids]])} or link_id in (select sa.id
        from hsds_service_area sa where ${anyOfEither([['sa.service_id', p.services]])}))`,
    )
    .orderBy('link_type')
    .orderBy('value')
    .orderBy('id')
    .execute();
}

/** The attributes of exactly these entities (a list page: services and their organizations). */
export async function attributesByLinkIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('hsds_attribute')
    .select(['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id', 'value'])
    .where(anyOf('link_id', [...new Set(ids)]))
    .orderBy('link_type')
    .orderBy('value')
    .orderBy('id')
    .execute();
}

/** Change records of the parents. */
async function metadataOf(db: Db, p: Parents) {
  const ids = [...p.services, ...p.serviceAtLocations, ...p.locations, ...p.organizations];
  return db
    .selectFrom('hsds_metadata')
    .selectAll()
    .where(anyOfEither([['resource_id', ids]]))
    .orderBy('last_action_date')
    .orderBy('id')
    .execute();
}

async function serviceAreasOf(db: Db, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('hsds_service_area')
    .selectAll()
    .where(anyOf('service_id', serviceIds))
    .orderBy('area_code')
    .execute();
}

async function costOptionsOf(db: Db, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('hsds_cost_option')
    .selectAll()
    .where(anyOf('service_id', serviceIds))
    .orderBy('id')
    .execute();
}

async function addressesOf(db: Db, locationIds: readonly string[]) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('hsds_address')
    .selectAll()
    .where(anyOf('location_id', locationIds))
    .orderBy('id')
    .execute();
}

async function accessibilityOf(db: Db, locationIds: readonly string[]) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('hsds_accessibility')
    .selectAll()
    .where(anyOf('location_id', locationIds))
    .orderBy('id')
    .execute();
}

/**
 * The contacts, phones (their own and their contacts') and schedules of the parents, for the
 * resident cards: one query per table, whatever the number of cards.
 */
export async function contactPartsOf(db: Db, p: Parents) {
  const [contacts, phones, schedules] = await Promise.all([
    contactsOf(db, p),
    phonesOf(db, p),
    schedulesOf(db, p),
  ]);
  return { contacts, phones, schedules };
}

/** Every child row of the parents: one query per table. */
export async function childrenOf(db: Db, p: Parents) {
  const [contacts, phones, schedules, languages, attributes, metadata] = await Promise.all([
    contactsOf(db, p),
    phonesOf(db, p),
    schedulesOf(db, p),
    languagesOf(db, p),
    attributesOf(db, p),
    metadataOf(db, p),
  ]);
  const [serviceAreas, costOptions, addresses, accessibility] = await Promise.all([
    serviceAreasOf(db, p.services),
    costOptionsOf(db, p.services),
    addressesOf(db, p.locations),
    accessibilityOf(db, p.locations),
  ]);
  return {
    contacts,
    phones,
    schedules,
    languages,
    attributes,
    metadata,
    serviceAreas,
    costOptions,
    addresses,
    accessibility,
  };
}

export type Children = Awaited<ReturnType<typeof childrenOf>>;
export type LocationRow = Awaited<ReturnType<typeof locationsByIds>>[number];
export type ServiceAtLocationRow = Awaited<ReturnType<typeof serviceAtLocationsOf>>[number];
