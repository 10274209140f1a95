/**
 * TRUNCATE keeps the search rows true (the Hulpwijzer search reads only `hsds_search_entry`).
 *
 * The row triggers of 0022 follow insert, update and delete with transition tables; PostgreSQL
 * fires no such trigger on TRUNCATE, so emptying the attributes, areas, places or terms (a
 * maintenance script, a restore) left every service's needs, ladder step, areas and points as
 * they were — and the search found listings by needs they no longer had. A statement trigger on
 * TRUNCATE of each source table now rebuilds every service's row. TRUNCATE of `hsds_service`
 * needs CASCADE, which empties the search rows with it; TRUNCATE of locations or terms cascades
 * into `hsds_service_at_location` or `hsds_attribute`, whose own trigger then also rebuilds (a
 * second, cheap pass: TRUNCATE is rare). The rebuild writes the search rows, which moves the data
 * version (0025), so the search memo follows in the same transaction.
 */
import { type Kysely, sql } from 'kysely';

/** The tables 0022 reads for a search row, apart from `hsds_service` itself. */
const SOURCES = [
  'hsds_attribute',
  'hsds_service_area',
  'hsds_service_at_location',
  'hsds_location',
  'hsds_taxonomy_term',
] as const;

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create or replace function hsds_search_rebuild_all() returns trigger language plpgsql as $$
      begin
        perform hsds_refresh_search_entry(array(select id from hsds_service));
        return null;
      end $$`,
    )
    .execute(db);
  for (const table of SOURCES)
    await sql
      .raw(
        `create trigger ${table}_search_truncate after truncate on ${table}
          for each statement execute function hsds_search_rebuild_all()`,
      )
      .execute(db);
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of SOURCES)
    await sql.raw(`drop trigger if exists ${table}_search_truncate on ${table}`).execute(db);
  await sql.raw('drop function if exists hsds_search_rebuild_all()').execute(db);
}
