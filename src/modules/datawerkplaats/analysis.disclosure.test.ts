/**
 * Disclosure control on the trend, compare and ranking outputs: a small wijk and the sibling that
 * would give it away are hidden on every page, CSV and SVG, and come back once they are safe.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { importRows } from './analysis.test-helpers.js';

// Assen and all ten of its wijken (the gemeente is their sum). Centrum (WK010600) rests on 5
// people; Lariks (WK010601) is the smallest other wijk, so it is hidden to protect Centrum.
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
  'hybride-zorg-gebruik,GM0106,2025,29.9,318,1065,Testbestand',
  'hybride-zorg-gebruik,WK010600,2025,40,2,5,Testbestand',
  'hybride-zorg-gebruik,WK010601,2025,33.3,20,60,Testbestand',
  ...OTHER_WIJKEN.map((code) => `hybride-zorg-gebruik,${code},2025,29.6,37,125,Testbestand`),
];
/** What would give the hidden figures away, in page, CSV and SVG spelling. */
const LEAKS = ['40,0%', '33,3%', ',40,', ',33.3,', '>40<', '33.3', ': 40'];

describeEachDatabase('disclosure on trends, comparisons and rankings', (get) => {
  it('never shows a hidden wijk, nor the sibling hidden with it, on any new output', async () => {
    const { app } = testApp(get().db);
    await importRows(app, get().db, 'wijken.csv', FIGURES);
    const indicator = 'hybride-zorg-gebruik';
    const compare = `gebied=WK010600&gebied=WK010601&gebied=WK010602&gebied=GM0106`;
    const outputs = [
      `/datawerkplaats/trend/${indicator}/WK010600`,
      `/datawerkplaats/trend/${indicator}/WK010600.csv`,
      `/datawerkplaats/trend/${indicator}/WK010601`,
      `/datawerkplaats/trend/${indicator}/WK010601.csv`,
      `/datawerkplaats/trend/${indicator}/GM0106`,
      `/datawerkplaats/trend/${indicator}/GM0106.svg`,
      `/datawerkplaats/trend/${indicator}/WK010602.svg`,
      `/datawerkplaats/vergelijk?${compare}&cijfer=${indicator}`,
      `/datawerkplaats/vergelijk.csv?${compare}&cijfer=${indicator}`,
      `/datawerkplaats/vergelijk?${compare}`,
      `/datawerkplaats/vergelijk.csv?${compare}`,
      `/datawerkplaats/ranglijst/${indicator}?niveau=wijk&binnen=GM0106`,
      `/datawerkplaats/ranglijst/${indicator}?niveau=wijk`,
    ];
    for (const url of outputs) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      const body = await res.text();
      for (const leak of LEAKS) expect(body, `${url} shows ${leak}`).not.toContain(leak);
    }
    // Hidden figures are shown as hidden, with the reason.
    const trend = await (await app.request(outputs[0] ?? '')).text();
    expect(trend).toContain('te weinig waarnemingen (minder dan 10)');
    // Its chart has Assen's line only: no point, no title, for Centrum.
    expect(trend).toContain('<title>Assen, 2025: 29,9%</title>');
    expect(trend).not.toContain('<title>Centrum,');
    expect(await (await app.request(`${outputs[0]}.svg`)).text()).not.toContain('Centrum, 2025');
    const csv = await (await app.request(outputs[8] ?? '')).text();
    expect(csv).toMatch(
      /WK010600,Centrum,wijk,hybride-zorg-gebruik,2025,,%,te weinig waarnemingen/,
    );
    expect(csv).toMatch(/WK010601,Lariks,wijk,hybride-zorg-gebruik,2025,,%,te weinig waarnemingen/);
    const ranking = await (await app.request(outputs[11] ?? '')).text();
    const unranked = [
      ...ranking.matchAll(
        /<td class="utrecht-table__cell">geen plaats<\/td><th[^>]*>(?:<a[^>]*>)?([^<]+)</g,
      ),
    ].map((m) => m[1]);
    expect(unranked).toEqual(['Centrum', 'Lariks']);
    expect(ranking).toContain('<td class="utrecht-table__cell">1 (gedeeld)</td>');

    // A later file makes Centrum safe: both figures appear (so the checks above could fail).
    await importRows(app, get().db, 'wijken-2.csv', [
      'hybride-zorg-gebruik,WK010600,2025,40,20,50,Testbestand',
    ]);
    const after = await (await app.request(outputs[11] ?? '')).text();
    expect(after).toContain('40,0%');
    expect(after).toContain('33,3%');
    expect(await (await app.request(outputs[8] ?? '')).text()).toContain(',33.3,');
    expect(await (await app.request(outputs[2] ?? '')).text()).toContain('33,3%');
  });
});
