/**
 * The search's selection kept per data version (ADR 0022): it picks what the SQL rule of the
 * search rows picks, for every need and place, and no write that changes a search row or the
 * vocabulary leaves it behind (migration 0025 moves the data version in the same statement).
 */
import { type Kysely, sql } from 'kysely';
import { v4 as uuid } from 'uuid';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import type { Database } from '../../db/schema.js';
import { stableId, taxonomyId, termId } from './directory-ids.js';
import { generateServices } from './many-services.test-helpers.js';
import { LADDER_TAXONOMY, NEED_TAXONOMY } from './profile.js';
import { findForNeeds } from './search-candidates.service.js';
import { isVisibleEntry } from './visibility.sql.js';

type Db = Kysely<Database>;

const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');

/** The selection as one SQL statement (the search's query before ADR 0022): the oracle. */
async function selectedBySql(
  db: Db,
  regionId: number,
  needCodes: string[],
  areaCodes: string[],
  keep: number,
) {
  const pairs = needCodes.flatMap((need) => areaCodes.map((area) => `${need}@${area}`));
  const { rows } = await sql<{ id: string; need: string; need_total: number }>`
    with matched as (
      select e.service_id as id, e.ladder_rank, n.need
      from hsds_search_entry e cross join lateral unnest(e.need_codes) as n(need)
      where e.match_keys && ${pairs}::text[] and ${isVisibleEntry('e', regionId)}
        and n.need = any(${needCodes}::text[])
    ), counted as (
      select *, count(*) over (partition by need)::int as need_total,
        count(*) over (partition by need order by ladder_rank
          range between unbounded preceding and 1 preceding) as before_step
      from matched
    )
    select id, need, need_total from counted where coalesce(before_step, 0) < ${keep}`.execute(db);
  return {
    ids: [...new Set(rows.map((r) => r.id))].sort(),
    totals: Object.fromEntries(rows.map((r) => [r.need, r.need_total])),
  };
}

