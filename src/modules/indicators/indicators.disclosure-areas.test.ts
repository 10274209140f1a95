/**
 * Disclosure over the area tree once the national layers are loaded: only the region's own GGD
 * region (GG0706) and zorgkantoorregio (ZK06) stand for the province's gemeenten; another GGD
 * region (GGD Groningen) is no sum of Drenthe's gemeenten, and the country is no sum of the
 * province and its aliases.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { refreshSuppression } from './index.js';

const GEMEENTEN = [
  'GM0106',
  'GM0109',
  'GM0114',
  'GM0118',
  'GM0119',
  'GM1680',
  'GM1681',
  'GM1690',
  'GM1699',
  'GM1701',
  'GM1730',
  'GM1731',
];

describeEachDatabase('disclosure with national areas', (get) => {
  async function setup() {
    const { db } = get();
    const region = await db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    const indicator = await db
      .selectFrom('indicator')
      .select('id')
      .where('code', '=', 'hybride-zorg-gebruik')
      .executeTakeFirstOrThrow();
    return { db, regionId: region.id, indicatorId: indicator.id };
  }

  /** Writes figures for one period (GM0106 rests on 5 people, the others on 100) and decides. */
  async function decide(period: string, totals: string[], withNumerators = true) {
    const { db, regionId, indicatorId } = await setup();
    const figure = (code: string, n: number) => ({
      indicator_id: indicatorId,
      area_code: code,
      period,
      value: 40,
      // Without numerators the province gets no roll-up (a sum that would protect on its own).
      numerator: withNumerators ? Math.round(n * 0.4) : null,
      denominator: n,
      source: 'Testbestand',
    });
    await db
      .insertInto('measurement')
      .values([
        ...GEMEENTEN.map((code, i) => figure(code, i === 0 ? 5 : 100 + i)),
        ...totals.map((code) => figure(code, 1200)),
      ])
      .execute();
    await refreshSuppression(db, regionId, [indicatorId]);
    const rows = await db
      .selectFrom('measurement')
      .select(['area_code', 'suppressed'])
      .where('indicator_id', '=', indicatorId)
      .where('period', '=', period)
      .execute();
    return Object.fromEntries(
      rows.filter((r) => r.suppressed !== null).map((r) => [r.area_code, r.suppressed]),
    );
  }

  it('loads all 25 GGD regions and 31 zorgkantoorregio’s (the premise of this test)', async () => {
    const { db, regionId } = await setup();
    const national = await db
      .selectFrom('area')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('region_id', '=', regionId)
      .where('level', 'in', ['ggd-regio', 'zorgkantoorregio'])
      .executeTakeFirstOrThrow();
    expect(Number(national.n)).toBe(56);
  });

  it('treats GG0706 as the province: a small gemeente takes a sibling with it', async () => {
    expect(await decide('2031', ['GG0706'])).toEqual({ GM0106: 'primary', GM0109: 'secondary' });
  });

  it('treats ZK06 as the province too', async () => {
    expect(await decide('2032', ['ZK06'])).toEqual({ GM0106: 'primary', GM0109: 'secondary' });
  });

  it('does not treat another GGD region as a sum of Drenthe’s gemeenten', async () => {
    expect(await decide('2033', ['GG0111', 'ZK09'], false)).toEqual({ GM0106: 'primary' });
  });

  it('protects a small gemeente with a sibling when the province total is a roll-up', async () => {
    expect(await decide('2035', [])).toEqual({ GM0106: 'primary', GM0109: 'secondary' });
    const { db, indicatorId } = await setup();
    const province = await db
      .selectFrom('measurement')
      .select(['rollup_children', 'suppressed'])
      .where('indicator_id', '=', indicatorId)
      .where('area_code', '=', 'PV22')
      .where('period', '=', '2035')
      .executeTakeFirstOrThrow();
    expect(province).toEqual({ rollup_children: 12, suppressed: null });
  });

  it('hides nothing for the country when the province, GG0706 and NL01 are all shown', async () => {
    expect(await decide('2034', ['NL01', 'PV22', 'GG0706'])).toEqual({
      GM0106: 'primary',
      GM0109: 'secondary',
    });
  });
});
