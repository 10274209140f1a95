/**
 * Reference figures with the national layers loaded: maps, profiles and the indicator summary
 * compare with Drenthe's own GGD region (GG0706), never with another GGD region, even when a
 * figure for another one is stored (GG0111 sorts before GG0706).
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { bumpDataVersion } from '../plan/index.js';

describeEachDatabase('reference figures with national areas', (get) => {
  it('compare with GGD Drenthe, not with GGD Groningen', async () => {
    const { db } = get();
    const indicator = await db
      .selectFrom('indicator')
      .select('id')
      .where('code', '=', 'overgewicht-jongvolwassenen')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('measurement')
      .values({
        indicator_id: indicator.id,
        area_code: 'GG0111',
        period: '2024',
        value: 77.7,
        source: 'Testbestand',
      })
      .execute();
    await bumpDataVersion(db);
    const { app } = testApp(db);
    const map = await (
      await app.request('/datawerkplaats/kaart/overgewicht-jongvolwassenen')
    ).text();
    expect(map).toMatch(/Ter vergelijking: GGD Drenthe 31,0%/);
    const profile = await (await app.request('/datawerkplaats/gebied/GM0106')).text();
    expect(profile).toMatch(/Overgewicht bij jongvolwassenen[\s\S]*?GGD Drenthe: 31,0%/);
    const summary = await (await app.request('/indicatoren')).text();
    for (const html of [map, profile, summary]) {
      expect(html).not.toContain('GGD Groningen');
      expect(html).not.toContain('77,7');
    }
    // Pages that list areas show only the region's own: no other GGD region or zorgkantoorregio.
    const subregions = await (await app.request('/datawerkplaats/subregios')).text();
    for (const name of ['GGD Groningen', 'Zuid-Limburg']) expect(subregions).not.toContain(name);
  });
});
