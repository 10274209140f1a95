/**
 * Ranked lists: best first by the indicator's direction, ties sharing a place, hidden and missing
 * figures last without a place, the region as reference; a page of its own, linked from the map.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import type { Measurement } from '../indicators/index.js';
import { type RankEntry, rankEntries } from './ranking.service.js';

const entry = (name: string, value: number | null, hidden = false): RankEntry => ({
  code: name,
  name,
  measurement:
    value === null && !hidden
      ? undefined
      : ({ value, missingReason: hidden ? 'te weinig waarnemingen' : null } as Measurement),
});

it('ranks by direction, ties share a place, areas without a value come last without one', () => {
  const entries = [
    entry('Dalen', 12.04),
    entry('Anloo', 10),
    entry('Beilen', 12.01),
    entry('Erica', null, true),
    entry('Coevorden', 14),
    entry('Annen', null),
  ];
  const lower = rankEntries(entries, 'lager', 1);
  expect(lower.map((e) => [e.name, e.rank])).toEqual([
    ['Anloo', 1],
    ['Beilen', 2], // 12,0 and 12,0 as shown: the same place, by name
    ['Dalen', 2],
    ['Coevorden', 4],
    ['Annen', undefined],
    ['Erica', undefined],
  ]);
  const higher = rankEntries(entries, 'hoger', 1);
  expect(higher.map((e) => [e.name, e.rank]).slice(0, 4)).toEqual([
    ['Coevorden', 1],
    ['Beilen', 2],
    ['Dalen', 2],
    ['Anloo', 4],
  ]);
  // 'neutraal' is only sorted high to low; with two decimals the tie is gone.
  expect(rankEntries(entries, 'neutraal', 2).map((e) => e.rank)).toEqual([
    1,
    2,
    3,
    4,
    undefined,
    undefined,
  ]);
  expect(rankEntries([], 'hoger', 1)).toEqual([]);
});

describeEachDatabase('datawerkplaats rankings', (get) => {
  it('ranks the gemeenten for overgewicht lowest first, with the region and links to trends', async () => {
    const { app } = testApp(get().db);
    const res = await app.request('/datawerkplaats/ranglijst/overgewicht-jongvolwassenen');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      'Ranglijst Overgewicht bij jongvolwassenen per gemeente in Drenthe, 2024',
    );
    expect(html).toContain('is lager beter. Plaats 1 heeft het laagste cijfer.');
    expect(html).toMatch(/Ter vergelijking: GGD Drenthe [0-9]+,[0-9]% \(RIVM/);
    const rows = [
      ...html.matchAll(
        /<td class="utrecht-table__cell">([0-9]+)(?: \(gedeeld\))?<\/td><th[^>]*><a class="utrecht-link" href="\/datawerkplaats\/trend\/overgewicht-jongvolwassenen\/GM[0-9]{4}">[^<]+<\/a><\/th><td class="utrecht-table__cell">([0-9]+),([0-9])%/g,
      ),
    ].map((m) => ({ rank: Number(m[1]), value: Number(`${m[2]}.${m[3]}`) }));
    expect(rows).toHaveLength(12);
    expect(rows[0]?.rank).toBe(1);
    for (let i = 1; i < rows.length; i++) {
      const [before, now] = [rows[i - 1], rows[i]];
      expect(now?.value).toBeGreaterThanOrEqual(before?.value ?? 0);
      expect(now?.rank).toBe(now?.value === before?.value ? before?.rank : i + 1);
    }
    // Linked from the map.
    const map = await (
      await app.request('/datawerkplaats/kaart/overgewicht-jongvolwassenen')
    ).text();
    expect(map).toContain(
      'href="/datawerkplaats/ranglijst/overgewicht-jongvolwassenen?niveau=gemeente&amp;periode=2024"',
    );
  });

  it('says that a descriptive figure implies no better or worse, and ranks the wijken of one gemeente', async () => {
    const { app } = testApp(get().db);
    const neutral = await (
      await app.request('/datawerkplaats/ranglijst/jv-heeft-studieschuld')
    ).text();
    expect(neutral).toContain('hoger is niet beter of slechter');
    expect(neutral).toContain('Plaats 1 is dus niet &quot;het beste&quot;.');
    const wijken = await app.request(
      '/datawerkplaats/ranglijst/inwoners?niveau=wijk&binnen=GM0106&periode=2024',
    );
    expect(wijken.status).toBe(200);
    const html = await wijken.text();
    expect(html).toContain('Ranglijst Aantal inwoners per wijk in Assen, 2024');
    expect(html).toContain('href="/datawerkplaats/trend/inwoners/WK010600"');
    expect(html).not.toContain('WK168000'); // a wijk of Aa en Hunze
    expect(html).toMatch(/Ter vergelijking: Assen [0-9.]+ inwoners/);
    expect(html).toContain('href="/datawerkplaats/ranglijst/inwoners?niveau=gemeente"');
  });

  it('answers unknown indicators, levels, periods and areas with a Dutch 404, odd parameters with a 400', async () => {
    const { app } = testApp(get().db);
    const base = '/datawerkplaats/ranglijst';
    const cases: Array<[string, number, string]> = [
      [`${base}/bestaat-niet`, 404, 'Dit cijfer bestaat niet.'],
      [`${base}/inwoners?niveau=provincie`, 404, 'Deze ranglijst bestaat niet'],
      [`${base}/inwoners?niveau=buurt`, 404, 'geen getallen op dit niveau'],
      [`${base}/inwoners?periode=1999`, 404, 'Deze ranglijst bestaat niet'],
      [`${base}/inwoners?periode=2030`, 404, 'geen getallen voor deze periode'],
      [`${base}/inwoners?binnen=GM9999`, 404, 'Dit gebied kennen we niet.'],
      [`${base}/inwoners?binnen=%00`, 404, 'Deze ranglijst bestaat niet'],
      [`${base}/Inwoners`, 404, 'Deze ranglijst bestaat niet'],
      [`${base}/ziekteverzuim-zorg`, 404, 'geen getallen per gemeente of wijk'],
      [`${base}/inwoners?sorteer=waarde`, 400, 'sorteer'],
      [`${base}/inwoners?kleur=rood`, 400, 'kleur'],
    ];
    for (const [url, status, text] of cases) {
      const res = await app.request(url);
      expect(res.status, url).toBe(status);
      expect(await res.text(), url).toContain(text);
    }
  });
});