describeEachDatabase('Hulpwijzer search selection per data version', (get) => {
  const region = async () =>
    (
      await get()
        .db.selectFrom('region')
        .select('id')
        .where('code', '=', 'drenthe')
        .executeTakeFirstOrThrow()
    ).id;
  const version = async () =>
    (await get().db.selectFrom('data_version').select('version').executeTakeFirstOrThrow()).version;
  const selected = async (needCodes: string[], areaCodes: string[], keep = 8) => {
    const found = await findForNeeds(get().db, {
      regionId: await region(),
      needCodes,
      areaCodes,
      keepPerNeed: keep,
    });
    return {
      ids: found.candidates.map((c) => c.id).sort(),
      totals: Object.fromEntries([...found.totals].filter(([, n]) => n > 0)),
    };
  };

  it('selects what the SQL rule selects, for every need, several places and step sizes', async () => {
    const db = get().db;
    const regionId = await region();
    const needs = (
      await db
        .selectFrom('hsds_taxonomy_term')
        .select('code')
        .where('taxonomy_id', '=', taxonomyId(NEED_TAXONOMY))
        .execute()
    ).map((t) => t.code as string);
    const places = [
      ['WK168020', 'GM1680', 'regio', 'online'],
      ['GM0106', 'regio', 'online'],
      ['regio', 'online'],
      ['WK011401', 'WK011402', 'GM0114', 'regio', 'online'],
    ];
    expect(needs.length).toBeGreaterThan(10);
    let compared = 0;
    for (const areas of places)
      for (const [i, need] of needs.entries())
        for (const keep of [1, 3, 8, 24]) {
          const asked = [need, needs[(i + 5) % needs.length] as string];
          expect(await selected(asked, areas, keep)).toEqual(
            await selectedBySql(db, regionId, asked, areas, keep),
          );
          compared++;
        }
    expect(compared).toBeGreaterThan(100);
  });

  it('serves every page of a need from the one memoised list, whole steps up to the page', async () => {
    const db = get().db;
    // Several ladder steps of one need in the gemeente (the seeded directory has a few).
    await generateServices(db, 60);
    const wijken = await db
      .selectFrom('area')
      .select('code')
      .where('parent_code', '=', 'GM1680')
      .execute();
    const own = ['GM1680', ...wijken.map((w) => w.code)];
    const filter = {
      regionId: await region(),
      needCodes: ['eenzaamheid'],
      areaCodes: [...own, 'regio', 'online'],
    };
    const first = await findForNeeds(db, { ...filter, keepPerNeed: 1 });
    const all = await findForNeeds(db, { ...filter, keepPerNeed: 8 * 9999 });
    // The same objects: a later page reads no rows again, and the memo holds one list per need
    // and data version whatever page is asked (its key has no page).
    const byId = new Map(all.candidates.map((c) => [c.id, c]));
    expect(first.candidates.length).toBeLessThan(all.candidates.length);
    for (const c of first.candidates) expect(byId.get(c.id)).toBe(c);
    expect(all.candidates).toHaveLength(all.totals.get('eenzaamheid') ?? -1);
    // Whole ladder steps: the first page's last step is there in full.
    const lastRank = Math.max(...first.candidates.map((c) => c.ladder_rank));
    expect(first.candidates).toHaveLength(
      all.candidates.filter((c) => c.ladder_rank <= lastRank).length,
    );
    // What the place itself offers, without help for everyone.
    const local = all.candidates.filter((c) => c.areas.some((a) => own.includes(a)));
    expect(all.localTotals.get('eenzaamheid')).toBe(local.length);
  });

  it('follows every kind of write to what the search reads, in the next search', async () => {
    const db = get().db;
    const grolloo = ['WK168020', 'GM1680', 'regio', 'online'];
    const has = async (need: string, areas = grolloo) =>
      (await selected([need], areas, 1000)).ids.includes(MARKEHUIS);
    expect(await has('eenzaamheid')).toBe(true);

    await db
      .updateTable('hsds_service')
      .set({ review_status: 'ingediend' })
      .where('id', '=', MARKEHUIS)
      .execute();
    expect(await has('eenzaamheid')).toBe(false);
    await db
      .updateTable('hsds_service')
      .set({ review_status: 'goedgekeurd', assured_date: '2020-01-01' })
      .where('id', '=', MARKEHUIS)
      .execute();
    expect(await has('eenzaamheid')).toBe(false);
    await db
      .updateTable('hsds_service')
      .set({ assured_date: null })
      .where('id', '=', MARKEHUIS)
      .execute();
    expect(await has('eenzaamheid')).toBe(true);

    const rouw = termId(NEED_TAXONOMY, 'rouw-levenseinde');
    expect(await has('rouw-levenseinde')).toBe(false);
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
    expect(await has('rouw-levenseinde')).toBe(true);

    await db
      .insertInto('hsds_service_area')
      .values({ id: uuid(), service_id: MARKEHUIS, area_code: 'GM0106' })
      .execute();
    expect(await has('eenzaamheid', ['GM0106'])).toBe(true);
    await db
      .deleteFrom('hsds_service_area')
      .where('service_id', '=', MARKEHUIS)
      .where('area_code', '=', 'GM0106')
      .execute();
    expect(await has('eenzaamheid', ['GM0106'])).toBe(false);

    await db
      .updateTable('hsds_attribute')
      .set({ taxonomy_term_id: termId(LADDER_TAXONOMY, 'verder-weg') })
      .where('link_id', '=', MARKEHUIS)
      .where('taxonomy_term_id', '=', termId(LADDER_TAXONOMY, 'samen'))
      .execute();
    const moved = await findForNeeds(db, {
      regionId: await region(),
      needCodes: ['eenzaamheid'],
      areaCodes: grolloo,
      keepPerNeed: 1000,
    });
    expect(moved.candidates.find((c) => c.id === MARKEHUIS)?.ladder).toBe('verder-weg');

    await db.deleteFrom('hsds_service').where('id', '=', MARKEHUIS).execute();
    expect(await has('eenzaamheid')).toBe(false);
  });

  it('moves the data version on a write to the search rows or the terms, not on a read', async () => {
    const db = get().db;
    const before = await version();
    await db.selectFrom('hsds_search_entry').select('service_id').limit(5).execute();
    expect(await version()).toBe(before);
    await db
      .updateTable('hsds_taxonomy_term')
      .set({ keywords: JSON.stringify(['alleen', 'eenzaam', 'niemand om mee te praten']) })
      .where('id', '=', termId(NEED_TAXONOMY, 'eenzaamheid'))
      .execute();
    const afterTerm = await version();
    expect(Number(afterTerm)).toBeGreaterThan(Number(before));
    await db
      .updateTable('hsds_service')
      .set({ name: 'Markehuis Grolloo (nieuw)' })
      .where('id', '=', MARKEHUIS)
      .execute();
    expect(Number(await version())).toBeGreaterThan(Number(afterTerm));
  });

  it('keeps nothing for an empty question or place, and nothing for a need nobody offers', async () => {
    expect(await selected([], ['regio'])).toEqual({ ids: [], totals: {} });
    expect(await selected(['eenzaamheid'], [])).toEqual({ ids: [], totals: {} });
    expect(await selected(['bestaat-niet'], ['regio', 'online'])).toEqual({ ids: [], totals: {} });
  });
});
