/**
 * A large directory for the import/export tests: `count` generated services (test data, every
 * row `is_demo`, names "Voorbeeld N"; phone numbers and times are made up) spread over 100
 * organizations, each with an area of the region, a ladder step, one or two needs, a phone and
 * opening times; every fifth is given at a location with an address. Written with a few set-based
 * statements, as the benchmark generates its services.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { taxonomyId } from './directory-ids.js';
import { LADDER_TAXONOMY, NEED_TAXONOMY } from './profile.js';

type Db = Kysely<Database>;
const ORGANIZATIONS = 100;

export async function generateDirectory(db: Db, regionId: number, count: number): Promise<void> {
  const terms = async (taxonomy: string) =>
    (
      await db
        .selectFrom('hsds_taxonomy_term')
        .select('id')
        .where('taxonomy_id', '=', taxonomyId(taxonomy))
        .orderBy('position')
        .execute()
    ).map((t) => t.id);
  const [ladder, needs] = [await terms(LADDER_TAXONOMY), await terms(NEED_TAXONOMY)];
  const areas = (
    await db
      .selectFrom('area')
      .select('code')
      .where('region_id', '=', regionId)
      .where('in_region', '=', true)
      .where('level', 'in', ['gemeente', 'wijk'])
      .orderBy('code')
      .execute()
  ).map((a) => a.code);
  const gemeenten = areas.filter((code) => code.startsWith('GM'));
  // One transaction: one connection of the pool, which alone sees the temporary tables.
  await db
    .transaction()
    .execute((trx) => write(trx, regionId, count, { ladder, needs, areas, gemeenten }));
}

type Choices = { ladder: string[]; needs: string[]; areas: string[]; gemeenten: string[] };

async function write(db: Db, regionId: number, count: number, c: Choices): Promise<void> {
  const { ladder, needs, areas, gemeenten } = c;
  await sql`create temporary table generated (n int, id uuid, organization uuid, location uuid)
    on commit drop`.execute(db);
  await sql`insert into generated
    select n, gen_random_uuid(), null, case when n % 5 = 0 then gen_random_uuid() end
    from generate_series(1, ${count}) n`.execute(db);
  await sql`create temporary table generated_organization on commit drop as
    select n, gen_random_uuid() as id from generate_series(1, ${ORGANIZATIONS}) n`.execute(db);
  await sql`update generated g set organization = o.id
    from generated_organization o where o.n = g.n % ${ORGANIZATIONS} + 1`.execute(db);
  await sql`insert into hsds_organization (id, region_id, name, description, is_demo)
    select id, ${regionId}, 'Voorbeeldorganisatie ' || n,
      'Verzonnen organisatie voor de test (voorbeelddata).', true
    from generated_organization`.execute(db);
  await sql`insert into hsds_service (id, region_id, organization_id, name, description,
      eligibility_description, fees_description, status, is_demo, review_status, assured_date)
    select id, ${regionId}, organization, 'Voorbeeld ' || n,
      'Een verzonnen dienst voor de test (voorbeelddata), nummer ' || n || '.',
      'Voor iedereen in de buurt.', 'Gratis.', 'active', true, 'goedgekeurd', current_date
    from generated`.execute(db);
  await sql`insert into hsds_service_area (id, service_id, area_code)
    select gen_random_uuid(), id,
      case when n % 10 = 0 then 'regio' else (${areas}::text[])[n % ${areas.length} + 1] end
    from generated`.execute(db);
  await sql`insert into hsds_attribute (id, link_id, link_type, link_entity, taxonomy_term_id)
    select gen_random_uuid(), id, 'hulpladder', 'service', (${ladder}::uuid[])[n % ${ladder.length} + 1]
      from generated
    union all
    select gen_random_uuid(), id, 'hulpvraag', 'service', (${needs}::uuid[])[n % ${needs.length} + 1]
      from generated
    union all
    select gen_random_uuid(), id, 'hulpvraag', 'service',
      (${needs}::uuid[])[(n + 7) % ${needs.length} + 1]
      from generated where n % 2 = 0 and (n + 7) % ${needs.length} <> n % ${needs.length}`.execute(
    db,
  );
  await sql`insert into hsds_phone (id, service_id, number, type)
    select gen_random_uuid(), id, '0592 ' || lpad(n::text, 6, '0'), 'voice' from generated`.execute(
    db,
  );
  await sql`insert into hsds_schedule (id, service_id, freq, byday, opens_at, closes_at,
      description)
    select gen_random_uuid(), id, 'WEEKLY', 'MO,WE', '09:00', '12:00', 'Maandag en woensdag'
    from generated`.execute(db);
  await sql`insert into hsds_location (id, region_id, organization_id, location_type, name,
      area_code, is_demo)
    select location, ${regionId}, organization, 'physical', 'Voorbeeldlocatie ' || n,
      (${gemeenten}::text[])[n % ${gemeenten.length} + 1], true
    from generated where location is not null`.execute(db);
  await sql`insert into hsds_address (id, location_id, address_1, city, state_province,
      postal_code, country, address_type)
    select gen_random_uuid(), location, 'Voorbeeldstraat ' || n, 'Voorbeeldplaats', 'Drenthe',
      '9400 AA', 'NL', 'physical'
    from generated where location is not null`.execute(db);
  await sql`insert into hsds_service_at_location (id, service_id, location_id)
    select gen_random_uuid(), id, location from generated where location is not null`.execute(db);
}
