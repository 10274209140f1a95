/**
 * SQL of the directory's import and export (ADR 0020): a region's rows of every HSDS table,
 * ids that belong to another region, and batched writes of an import. The tables and columns
 * come from hsds-tables.ts, so the statements are built with `sql.table`/`sql.ref` from that
 * list rather than written out sixteen times.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type HsdsTable, type StoredTable, TABLES } from './hsds-tables.js';
import { isVisibleService } from './visibility.sql.js';

type Db = Kysely<Database>;
export type DbRow = Record<string, unknown>;

/** Columns Marke keeps beside the spec's, read with a region's rows. */
const MARKE_COLUMNS: Partial<Record<StoredTable, readonly string[]>> = {
  organization: ['is_demo', 'seeded_from'],
  service: ['is_demo', 'seeded_from', 'review_status', 'created_at'],
  location: ['is_demo', 'area_code'],
  service_area: ['area_code'],
};

const table = (name: HsdsTable) => sql.table(`hsds_${name}`);
const hsdsColumns = (name: HsdsTable) =>
  TABLES[name].columns.filter((c) => c.stored).map((c) => c.name);

/** The region's rows of one table: who owns them decides (child rows have no region of their own). */
function regionFilter(name: StoredTable, regionId: number): RawBuilder<unknown> {
  const own = (t: 'organization' | 'service' | 'location') =>
    sql`(select id from ${table(t)} where region_id = ${regionId})`;
  const sal = sql`(select sal.id from hsds_service_at_location sal
    join hsds_service s on s.id = sal.service_id where s.region_id = ${regionId})`;
  const contact = sql`(select id from hsds_contact where organization_id in ${own('organization')}
    or service_id in ${own('service')} or location_id in ${own('location')}
    or service_at_location_id in ${sal})`;
  const phone = sql`(select id from hsds_phone where organization_id in ${own('organization')}
    or service_id in ${own('service')} or location_id in ${own('location')}
    or service_at_location_id in ${sal} or contact_id in ${contact})`;
  const area = sql`(select id from hsds_service_area where service_id in ${own('service')})`;
  switch (name) {
    case 'organization':
    case 'service':
    case 'location':
      return sql`region_id = ${regionId}`;
    case 'service_at_location':
    case 'service_area':
    case 'cost_option':
      return sql`service_id in ${own('service')}`;
    case 'address':
    case 'accessibility':
      return sql`location_id in ${own('location')}`;
    case 'contact':
      return sql`id in ${contact}`;
    case 'phone':
      return sql`id in ${phone}`;
    case 'schedule':
      return sql`service_id in ${own('service')} or location_id in ${own('location')}
        or service_at_location_id in ${sal}`;
    case 'language':
      return sql`service_id in ${own('service')} or location_id in ${own('location')}
        or phone_id in ${phone}`;
    case 'attribute':
      return sql`link_id in ${own('organization')} or link_id in ${own('service')}
        or link_id in ${own('location')} or link_id in ${sal} or link_id in ${area}`;
  }
}

/** Every row of the region in one table, with the spec's columns and Marke's own, ordered by id. */
export async function regionRows(db: Db, name: StoredTable, regionId: number): Promise<DbRow[]> {
  const columns = [...hsdsColumns(name), ...(MARKE_COLUMNS[name] ?? [])];
  const result = await sql<DbRow>`select ${sql.join(columns.map((c) => sql.ref(c)))}
    from ${table(name)} where ${regionFilter(name, regionId)} order by id`.execute(db);
  return result.rows;
}

