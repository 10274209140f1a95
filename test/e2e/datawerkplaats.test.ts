/**
 * The datawerkplaats "done" journey in real Chromium (issue 4): the map of overgewicht among
 * young adults per gemeente and its ranking, population per wijk, drill-down gemeente → wijk →
 * area profile → trend → compare (form and the map's checkboxes) → downloads, on a desktop with
 * JavaScript and on a small phone without it; axe on every page, no third-party requests.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../db.js';
import {
  assertNoViolations,
  type BrowserSession,
  clickAndLoad,
  E2E_TIMEOUT,
  launchBrowser,
  requireBrowser,
  runAxe,
  startServer,
  type TestServer,
} from './browser.js';

const hasBrowser = requireBrowser();
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

describe.skipIf(!hasBrowser).each(databaseKinds())('datawerkplaats journey [%s]', (kind) => {
  let server: TestServer;
  let withJs: BrowserSession;
  let withoutJs: BrowserSession;

  beforeAll(async () => {
    server = await startServer(kind);
    [withJs, withoutJs] = await Promise.all([
      launchBrowser(server.origin),
      launchBrowser(server.origin, { javaScriptEnabled: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([withJs?.close(), withoutJs?.close()]);
    await server?.close();
  });

  for (const phone of [false, true]) {
    it(
      phone ? 'works on a small phone without JavaScript' : 'works on a desktop with JavaScript',
      async () => {
        const session = phone ? withoutJs : withJs;
        const { page } = session;
        await page.setViewportSize(phone ? PHONE : DESKTOP);
        // Axe needs JavaScript: without it, the same URL is checked in a JS page of the same size.
        const checker: Page = phone ? await withJs.context.newPage() : page;
        await checker.setViewportSize(phone ? PHONE : DESKTOP);
        const origin = server.origin;
        const main = page.locator('main');
        const h1 = () => page.locator('h1').textContent();

        /** Axe on the page as it is now (status 200 or the given one), and nothing wider than the screen. */
        const axeStep = async (step: string, status = 200) => {
          const where = `${step} (${phone ? 'telefoon, zonder JS' : 'desktop'})`;
          if (phone) {
            const response = await checker.goto(page.url());
            expect(response?.status(), where).toBe(status);
          }
          assertNoViolations(where, await runAxe(checker));
          const overflow = await checker.evaluate<number>(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          );
          expect(overflow, `${where}: page wider than the screen`).toBeLessThanOrEqual(0);
        };

        // 1. The datawerkplaats and the map of overgewicht per gemeente.
        await page.goto(`${origin}/datawerkplaats`);
        await axeStep('datawerkplaats');
        await main
          .getByRole('link', { name: 'Overgewicht bij jongvolwassenen', exact: true })
          .click();
        await page.waitForURL('**/datawerkplaats/kaart/overgewicht-jongvolwassenen');
        expect(await h1()).toBe('Overgewicht bij jongvolwassenen per gemeente in Drenthe, 2024');
        expect(await page.locator('svg.marke-map path.marke-map-area').count()).toBe(12);
        expect(await main.locator('table tbody tr').count()).toBe(12);
        await axeStep('kaart overgewicht per gemeente');

        // 2. Its ranking: lower is better, so the lowest share is first.
        await main.getByRole('link', { name: 'Ranglijst van de gemeenten' }).click();
        await page.waitForURL('**/datawerkplaats/ranglijst/overgewicht-jongvolwassenen?**');
        expect(await main.textContent()).toContain('Plaats 1 heeft het laagste cijfer.');
        expect(await main.locator('tbody tr').first().locator('td').first().textContent()).toMatch(
          /^1/,
        );
        await axeStep('ranglijst');

        // 3. Population: per gemeente, drill down into Assen's wijken, then a wijk's profile.
        await page.goto(`${origin}/datawerkplaats`);
        await main.getByRole('link', { name: 'Aantal inwoners', exact: true }).click();
        await page.waitForURL('**/datawerkplaats/kaart/inwoners');
        await main.locator('table').getByRole('link', { name: 'Assen', exact: true }).click();
        await page.waitForURL('**/kaart/inwoners?niveau=wijk&periode=2024&binnen=GM0106');
        expect(await h1()).toBe('Aantal inwoners per wijk in Assen, 2024');
        await axeStep('kaart wijken van Assen');
        await main.locator('table').getByRole('link', { name: 'Centrum', exact: true }).click();
        await page.waitForURL('**/datawerkplaats/gebied/WK010600');
        expect(await h1()).toBe('Gebiedsprofiel Centrum');
        await axeStep('gebiedsprofiel wijk');

        // 4. The trend of population in Centrum, from the profile.
        await main.getByRole('link', { name: 'trend van Aantal inwoners' }).click();
        await page.waitForURL('**/datawerkplaats/trend/inwoners/WK010600');
        expect(await h1()).toBe('Aantal inwoners in Centrum, per periode');
        expect(await main.locator('table thead').textContent()).toContain('Assen (gemeente)');
        await axeStep('trend');

        // 5. Compare with the form: Centrum is chosen, add Assen and Noorderpark.
        await main.getByRole('link', { name: 'Vergelijk Centrum met andere gebieden' }).click();
        await page.waitForURL('**/datawerkplaats/vergelijk?gebied=WK010600&cijfer=inwoners');
        expect(await main.getByRole('status').textContent()).toContain(
          'Kies nog minstens één gebied',
        );
        await axeStep('vergelijken, één gebied');
        await page.getByLabel('Gebied 2').selectOption('GM0106');
        await page.getByLabel('Gebied 3').selectOption('WK010602');
        await page.getByRole('button', { name: 'Vergelijken' }).click();
        await page.waitForURL(/gebied=WK010600&gebied=GM0106&gebied=WK010602/);
        expect(await h1()).toBe('Vergelijken: Centrum, Assen, Noorderpark');
        const sideBySide = main.locator('table').first().locator('tbody tr');
        expect(await sideBySide.count()).toBe(3);
        expect(await sideBySide.first().textContent()).toMatch(/Centrum[0-9.]+ inwoners/);
        await axeStep('vergelijken, drie gebieden');

        // 6. Compare from the map's checkboxes; five is too many and says so.
        await page.goto(`${origin}/datawerkplaats/kaart/inwoners?niveau=wijk&binnen=GM0106`);
        const boxes = main.locator('input[type="checkbox"][name="gebied"]');
        for (const i of [0, 1, 2, 3, 4]) await boxes.nth(i).check();
        await clickAndLoad(
          page,
          page.getByRole('button', { name: /^Vergelijk de aangevinkte gebieden/ }),
        );
        expect(await page.locator('[role="alert"]').textContent()).toContain('U koos 5 gebieden.');
        expect(await page.locator('select[name="gebied"]').count()).toBe(5);
        await axeStep('vergelijken, te veel gebieden', 400);
        await page.getByLabel('Gebied 5').selectOption('');
        await clickAndLoad(page, page.getByRole('button', { name: 'Vergelijken' }));
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        expect(await main.locator('table').first().locator('tbody tr').count()).toBe(4);
        await axeStep('vergelijken vanaf de kaart');

        // 7. Every profile figure of two gemeenten side by side.
        await page.goto(`${origin}/datawerkplaats/gebied/GM0114`);
        await clickAndLoad(
          page,
          main.getByRole('link', { name: 'Vergelijk Emmen met andere gebieden' }),
        );
        await page.getByLabel('Gebied 2').selectOption('GM0106');
        await page.getByLabel('Welk cijfer?').selectOption('');
        await clickAndLoad(page, page.getByRole('button', { name: 'Vergelijken' }));
        expect(await main.locator('caption').first().textContent()).toContain(
          'Alle cijfers van Emmen, Assen',
        );
        await axeStep('vergelijken, alle cijfers');

        // 8. Downloads: the right type and the figures in them.
        const get = async (path: string, type: string, content: RegExp) => {
          const response = await session.context.request.get(`${origin}${path}`);
          expect(response.status(), path).toBe(200);
          expect(response.headers()['content-type'], path).toBe(type);
          expect(response.headers()['content-disposition'], path).toMatch(
            /^attachment; filename="marke-drenthe-/,
          );
          expect(await response.text(), path).toMatch(content);
        };
        const map = '/datawerkplaats/kaart/overgewicht-jongvolwassenen';
        await get(
          `${map}.csv`,
          'text/csv; charset=utf-8',
          /GM0106,Assen,gemeente,overgewicht-jongvolwassenen,2024,[0-9.]+,%/,
        );
        await get(
          `${map}.geojson`,
          'application/geo+json',
          /^\{"type":"FeatureCollection","features":\[\{"type":"Feature","id":"GM/,
        );
        await get(
          `${map}.svg`,
          'image/svg+xml',
          /<title id="kaart-title">Overgewicht bij jongvolwassenen per gemeente/,
        );
        await get(
          '/datawerkplaats/trend/inwoners/WK010600.csv',
          'text/csv; charset=utf-8',
          /WK010600,Centrum,wijk,inwoners,2024,[0-9]+,inwoners/,
        );
        await get(
          '/datawerkplaats/trend/inwoners/WK010600.svg',
          'image/svg+xml',
          /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
        );
        const csvLink = main.getByRole('link', { name: /alle periodes \(CSV\)/ });
        const csvHref = (await csvLink.getAttribute('href')) ?? '';
        expect(csvHref).toContain('/datawerkplaats/vergelijk.csv?gebied=GM0114&gebied=GM0106');
        await get(
          csvHref,
          'text/csv; charset=utf-8',
          /GM0114,Emmen,gemeente,overgewicht-jongvolwassenen,2024,/,
        );

        if (phone) await checker.close();
        expect(session.thirdParty()).toEqual([]);
        expect(withJs.thirdParty()).toEqual([]);
      },
      E2E_TIMEOUT,
    );
  }
});
