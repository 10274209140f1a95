/**
 * The search row per service (migration 0022) follows every change of the HSDS tables it is made
 * of: service fields, need and ladder attributes, areas, located places, terms; removals too.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { v4 as uuid } from 'uuid';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { LADDER_TAXONOMY_ID, NEED_TAXONOMY_ID } from '../../db/migrations/0022_directory_search.js';
import { stableId, taxonomyId, termId } from './directory-ids.js';
import { LADDER_TAXONOMY, NEED_TAXONOMY } from './profile.js';
import { isVisibleEntry, isVisibleService } from './visibility.sql.js';

const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');

it('the migration snapshot holds the profile taxonomies’ stable ids', () => {
  expect(NEED_TAXONOMY_ID).toBe(taxonomyId(NEED_TAXONOMY));
  expect(LADDER_TAXONOMY_ID).toBe(taxonomyId(LADDER_TAXONOMY));
});

describeEachDatabase('Hulpwijzer search rows', (get, kind) => {
  const entry = (id: string) =>
    get()
      .db.selectFrom('hsds_search_entry')
      .selectAll()
      .where('service_id', '=', id)
      .executeTakeFirst();

  it('has a row for every seeded service that agrees with its attributes and areas', async () => {
    const db = get().db;
    const services = await db.selectFrom('hsds_service').select('id').execute();
    const entries = await db.selectFrom('hsds_search_entry').selectAll().execute();
    expect(entries.length).toBe(services.length);
    expect(entries.length).toBeGreaterThan(100);
    const needs = await db
      .selectFrom('hsds_attribute as a')
      .innerJoin('hsds_taxonomy_term as t', 't.id', 'a.taxonomy_term_id')
      .select(['a.link_id', 't.code'])
      .where('t.taxonomy_id', '=', NEED_TAXONOMY_ID)
      .execute();
    const areas = await db
      .selectFrom('hsds_service_area')
      .select(['service_id', 'area_code'])
      .execute();
    for (const e of entries) {
      const own = needs.filter((n) => n.link_id === e.service_id).map((n) => n.code);
      expect(new Set(e.need_codes)).toEqual(new Set(own));
      const ownAreas = areas.filter((a) => a.service_id === e.service_id).map((a) => a.area_code);
      expect([...e.area_codes].sort()).toEqual(ownAreas.sort());
      expect(e.ladder_rank).not.toBeNull();
    }
    expect(await entry(MARKEHUIS)).toMatchObject({ ladder: 'samen', listed: true, points: null });
  });

  it('follows the service: check date, moderation, status, name', async () => {
    const db = get().db;
    await db
      .updateTable('hsds_service')
      .set({ assured_date: '2025-01-31', review_status: 'ingediend', name: 'Markehuis (nieuw)' })
      .where('id', '=', MARKEHUIS)
      .execute();
    expect(await entry(MARKEHUIS)).toMatchObject({
      checked_on: '2025-01-31',
      listed: false,
      name: 'Markehuis (nieuw)',
    });
    await db
      .updateTable('hsds_service')
      .set({ review_status: 'goedgekeurd', status: 'inactive' })
      .where('id', '=', MARKEHUIS)
      .execute();
    expect((await entry(MARKEHUIS))?.listed).toBe(false);
    await db
      .updateTable('hsds_service')
      .set({ status: 'active' })
      .where('id', '=', MARKEHUIS)
      .execute();
    expect((await entry(MARKEHUIS))?.listed).toBe(true);
  });

  it('follows needs, ladder, areas and term order as they are added, changed and removed', async () => {
    const db = get().db;
    const rouw = termId(NEED_TAXONOMY, 'rouw-levenseinde');
    await db
      .insertInto('hsds_attribute')
      .values({
        id: uuid(),
        link_id: MARKEHUIS,
        link_type: 'hulpvraag',
        link_entity: 'service',
        taxonomy_term_id: rouw,
        value: null,
      })
      .execute();
    expect((await entry(MARKEHUIS))?.need_codes).toContain('rouw-levenseinde');
    await db
      .deleteFrom('hsds_attribute')
      .where('link_id', '=', MARKEHUIS)
      .where('taxonomy_term_id', '=', rouw)
      .execute();
    expect((await entry(MARKEHUIS))?.need_codes).not.toContain('rouw-levenseinde');

    await db
      .updateTable('hsds_attribute')
      .set({ taxonomy_term_id: termId(LADDER_TAXONOMY, 'verder-weg') })
      .where('link_id', '=', MARKEHUIS)
      .where('taxonomy_term_id', '=', termId(LADDER_TAXONOMY, 'samen'))
      .execute();
    const moved = await entry(MARKEHUIS);
    expect(moved?.ladder).toBe('verder-weg');
    await db
      .updateTable('hsds_taxonomy_term')
      .set({ position: 99 })
      .where('id', '=', termId(LADDER_TAXONOMY, 'verder-weg'))
      .execute();
    expect((await entry(MARKEHUIS))?.ladder_rank).toBe(99);

    await db
      .insertInto('hsds_service_area')
      .values({ id: uuid(), service_id: MARKEHUIS, area_code: 'online' })
      .execute();
    expect((await entry(MARKEHUIS))?.area_codes).toContain('online');
    await db.deleteFrom('hsds_service_area').where('service_id', '=', MARKEHUIS).execute();
    expect((await entry(MARKEHUIS))?.area_codes).toEqual([]);
  });

  it('shows residents the same services through the search row as through the service', async () => {
    const db = get().db;
    const all = await db.selectFrom('hsds_service').select(['id', 'region_id']).execute();
    const day = (monthsAgo: number, days = 0) => {
      const d = new Date();
      d.setMonth(d.getMonth() - monthsAgo);
      d.setDate(d.getDate() + days);
      return d.toISOString().slice(0, 10);
    };
    // Around the 15-month edge, every moderation and service status, no check date at all.
    const states = [
      { assured_date: day(15, 1) },
      { assured_date: day(15) },
      { assured_date: day(15, -1) },
      { assured_date: null },
      { review_status: 'afgewezen' as const },
      { review_status: 'ingediend' as const },
      { status: 'temporarily closed' as const },
      { status: 'defunct' as const },
    ];
    for (const [i, state] of states.entries())
      await db
        .updateTable('hsds_service')
        .set(state)
        .where('id', '=', all[i * 3]?.id ?? '')
        .execute();
    const regionId = all[0]?.region_id ?? 0;
    const byService = await db
      .selectFrom('hsds_service as s')
      .select('s.id')
      .where('s.region_id', '=', regionId)
      .where(isVisibleService('s'))
      .execute();
    const byEntry = await db
      .selectFrom('hsds_search_entry as e')
      .select('e.service_id as id')
      .where(isVisibleEntry('e', regionId))
      .execute();
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(ids(byEntry)).toEqual(ids(byService));
    expect(byService.length).toBeLessThan(all.length - 5);
  });

  it.skipIf(kind !== 'postgres')(
    'lets two transactions that touch one service each rebuild its row in turn',
    async () => {
      const url = get().url ?? '';
      const [first, second] = [new pg.Client(url), new pg.Client(url)];
      await Promise.all([first.connect(), second.connect()]);
      try {
        await first.query('begin');
        await second.query('begin');
        await first.query(
          `insert into hsds_attribute (id, link_id, link_type, link_entity, taxonomy_term_id)
           values ($1, $2, 'hulpvraag', 'service', $3)`,
          [uuid(), MARKEHUIS, termId(NEED_TAXONOMY, 'vervoer')],
        );
        // Waits for the first transaction's lock on the service, then sees its row.
        const waiting = second.query(
          `insert into hsds_service_area (id, service_id, area_code) values ($1, $2, 'regio')`,
          [uuid(), MARKEHUIS],
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        await first.query('commit');
        await waiting;
        await second.query('commit');
      } finally {
        await Promise.all([first.end(), second.end()]);
      }
      const row = await entry(MARKEHUIS);
      expect(row?.need_codes).toContain('vervoer');
      expect(row?.area_codes).toContain('regio');
    },
  );

  it('follows located places and their coordinates, and leaves with a removed service', async () => {
    const db = get().db;
    const service = await db
      .selectFrom('hsds_service')
      .select(['id', 'region_id', 'organization_id'])
      .where('is_demo', '=', true)
      .limit(1)
      .executeTakeFirstOrThrow();
    const location = uuid();
    await db
      .insertInto('hsds_location')
      .values({
        id: location,
        region_id: service.region_id,
        location_type: 'physical',
        latitude: 53.0,
        longitude: 6.5,
        is_demo: true,
      })
      .execute();
    await db
      .insertInto('hsds_service_at_location')
      .values({ id: uuid(), service_id: service.id, location_id: location })
      .execute();
    expect((await entry(service.id))?.points).toEqual([[6.5, 53]]);
    await db
      .updateTable('hsds_location')
      .set({ latitude: 52.9 })
      .where('id', '=', location)
      .execute();
    expect((await entry(service.id))?.points).toEqual([[6.5, 52.9]]);
    await db.deleteFrom('hsds_service').where('id', '=', service.id).execute();
    expect(await entry(service.id)).toBeUndefined();
  });

  it('builds one row per service for a bulk insert of many services in one statement', async () => {
    const db = get().db;
    const model = await db
      .selectFrom('hsds_service')
      .select(['region_id', 'organization_id'])
      .executeTakeFirstOrThrow();
    const ids = Array.from({ length: 500 }, () => uuid());
    await db
      .insertInto('hsds_service')
      .values(
        ids.map((id, i) => ({
          ...model,
          id,
          name: `Bulk ${i}`,
          is_demo: true,
          status: 'active' as const,
          review_status: 'ingediend' as const,
        })),
      )
      .execute();
    await db
      .insertInto('hsds_attribute')
      .values(
        ids.map((id) => ({
          id: uuid(),
          link_id: id,
          link_type: 'hulpvraag',
          link_entity: 'service' as const,
          taxonomy_term_id: termId(NEED_TAXONOMY, 'vervoer'),
          value: null,
        })),
      )
      .execute();
    const rows = await db
      .selectFrom('hsds_search_entry')
      .select([sql<number>`count(*)::int`.as('n')])
      .where('service_id', 'in', ids)
      .where(sql<boolean>`need_codes = array['vervoer']`)
      .executeTakeFirstOrThrow();
    expect(rows.n).toBe(500);
    const fresh = await entry(ids[0] ?? '');
    expect(fresh).toMatchObject({ listed: false, ladder_rank: null, name: 'Bulk 0' });
  });
});
