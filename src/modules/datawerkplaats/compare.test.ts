/**
 * Comparing two to four areas: one indicator (figures side by side for the newest common period,
 * trends as chart and table) or every indicator of the areas; CSV; a form that works without
 * JavaScript and answers bad choices with a Dutch message, never a 500.
 */
import { brotliCompressSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { importRows } from './analysis.test-helpers.js';
import { checkSelection, commonPeriod } from './compare.service.js';

const PAGE = '/datawerkplaats/vergelijk';
const q = (codes: string[], indicator?: string) =>
  `?${[...codes.map((c) => `gebied=${c}`), ...(indicator ? [`cijfer=${indicator}`] : [])].join('&')}`;

it('checks a selection: known, different, at most four; empty selects are no choice', () => {
  const area = (code: string, name: string) => ({
    code,
    name,
    level: 'gemeente' as const,
    parentCode: 'PV22',
    inRegion: true,
  });
  const areas = new Map([
    ['GM0106', area('GM0106', 'Assen')],
    ['GM0114', area('GM0114', 'Emmen')],
  ]);
  expect(checkSelection(['GM0106', '', 'GM0114', ''], areas)).toMatchObject({
    codes: ['GM0106', 'GM0114'],
    errors: {},
  });
  expect(checkSelection(['GM0106', 'GM0106'], areas).errors).toEqual({
    'gebied-2': 'U koos Assen twee keer. Kies steeds een ander gebied.',
  });
  expect(checkSelection(['<b>', 'GM9999'], areas).errors).toEqual({
    'gebied-1': 'Gebied 1 is geen gebiedscode.',
    'gebied-2': 'Een gebied met code GM9999 kennen we niet.',
  });
  expect(
    checkSelection(['GM0106', 'GM0114', 'GM0106', 'GM0114', 'GM0106'], areas).errors['gebied-5'],
  ).toContain('U koos 5 gebieden. U kunt er hoogstens 4 tegelijk vergelijken. Haal er 1 weg.');
});

it('finds the newest period every area has a figure for (hidden counts, projections do not)', () => {
  const m = (areaCode: string, period: string, value: number | null, isProjection = false) => ({
    areaCode,
    period,
    value,
    isProjection,
  });
  const figures = [
    m('A', '2022', 1),
    m('B', '2022', 2),
    m('A', '2023', null),
    m('B', '2023', 3),
    m('A', '2024', 4),
    m('A', '2030', 5, true),
    m('B', '2030', 6, true),
  ] as Parameters<typeof commonPeriod>[0];
  expect(commonPeriod(figures, ['A', 'B'])).toBe('2023');
  expect(commonPeriod(figures, ['A', 'C'])).toBeUndefined();
});

describeEachDatabase('datawerkplaats comparisons', (get) => {
  it('puts one indicator of two gemeenten and the GGD region side by side, with trends and CSV', async () => {
    const { app } = testApp(get().db);
    const res = await app.request(
      `${PAGE}${q(['GM0106', 'GM0114', 'GG0706'], 'overgewicht-jongvolwassenen')}`,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Vergelijken: Assen, Emmen, GGD Drenthe');
    expect(html).toContain('Nieuwste periode waarin alle gebieden een cijfer hebben: 2024.');
    for (const name of ['Assen', 'Emmen', 'GGD Drenthe'])
      expect(html).toMatch(
        new RegExp(`>${name}</a></th><td class="utrecht-table__cell">[0-9]+,[0-9]%</td>`),
      );
    expect(html).toContain('href="/datawerkplaats/trend/overgewicht-jongvolwassenen/GM0114"');
    expect(html).toContain('<svg class="marke-chart"');
    expect(html).toMatch(/<title>Emmen, 2024: [0-9]+,[0-9]%<\/title>/);
    // The form keeps the choice: three areas selected, the indicator too.
    expect(html.match(/<option value="GM0106" selected="">/g)?.length).toBe(1);
    expect(html).toContain('<option value="overgewicht-jongvolwassenen" selected="">');
    const csvHref = `${PAGE}.csv${q(['GM0106', 'GM0114', 'GG0706'], 'overgewicht-jongvolwassenen')}`;
    expect(html).toContain(`href="${csvHref.replaceAll('&', '&amp;')}"`);
    const csv = await app.request(csvHref);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(
      'marke-drenthe-vergelijking-GM0106-GM0114-GG0706-overgewicht-jongvolwassenen.csv',
    );
    const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'area_code,area_name,level,indicator,period,value,unit,missing_reason,source,is_projection,is_demo',
    );
    expect(lines.filter((l) => l.includes(',overgewicht-jongvolwassenen,2024,'))).toHaveLength(3);
  });

  it('compares every indicator of a gemeente and a wijk, and says when they share no period', async () => {
    const { app } = testApp(get().db);
    await importRows(app, get().db, 'vergelijk.csv', [
      'hybride-zorg-gebruik,GM0106,2023,25,250,1000,Testbron',
      'hybride-zorg-gebruik,WK010602,2024,34,34,100,Testbron',
    ]);
    const html = await (await app.request(`${PAGE}${q(['GM0106', 'WK010602'])}`)).text();
    expect(html).toContain('Alle cijfers van Assen, Noorderpark');
    expect(html).toContain(`href="${PAGE}?gebied=GM0106&amp;gebied=WK010602&amp;cijfer=inwoners"`);
    // Population of both in 2024; overgewicht only for the gemeente, so the wijk has none.
    expect(html).toMatch(
      /Aantal inwoners<\/a><\/th><td class="utrecht-table__cell">2024<\/td><td class="utrecht-table__cell">[0-9.]+ inwoners/,
    );
    expect(html).toMatch(
      /Overgewicht bij jongvolwassenen<\/a><\/th><td class="utrecht-table__cell">verschilt<\/td><td class="utrecht-table__cell">[0-9]+,[0-9]%<span class="marke-muted"> \(2024\)<\/span><\/td><td class="utrecht-table__cell">geen cijfer<\/td>/,
    );
    const one = await (
      await app.request(`${PAGE}${q(['GM0106', 'WK010602'], 'hybride-zorg-gebruik')}`)
    ).text();
    expect(one).toContain('Er is geen periode waarin alle gebieden een cijfer hebben.');
    expect(one).toMatch(/25,0%<span class="marke-muted"> \(2023\)/);
    expect(one).toMatch(/34,0%<span class="marke-muted"> \(2024\)/);
    // The heaviest page (four gemeenten, every indicator) stays within the page budget: ≤ 60 KB
    // with the stylesheet (~10 KB), brotli.
    const four = await (
      await app.request(`${PAGE}${q(['GM0106', 'GM0114', 'GM0118', 'GM0119'])}`)
    ).text();
    expect(four.match(/<tr class="utrecht-table__row">/g)?.length).toBeGreaterThan(100);
    expect(brotliCompressSync(four).length).toBeLessThan(45 * 1024);
    const csv = await (await app.request(`${PAGE}.csv${q(['GM0106', 'WK010602'])}`)).text();
    expect(csv).toContain('GM0106,Assen,gemeente,hybride-zorg-gebruik,2023,25,%,,Testbron,nee,nee');
    expect(csv).toContain(',wijk,inwoners,2024,');
  });

  it('shows the form alone, and asks for a second area when only one is chosen', async () => {
    const { app } = testApp(get().db);
    const empty = await app.request(PAGE);
    expect(empty.status).toBe(200);
    const form = await empty.text();
    expect(form).toContain('<form method="get" action="/datawerkplaats/vergelijk">');
    expect(
      form.match(/<select class="utrecht-select" id="gebied-[0-9]" name="gebied"/g),
    ).toHaveLength(4);
    expect(form).toContain('<optgroup label="Wijken in Assen">');
    expect(form).toContain('<label class="utrecht-form-label" for="cijfer">Welk cijfer?</label>');
    const one = await app.request(`${PAGE}?gebied=GM0106&gebied=&gebied=&gebied=&cijfer=`);
    expect(one.status).toBe(200);
    expect(await one.text()).toContain('Kies nog minstens één gebied');
    // The map table's checkboxes send the map's indicator along.
    const map = await (
      await app.request('/datawerkplaats/kaart/inwoners?niveau=wijk&binnen=GM0106')
    ).text();
    expect(map).toContain(
      '<form id="vergelijk-formulier" method="get" action="/datawerkplaats/vergelijk"><input type="hidden" name="cijfer" value="inwoners"/>',
    );
    expect(map).toContain(
      'name="gebied" value="WK010600" id="vergelijk-WK010600" form="vergelijk-formulier"',
    );
    expect(map).toContain(
      'href="/datawerkplaats/ranglijst/inwoners?niveau=wijk&amp;periode=2024&amp;binnen=GM0106"',
    );
  });

  it('answers five areas, twice the same area, unknown areas and odd input with a Dutch 400 or 404', async () => {
    const { app } = testApp(get().db);
    const five = await app.request(
      `${PAGE}${q(['GM0106', 'GM0114', 'GM0118', 'GM0119', 'GM1680'], 'inwoners')}`,
    );
    expect(five.status).toBe(400);
    const fiveHtml = await five.text();
    expect(fiveHtml).toContain('role="alert"');
    expect(fiveHtml).toContain('U koos 5 gebieden. U kunt er hoogstens 4 tegelijk vergelijken.');
    // Nothing is lost: five selects, each with the area the user chose.
    expect(fiveHtml.match(/<select class="utrecht-select" id="gebied-/g)).toHaveLength(5);
    expect(fiveHtml).toContain('<option value="GM1680" selected="">');
    expect(fiveHtml).not.toContain('Nieuwste periode');
    const cases: Array<[string, number, string]> = [
      [`${PAGE}${q(['GM0106', 'GM0106'])}`, 400, 'U koos Assen twee keer.'],
      [`${PAGE}${q(['GM0106', 'GM9999'])}`, 400, 'Een gebied met code GM9999 kennen we niet.'],
      [`${PAGE}?gebied=GM0106&gebied=%3Cscript%3E`, 400, 'Gebied 2 is geen gebiedscode.'],
      [`${PAGE}${q(['GM0106', 'GM0114'], 'bestaat-niet')}`, 404, 'Dit cijfer bestaat niet'],
      [`${PAGE}${q(['GM0106', 'GM0114'], 'Hoofdletters')}`, 400, 'Deze keuze kunnen we niet lezen'],
      [`${PAGE}?gebied=${'x'.repeat(41)}`, 400, 'Deze keuze kunnen we niet lezen'],
      [`${PAGE}?gebied=GM0106&sorteer=waarde`, 400, 'sorteer'],
      [`${PAGE}.csv${q(['GM0106', 'GM0114', 'GM0118', 'GM0119', 'GM1680'])}`, 400, 'hoogstens 4'],
      [`${PAGE}.csv${q(['GM0106'])}`, 400, 'Kies twee tot vier gebieden.'],
      [`${PAGE}.csv${q(['GM0106', 'GM0114'], 'bestaat-niet')}`, 404, 'Dit cijfer bestaat niet'],
    ];
    for (const [url, status, text] of cases) {
      const res = await app.request(url);
      expect(res.status, url).toBe(status);
      const body = await res.text();
      expect(body, url).toContain(text);
      expect(body, url).not.toContain('<script>');
    }
  });
});
