/**
 * The "done" criterion: a resident follows the plan from the home page down to a
 * programme and an organisation and then searches, on real Chromium, with and without
 * JavaScript, with axe at every step and no third-party requests.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.skipIf(!hasBrowser)('journey from home to search', () => {
  let server: TestServer;
  let withJs: BrowserSession;
  let withoutJs: BrowserSession;

  beforeAll(async () => {
    server = await startServer();
    [withJs, withoutJs] = await Promise.all([
      launchBrowser(server.origin),
      launchBrowser(server.origin, { javaScriptEnabled: false }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([withJs?.close(), withoutJs?.close()]);
    await server?.close();
  });

  for (const javaScript of [true, false]) {
    it(
      `works ${javaScript ? 'with' : 'without'} JavaScript`,
      async () => {
        const session = javaScript ? withJs : withoutJs;
        const { page } = session;
        const checker = withJs.page;

        /** Axe on the current page; without JS, on the same URL in the JS-enabled browser. */
        const axeStep = async (step: string) => {
          if (javaScript) {
            assertNoViolations(step, await runAxe(page));
            return;
          }
          const response = await checker.goto(page.url());
          expect(response?.status(), step).toBe(200);
          assertNoViolations(`${step} (zonder JS)`, await runAxe(checker));
        };
        const h1 = (p: Page) => p.locator('h1').textContent();
        const path = () => new URL(page.url()).pathname;

        // 1. Home
        const home = await page.goto(`${server.origin}/`);
        expect(home?.status()).toBe(200);
        expect(await h1(page)).toContain('Gezonde Marke');
        await axeStep('home');

        // 2. Opgave Netwerkaanpak
        await page.getByRole('link', { name: '1. Netwerkaanpak', exact: true }).click();
        await page.waitForURL('**/opgaven/netwerkaanpak');
        expect(await h1(page)).toBe('Netwerkaanpak');
        await axeStep('opgave');

        // 3. A strategic goal of that opgave
        const main = page.locator('main');
        await main.locator('a[href="/doelen/2.1.3"]').first().click();
        await page.waitForURL('**/doelen/2.1.3');
        expect(await h1(page)).toBe('Strategisch doel 2.1.3');
        await axeStep('strategisch doel');

        // 4. One of its operational goals
        await main.locator('a[href="/doelen/2.1.3.a"]').first().click();
        await page.waitForURL('**/doelen/2.1.3.a');
        expect(await h1(page)).toMatch(/^Operationeel doel 2\.1\.3\. ?A/i);
        await expect
          .poll(() => page.locator('nav[aria-label="Kruimelpad"]').textContent())
          .toContain('Strategisch doel 2.1.3');
        await axeStep('operationeel doel');

        // 5. A transformation programme that contributes to the goal
        const programmes = main.getByRole('heading', {
          name: "Transformatieprogramma's die bijdragen",
        });
        expect(await programmes.count()).toBe(1);
        await main.locator('a[href^="/programmas/mgz"]').click();
        await page.waitForURL('**/programmas/mgz-voor-kwetsbare-ouderen-in-drenthe');
        expect(await h1(page)).toContain('(MGZ)');
        expect(await main.getByRole('heading', { name: 'Doelstelling' }).count()).toBe(1);
        await axeStep('programma');

        // 6. Back to the goal, then an organisation named as possible initiator
        await page.goBack();
        await page.waitForURL('**/doelen/2.1.3.a');
        await main.getByRole('link', { name: 'Dokter Drenthe', exact: true }).click();
        await page.waitForURL('**/organisaties/dokter-drenthe');
        expect(await h1(page)).toBe('Dokter Drenthe');
        expect(await main.locator('a[href="/doelen/2.1.3.a"]').count()).toBeGreaterThan(0);
        await axeStep('organisatie');

        // 7. Search with the form in the header
        const search = page.locator('header search form');
        await search.getByLabel('Zoeken in het regioplan').fill('mantelzorgers');
        await search.getByRole('button', { name: 'Zoeken' }).click();
        await page.waitForURL(/\/zoeken\?q=mantelzorgers$/);
        expect(path()).toBe('/zoeken');
        expect(await h1(page)).toBe('Zoeken in het regioplan');
        expect(await main.getByRole('status').textContent()).toMatch(/^\d+ resultaten/);
        const groups = main.locator('section h2');
        expect(await groups.count()).toBeGreaterThan(0);
        expect(await groups.first().textContent()).toMatch(/\(\d+\)$/);
        const results = main.locator('.marke-results > li');
        expect(await results.count()).toBeGreaterThan(0);
        expect((await results.allTextContents()).join('\n').toLowerCase()).toContain('mantelzorg');
        expect(await page.locator('#zoekterm').inputValue()).toBe('mantelzorgers');
        await axeStep('zoekresultaten');

        // 8. A result link leads to a working page
        await clickAndLoad(page, results.first().getByRole('link'));
        expect(path()).not.toBe('/zoeken');
        expect(await page.locator('h1').count()).toBe(1);

        expect(session.thirdParty()).toEqual([]);
        expect(session.requests.some((url) => url.includes('/assets/marke.'))).toBe(true);
      },
      E2E_TIMEOUT,
    );
  }
});
