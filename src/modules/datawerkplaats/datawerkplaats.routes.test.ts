/**
 * The datawerkplaats on the real Drenthe data loaded at start: a map of overgewicht among young
 * adults per gemeente, population per wijk with drill-down, sorting, and odd parameters.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, postUpload, signInAs } from '../../../test/session.js';

describeEachDatabase('datawerkplaats maps', (get) => {
  it('draws overgewicht per gemeente from the Gezondheidsmonitor with source, legend and table', async () => {
    const { app } = testApp(get().db);
    const index = await (await app.request('/datawerkplaats')).text();
    expect(index).toContain('/datawerkplaats/kaart/overgewicht-jongvolwassenen');
    expect(index).toContain('/datawerkplaats/kaart/inwoners');
    // Only indicators with figures per area are offered (no link ends in "no figures").
    expect(index).not.toContain('/datawerkplaats/kaart/seh-valopnames-kwetsbare-ouderen');
    const res = await app.request('/datawerkplaats/kaart/overgewicht-jongvolwassenen');
    expect(res.status).toBe(200);
    const html = await res.text();
    // Twelve gemeenten drawn, each with its name and value in a <title>.
    expect(html.match(/<path d="M/g)?.length).toBe(12);
    expect(html).toMatch(/<title>Assen: [0-9]+,[0-9]%<\/title>/);
    expect(html).toContain('RIVM/GGD Gezondheidsmonitor Jongvolwassenen 2024');
    expect(html).toContain('Grenzen: CBS gebiedsindelingen');
    expect(html).toContain('marke-map-legend');
    expect(html).toMatch(/Ter vergelijking: (GGD Drenthe|Drenthe|Nederland) [0-9]+,[0-9]%/);
    // The same figures in the table.
    expect(html).toMatch(
      /scope="row"><a class="utrecht-link" href="\/datawerkplaats\/gebied\/GM0106">Assen<\/a><\/th><td class="utrecht-table__cell">[0-9]+,[0-9]%/,
    );
  });

  it('drills down from gemeente to its wijken for population, and sorts by value', async () => {
    const { app } = testApp(get().db);
    const top = await (await app.request('/datawerkplaats/kaart/inwoners?niveau=gemeente')).text();
    expect(top).toContain(
      '/datawerkplaats/kaart/inwoners?niveau=wijk&amp;periode=2024&amp;binnen=GM0106',
    );
    const assen = await app.request('/datawerkplaats/kaart/inwoners?niveau=wijk&binnen=GM0106');
    expect(assen.status).toBe(200);
    const html = await assen.text();
    const wijken = html.match(/<path d="M/g)?.length ?? 0;
    expect(wijken).toBeGreaterThan(5);
    expect(html).not.toContain('Annen'); // a wijk of Aa en Hunze, not of Assen
    expect(html).toContain('Ter vergelijking: Assen');
    const byValue = await (
      await app.request('/datawerkplaats/kaart/inwoners?niveau=wijk&binnen=GM0106&sorteer=waarde')
    ).text();
    const numbers = [
      ...byValue.matchAll(
        /scope="row">(?:<a[^>]*>)?[^<]+(?:<\/a>)?<\/th><td class="utrecht-table__cell">([0-9.]+) inwoners/g,
      ),
    ].map((m) => Number(m[1]?.replace(/\./g, '')));
    expect(numbers.length).toBe(wijken);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it('downloads the same figures as CSV, GeoJSON (RFC 7946) and SVG', async () => {
    const { app } = testApp(get().db);
    const page = await (
      await app.request('/datawerkplaats/kaart/overgewicht-jongvolwassenen')
    ).text();
    const assen = /<title>Assen: ([0-9]+),([0-9])%<\/title>/.exec(page);
    const value = `${assen?.[1]}.${assen?.[2]}`;
    const csvRes = await app.request('/datawerkplaats/kaart/overgewicht-jongvolwassenen.csv');
    expect(csvRes.headers.get('content-disposition')).toContain(
      'marke-drenthe-overgewicht-jongvolwassenen-gemeente-2024.csv',
    );
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM for spreadsheet programs
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n')[0]).toBe(
      'area_code,area_name,level,indicator,period,value,unit,missing_reason,source,boundary_year,is_demo',
    );
    expect(csv).toContain(`GM0106,Assen,gemeente,overgewicht-jongvolwassenen,2024,${value},%,,`);
    const geo = JSON.parse(
      await (await app.request('/datawerkplaats/kaart/overgewicht-jongvolwassenen.geojson')).text(),
    );
    expect(geo.features).toHaveLength(12);
    const feature = geo.features.find((f: { id: string }) => f.id === 'GM0106');
    expect(feature.properties.value).toBe(Number(value));
    // RFC 7946: the outer ring runs counter-clockwise (positive shoelace area in lon/lat).
    const ring: number[][] =
      feature.geometry.type === 'Polygon'
        ? feature.geometry.coordinates[0]
        : feature.geometry.coordinates[0][0];
    let twiceArea = 0;
    for (let i = 0; i + 1 < ring.length; i++)
      twiceArea +=
        (ring[i]?.[0] ?? 0) * (ring[i + 1]?.[1] ?? 0) -
        (ring[i + 1]?.[0] ?? 0) * (ring[i]?.[1] ?? 0);
    expect(twiceArea).toBeGreaterThan(0);
    const svg = await (
      await app.request('/datawerkplaats/kaart/inwoners.svg?niveau=wijk&binnen=GM0106')
    ).text();
    expect(
      svg.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"',
      ),
    ).toBe(true);
    expect(svg).toContain('Bron: CBS Kerncijfers wijken en buurten 2024');
    expect(svg).not.toContain('<a ');
    expect((await app.request('/datawerkplaats/kaart/inwoners.pdf')).status).toBe(404);
  });

  it('offers a drill-down only where the level below has figures for the same period', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const file = [
      'indicator,area_code,period,value,numerator,denominator,source',
      'hybride-zorg-gebruik,GM0106,2024,30,300,1000,Testbestand',
      'hybride-zorg-gebruik,GM0106,2025,31,310,1000,Testbestand',
      'hybride-zorg-gebruik,WK010600,2025,35,35,100,Testbestand',
    ].join('\n');
    const staged = await postUpload(
      app,
      '/beheer/metingen/import',
      { _csrf: data.csrf },
      { name: 'd.csv', bytes: file },
      data.cookie,
    );
    const url = staged.headers.get('location') ?? '';
    expect(
      (await postForm(app, `${url}/toepassen`, { _csrf: data.csrf }, data.cookie)).status,
    ).toBe(303);
    const map = '/datawerkplaats/kaart/hybride-zorg-gebruik?niveau=gemeente';
    const in2024 = await (await app.request(`${map}&periode=2024`)).text();
    expect(in2024).not.toContain('binnen=GM0106');
    const in2025 = await (await app.request(`${map}&periode=2025`)).text();
    expect(in2025).toContain('niveau=wijk&amp;periode=2025&amp;binnen=GM0106');
    // Switching level starts at that level's newest period instead of keeping this one.
    expect(in2024).toContain('href="/datawerkplaats/kaart/hybride-zorg-gebruik?niveau=wijk"');
  });

  it("shows a gebiedsprofiel per gemeente and wijk, next to the region, with the gemeente's goals", async () => {
    const { app } = testApp(get().db);
    const assen = await app.request('/datawerkplaats/gebied/GM0106');
    expect(assen.status).toBe(200);
    const html = await assen.text();
    expect(html).toContain('Gebiedsprofiel Assen');
    expect(html).toMatch(
      /Aantal inwoners<\/a><\/th><td class="utrecht-table__cell">[0-9.]+ inwoners/,
    );
    // Overgewicht among young adults next to GGD Drenthe (same period), with period and source.
    expect(html).toMatch(/Overgewicht bij jongvolwassenen[\s\S]*?GGD Drenthe: [0-9]+,[0-9]%/);
    expect(html).toContain('2024, RIVM/GGD Gezondheidsmonitor Jongvolwassenen 2024');
    expect(html).toContain('10 wijken in Assen');
    expect(html).toContain('href="/datawerkplaats/gebied/WK010600"');
    expect(html).toContain('Waar werkt de gemeente Assen aan?');
    expect(html).toContain('href="/werkagenda/organisatie/gemeente-assen"');
    const centrum = await (await app.request('/datawerkplaats/gebied/WK010600')).text();
    expect(centrum).toContain('Centrum is een wijk in Assen');
    expect(centrum).toMatch(/Aantal inwoners[\s\S]*?Assen: [0-9.]+ inwoners/);
    // A gemeente-only figure leads from the map to the profile (every area is a link).
    const map = await (
      await app.request('/datawerkplaats/kaart/overgewicht-jongvolwassenen')
    ).text();
    expect(map).toContain('href="/datawerkplaats/gebied/GM0106"');
    for (const url of [
      '/datawerkplaats/gebied/PV22',
      '/datawerkplaats/gebied/GM9999',
      '/datawerkplaats/gebied/%00',
    ])
      expect((await app.request(url)).status, url).toBe(404);
  });

  it('answers odd parameters with a Dutch 404 or 400, never a 500', async () => {
    const { app } = testApp(get().db);
    for (const url of [
      '/datawerkplaats/kaart/bestaat-niet',
      '/datawerkplaats/kaart/inwoners?niveau=buurt',
      '/datawerkplaats/kaart/inwoners?niveau=provincie',
      '/datawerkplaats/kaart/inwoners?periode=1999',
      '/datawerkplaats/kaart/inwoners?periode=%00',
      '/datawerkplaats/kaart/inwoners?binnen=GM9999',
      '/datawerkplaats/kaart/inwoners?sorteer=prijs',
      '/datawerkplaats/kaart/ziekteverzuim-zorg',
    ])
      expect((await app.request(url)).status, url).toBe(404);
    expect((await app.request('/datawerkplaats/kaart/inwoners?kleur=rood')).status).toBe(400);
  });
});
