/**
 * TRUNCATE of a table the search rows are built from rebuilds them (migration 0026): after it,
 * every row is what a full rebuild gives, the data version has moved, and the search's memo
 * (ADR 0022) follows. Each case runs in a transaction that is rolled back, so they start equal.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { v4 as uuid } from 'uuid';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import type { Database } from '../../db/schema.js';
import { stableId } from './directory-ids.js';
import { findForNeeds } from './search-candidates.service.js';

const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');
const GROLLOO = ['WK168020', 'GM1680', 'regio', 'online'];

class RollBack extends Error {}

/**
 * The seed never invents addresses, so no seeded listing has a point: give Markehuis a place
 * with coordinates (a demo one), so emptying places changes a search row.
 */
async function placeMarkehuis(trx: Kysely<Database>) {
  const service = await trx
    .selectFrom('hsds_service')
    .select('region_id')
    .where('id', '=', MARKEHUIS)
    .executeTakeFirstOrThrow();
  const location = uuid();
  await trx
    .insertInto('hsds_location')
    .values({
      id: location,
      region_id: service.region_id,
      location_type: 'physical',
      latitude: 52.93,
      longitude: 6.67,
      is_demo: true,
    })
    .execute();
  await trx
    .insertInto('hsds_service_at_location')
    .values({ id: uuid(), service_id: MARKEHUIS, location_id: location })
    .execute();
}

/** Every search row, in a stable order and shape. */
async function searchRows(db: Kysely<Database>) {
  const { rows } = await sql<Record<string, unknown>>`select service_id, listed, checked_on,
      ladder_rank, ladder, need_codes, area_codes, match_keys, points::text as points, name
    from hsds_search_entry order by service_id`.execute(db);
  return rows;
}

async function dataVersion(db: Kysely<Database>) {
  const row = await db.selectFrom('data_version').select('version').executeTakeFirstOrThrow();
  return Number(row.version);
}

/** Runs `work` in a transaction that is always rolled back. */
async function rolledBack(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<void>,
) {
  await expect(
    db.transaction().execute(async (trx) => {
      await work(trx);
      throw new RollBack();
    }),
  ).rejects.toBeInstanceOf(RollBack);
}

describeEachDatabase('Hulpwijzer search rows after TRUNCATE', (get) => {
  const cases = [
    'hsds_attribute',
    'hsds_service_area',
    'hsds_service_at_location',
    'hsds_location',
    'hsds_taxonomy_term',
  ] as const;

  for (const table of cases)
    it(`rebuilds every row after TRUNCATE ${table}`, async () => {
      const db = get().db;
      const stored = await searchRows(db);
      expect(stored.length).toBeGreaterThan(10);
      await rolledBack(db, async (trx) => {
        await placeMarkehuis(trx);
        const before = await searchRows(trx);
        expect(before.some((row) => row.points !== null)).toBe(true);
        const version = await dataVersion(trx);
        await sql`truncate ${sql.table(table)} cascade`.execute(trx);
        const after = await searchRows(trx);
        // Something the search reads has gone: the rows must have changed …
        expect(after).not.toEqual(before);
        expect(after).toHaveLength(before.length);
        // … to exactly what a rebuild from the remaining tables gives.
        await sql`select hsds_refresh_search_entry(array(select id from hsds_service))`.execute(
          trx,
        );
        expect(after).toEqual(await searchRows(trx));
        expect(await dataVersion(trx)).toBeGreaterThan(version);
      });
      expect(await searchRows(db)).toEqual(stored);
    });

  it('no longer finds a listing by a need whose attributes were truncated', async () => {
    const db = get().db;
    const regionId = (
      await db
        .selectFrom('region')
        .select('id')
        .where('code', '=', 'drenthe')
        .executeTakeFirstOrThrow()
    ).id;
    const finds = async (trx: Kysely<Database>) =>
      (
        await findForNeeds(trx, {
          regionId,
          needCodes: ['eenzaamheid'],
          areaCodes: GROLLOO,
          keepPerNeed: 1000,
        })
      ).candidates.some((c) => c.id === MARKEHUIS);
    expect(await finds(db)).toBe(true);
    await rolledBack(db, async (trx) => {
      await sql`truncate hsds_attribute`.execute(trx);
      expect(await finds(trx)).toBe(false);
    });
    expect(await finds(db)).toBe(true);
  });
});
