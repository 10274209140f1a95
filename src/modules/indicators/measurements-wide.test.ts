/** Wide files: CBS periods and margins, the mapping (guessed, saved, reused), skipped areas, misuse. */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, postUpload, signInAs } from '../../../test/session.js';
import { type Table, writeXlsx } from '../../lib/tabular.js';
import {
  cbsPeriod,
  guessMapping,
  mappingFromForm,
  splittingColumns,
  WideMapping,
  wideToLong,
} from './measurements-wide.js';

const BASE = '/beheer/metingen/import';
const SOURCE = 'gezondheidsmonitor-jongvolwassenen-2024';

function table(lines: string[]): Table {
  const [head = '', ...body] = lines;
  const columns = head.split(';').map((c) => c.toLowerCase());
  return {
    columns,
    rows: body.map((l) => Object.fromEntries(l.split(';').map((v, i) => [columns[i] ?? '', v]))),
  };
}

/** Like the CBS download: a margin column, a breakdown column, padded codes, other regions. */
const MONITOR = [
  'ID;Persoonskenmerken;Marges;RegioS;Overgewicht_59;RooktTabak_75',
  '1;T009002;MW00000;GM0106  ;27,5;18,1',
  '2;T009002;MOG0095;GM0106  ;25,0;16,0',
  '3;T009002;MBG0095;GM0106  ;30,1;20,3',
  '4;T009002;MW00000;GM0114  ;.;21',
  '5;T009002;MW00000;GM0363  ;31,2;19',
  '6;53105;MW00000;GM0106  ;22;12',
];

describe('wide files, without a database', () => {
  it('reads CBS periods', () => {
    expect(cbsPeriod('2024JJ00')).toBe('2024');
    expect(cbsPeriod('2023KW03')).toBe('2023-Q3');
    expect(cbsPeriod('2024MM05')).toBe('2024-05');
    expect(cbsPeriod(' 2024 ')).toBe('2024');
  });

  it('guesses the area, margin and period columns and columns an indicator names as its source', () => {
    const t = table(MONITOR);
    const guess = guessMapping(
      t,
      [{ code: 'overgewicht-jongvolwassenen', source: 'GM 2024, kolom Overgewicht_59' }],
      undefined,
    );
    expect(guess.areaColumn).toBe('regios');
    expect(guess.marginColumn).toBe('marges');
    expect(guess.columns).toEqual({ overgewicht_59: 'overgewicht-jongvolwassenen' });
    // The breakdown column must be chosen; ID has too many values to be a breakdown.
    expect(splittingColumns(t, guess).map((s) => s.column)).toEqual(['persoonskenmerken']);
  });

  it('merges margin rows into value and interval, skips other regions and keeps markers', () => {
    const mapping = WideMapping.parse({
      areaColumn: 'regios',
      period: '2024',
      marginColumn: 'marges',
      filters: { persoonskenmerken: 'T009002' },
      columns: { overgewicht_59: 'overgewicht-jongvolwassenen' },
    });
    const { cells, skippedAreas, problems } = wideToLong(
      table(MONITOR),
      mapping,
      new Set(['GM0106', 'GM0114']),
    );
    expect(problems).toEqual([]);
    expect(skippedAreas).toEqual(['GM0363']);
    expect(cells.map((c) => c.row)).toEqual([
      {
        indicator: 'overgewicht-jongvolwassenen',
        area_code: 'GM0106',
        period: '2024',
        value: '27,5',
        ci_low: '25,0',
        ci_high: '30,1',
      },
      {
        indicator: 'overgewicht-jongvolwassenen',
        area_code: 'GM0114',
        period: '2024',
        value: '.',
        ci_low: '',
        ci_high: '',
      },
    ]);
    expect(cells[0]?.line).toBe(2);
  });

  it('reports two rows for one area (no breakdown chosen), unknown margins and margins without a value', () => {
    const mapping = WideMapping.parse({
      areaColumn: 'regios',
      period: '2024',
      marginColumn: 'marges',
      columns: { overgewicht_59: 'overgewicht-jongvolwassenen' },
    });
    const doubled = wideToLong(table(MONITOR), mapping, new Set(['GM0106']));
    expect(doubled.problems.map((p) => p.message).join(' ')).toContain('staan ook in rij 2');
    const odd = wideToLong(
      table(['Marges;RegioS;Overgewicht_59', 'MX1;GM0106;3', 'MOG0095;GM0114;2']),
      mapping,
      new Set(['GM0106', 'GM0114']),
    );
    expect(odd.problems.map((p) => p.message)).toEqual([
      'Onbekende marge: verwacht MW00000 (waarde), MOG0095 of MBG0095.',
      'Er is een marge, maar geen rij met de waarde (MW00000).',
    ]);
  });

  it('takes only columns the file has from a posted mapping', () => {
    const mapping = mappingFromForm(
      {
        area_column: 'regios',
        period: '2024',
        margin_column: 'bestaat-niet',
        'col:overgewicht_59': 'Overgewicht-Jongvolwassenen',
        'col:verzonnen': 'roken-jongvolwassenen',
        'col:rookttabak_75': '',
      },
      table(MONITOR),
    );
    expect(mapping).toEqual({
      areaColumn: 'regios',
      period: '2024',
      periodColumn: '',
      marginColumn: '',
      filters: {},
      columns: { overgewicht_59: 'overgewicht-jongvolwassenen' },
    });
  });
});

