/**
 * The Hulpwijzer search keeps each need's visible services in memory per data version (ADR 0022),
 * so every change that can alter what a search finds must move `data_version`: a statement on the
 * search rows (which the triggers of 0022 rewrite after every write to a service, its needs,
 * ladder step, areas or places) or on the taxonomy terms (the need vocabulary) bumps it, in the
 * same transaction. The memo reads a need's services through `need_codes`, hence its index
 * (without a GIN pending list: PGlite runs no autovacuum, ADR 0017).
 */
import { type Kysely, sql } from 'kysely';
import { runStatements } from '../statements.js';

const BUMPED_BY = ['hsds_search_entry', 'hsds_taxonomy_term'];

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create index hsds_search_entry_needs on hsds_search_entry using gin (need_codes)
      with (fastupdate = off)`,
  );
  await sql
    .raw(
      `create or replace function hsds_bump_data_version() returns trigger language plpgsql as $$
      begin
        update data_version set version = version + 1, changed_at = now() where id = 1;
        return null;
      end $$`,
    )
    .execute(db);
  for (const table of BUMPED_BY)
    await sql
      .raw(
        `create trigger ${table}_bumps_data_version
          after insert or update or delete or truncate on ${table}
          for each statement execute function hsds_bump_data_version()`,
      )
      .execute(db);
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of BUMPED_BY)
    await sql.raw(`drop trigger if exists ${table}_bumps_data_version on ${table}`).execute(db);
  await sql.raw('drop function if exists hsds_bump_data_version()').execute(db);
  await sql.raw('drop index if exists hsds_search_entry_needs').execute(db);
}
