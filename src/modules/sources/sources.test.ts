/**
 * The data source catalogue: the public list, and the disclosure rules a data steward sets in
 * beheer (threshold and rounding), applied at once to every figure of that source.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, postUpload, signInAs } from '../../../test/session.js';

describeEachDatabase('data sources', (get) => {
  it('lists every source with licence, refresh rhythm and privacy rules', async () => {
    const { app } = testApp(get().db);
    const html = await (await app.request('/datawerkplaats/bronnen')).text();
    expect(html).toContain('Gezondheidsmonitor Jongvolwassenen 2024 (CBS-tabel 50140NED)');
    expect(html).toContain('Verveelvoudiging is toegestaan, mits het CBS als bron wordt vermeld.');
    expect(html).toContain('minder dan 10 waarnemingen: niet getoond');
    expect(html).toContain('meegeleverd bij de start');
  });

  it('lets a data steward change the rules, which apply at once; others may not', async () => {
    const { app } = testApp(get().db);
    const db = get().db;
    const source = await db
      .selectFrom('data_source')
      .select('id')
      .where('code', '=', 'cbs-kerncijfers-wijken-buurten-2024')
      .executeTakeFirstOrThrow();
    const indicator = await db
      .selectFrom('indicator')
      .select('id')
      .where('code', '=', 'hybride-zorg-gebruik')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('measurement')
      .values({
        indicator_id: indicator.id,
        area_code: 'PV22',
        period: '2022',
        value: 33.333,
        numerator: 13,
        denominator: 40,
        source: 'Testbron',
        data_source_id: source.id,
      })
      .execute();
    const api = '/api/v1/regions/drenthe/indicators/hybride-zorg-gebruik';
    expect(await (await app.request(api)).text()).toContain('"value":33.333');

    const lezer = await signInAs(app, db, 'lezer');
    expect(
      (await app.request('/beheer/bronnen', { headers: { cookie: lezer.cookie } })).status,
    ).toBe(403);
    expect((await app.request('/beheer/bronnen')).status).toBe(303);
    const url = '/beheer/bronnen/cbs-kerncijfers-wijken-buurten-2024';
    const data = await signInAs(app, db, 'data');
    const bad = await postForm(
      app,
      url,
      { _csrf: data.csrf, threshold: 'veel', decimals: '9', count_base: '', refresh: 'jaarlijks' },
      data.cookie,
    );
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Een heel getal van 1 tot 1000.');
    expect(badHtml).toContain('value="veel"');
    // Rounding to whole numbers: the figure reads 33.
    const round = await postForm(
      app,
      url,
      { _csrf: data.csrf, threshold: '10', decimals: '0', count_base: '5', refresh: 'jaarlijks' },
      data.cookie,
    );
    expect(round.status).toBe(303);
    const rounded = await (await app.request(api)).text();
    expect(rounded).toContain('"value":33,');
    expect(rounded).toContain('"numerator":15,"denominator":40');
    // A threshold of 50: a figure on 40 observations is no longer shown anywhere.
    const strict = await postForm(
      app,
      url,
      { _csrf: data.csrf, threshold: '50', decimals: '', count_base: '', refresh: 'jaarlijks' },
      data.cookie,
    );
    expect(strict.status).toBe(303);
    const hidden = await (await app.request(api)).text();
    expect(hidden).not.toContain('33.3');
    expect(hidden).toContain('te weinig waarnemingen (minder dan 50)');
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_type', '=', 'data_source')
      .where('action', '=', 'data_source.policy')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['data_source.policy', 'data_source.policy']);
    expect(
      (await postForm(app, url, { _csrf: 'fout', threshold: '10', refresh: 'x' }, data.cookie))
        .status,
    ).toBe(403);
  });

  it('ties the rows of a measurement import to the source chosen on the form', async () => {
    const { app } = testApp(get().db);
    const db = get().db;
    const data = await signInAs(app, db, 'data');
    const file = 'indicator,area_code,period,value,source\nacp-ouderen,PV22,2021,40,Test\n';
    const unknown = await postUpload(
      app,
      '/beheer/metingen/import',
      { _csrf: data.csrf, data_source: 'bestaat-niet' },
      { name: 'a.csv', bytes: file },
      data.cookie,
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Kies een bron uit de lijst.');
    const staged = await postUpload(
      app,
      '/beheer/metingen/import',
      { _csrf: data.csrf, data_source: 'cbs-kerncijfers-wijken-buurten-2024' },
      { name: 'a.csv', bytes: file },
      data.cookie,
    );
    expect(staged.status).toBe(303);
    const url = staged.headers.get('location') ?? '';
    expect(
      (await postForm(app, `${url}/toepassen`, { _csrf: data.csrf }, data.cookie)).status,
    ).toBe(303);
    // Only the imported row: other seeded figures (population per postcode) also have PV22 in 2021.
    const row = await db
      .selectFrom('measurement')
      .innerJoin('data_source', 'data_source.id', 'measurement.data_source_id')
      .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
      .select('data_source.code')
      .where('indicator.code', '=', 'acp-ouderen')
      .where('measurement.period', '=', '2021')
      .where('measurement.area_code', '=', 'PV22')
      .executeTakeFirst();
    expect(row?.code).toBe('cbs-kerncijfers-wijken-buurten-2024');
    // The same figures without a catalogue source are a change (other rules apply): previewed.
    const again = await postUpload(
      app,
      '/beheer/metingen/import',
      { _csrf: data.csrf, data_source: '' },
      { name: 'b.csv', bytes: file },
      data.cookie,
    );
    const preview = await (
      await app.request(again.headers.get('location') ?? '', { headers: { cookie: data.cookie } })
    ).text();
    expect(preview).toContain('Nieuw: 0, gewijzigd: 1, ongewijzigd: 0.');
  });
});
