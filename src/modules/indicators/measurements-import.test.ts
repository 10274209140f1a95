/** Importing measurements: preview, all-or-nothing, problems per row, duplicates, roles, size. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, postUpload, signInAs } from '../../../test/session.js';
import { ROLE_NAMES, rolesFor } from '../auth/index.js';
import { missingReason, parseNumber } from './measurements-import.service.js';

const BASE = '/beheer/metingen/import';
const GOOD = [
  'indicator;area_code;period;value;sample_size;source',
  'acp-ouderen;PV22;2024;41,5;1200;Testbestand huisartsen',
  'acp-ouderen;PV22;2025;52;1300;Testbestand huisartsen',
  'acp-ouderen;GM0106;2025;x;;Testbestand huisartsen',
].join('\n');

it('reads Dutch numbers and CBS markers', () => {
  expect(parseNumber('27,1')).toBe(27.1);
  expect(parseNumber('1700')).toBe(1700);
  expect(parseNumber('1.700,5')).toBeUndefined();
  expect(parseNumber('abc')).toBeUndefined();
  expect(missingReason('x')).toContain('geheim');
  expect(missingReason('-99999999')).toContain('geen waarde');
  expect(missingReason('')).toBe('leeg in het bestand');
  expect(missingReason('12')).toBeUndefined();
  expect(missingReason('constructor')).toBeUndefined();
});

describeEachDatabase('measurement import', (get) => {
  it('previews per row, applies all at once, changes the status, audits and refuses the same file twice', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const upload = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'acp.csv', bytes: GOOD },
      data.cookie,
    );
    expect(upload.status).toBe(303);
    const previewUrl = upload.headers.get('location') ?? '';
    const preview = await app.request(previewUrl, { headers: { cookie: data.cookie } });
    const html = await preview.text();
    expect(html).toContain('3 rijen. Nieuw: 3, gewijzigd: 0, ongewijzigd: 0');
    expect(html).toContain('geheim of te weinig waarnemingen (x)');
    // Nothing is saved before "Toepassen".
    expect(await (await app.request('/indicatoren/acp-ouderen')).text()).toContain(
      'Er is nog geen meting.',
    );
    const apply = await postForm(app, `${previewUrl}/toepassen`, { _csrf: data.csrf }, data.cookie);
    expect(apply.status).toBe(303);
    const page = await (await app.request('/indicatoren/acp-ouderen')).text();
    expect(page).toContain('52,0%');
    expect(page).toContain('Niet op koers');
    expect(page).toContain('Het streefjaar 2025 is voorbij');
    const audit = await get()
      .db.selectFrom('audit_log')
      .select(['action', 'entity_key', 'after'])
      .where('action', '=', 'measurement.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entity_key).toBe('acp-ouderen');

    const again = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'acp-2.csv', bytes: GOOD },
      data.cookie,
    );
    const againUrl = again.headers.get('location') ?? '';
    const againPage = await (
      await app.request(againUrl, { headers: { cookie: data.cookie } })
    ).text();
    expect(againPage).toContain('al eerder ingelezen (acp.csv');
    expect(againPage).toContain('ongewijzigd: 3');
    const refused = await postForm(app, `${againUrl}/toepassen`, { _csrf: data.csrf }, data.cookie);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Vink aan dat u het toch opnieuw wilt inlezen');
    const forced = await postForm(
      app,
      `${againUrl}/toepassen`,
      { _csrf: data.csrf, opnieuw: 'ja' },
      data.cookie,
    );
    expect(forced.status).toBe(303);
  });

  it('lists every problem with its row and saves nothing', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'beheerder');
    const bad = [
      'indicator,area_code,period,value,ci_low,ci_high',
      'bestaat-niet,PV22,2024,1,,',
      'acp-ouderen,GM9999,2024,1,,',
      'acp-ouderen,PV22,vorig jaar,1,,',
      'acp-ouderen,PV22,2024,veel,,',
      'acp-ouderen,PV22,2023,50,60,70',
      'acp-ouderen,PV22,2022,50,,',
      'acp-ouderen,PV22,2022,51,,',
    ].join('\n');
    const res = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf, source: 'Test' },
      { name: 'fout.csv', bytes: bad },
      data.cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const text of [
      'Onbekende indicator.',
      'Onbekend gebied',
      'Periode als 2024',
      'Geen getal en geen bekende markering',
      'niet binnen het betrouwbaarheidsinterval',
      'staan ook in rij 7',
    ])
      expect(html).toContain(text);
    expect(html).toContain(
      '6 problemen in het bestand (rij 1 is de kopregel); er is niets opgeslagen',
    );
    expect(html).toContain('value="Test"');
    const columns = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'k.csv', bytes: 'indicator,gebied\nx,y\n' },
      data.cookie,
    );
    const columnsHtml = await columns.text();
    expect(columnsHtml).toContain('De kolom &quot;area_code&quot; ontbreekt');
    expect(columnsHtml).toContain('Onbekende kolom &quot;gebied&quot;');
    const noSource = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 's.csv', bytes: 'indicator,area_code,period,value\nacp-ouderen,PV22,2024,3\n' },
      data.cookie,
    );
    expect(await noSource.text()).toContain('Bron ontbreekt');
    const empty = await postUpload(app, BASE, { _csrf: data.csrf }, undefined, data.cookie);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Kies een bestand.');
    const count = await get()
      .db.selectFrom('measurement')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('source', '=', 'Test')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("refuses uploads over 10 MB, other people's previews, missing CSRF, anonymous users and other roles", async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const big = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'groot.csv', bytes: new Uint8Array(11 * 1024 * 1024) },
      data.cookie,
    );
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('groter dan 10 MB');
    const staged = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'a.csv', bytes: GOOD },
      data.cookie,
    );
    const url = staged.headers.get('location') ?? '';
    const other = await signInAs(app, get().db, 'data');
    expect((await app.request(url, { headers: { cookie: other.cookie } })).status).toBe(404);
    expect(
      (await postForm(app, `${url}/toepassen`, { _csrf: other.csrf }, other.cookie)).status,
    ).toBe(404);
    expect((await postForm(app, `${url}/toepassen`, { _csrf: 'fout' }, data.cookie)).status).toBe(
      403,
    );
    expect(
      (await postUpload(app, BASE, {}, { name: 'a.csv', bytes: GOOD }, data.cookie)).status,
    ).toBe(403);
    const cancel = await postForm(app, `${url}/annuleren`, { _csrf: data.csrf }, data.cookie);
    expect(cancel.status).toBe(303);
    expect((await app.request(url, { headers: { cookie: data.cookie } })).status).toBe(404);

    expect((await app.request(BASE)).status).toBe(303);
    for (const role of ROLE_NAMES) {
      const session = await signInAs(app, get().db, role);
      const allowed = rolesFor('measurements:import').includes(role);
      const res = await app.request(BASE, { headers: { cookie: session.cookie } });
      expect(res.status, role).toBe(allowed ? 200 : 403);
      const post = await postUpload(
        app,
        BASE,
        { _csrf: session.csrf },
        { name: 'a.csv', bytes: GOOD },
        session.cookie,
      );
      expect(post.status, role).toBe(allowed ? 303 : 403);
    }
  }, 60_000);
});

describeEachDatabase('disclosure control on measurements', (get) => {
  it('never shows a value from fewer than 10 observations: not in HTML, JSON or CSV', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const file = [
      'indicator,area_code,period,value,numerator,denominator,sample_size,source',
      'hybride-zorg-gebruik,GM0106,2025,83.3,5,6,6,Testbestand',
      'hybride-zorg-gebruik,GM0114,2025,61.7,,,250,Testbestand',
    ].join('\n');
    const staged = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'n.csv', bytes: file },
      data.cookie,
    );
    const url = staged.headers.get('location') ?? '';
    expect(
      (await postForm(app, `${url}/toepassen`, { _csrf: data.csrf }, data.cookie)).status,
    ).toBe(303);
    const html = await (await app.request('/indicatoren/hybride-zorg-gebruik')).text();
    expect(html).toContain('61,7%');
    expect(html).toContain('te weinig waarnemingen (minder dan 10)');
    expect(html).not.toContain('83,3');
    const json = await (
      await app.request('/api/v1/regions/drenthe/indicators/hybride-zorg-gebruik')
    ).text();
    expect(json).not.toContain('83.3');
    expect(json).toContain('te weinig waarnemingen');
    const csv = await (await app.request('/api/v1/regions/drenthe/measurements.csv')).text();
    expect(csv).toContain('hybride-zorg-gebruik,GM0106,2025,x,,,,,,Testbestand,,nee,nee');
    // Only this indicator's rows: 83.3 may well be a real figure of another indicator.
    const rows = csv.split('\n').filter((line) => line.startsWith('hybride-zorg-gebruik,'));
    expect(rows.join('\n')).not.toContain('83.3');
  });
});

describeEachDatabase('odd input never gives a 500', (get) => {
  it('drops NUL bytes and refuses numbers a double cannot hold, per row', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'beheerder');
    const file = `indicator,area_code,period,value,sample_size,source\nacp-ouderen,PV22,2024,${'9'.repeat(400)},,Test\nacp-ouderen,PV22,2025,5,3000000000,Te\u0000st\n`;
    const res = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'raar\u0000.csv', bytes: file },
      data.cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Geen getal en geen bekende markering');
    expect(html).toContain('Aantal waarnemingen is een heel getal');
    const round = await postForm(
      app,
      '/beheer/rondes',
      { _csrf: data.csrf, code: '2030', title: 'Ronde\u0000 met NUL' },
      data.cookie,
    );
    expect(round.status).toBe(303);
    const saved = await get()
      .db.selectFrom('monitoring_round')
      .select('title')
      .where('code', '=', '2030')
      .executeTakeFirstOrThrow();
    expect(saved.title).toBe('Ronde met NUL');
  });
});

describeEachDatabase('flags in the measurement import', (get) => {
  it('reads is_projection and is_demo as ja/nee, shows them and writes them back', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const file = [
      'indicator,area_code,period,value,source,is_projection,is_demo',
      'hybride-zorg-aangeboden,PV22,2026,64,Testbestand,ja,nee',
      'hybride-zorg-aangeboden,PV22,2025,58,Testbestand,nee,ja',
      'hybride-zorg-aangeboden,PV22,2024,50,Testbestand,misschien,constructor',
    ].join('\n');
    const bad = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'f.csv', bytes: file },
      data.cookie,
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Schrijf ja of nee.');
    const good = file.replace('misschien', 'nee').replace('constructor', '');
    const staged = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'g.csv', bytes: good },
      data.cookie,
    );
    const url = staged.headers.get('location') ?? '';
    expect(await (await app.request(url, { headers: { cookie: data.cookie } })).text()).toContain(
      '(voorbeelddata)',
    );
    expect(
      (await postForm(app, `${url}/toepassen`, { _csrf: data.csrf }, data.cookie)).status,
    ).toBe(303);
    const page = await (await app.request('/indicatoren/hybride-zorg-aangeboden')).text();
    expect(page).toContain('prognose');
    expect(page).toContain('voorbeelddata');
    const csv = await (await app.request('/api/v1/regions/drenthe/measurements.csv')).text();
    expect(csv).toContain('hybride-zorg-aangeboden,PV22,2026,64,,,,,,Testbestand,,ja,nee');
    expect(csv).toContain('hybride-zorg-aangeboden,PV22,2025,58,,,,,,Testbestand,,nee,ja');
  });
});

describeEachDatabase('missing values in the CSV export', (get) => {
  it('writes each missing value as the marker it was imported with, so the export reads back the same', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const file = [
      'indicator,area_code,period,value,source',
      'hybride-zorg-aangeboden,PV22,2020,.,Testbestand',
      'hybride-zorg-aangeboden,PV22,2021,-,Testbestand',
      'hybride-zorg-aangeboden,PV22,2022,?,Testbestand',
      'hybride-zorg-aangeboden,PV22,2023,-99999999,Testbestand',
      'hybride-zorg-aangeboden,PV22,2024,X,Testbestand',
    ].join('\n');
    const staged = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'leeg.csv', bytes: file },
      data.cookie,
    );
    const url = staged.headers.get('location') ?? '';
    expect(
      (await postForm(app, `${url}/toepassen`, { _csrf: data.csrf }, data.cookie)).status,
    ).toBe(303);
    const csv = await (await app.request('/api/v1/regions/drenthe/measurements.csv')).text();
    const lines = csv.split('\r\n').filter((l) => l.startsWith('hybride-zorg-aangeboden,PV22,202'));
    const cells = Object.fromEntries(lines.map((l) => [l.split(',')[2], l.split(',')[3]]));
    expect(cells).toEqual({
      '2020': '.',
      '2021': '-',
      '2022': '?',
      '2023': '-99999999',
      '2024': 'x',
    });
    // Read back in: the same file again is "no change" for every row.
    const again = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'export.csv', bytes: csv },
      data.cookie,
    );
    expect(again.status).toBe(303);
    const preview = await (
      await app.request(again.headers.get('location') ?? '', { headers: { cookie: data.cookie } })
    ).text();
    expect(preview).not.toContain('Geen getal en geen bekende markering');
  });
});

describeEachDatabase('person-level files in the measurement import', (get) => {
  it('refuses a file with citizen-service numbers before staging anything, without echoing them', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const before = await get().db.selectFrom('import_batch').select('id').execute();
    const file = [
      'indicator,area_code,period,value,bsn',
      'acp-ouderen,GM0106,2024,1,111222333',
      'acp-ouderen,GM0114,2024,1,111222345',
      'acp-ouderen,GM0118,2024,0,111222357',
    ].join('\n');
    const res = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'personen.csv', bytes: file },
      data.cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('De datawerkplaats bewaart alleen totalen per gebied en periode');
    expect(html).not.toContain('111222333');
    const after = await get().db.selectFrom('import_batch').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('says which rows have an area code that is not in the boundaries of their year', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    // As if Assen had a new code in 2024: its 2024 boundary is gone, the 2022 one is still there.
    await get()
      .db.deleteFrom('area_boundary')
      .where('area_code', '=', 'GM0106')
      .where('year', '=', 2024)
      .execute();
    const file = [
      'indicator,area_code,period,value,source',
      'acp-ouderen,GM0106,2025,40,Testbestand',
      'acp-ouderen,GM0114,2025,41,Testbestand',
    ].join('\n');
    const staged = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf },
      { name: 'g.csv', bytes: file },
      data.cookie,
    );
    const html = await (
      await app.request(staged.headers.get('location') ?? '', { headers: { cookie: data.cookie } })
    ).text();
    expect(html).toContain('Let op: 1 rijen gaan over een gebied dat niet in de gebiedsindeling');
    expect(html).toContain(
      'Rij 2: GM0106 bestaat niet in de gebiedsindeling van 2024 (gemeente); is de code veranderd? Die code staat wel in 2022.',
    );
    expect(html).not.toContain('GM0114 bestaat niet');
  });
});
