/** Roll-ups: Σ teller / Σ noemer of all children, said in the source, protected like any figure. */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { importMeasurements } from '../../../test/imports.js';
import { postForm, postUpload, signInAs } from '../../../test/session.js';
import type { Area } from '../areas/index.js';
import { computeRollups, type RollupSource } from './indicators.rollups.js';

const area = (code: string, level: Area['level'], parentCode: string | null): Area => ({
  code,
  name: code,
  level,
  parentCode,
  inRegion: true,
});
const AREAS = [
  area('PV99', 'provincie', null),
  area('GM0001', 'gemeente', 'PV99'),
  area('GM0002', 'gemeente', 'PV99'),
  area('WK000100', 'wijk', 'GM0001'),
  area('WK000101', 'wijk', 'GM0001'),
];
const cell = (
  code: string,
  value: number | null,
  num: number | null,
  den: number | null,
): RollupSource => ({
  area_code: code,
  period: '2025',
  value: value === null ? null : String(value),
  numerator: num === null ? null : String(num),
  denominator: den === null ? null : String(den),
  sample_size: den,
  data_source_id: 7,
  source: 'Testbron',
  is_demo: false,
  is_projection: false,
  rollup_children: null,
});

describe('roll-ups, without a database', () => {
  it('sums numerators and denominators (never averages percentages), bottom-up', () => {
    const rollups = computeRollups(
      [cell('WK000100', 30, 30, 100), cell('WK000101', 20, 10, 50), cell('GM0002', 50, 100, 200)],
      AREAS,
    );
    const gemeente = rollups.find((r) => r.areaCode === 'GM0001');
    // 40 / 150 = 26.7%, not the average 25%.
    expect(gemeente?.value).toBeCloseTo(26.667, 2);
    expect(gemeente).toMatchObject({
      numerator: 40,
      denominator: 150,
      sampleSize: 150,
      children: 2,
      dataSourceId: 7,
    });
    expect(gemeente?.source).toBe(
      'Opgeteld uit de aantallen van 2 wijken (teller en noemer); bron: Testbron',
    );
    // The province from the gemeente roll-up and the other gemeente's own figure.
    const province = rollups.find((r) => r.areaCode === 'PV99');
    expect(province).toMatchObject({ numerator: 140, denominator: 350, children: 2 });
    expect(province?.source).toBe(
      'Opgeteld uit de aantallen van 2 gemeenten (teller en noemer); bron: Testbron',
    );
  });

  it('reads the scale from rounded values: 1 of 150 given as 0.7, 1 of 149 given as 1', () => {
    const raw = (code: string, value: string, num: number, den: number) => ({
      ...cell(code, null, num, den),
      value,
    });
    const rounded = computeRollups(
      [raw('WK000100', '0.7', 1, 150), raw('WK000101', '1', 1, 149)],
      AREAS,
    );
    expect(rounded.find((r) => r.areaCode === 'GM0001')?.value).toBeCloseTo((2 / 299) * 100, 6);
    const zeros = computeRollups(
      [raw('WK000100', '0', 0, 150), raw('WK000101', '0', 0, 20)],
      AREAS,
    );
    expect(zeros.find((r) => r.areaCode === 'GM0001')).toMatchObject({
      value: 0,
      denominator: 170,
    });
  });

  it('never replaces a figure of its own, needs every child and one scale', () => {
    const own = computeRollups(
      [cell('GM0001', 31, null, null), cell('WK000100', 30, 30, 100), cell('WK000101', 20, 10, 50)],
      AREAS,
    );
    expect(own.map((r) => r.areaCode)).toEqual([]);
    const missing = computeRollups([cell('WK000100', 30, 30, 100)], AREAS);
    expect(missing).toEqual([]);
    const noNumerator = computeRollups(
      [cell('WK000100', 30, 30, 100), cell('WK000101', 20, null, 50)],
      AREAS,
    );
    expect(noNumerator).toEqual([]);
    // 30 per 100 next to 2 per 1000: not the same kind of ratio, so no sum.
    const mixed = computeRollups(
      [cell('WK000100', 30, 30, 100), cell('WK000101', 2, 1, 500)],
      AREAS,
    );
    expect(mixed).toEqual([]);
  });

  it('sums a gemeente from wijken that are roll-ups of buurten themselves', () => {
    const areas = [
      ...AREAS,
      area('BU00010000', 'buurt', 'WK000100'),
      area('BU00010001', 'buurt', 'WK000100'),
      area('BU00010100', 'buurt', 'WK000101'),
    ];
    const rollups = computeRollups(
      [
        cell('BU00010000', 33.3, 1, 3),
        cell('BU00010001', 0.5, 4, 854),
        cell('BU00010100', 9.6, 122, 1273),
        cell('GM0002', 50, 100, 200),
      ],
      areas,
    );
    expect(rollups.find((r) => r.areaCode === 'GM0001')).toMatchObject({
      numerator: 127,
      denominator: 2130,
      children: 2,
    });
    expect(rollups.find((r) => r.areaCode === 'PV99')).toMatchObject({
      numerator: 227,
      denominator: 2330,
    });
  });
});

