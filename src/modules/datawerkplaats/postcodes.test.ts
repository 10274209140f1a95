/** A gemeente's profile lists its postcode areas with their population; postcodes have no profile. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';

describeEachDatabase('postcodes on the area profile', (get) => {
  it('shows a table of De Wolden’s 13 postcodes with source and period, and the gemeente as their sum', async () => {
    const { app } = testApp(get().db);
    const res = await app.request('/datawerkplaats/gebied/GM1690');
    expect(res.status).toBe(200);
    const html = await res.text();
    const table = html.slice(html.indexOf('id="postcodes"'));
    expect(table).toContain(
      '<caption class="utrecht-table__caption">Inwoners per postcode in De Wolden, 2021</caption>',
    );
    expect(
      table.match(/<th class="utrecht-table__header-cell" scope="row">[0-9]{4}<\/th>/g),
    ).toHaveLength(13);
    // 7705 Drogteropslagen: 340 inhabitants, 50 of 65 or older (14,7%).
    expect(table).toMatch(
      />7705<\/th><td class="utrecht-table__cell">Drogteropslagen<\/td><td class="utrecht-table__cell">340 inwoners<\/td><td class="utrecht-table__cell">50 inwoners<\/td>/,
    );
    expect(table).toContain('14,7%');
    expect(table).toContain('Hele gemeente (de postcodes samen)');
    expect(table).toContain('24.380 inwoners');
    expect(table).toContain(
      'Periode: 2021. Bron: CBS, Bevolking en leeftijd per postcode (83502NED)',
    );
    expect(table).toContain('href="/indicatoren/pc4-aandeel-65-plus"');
    // The list of areas inside names the wijken only: postcode areas have no profile page.
    expect(html).toContain('14 wijken in De Wolden');
    expect(html).not.toContain('href="/datawerkplaats/gebied/PC');
    expect((await app.request('/datawerkplaats/gebied/PC7705')).status).toBe(404);
    // A wijk has no postcode table.
    const wijk = await (await app.request('/datawerkplaats/gebied/WK169003')).text();
    expect(wijk).not.toContain('id="postcodes"');
  });

  it('keeps postcodes off the map levels: maps of these figures are per gemeente', async () => {
    const { app } = testApp(get().db);
    expect(
      (await app.request('/datawerkplaats/kaart/pc4-aandeel-65-plus?niveau=postcode')).status,
    ).toBe(404);
    const map = await (await app.request('/datawerkplaats/kaart/pc4-aandeel-65-plus')).text();
    expect(map).toContain('<title>De Wolden: 24,5%');
  });
});
