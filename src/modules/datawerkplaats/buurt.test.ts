/**
 * The buurt level: Drenthe ships no buurt boundaries, so a small fixture (two buurten of the
 * wijk Centrum in Assen, with made-up squares as boundaries) proves that figures per buurt are
 * drawn, that the wijk map drills down to them and that disclosure covers them.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { readMapApi } from '../../../test/map-api.js';
import { postForm, postUpload, signInAs } from '../../../test/session.js';
import { json } from '../../db/upsert.js';
import { importAreas } from '../areas/index.js';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [6.56 + x, 52.99],
      [6.56 + x, 53.0],
      [6.565 + x, 53.0],
      [6.565 + x, 52.99],
      [6.56 + x, 52.99],
    ],
  ],
});

describeEachDatabase('the buurt level (fixture)', (get) => {
  it('draws buurten, drills down from the wijk and hides a small buurt with its sibling', async () => {
    const db = get().db;
    const { app } = testApp(db);
    const region = await db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    // An areas file lists each parent it names (as the region's areas.csv does).
    const areas = [
      'code,name,level,parent_code',
      'NL01,Nederland,land,',
      'PV22,Drenthe,provincie,NL01',
      'GM0106,Assen,gemeente,PV22',
      'WK010600,Centrum,wijk,GM0106',
      'BU01060001,Testbuurt Noord,buurt,WK010600',
      'BU01060002,Testbuurt Zuid,buurt,WK010600',
    ].join('\n');
    expect(
      (await importAreas(db, region.id, 'buurten.csv', new TextEncoder().encode(areas))).ok,
    ).toBe(true);
    await db
      .insertInto('area_boundary')
      .values(
        ['BU01060001', 'BU01060002'].map((code, i) => ({
          region_id: region.id,
          area_code: code,
          year: 2024,
          level: 'buurt',
          name: code,
          geometry: json(square(i * 0.005)),
          source: 'Testgrenzen (voorbeeld)',
        })),
      )
      .execute();
    const data = await signInAs(app, db, 'data');
    const file = [
      'indicator,area_code,period,value,numerator,denominator,source',
      'hybride-zorg-gebruik,WK010600,2025,40,40,100,Testbestand',
      'hybride-zorg-gebruik,BU01060001,2025,50,3,6,Testbestand',
      'hybride-zorg-gebruik,BU01060002,2025,39.4,37,94,Testbestand',
    ].join('\n');
    const staged = await postUpload(
      app,
      '/beheer/metingen/import',
      { _csrf: data.csrf },
      { name: 'b.csv', bytes: file },
      data.cookie,
    );
    expect(staged.status).toBe(303);
    const url = staged.headers.get('location') ?? '';
    expect(
      (await postForm(app, `${url}/toepassen`, { _csrf: data.csrf }, data.cookie)).status,
    ).toBe(303);

    const wijk = await (
      await app.request('/datawerkplaats/kaart/hybride-zorg-gebruik?niveau=wijk&binnen=GM0106')
    ).text();
    expect(wijk).toContain('niveau=buurt&amp;periode=2025&amp;binnen=WK010600');
    const buurt = await app.request(
      '/datawerkplaats/kaart/hybride-zorg-gebruik?niveau=buurt&binnen=WK010600',
    );
    expect(buurt.status).toBe(200);
    const html = await buurt.text();
    expect(html.match(/<path d="M/g)?.length).toBe(2);
    // Noord rests on 6 people; Zuid would then be the wijk minus Noord, so both are hidden.
    expect(html).toContain(
      '<title>Testbuurt Noord: te weinig waarnemingen (minder dan 10)</title>',
    );
    expect(html).toContain('<title>Testbuurt Zuid: te weinig waarnemingen (afgeschermd');
    expect(html).not.toContain('39,4%');
    expect(html).toContain('Grenzen: Testgrenzen (voorbeeld) (2024)');
    // The JSON API hides the same buurten and rolls them up to their gemeente (two levels up).
    const { body, rows, rollup } = await readMapApi(
      app,
      '/api/v1/regions/drenthe/datawerkplaats/kaart/hybride-zorg-gebruik?niveau=buurt&binnen=WK010600',
    );
    expect(rows.map((a) => a.area_code)).toEqual(['BU01060001', 'BU01060002']);
    for (const area of [...rows, ...rollup]) {
      expect([39.4, 50]).not.toContain(area.value);
      expect([3, 37]).not.toContain(area.numerator);
      expect([6, 94]).not.toContain(area.denominator);
    }
    for (const area of rows) {
      expect(area).toMatchObject({ value: null, denominator: null, gemeente_code: 'GM0106' });
      expect(area.missing_reason).toMatch(/^te weinig waarnemingen/);
    }
    expect(body.within).toMatchObject({ area_code: 'WK010600', value: 40 });
    expect(body.rollup?.level).toBe('gemeente');
    // Assen itself has no row in this file's period: the roll-up lists figures, so none.
    expect(rollup).toEqual([]);
  });
});
