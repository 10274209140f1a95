/**
 * Two changes to the search rows of 0022 (ADR 0022).
 *
 * 1. The rebuild of a service's row becomes set-based (replacing 0024's per-service version): per table one scan for all services a
 * statement touched, instead of one subquery per service. Per service, the planner had to guess
 * whether to start from the service's attributes or from a term's: without statistics (PGlite
 * has no autovacuum, and a bulk import writes into tables it never analysed) it started from the
 * terms and read every attribute of every need once per service — 2.3 s for 20 services of 50 000,
 * hours for an import of thousands. Joined once over all ids, every plan is linear; and each call
 * is planned for its own ids (a generic plan, cached after five calls, assumed ten: 8 000 ids then
 * took 23 s instead of 0.8 s).
 *
 * 2. The Hulpwijzer search keeps each need's visible services in memory per data version (ADR 0022),
 * so every change that can alter what a search finds must move `data_version`: a statement on the
 * search rows (which the triggers of 0022 rewrite after every write to a service, its needs,
 * ladder step, areas or places) or on the taxonomy terms (the need vocabulary) bumps it, in the
 * same transaction. The memo reads a need's services through `need_codes`, hence its index
 * (without a GIN pending list: PGlite runs no autovacuum, ADR 0017).
 */
import { type Kysely, sql } from 'kysely';
import { runStatements } from '../statements.js';
import { LADDER_TAXONOMY_ID, NEED_TAXONOMY_ID } from './0022_directory_search.js';
import { REFRESH as REFRESH_0024 } from './0024_directory_version.js';

/** Same row as 0022's `hsds_refresh_search_entry`, built with one join per source table. */
const REFRESH = `
create or replace function hsds_refresh_search_entry(ids uuid[]) returns void
language plpgsql
-- A cached generic plan guesses ten ids; a bulk write brings thousands: plan every call.
set plan_cache_mode = force_custom_plan
as $$
begin
  perform 1 from hsds_service where id = any(ids) order by id for update;
  delete from hsds_search_entry where service_id = any(ids);
  insert into hsds_search_entry
    (service_id, region_id, listed, checked_on, ladder_rank, ladder, need_codes, area_codes,
     match_keys, points, name)
  with terms as (
    select a.link_id as service_id, t.taxonomy_id, t.code, t.position
    from hsds_attribute a join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
    where a.link_id = any(ids) and a.link_entity = 'service'
      and t.taxonomy_id in ('${NEED_TAXONOMY_ID}', '${LADDER_TAXONOMY_ID}')
  ), needs as (
    select service_id, array_agg(code order by position) as codes from terms
    where taxonomy_id = '${NEED_TAXONOMY_ID}' group by service_id
  ), ladder as (
    select distinct on (service_id) service_id, position, code from terms
    where taxonomy_id = '${LADDER_TAXONOMY_ID}' order by service_id, position
  ), areas as (
    select service_id, array_agg(area_code order by area_code) as codes from hsds_service_area
    where service_id = any(ids) group by service_id
  ), located as (
    select sal.service_id,
      jsonb_agg(jsonb_build_array(l.longitude, l.latitude) order by l.id) as points
    from hsds_service_at_location sal join hsds_location l on l.id = sal.location_id
    where sal.service_id = any(ids) and l.latitude is not null and l.longitude is not null
    group by sal.service_id
  )
  select s.id, s.region_id, s.review_status = 'goedgekeurd' and s.status = 'active',
    least(coalesce(s.assured_date, s.created_at::date), current_date), ladder.position, ladder.code,
    coalesce(needs.codes, '{}'), coalesce(areas.codes, '{}'),
    array(select n || '@' || a from unnest(coalesce(needs.codes, '{}')) n
      cross join unnest(coalesce(areas.codes, '{}')) a),
    located.points, s.name
  from hsds_service s
  left join needs on needs.service_id = s.id
  left join areas on areas.service_id = s.id
  left join ladder on ladder.service_id = s.id
  left join located on located.service_id = s.id
  where s.id = any(ids);
end $$`;

const BUMPED_BY = ['hsds_search_entry', 'hsds_taxonomy_term'];

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(REFRESH).execute(db);
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
  await sql.raw(REFRESH_0024).execute(db);
}
