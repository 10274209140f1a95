/**
 * The Hulpwijzer's change counter (ADR 0021): one row whose `version` every statement that
 * writes an HSDS table raises, by a statement trigger (insert, update, delete and truncate), so
 * the open-data export can be cached and revalidated (ETag) per state of the directory whoever
 * wrote it: editors, imports, the seed, or SQL by hand. The counter moves inside the writing
 * transaction, so a reader sees the new number together with the new rows, never before them.
 * Also the indexes the directory's owner columns lacked (OWNER_INDEXES).
 */
import { type Kysely, sql } from 'kysely';
import { runStatements } from '../statements.js';
import {
  LADDER_TAXONOMY_ID,
  NEED_TAXONOMY_ID,
  REFRESH as REFRESH_0022,
} from './0022_directory_search.js';

/** Every table the HSDS API and the export read (not the search rows, which are derived). */
export const VERSIONED_TABLES = [
  'hsds_taxonomy',
  'hsds_taxonomy_term',
  'hsds_organization',
  'hsds_service',
  'hsds_location',
  'hsds_service_at_location',
  'hsds_address',
  'hsds_contact',
  'hsds_phone',
  'hsds_schedule',
  'hsds_service_area',
  'hsds_language',
  'hsds_accessibility',
  'hsds_cost_option',
  'hsds_attribute',
  'hsds_metadata',
] as const;

/**
 * The owner columns that had no index of their own (migration 0021 indexed the common ones):
 * without them the search rows' trigger (ADR 0017) read every service area and
 * service_at_location once per service it rebuilt — an import of 5 000 services spent minutes
 * there — and a cascade from a removed service, or the export's child loaders, read whole tables.
 * Partial: most rows name one owner only.
 */
const OWNER_INDEXES: [table: string, column: string][] = [
  ['hsds_service_area', 'service_id'],
  ['hsds_service_at_location', 'service_id'],
  ['hsds_contact', 'organization_id'],
  ['hsds_contact', 'location_id'],
  ['hsds_contact', 'service_at_location_id'],
  ['hsds_phone', 'location_id'],
  ['hsds_phone', 'service_at_location_id'],
  ['hsds_phone', 'contact_id'],
  ['hsds_schedule', 'location_id'],
  ['hsds_schedule', 'service_at_location_id'],
  ['hsds_language', 'location_id'],
  ['hsds_language', 'phone_id'],
];

/**
 * The terms of one service's own attributes, planned on their own (`offset 0`): by the link's
 * index. Inside the search row's rebuild (migration 0022) the planner, without statistics (PGlite
 * never analyzes; a large import outgrows them in its own transaction), walked the attributes of
 * every need term and filtered on the service: rebuilding 100 of 5 000 services took 1.4 s.
 */
const OWN_TERMS = `select a.taxonomy_term_id from hsds_attribute a
      where a.link_id = s.id and a.link_entity = 'service' offset 0`;

/** Migration 0022's rebuild of the search rows, the same rows, with OWN_TERMS. */
export const REFRESH = `
create or replace function hsds_refresh_search_entry(ids uuid[]) returns void
language plpgsql as $$
begin
  -- Two transactions writing to one service would both delete and insert its row; the second
  -- insert would hit the first's key. Taking the services in id order makes them wait in turn,
  -- and each statement after the wait sees what the other committed.
  perform 1 from hsds_service where id = any(ids) order by id for update;
  delete from hsds_search_entry where service_id = any(ids);
  insert into hsds_search_entry
    (service_id, region_id, listed, checked_on, ladder_rank, ladder, need_codes, area_codes,
     match_keys, points, name)
  select s.id, s.region_id, s.review_status = 'goedgekeurd' and s.status = 'active',
    least(coalesce(s.assured_date, s.created_at::date), current_date), ladder.position, ladder.code,
    needs.codes, areas.codes,
    array(select n || '@' || a from unnest(needs.codes) n cross join unnest(areas.codes) a),
    (select jsonb_agg(jsonb_build_array(l.longitude, l.latitude) order by l.id)
      from hsds_service_at_location sal join hsds_location l on l.id = sal.location_id
      where sal.service_id = s.id and l.latitude is not null and l.longitude is not null),
    s.name
  from hsds_service s
  cross join lateral (select array(select t.code from (${OWN_TERMS}) a
      join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
      where t.taxonomy_id = '${NEED_TAXONOMY_ID}' order by t.position) as codes) needs
  cross join lateral (select array(select sa.area_code from hsds_service_area sa
      where sa.service_id = s.id order by sa.area_code) as codes) areas
  left join lateral (select t.position, t.code from (${OWN_TERMS}) a
      join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
      where t.taxonomy_id = '${LADDER_TAXONOMY_ID}' order by t.position limit 1) ladder on true
  where s.id = any(ids);
end $$`;

const BUMP = `
create or replace function hsds_directory_changed() returns trigger
language plpgsql as $$
begin
  update hsds_directory_version set version = version + 1 where id;
  return null;
end $$`;

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table hsds_directory_version (
      id boolean primary key default true check (id),
      version bigint not null
    );
    insert into hsds_directory_version (id, version) values (true, 1)
  `,
  );
  for (const [table, column] of OWNER_INDEXES)
    await sql
      .raw(
        `create index ${table}_${column}_owner on ${table} (${column}) where ${column} is not null`,
      )
      .execute(db);
  // Function bodies hold `;` at line ends, which runStatements would split on.
  await sql.raw(REFRESH).execute(db);
  await sql.raw(BUMP).execute(db);
  for (const table of VERSIONED_TABLES)
    await sql
      .raw(
        `create trigger ${table}_directory_version
          after insert or update or delete or truncate on ${table}
          for each statement execute function hsds_directory_changed()`,
      )
      .execute(db);
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED_TABLES)
    await sql.raw(`drop trigger if exists ${table}_directory_version on ${table}`).execute(db);
  await sql.raw('drop function if exists hsds_directory_changed()').execute(db);
  await sql.raw(REFRESH_0022).execute(db);
  await sql.raw('drop table if exists hsds_directory_version').execute(db);
  for (const [table, column] of OWNER_INDEXES)
    await sql.raw(`drop index if exists ${table}_${column}_owner`).execute(db);
}
