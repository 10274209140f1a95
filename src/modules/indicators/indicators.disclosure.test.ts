/**
 * Disclosure control on stored measurements: a hidden wijk takes a sibling with it on every
 * output (page, JSON, CSV), and the decision is taken again when newer figures arrive.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { importMeasurements } from '../../../test/imports.js';
import { readMapApi } from '../../../test/map-api.js';

const HEADER = 'indicator,area_code,period,value,numerator,denominator,source';
// Assen and all ten of its wijken: the gemeente is the sum of them. Centrum rests on 5 people;
// Lariks is the smallest of the others, so it is the one hidden to protect Centrum.
const OTHER_WIJKEN = [
  'WK010602',
  'WK010603',
  'WK010604',
  'WK010605',
  'WK010606',
  'WK010607',
  'WK010608',
  'WK010699',
];
const FIGURES = [
  HEADER,
  'hybride-zorg-gebruik,GM0106,2025,29.9,318,1065,Testbestand',
  'hybride-zorg-gebruik,WK010600,2025,40,2,5,Testbestand',
  'hybride-zorg-gebruik,WK010601,2025,33.3,20,60,Testbestand',
  ...OTHER_WIJKEN.map((code) => `hybride-zorg-gebruik,${code},2025,29.6,37,125,Testbestand`),
].join('\n');

describeEachDatabase('disclosure control on measurements', (get) => {
  const importFile = (app: ReturnType<typeof testApp>['app'], name: string, body: string) =>
    importMeasurements(app, get().db, { name, body });

  it('hides a small wijk and one sibling everywhere, and shows the sibling again when it is safe', async () => {
    const { app } = testApp(get().db);
    await importFile(app, 'wijken.csv', FIGURES);
    const page = await (await app.request('/indicatoren/hybride-zorg-gebruik')).text();
    const json = await (
      await app.request('/api/v1/regions/drenthe/indicators/hybride-zorg-gebruik')
    ).text();
    const csv = await (await app.request('/api/v1/regions/drenthe/measurements.csv')).text();
    // Neither the small wijk (2 of 5) nor the sibling that would give it away (20 of 60).
    for (const leak of ['40,0%', '33,3%']) expect(page).not.toContain(leak);
    expect(page).toContain('te weinig waarnemingen (afgeschermd');
    expect(page).toContain('29,6%');
    for (const leak of ['"value":40', '"value":33.3', '"numerator":20', '"denominator":60'])
      expect(json).not.toContain(leak);
    expect(csv).toContain('hybride-zorg-gebruik,WK010600,2025,x,,,,,,Testbestand');
    expect(csv).toContain('hybride-zorg-gebruik,WK010601,2025,x,,,,,,Testbestand');
    expect(csv).toContain('hybride-zorg-gebruik,GM0106,2025,29.9,318,1065');
    // The datawerkplaats map, its table and its downloads read the same decisions.
    const map = '/datawerkplaats/kaart/hybride-zorg-gebruik';
    const query = '?niveau=wijk&binnen=GM0106';
    const mapPage = await (await app.request(`${map}${query}`)).text();
    expect(mapPage).toContain('<title>Centrum: te weinig waarnemingen');
    expect(mapPage).toContain('<title>Lariks: te weinig waarnemingen (afgeschermd');
    for (const leak of ['40,0%', '33,3%']) expect(mapPage).not.toContain(leak);
    const mapCsv = await (await app.request(`${map}.csv${query}`)).text();
    expect(mapCsv).toMatch(/WK010601,Lariks,wijk,hybride-zorg-gebruik,2025,,%,te weinig/);
    const mapGeo = await (await app.request(`${map}.geojson${query}`)).text();
    for (const leak of ['"value":40', '"value":33.3']) expect(mapGeo).not.toContain(leak);
    const mapSvg = await (await app.request(`${map}.svg${query}`)).text();
    for (const leak of ['40,0%', '33,3%']) expect(mapSvg).not.toContain(leak);
    // The map's JSON API: within Assen, all wijken, and Assen in the gemeenten's roll-up.
    const api = '/api/v1/regions/drenthe/datawerkplaats/kaart/hybride-zorg-gebruik';
    for (const url of [`${api}${query}`, `${api}?niveau=wijk`, `${api}?niveau=gemeente`]) {
      const { body, rows, rollup } = await readMapApi(app, url);
      const shown = [
        ...rows,
        ...rollup,
        ...(body.within ? [body.within] : []),
        ...(body.reference ? [body.reference] : []),
      ];
      expect(shown.length, url).toBeGreaterThan(0);
      for (const row of shown) {
        expect([40, 33.3], url).not.toContain(row.value);
        expect([2, 20], url).not.toContain(row.numerator);
        expect([5, 60], url).not.toContain(row.denominator);
      }
    }
    const { rows: wijkRows, rollup: wijkRollup } = await readMapApi(app, `${api}${query}`);
    const hidden = wijkRows.filter((a) => ['WK010600', 'WK010601'].includes(a.area_code));
    expect(hidden).toHaveLength(2);
    for (const area of hidden) {
      expect(area.has_figure).toBe(true);
      expect(area.value).toBeNull();
      expect(area.numerator).toBeNull();
      expect(area.missing_reason).toMatch(/^te weinig waarnemingen/);
    }
    expect(wijkRollup[0]).toMatchObject({ area_code: 'GM0106', value: 29.9 });
    // A later file gives the small wijk enough observations: nothing needs hiding any more.
    await importFile(
      app,
      'wijken-2.csv',
      [HEADER, 'hybride-zorg-gebruik,WK010600,2025,40,20,50,Testbestand'].join('\n'),
    );
    const after = await (await app.request('/api/v1/regions/drenthe/measurements.csv')).text();
    expect(after).toContain('hybride-zorg-gebruik,WK010601,2025,33.3,20,60');
    expect(after).toContain('hybride-zorg-gebruik,WK010600,2025,40,20,50');
    // The same page shows the figures now (so the checks above could have failed).
    const shown = await (await app.request('/indicatoren/hybride-zorg-gebruik')).text();
    expect(shown).toContain('33,3%');
    expect(shown).toContain('40,0%');
    expect(await (await app.request(`${map}${query}`)).text()).toContain('Lariks: 33,3%');
    const shownApi = await readMapApi(app, `${api}${query}`);
    expect(shownApi.rows.find((a) => a.area_code === 'WK010601')?.value).toBe(33.3);
  });

  it('still hides a small figure that was written without a decision (backstop)', async () => {
    const { app } = testApp(get().db);
    const db = get().db;
    const indicator = await db
      .selectFrom('indicator')
      .select('id')
      .where('code', '=', 'acp-ouderen')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('measurement')
      .values({
        indicator_id: indicator.id,
        area_code: 'GM0114',
        period: '2023',
        value: 77.7,
        numerator: 7,
        denominator: 9,
        source: 'Direct geschreven',
      })
      .execute();
    const json = await (await app.request('/api/v1/regions/drenthe/indicators/acp-ouderen')).text();
    expect(json).not.toContain('77.7');
    expect(json).toContain('te weinig waarnemingen (minder dan 10)');
  });
});