/** Ids of the services residents may see (the search's rule), for the open-data export. */
export async function listedServiceIds(db: Db, regionId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('hsds_service as s')
    .select('s.id')
    .where('s.region_id', '=', regionId)
    .where(isVisibleService('s'))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Of these services, the ones residents do not see (the search's rule), with what decides it. */
export async function hiddenServices(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; name: string; status: string; checked_on: string }>> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('hsds_service as s')
    .select([
      's.id',
      's.name',
      's.status',
      sql<string>`least(coalesce(s.assured_date, s.created_at::date), current_date)::text`.as(
        'checked_on',
      ),
    ])
    .where(sql<boolean>`s.id = any(${ids}::uuid[])`)
    .where(sql<boolean>`not ${isVisibleService('s')}`)
    .execute();
}

/** The profile: every taxonomy and term (shared by all regions), ordered as the profile is. */
export async function profileRows(db: Db) {
  const [taxonomies, terms] = await Promise.all([
    db
      .selectFrom('hsds_taxonomy')
      .select(['id', 'name', 'description', 'uri', 'version'])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('hsds_taxonomy_term')
      .select([
        'id',
        'code',
        'name',
        'description',
        'parent_id',
        'language',
        'taxonomy_id',
        'term_uri',
      ])
      .orderBy('taxonomy_id')
      .orderBy('position')
      .execute(),
  ]);
  return { taxonomies, terms };
}

/** Of these ids, the ones that already exist in the table (in any region). */
export async function existingIds(db: Db, name: StoredTable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await sql<{ id: string }>`select id from ${table(name)}
    where id = any(${ids}::uuid[])`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

/** Waits for, and holds until the end of the transaction, the lock on a region's directory. */
export async function lockDirectory(db: Db, regionId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(7243005, ${regionId})`.execute(db);
}

/**
 * Rows per statement of a bulk write. Each statement runs the search rows' triggers once for the
 * services it touches (migration 0022); with 5 000 attribute rows per statement that refresh grew
 * past linear on PGlite (23 s for 20 000 rows against 2 s at 1 000).
 */
const CHUNK = 1_000;

/**
 * Inserts the rows, or updates the `update` columns of rows whose id exists. Every row has the
 * same keys. The rows travel as one JSON parameter that `jsonb_populate_recordset` reads as rows
 * of the table's own type, so each value is read as its column's type: one parameter instead of
 * one per value (400-row VALUES lists took 8.2 s where this takes 6.1 s for 25 000 rows).
 */
export async function upsertRows(
  db: Db,
  name: StoredTable,
  rows: DbRow[],
  update: readonly string[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = sql.join(Object.keys(first).map((c) => sql.ref(c)));
  const set = sql.join(update.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
  for (let i = 0; i < rows.length; i += CHUNK)
    await sql`insert into ${table(name)} (${columns})
      select ${columns} from jsonb_populate_recordset(null::${table(name)},
        ${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb)
      on conflict (id) do update set ${set}`.execute(db);
}

export async function deleteRows(db: Db, name: StoredTable, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK * 5)
    await sql`delete from ${table(name)} where id = any(${ids.slice(i, i + CHUNK * 5)}::uuid[])`.execute(
      db,
    );
}

/** The tables with a unique key besides their id (migration 0021), and that key's columns. */
export const UNIQUE_KEYS = {
  service_area: ['service_id', 'area_code'],
  service_at_location: ['service_id', 'location_id'],
} as const;
export const KEYED_TABLES = Object.keys(UNIQUE_KEYS) as Array<keyof typeof UNIQUE_KEYS>;
export type KeyedIds = Record<keyof typeof UNIQUE_KEYS, string[]>;

/**
 * Deletes these rows and everything the database removes with them (contacts, phones and hours
 * of a place, the phones' languages, the rows' attributes), and says per table which ids were
 * there, so the caller can write them back. PostgreSQL checks a unique key row by row, and the
 * keys are not deferrable: a swap can only be written as delete, then insert.
 */
export async function deleteForRewrite(
  db: Db,
  ids: KeyedIds,
): Promise<Partial<Record<StoredTable, string[]>>> {
  const places = ids.service_at_location;
  const owners = [...places, ...ids.service_area];
  if (owners.length === 0) return {};
  const select = async (query: RawBuilder<{ id: string }>) =>
    (await query.execute(db)).rows.map((r) => r.id);
  const contact = await select(sql<{ id: string }>`select id from hsds_contact
    where service_at_location_id = any(${places}::uuid[])`);
  const phone = await select(sql<{ id: string }>`select id from hsds_phone
    where service_at_location_id = any(${places}::uuid[]) or contact_id = any(${contact}::uuid[])`);
  const out: Partial<Record<StoredTable, string[]>> = {
    contact,
    phone,
    language: await select(sql<{ id: string }>`select id from hsds_language
      where phone_id = any(${phone}::uuid[])`),
    schedule: await select(sql<{ id: string }>`select id from hsds_schedule
      where service_at_location_id = any(${places}::uuid[])`),
    attribute: await select(sql<{ id: string }>`select id from hsds_attribute
      where link_id = any(${owners}::uuid[])`),
  };
  // The foreign keys cascade to the rows above; the delete triggers drop the attributes.
  await deleteRows(db, 'service_at_location', places);
  await deleteRows(db, 'service_area', ids.service_area);
  return out;
}

export type MetadataRow = {
  id: string;
  resource_id: string;
  resource_type: string;
  last_action_type: 'create' | 'update' | 'delete';
  field_name: string;
  previous_value: string;
  replacement_value: string;
  updated_by: string;
};

/**
 * The HSDS change history of an import: one row per created, deleted or changed field. An import
 * of 5 000 services writes some 135 000 of them, so each column goes as one array through
 * `unnest` (PGlite then spends its time storing the rows, not reading parameters).
 */
export async function insertMetadata(db: Db, rows: MetadataRow[]): Promise<void> {
  const column = (part: MetadataRow[], key: keyof MetadataRow) => part.map((r) => r[key]);
  for (let i = 0; i < rows.length; i += CHUNK * 5) {
    const part = rows.slice(i, i + CHUNK * 5);
    await sql`insert into hsds_metadata (id, resource_id, resource_type, last_action_type,
        field_name, previous_value, replacement_value, updated_by)
      select * from unnest(${column(part, 'id')}::uuid[], ${column(part, 'resource_id')}::uuid[],
        ${column(part, 'resource_type')}::text[], ${column(part, 'last_action_type')}::text[],
        ${column(part, 'field_name')}::text[], ${column(part, 'previous_value')}::text[],
        ${column(part, 'replacement_value')}::text[], ${column(part, 'updated_by')}::text[])`.execute(
      db,
    );
  }
}
