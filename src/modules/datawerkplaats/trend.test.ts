/**
 * Trend per area: every period of one indicator in one area, next to its gemeente and the
 * region, as chart, table, CSV and SVG; reachable from the map table and the area profile.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { importRows } from './analysis.test-helpers.js';

const TREND = '/datawerkplaats/trend';

describeEachDatabase('datawerkplaats trends', (get) => {
  it('shows every period of a wijk next to its gemeente and the region, as chart and table', async () => {
    const { app } = testApp(get().db);
    await importRows(app, get().db, 'trend.csv', [
      'hybride-zorg-gebruik,PV22,2023,20,2000,10000,Testbron',
      'hybride-zorg-gebruik,PV22,2024,22,2200,10000,Testbron',
      'hybride-zorg-gebruik,GM0106,2023,25,250,1000,Testbron',
      'hybride-zorg-gebruik,GM0106,2024,27,270,1000,Testbron',
      'hybride-zorg-gebruik,WK010602,2023,31,31,100,Testbron',
      'hybride-zorg-gebruik,WK010602,2024,34,34,100,Testbron',
    ]);
    const res = await app.request(`${TREND}/hybride-zorg-gebruik/WK010602`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 class="utrecht-heading-1">Patiënten die hybride zorg gebruiken in');
    // One line per area in the chart, each point named in its <title>.
    expect(html).toContain('<svg class="marke-chart"');
    expect(html).toMatch(/<title>[^<]+, 2023: 31,0%<\/title>/);
    expect(html).toContain('<title>Assen, 2024: 27,0%</title>');
    expect(html).toContain('<title>Drenthe, 2024: 22,0%</title>');
    expect(html).toContain('Assen (gemeente)');
    expect(html).toContain('Drenthe (provincie)');
    // The same figures in the table, oldest first, with the source.
    const table = html.slice(html.indexOf('<table'));
    expect(table.indexOf('>2023<')).toBeLessThan(table.indexOf('>2024<'));
    expect(table).toMatch(/>2024<\/th><td class="utrecht-table__cell">34,0%<\/td>/);
    expect(table).toContain('Testbron');
    // Downloads and the way to the comparison and the map.
    expect(html).toContain(`href="${TREND}/hybride-zorg-gebruik/WK010602.csv"`);
    expect(html).toContain(`href="${TREND}/hybride-zorg-gebruik/WK010602.svg"`);
    expect(html).toContain(
      'href="/datawerkplaats/vergelijk?gebied=WK010602&amp;cijfer=hybride-zorg-gebruik"',
    );
    expect(html).toContain(
      'href="/datawerkplaats/kaart/hybride-zorg-gebruik?niveau=wijk&amp;binnen=GM0106"',
    );

    const csv = await app.request(`${TREND}/hybride-zorg-gebruik/WK010602.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(
      'marke-drenthe-hybride-zorg-gebruik-WK010602-trend.csv',
    );
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe(
      'area_code,area_name,level,indicator,period,value,unit,missing_reason,source,is_projection,is_demo',
    );
    expect(text).toContain('WK010602,');
    expect(text).toContain(',wijk,hybride-zorg-gebruik,2024,34,%,,Testbron,nee,nee');
    expect(text).toContain(
      'GM0106,Assen,gemeente,hybride-zorg-gebruik,2023,25,%,,Testbron,nee,nee',
    );
    expect(text).toContain('PV22,Drenthe,provincie,hybride-zorg-gebruik,2024,22,%');

    const svg = await app.request(`${TREND}/hybride-zorg-gebruik/WK010602.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    const file = await svg.text();
    expect(
      file.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"',
      ),
    ).toBe(true);
    // A file of its own has no stylesheet: the lines carry their colours themselves.
    expect(file).toContain('stroke="#0072b2"');
    expect(file).toContain('Bron: Testbron');
  });

  it('gives a gemeente, the GGD region and the country their trend with a reference line', async () => {
    const { app } = testApp(get().db);
    const assen = await (await app.request(`${TREND}/overgewicht-jongvolwassenen/GM0106`)).text();
    expect(assen).toMatch(/<title>Assen, 2024: [0-9]+,[0-9]%<\/title>/);
    expect(assen).toMatch(/<title>GGD Drenthe, 2024: [0-9]+,[0-9]%<\/title>/);
    expect(assen).toContain('RIVM/GGD Gezondheidsmonitor Jongvolwassenen 2024');
    // The crumb leads back to the area's profile.
    expect(assen).toContain(
      '<a class="utrecht-link" href="/datawerkplaats/gebied/GM0106">Assen</a>',
    );
    const ggd = await app.request(`${TREND}/overgewicht-jongvolwassenen/GG0706`);
    expect(ggd.status).toBe(200);
    expect(await ggd.text()).toMatch(/<title>Nederland, 2024: [0-9]+,[0-9]%<\/title>/);
    expect((await app.request(`${TREND}/overgewicht-jongvolwassenen/NL01`)).status).toBe(200);
  });

  it('marks projections as prognose and draws no point for them', async () => {
    const { app } = testApp(get().db);
    const html = await (await app.request(`${TREND}/personeelstekort-zorg/PV22`)).text();
    expect(html).toMatch(
      />2032<\/th><td class="utrecht-table__cell">5\.000 [^<]*<span class="marke-tag"> prognose<\/span>/,
    );
    expect(html).not.toMatch(/<title>Drenthe, 2032:/);
  });

  it('is reachable from the map table and the area profile', async () => {
    const { app } = testApp(get().db);
    const map = await (
      await app.request('/datawerkplaats/kaart/overgewicht-jongvolwassenen')
    ).text();
    expect(map).toContain(`href="${TREND}/overgewicht-jongvolwassenen/GM0106"`);
    expect(map).toContain('<span class="marke-visually-hidden"> van Assen</span>');
    const profile = await (await app.request('/datawerkplaats/gebied/GM0106')).text();
    expect(profile).toContain(`href="${TREND}/overgewicht-jongvolwassenen/GM0106"`);
    expect(profile).toContain('href="/datawerkplaats/vergelijk?gebied=GM0106"');
  });

  it('answers unknown indicators and areas, areas without figures and odd addresses with a Dutch 404 or 400', async () => {
    const { app } = testApp(get().db);
    const cases: Array<[string, number, string]> = [
      [`${TREND}/bestaat-niet/GM0106`, 404, 'Dit cijfer bestaat niet.'],
      [`${TREND}/overgewicht-jongvolwassenen/GM9999`, 404, 'Dit gebied kennen we niet.'],
      [`${TREND}/overgewicht-jongvolwassenen/WK010600`, 404, 'geen getallen voor dit cijfer'],
      [`${TREND}/overgewicht-jongvolwassenen/Assen`, 404, 'Deze trend bestaat niet'],
      [`${TREND}/overgewicht-jongvolwassenen/GM0106.pdf`, 404, 'Deze trend bestaat niet'],
      [`${TREND}/Overgewicht/GM0106`, 404, 'Deze trend bestaat niet'],
      [`${TREND}/overgewicht-jongvolwassenen/%00`, 404, 'Deze trend bestaat niet'],
      [`${TREND}/overgewicht-jongvolwassenen/GM0106?periode=2024`, 400, 'periode'],
      [`${TREND}/overgewicht-jongvolwassenen/GM0106.csv?x=1`, 400, 'x'],
    ];
    for (const [url, status, text] of cases) {
      const res = await app.request(url);
      expect(res.status, url).toBe(status);
      expect(await res.text(), url).toContain(text);
    }
    // A trend with no drawable point (only a hidden figure, no reference) has no SVG download.
    await importRows(app, get().db, 'leeg.csv', [
      'acute-zorg-buiten-seh-hap,GM0114,2024,12,1,8,Testbron',
    ]);
    const hidden = await app.request(`${TREND}/acute-zorg-buiten-seh-hap/GM0114`);
    expect(hidden.status).toBe(200);
    const page = await hidden.text();
    expect(page).toContain('Er is geen getal om te tekenen');
    expect(page).not.toContain('.svg"');
    expect(page).toContain('te weinig waarnemingen (minder dan 10)');
    expect(page).not.toContain('12,0%');
    expect((await app.request(`${TREND}/acute-zorg-buiten-seh-hap/GM0114.svg`)).status).toBe(404);
  });
});