describeEachDatabase('wide measurement import', (get) => {
  const upload = async (
    app: ReturnType<typeof testApp>['app'],
    cookie: string,
    csrf: string,
    bytes: string,
    dataSource = SOURCE,
  ) =>
    postUpload(
      app,
      BASE,
      { _csrf: csrf, data_source: dataSource },
      { name: 'gm.csv', bytes },
      cookie,
    );

  it('maps columns, previews, applies, saves the mapping for the source and offers it next time', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const file = MONITOR.join('\n').replaceAll('27,5', '27,6');
    const first = await upload(app, data.cookie, data.csrf, file);
    expect(first.status).toBe(303);
    const mappingUrl = first.headers.get('location') ?? '';
    expect(mappingUrl).toMatch(/\/breed\/[0-9]+$/);
    const page = await (await app.request(mappingUrl, { headers: { cookie: data.cookie } })).text();
    // The region's own Gezondheidsmonitor file saved this source's mapping on first start.
    expect(page).toContain('Dit is de koppeling van de vorige keer voor deze bron.');
    // Last time's period is a hint, not filled in: next year's file must not land in 2024.
    expect(page).toContain('Het vorige bestand van deze bron ging over 2024.');
    expect(page).toMatch(/name="period" type="text" value=""/);
    expect(page).toContain('Alleen rijen met persoonskenmerken =');
    expect(page).toMatch(/<option value="T009002" selected/);
    expect(page).toMatch(/name="col:overgewicht_59"[^>]*value="overgewicht-jongvolwassenen"/);

    const form = {
      _csrf: data.csrf,
      area_column: 'regios',
      period: '2025',
      margin_column: 'marges',
      'filter:persoonskenmerken': 'T009002',
      'col:overgewicht_59': 'overgewicht-jongvolwassenen',
      'col:rookttabak_75': 'roken-jongvolwassenen',
    };
    const mapped = await postForm(app, mappingUrl, form, data.cookie);
    expect(mapped.status).toBe(303);
    const previewUrl = mapped.headers.get('location') ?? '';
    const preview = await (
      await app.request(previewUrl, { headers: { cookie: data.cookie } })
    ).text();
    expect(preview).toContain('gm.csv: 4 rijen. Nieuw: 4');
    expect(preview).toContain('Niet ingelezen: 1 gebieden die niet bij deze regio horen (GM0363');
    expect(
      (await postForm(app, `${previewUrl}/toepassen`, { _csrf: data.csrf }, data.cookie)).status,
    ).toBe(303);

    const stored = await get()
      .db.selectFrom('measurement')
      .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
      .innerJoin('data_source', 'data_source.id', 'measurement.data_source_id')
      .select([
        'indicator.code',
        'area_code',
        'value',
        'ci_low',
        'ci_high',
        'missing_reason',
        'data_source.code as source',
      ])
      .where('period', '=', '2025')
      .orderBy('indicator.code')
      .orderBy('area_code')
      .execute();
    expect(
      stored.map((m) => [m.code, m.area_code, m.value === null ? null : Number(m.value), m.source]),
    ).toEqual([
      ['overgewicht-jongvolwassenen', 'GM0106', 27.6, SOURCE],
      ['overgewicht-jongvolwassenen', 'GM0114', null, SOURCE],
      ['roken-jongvolwassenen', 'GM0106', 18.1, SOURCE],
      ['roken-jongvolwassenen', 'GM0114', 21, SOURCE],
    ]);
    expect(Number(stored[0]?.ci_low)).toBe(25);
    expect(Number(stored[0]?.ci_high)).toBe(30.1);
    expect(stored[1]?.missing_reason).toBe('geen cijfer beschikbaar (.)');
    const audit = await get()
      .db.selectFrom('audit_log')
      .select(['actor', 'entity_key'])
      .where('action', '=', 'data_source.import_mapping')
      .where('actor', '=', `user:${data.user.id}`)
      .execute();
    expect(audit).toEqual([{ actor: `user:${data.user.id}`, entity_key: SOURCE }]);
    // The saved mapping now says 2025, and still knows the 146 columns this file did not have.
    const saved = await get()
      .db.selectFrom('data_source')
      .select('import_mapping')
      .where('code', '=', SOURCE)
      .executeTakeFirstOrThrow();
    const mapping = WideMapping.parse(saved.import_mapping);
    expect(mapping.period).toBe('2025');
    expect(Object.keys(mapping.columns)).toHaveLength(148);

    // Next file of the same source: the saved mapping is offered; the same file again is detected.
    const again = await upload(app, data.cookie, data.csrf, file);
    const againUrl = again.headers.get('location') ?? '';
    const againPage = await (
      await app.request(againUrl, { headers: { cookie: data.cookie } })
    ).text();
    expect(againPage).toContain('Dit is de koppeling van de vorige keer voor deze bron.');
    expect(againPage).toMatch(/name="col:rookttabak_75"[^>]*value="roken-jongvolwassenen"/);
    expect(againPage).toMatch(/<option value="T009002" selected/);
    const remapped = await postForm(app, againUrl, form, data.cookie);
    const secondPreview = await (
      await app.request(remapped.headers.get('location') ?? '', {
        headers: { cookie: data.cookie },
      })
    ).text();
    expect(secondPreview).toContain('al eerder ingelezen (gm.csv');
    expect(secondPreview).toContain('ongewijzigd: 4');
  });

  it('proposes a mapping for a source without one: CBS column names and "kolom X" in indicator sources', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const staged = await upload(
      app,
      data.cookie,
      data.csrf,
      MONITOR.join('\n'),
      'regioplan-drenthe',
    );
    const page = await (
      await app.request(staged.headers.get('location') ?? '', { headers: { cookie: data.cookie } })
    ).text();
    expect(page).toContain('Dit is een voorstel van Marke');
    expect(page).toMatch(/<option value="regios" selected/);
    expect(page).toMatch(/name="col:rookttabak_75"[^>]*value="roken-jongvolwassenen"/);
  });

  it('reads a wide XLSX file the same way', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const bytes = await writeXlsx(
      'Blad1',
      ['RegioS', 'Overgewicht_59'],
      [
        { RegioS: 'GM0106', Overgewicht_59: 28.4 },
        { RegioS: 'GM0114', Overgewicht_59: 'x' },
      ],
    );
    const staged = await postUpload(
      app,
      BASE,
      { _csrf: data.csrf, data_source: SOURCE },
      { name: 'monitor.xlsx', bytes },
      data.cookie,
    );
    const url = staged.headers.get('location') ?? '';
    expect(url).toMatch(/\/breed\/[0-9]+$/);
    const mapped = await postForm(
      app,
      url,
      {
        _csrf: data.csrf,
        area_column: 'regios',
        period: '2026',
        'col:overgewicht_59': 'overgewicht-jongvolwassenen',
      },
      data.cookie,
    );
    const preview = await (
      await app.request(mapped.headers.get('location') ?? '', { headers: { cookie: data.cookie } })
    ).text();
    expect(preview).toContain('monitor.xlsx: 2 rijen. Nieuw: 2');
    expect(preview).toContain('geheim of te weinig waarnemingen (x)');
  });

  it('asks for the source, refuses person-level files, unknown indicators, other users and other roles', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const noSource = await upload(app, data.cookie, data.csrf, MONITOR.join('\n'), '');
    expect(noSource.status).toBe(400);
    expect(await noSource.text()).toContain('Kies de bron van het bestand');
    const personal = await upload(
      app,
      data.cookie,
      data.csrf,
      ['RegioS;bsn;Overgewicht_59', 'GM0106;111222333;1', 'GM0114;123456782;1'].join('\n'),
    );
    expect(personal.status).toBe(400);
    const personalHtml = await personal.text();
    expect(personalHtml).toContain('alleen totalen per gebied en periode');
    expect(personalHtml).not.toContain('123456782');

    // Rows about people without any number-like column: many rows per area, refused before
    // anything is staged or shown (no first row, no breakdown values on a mapping page).
    const wijken = ['WK010600', 'WK010601', 'WK010602', 'WK010603', 'WK010604'];
    const people = Array.from(
      { length: 60 },
      (_, i) =>
        `${wijken[i % 5]},${i % 2 ? 'vrouw' : 'man'},F3${i % 7},${20 + (i % 50)},${1000 + i}`,
    );
    const before = await get().db.selectFrom('import_batch').select('id').execute();
    const rowsOfPeople = await upload(
      app,
      data.cookie,
      data.csrf,
      ['wijkcode,geslacht,diagnose,leeftijd,zorgkosten', ...people].join('\n'),
    );
    expect(rowsOfPeople.status).toBe(400);
    const peopleHtml = await rowsOfPeople.text();
    expect(peopleHtml).toContain('rijen voor 5 cijfers');
    expect(peopleHtml).not.toContain('F30');
    expect(await get().db.selectFrom('import_batch').select('id').execute()).toHaveLength(
      before.length,
    );

    const staged = await upload(app, data.cookie, data.csrf, MONITOR.join('\n'));
    const url = staged.headers.get('location') ?? '';
    const wrong = await postForm(
      app,
      url,
      {
        _csrf: data.csrf,
        area_column: 'regios',
        period: '',
        margin_column: 'marges',
        'filter:persoonskenmerken': 'T009002',
        'col:overgewicht_59': 'bestaat-niet',
      },
      data.cookie,
    );
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('Onbekende indicator &quot;bestaat-niet&quot;');
    expect(wrongHtml).toContain('Vul de periode in');

    const other = await signInAs(app, get().db, 'data');
    expect((await app.request(url, { headers: { cookie: other.cookie } })).status).toBe(404);
    const editor = await signInAs(app, get().db, 'redacteur');
    expect((await app.request(url, { headers: { cookie: editor.cookie } })).status).toBe(403);
    const cancelled = await postForm(app, `${url}/annuleren`, { _csrf: data.csrf }, data.cookie);
    expect(cancelled.status).toBe(303);
    expect((await app.request(url, { headers: { cookie: data.cookie } })).status).toBe(404);
  });
});
