/**
 * The Hulpwijzer's search row per service (ADR 0017): what a resident's search filters and orders
 * on — shown or not, date of the last check, ladder step, needs, areas, located points — in one
 * narrow row with GIN indexes, kept current by statement triggers on the HSDS tables it is made
 * from. A search then reads only these rows, and the full card only of the services it shows.
 * Editors and imports write the HSDS tables as usual; the database keeps this table in step.
 */
import { type Kysely, sql } from 'kysely';
import { runStatements } from '../statements.js';

/**
 * The stable ids (UUID v5, ADR 0016) of the profile's need and ladder taxonomies, as a migration
 * keeps them: a snapshot. `directory-search.test.ts` checks them against `taxonomyId()`.
 */
export const NEED_TAXONOMY_ID = '387a4aff-115b-5cd8-b7af-99dc376dced0';
export const LADDER_TAXONOMY_ID = '460fdee8-061c-5fda-a144-ebe2fab27675';

/**
 * The row of each service in `ids`, rebuilt from the HSDS tables (a removed service: no row).
 * `match_keys` holds every need@area pair of the service, so "these needs in these areas" is one
 * selective GIN lookup instead of two broad ones intersected. Replaced by migration 0024 and then
 * by the set-based rebuild of 0025; exported for 0024's `down`.
 */
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
  cross join lateral (select array(select t.code from hsds_attribute a
      join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
      where a.link_id = s.id and a.link_entity = 'service' and t.taxonomy_id = '${NEED_TAXONOMY_ID}'
      order by t.position) as codes) needs
  cross join lateral (select array(select sa.area_code from hsds_service_area sa
      where sa.service_id = s.id order by sa.area_code) as codes) areas
  left join lateral (select t.position, t.code from hsds_attribute a
      join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
      where a.link_id = s.id and a.link_entity = 'service' and t.taxonomy_id = '${LADDER_TAXONOMY_ID}'
      order by t.position limit 1) ladder on true
  where s.id = any(ids);
end $$`;

/**
 * Per source table: which services the rows of a transition table (`rows`) touch. Statement
 * triggers with transition tables, so a bulk insert of 50 000 rows rebuilds each service once.
 */
const TOUCHED: Record<string, (rows: string) => string> = {
  hsds_service: (rows) => `select id from ${rows}`,
  hsds_attribute: (rows) => `select link_id from ${rows} where link_entity = 'service'`,
  hsds_service_area: (rows) => `select service_id from ${rows}`,
  hsds_service_at_location: (rows) => `select service_id from ${rows}`,
  hsds_location: (rows) => `select sal.service_id from hsds_service_at_location sal
    where sal.location_id in (select id from ${rows})`,
  hsds_taxonomy_term: (rows) => `select a.link_id from hsds_attribute a
    where a.link_entity = 'service' and a.taxonomy_term_id in (select id from ${rows})`,
};

/** A deleted service takes its row with it (foreign key); locations and terms matter on update. */
const EVENTS: Record<string, ('insert' | 'update' | 'delete')[]> = {
  hsds_service: ['insert', 'update'],
  hsds_attribute: ['insert', 'update', 'delete'],
  hsds_service_area: ['insert', 'update', 'delete'],
  hsds_service_at_location: ['insert', 'update', 'delete'],
  hsds_location: ['update'],
  hsds_taxonomy_term: ['update'],
};

/** PostgreSQL allows transition tables only on single-event triggers: one trigger per event. */
function triggerStatements(table: string): string[] {
  const touched = TOUCHED[table];
  if (!touched) return [];
  const refresh = (query: string) => `perform hsds_refresh_search_entry(array(${query}));`;
  const fn = `${table}_search_refresh`;
  const body = `begin
    if tg_op = 'INSERT' then ${refresh(touched('new_rows'))}
    elsif tg_op = 'DELETE' then ${refresh(touched('old_rows'))}
    else ${refresh(`${touched('new_rows')} union ${touched('old_rows')}`)}
    end if;
    return null;
  end`;
  const referencing = {
    insert: 'new table as new_rows',
    update: 'old table as old_rows new table as new_rows',
    delete: 'old table as old_rows',
  };
  return [
    `create or replace function ${fn}() returns trigger language plpgsql as $$ ${body} $$`,
    ...(EVENTS[table] ?? []).map(
      (event) => `create trigger ${table}_search_${event} after ${event} on ${table}
        referencing ${referencing[event]} for each statement execute function ${fn}()`,
    ),
  ];
}

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table hsds_search_entry (
      service_id uuid primary key references hsds_service(id) on delete cascade,
      region_id int not null,
      listed boolean not null,
      checked_on date not null,
      ladder_rank int,
      ladder text,
      need_codes text[] not null,
      area_codes text[] not null,
      match_keys text[] not null,
      points jsonb,
      name text not null
    );
    create index hsds_search_entry_matches on hsds_search_entry using gin (match_keys)
      with (fastupdate = off);
    create index hsds_search_entry_areas on hsds_search_entry using gin (area_codes)
      with (fastupdate = off);
    create index hsds_search_entry_region on hsds_search_entry (region_id)
  `,
  );
  // Function bodies hold `;` at line ends, which runStatements would split on.
  await sql.raw(REFRESH).execute(db);
  for (const table of Object.keys(TOUCHED))
    for (const statement of triggerStatements(table)) await sql.raw(statement).execute(db);
  await sql`select hsds_refresh_search_entry(array(select id from hsds_service))`.execute(db);
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, events] of Object.entries(EVENTS)) {
    for (const event of events)
      await sql.raw(`drop trigger if exists ${table}_search_${event} on ${table}`).execute(db);
    await sql.raw(`drop function if exists ${table}_search_refresh()`).execute(db);
  }
  await sql.raw('drop function if exists hsds_refresh_search_entry(uuid[])').execute(db);
  await sql.raw('drop table if exists hsds_search_entry').execute(db);
}