const HEADER = 'indicator,area_code,period,value,numerator,denominator,sample_size,source';
// Noordenveld (GM1699) has five wijken; the gemeente itself gets no figure in the file.
const WIJKEN = ['WK169900', 'WK169901', 'WK169903', 'WK169904', 'WK169906'];

describeEachDatabase('roll-ups on stored measurements', (get) => {
  const importFile = (app: ReturnType<typeof testApp>['app'], name: string, body: string) =>
    importMeasurements(app, get().db, { name, body });

  const gemeenteRow = () =>
    get()
      .db.selectFrom('measurement')
      .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
      .select([
        'measurement.value',
        'measurement.numerator',
        'measurement.denominator',
        'rollup_children',
        'suppressed',
        'measurement.source',
      ])
      .where('indicator.code', '=', 'hybride-zorg-gebruik')
      .where('area_code', '=', 'GM1699')
      .where('period', '=', '2025')
      .executeTakeFirst();

  it('adds the gemeente from its wijken, protects a small wijk with it, and yields to a real figure', async () => {
    const { app } = testApp(get().db);
    const rows = WIJKEN.map((code, i) =>
      i === 0
        ? `hybride-zorg-gebruik,${code},2025,40,2,5,5,Testbestand`
        : `hybride-zorg-gebruik,${code},2025,${(100 * (10 + i)) / 40},${10 + i},40,40,Testbestand`,
    );
    await importFile(app, 'wijken.csv', [HEADER, ...rows].join('\n'));
    const rollup = await gemeenteRow();
    expect(rollup?.rollup_children).toBe(5);
    expect(Number(rollup?.numerator)).toBe(2 + 11 + 12 + 13 + 14);
    expect(Number(rollup?.denominator)).toBe(5 + 4 * 40);
    expect(rollup?.source).toBe(
      'Opgeteld uit de aantallen van 5 wijken (teller en noemer); bron: Testbestand',
    );
    // The gemeente sum is shown (165 observations), so a second wijk is hidden with the small one:
    // otherwise the small wijk would follow from the sum minus the other four.
    const json = await (
      await app.request('/api/v1/regions/drenthe/indicators/hybride-zorg-gebruik')
    ).text();
    expect(json).toContain('Opgeteld uit de aantallen van 5 wijken (teller en noemer)');
    const hidden = await get()
      .db.selectFrom('measurement')
      .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
      .select(['area_code', 'suppressed'])
      .where('indicator.code', '=', 'hybride-zorg-gebruik')
      .where('period', '=', '2025')
      .where('suppressed', 'is not', null)
      .execute();
    expect(hidden.map((h) => h.area_code).sort()).toEqual(['WK169900', 'WK169901']);
    expect(rollup?.suppressed).toBeNull();

    // The export leaves roll-ups out (read back in, they would become figures of their own).
    const csv = await (await app.request('/api/v1/regions/drenthe/measurements.csv')).text();
    expect(csv).toContain('hybride-zorg-gebruik,WK169901,2025');
    expect(csv).not.toContain('hybride-zorg-gebruik,GM1699,2025');
    // A data steward's test upload for the hidden wijk shows "afgeschermd", not what is stored.
    const data = await signInAs(app, get().db, 'data');
    const probe = await postUpload(
      app,
      '/beheer/metingen/import',
      { _csrf: data.csrf },
      { name: 'probe.csv', bytes: `${HEADER}\nhybride-zorg-gebruik,WK169900,2025,,,,,Probe` },
      data.cookie,
    );
    const probeHtml = await (
      await app.request(probe.headers.get('location') ?? '', { headers: { cookie: data.cookie } })
    ).text();
    expect(probeHtml).toContain('afgeschermd');
    expect(probeHtml).not.toMatch(/>40(,0)?</);

    // A figure of its own for the gemeente replaces the sum.
    await importFile(
      app,
      'gemeente.csv',
      [HEADER, 'hybride-zorg-gebruik,GM1699,2025,31,52,168,168,Eigen telling'].join('\n'),
    );
    const own = await gemeenteRow();
    expect(own).toMatchObject({ rollup_children: null, source: 'Eigen telling' });
    expect(Number(own?.value)).toBe(31);
  });

  it('sums a HEMA subregion from its gemeenten once a beheerder assigns them, and protects its members', async () => {
    const { app } = testApp(get().db);
    await importFile(
      app,
      'gemeenten.csv',
      [
        HEADER,
        'hybride-zorg-gebruik,GM1699,2026,40,2,5,5,Testbestand',
        'hybride-zorg-gebruik,GM0106,2026,30,30,100,100,Testbestand',
      ].join('\n'),
    );
    const subregionRow = () =>
      get()
        .db.selectFrom('measurement')
        .select(['area_code', 'rollup_children', 'measurement.numerator', 'measurement.source'])
        .where('area_code', '=', 'hema-assen')
        .where('period', '=', '2026')
        .executeTakeFirst();
    expect(await subregionRow()).toBeUndefined();
    const admin = await signInAs(app, get().db, 'beheerder');
    const assign = (form: Record<string, string>) =>
      postForm(app, '/beheer/subregios', { _csrf: admin.csrf, ...form }, admin.cookie);
    expect((await assign({ 'gm-GM1699': 'assen', 'gm-GM0106': 'assen' })).status).toBe(303);
    expect(await subregionRow()).toMatchObject({
      rollup_children: 2,
      source: 'Opgeteld uit de aantallen van 2 gemeenten (teller en noemer); bron: Testbestand',
    });
    // Noordenveld rests on 5 people; with the subregion's sum shown, Assen is hidden with it.
    const hidden = await get()
      .db.selectFrom('measurement')
      .select(['area_code', 'suppressed'])
      .where('period', '=', '2026')
      .where('suppressed', 'is not', null)
      .orderBy('area_code')
      .execute();
    expect(hidden).toEqual([
      { area_code: 'GM0106', suppressed: 'secondary' },
      { area_code: 'GM1699', suppressed: 'primary' },
    ]);
    const json = await (
      await app.request('/api/v1/regions/drenthe/indicators/hybride-zorg-gebruik')
    ).text();
    expect(json).toContain('"area_code":"hema-assen"');
    const page = await (await app.request('/indicatoren/hybride-zorg-gebruik')).text();
    expect(page).toContain('HEMA-subregio Assen');
    // Taking the gemeenten out again removes the sum, and Assen is shown again.
    expect((await assign({ 'gm-GM1699': '', 'gm-GM0106': '' })).status).toBe(303);
    expect(await subregionRow()).toBeUndefined();
    const after = await get()
      .db.selectFrom('measurement')
      .select(['area_code'])
      .where('period', '=', '2026')
      .where('suppressed', 'is not', null)
      .execute();
    expect(after.map((r) => r.area_code)).toEqual(['GM1699']);
  });

  it('does not let province minus subregions reveal a gemeente that is in no subregion', async () => {
    const { app } = testApp(get().db);
    const gemeenten = (
      await get()
        .db.selectFrom('area')
        .select('code')
        .where('level', '=', 'gemeente')
        .orderBy('code')
        .execute()
    ).map((a) => a.code);
    expect(gemeenten).toHaveLength(12);
    // Noordenveld rests on 5 people and stays out of the subregion; the other eleven are in it.
    const rows = gemeenten.map((code) =>
      code === 'GM1699'
        ? `hybride-zorg-gebruik,${code},2028,40,2,5,5,Testbestand`
        : `hybride-zorg-gebruik,${code},2028,25,25,100,100,Testbestand`,
    );
    await importFile(app, 'alle.csv', [HEADER, ...rows].join('\n'));
    const admin = await signInAs(app, get().db, 'beheerder');
    const form = Object.fromEntries(
      gemeenten.map((code) => [`gm-${code}`, code === 'GM1699' ? '' : 'assen']),
    );
    expect(
      (await postForm(app, '/beheer/subregios', { _csrf: admin.csrf, ...form }, admin.cookie))
        .status,
    ).toBe(303);
    const cells = await get()
      .db.selectFrom('measurement')
      .select(['area_code', 'suppressed', 'rollup_children'])
      .where('period', '=', '2028')
      .where('area_code', 'in', ['PV22', 'hema-assen', 'GM1699'])
      .execute();
    const of = (code: string) => cells.find((c) => c.area_code === code);
    expect(of('PV22')?.rollup_children).toBe(12);
    expect(of('hema-assen')?.rollup_children).toBe(11);
    expect(of('GM1699')?.suppressed).toBe('primary');
    // Both totals shown would give Noordenveld as their difference: one of them is hidden.
    expect(of('PV22')?.suppressed !== null || of('hema-assen')?.suppressed !== null).toBe(true);
  });
});
