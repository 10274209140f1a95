/**
 * The Hulpwijzer's change counter (ADR 0021): one row whose `version` every statement that
 * writes an HSDS table raises, by a statement trigger (insert, update, delete and truncate), so
 * the open-data export can be cached and revalidated (ETag) per state of the directory whoever
 * wrote it: editors, imports, the seed, or SQL by hand. The counter moves inside the writing
 * transaction, so a reader sees the new number together with the new rows, never before them.
 */
import { type Kysely, sql } from 'kysely';
import { runStatements } from '../statements.js';

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
  // Function bodies hold `;` at line ends, which runStatements would split on.
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
  await sql.raw('drop table if exists hsds_directory_version').execute(db);
}
