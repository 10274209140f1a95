/**
 * The werkagenda in real Chromium: (a) a trekker of an owning organisation updates a goal and
 * sees it on /werkagenda and on the goal page; (b) a beheerder reads in a CSV through the import
 * page, fixes the errors it lists, checks the preview and applies it. Axe on every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAgendaItem } from '../../src/modules/agenda/index.js';
import { databaseKinds } from '../db.js';
import { createAccount } from '../session.js';
import {
  assertNoViolations,
  type BrowserSession,
  clickAndLoad,
  E2E_TIMEOUT,
  launchBrowser,
  requireBrowser,
  runAxe,
  signInInBrowser,
  startServer,
  type TestServer,
} from './browser.js';

const hasBrowser = requireBrowser();

describe.skipIf(!hasBrowser).each(databaseKinds())('werkagenda in the browser [%s]', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  it(
    'a trekker of an owning organisation updates a goal; it shows on /werkagenda and the goal page',
    async () => {
      const admin = await createAccount(server.db, 'beheerder');
      const ggd = await server.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'ggd-drenthe')
        .executeTakeFirstOrThrow();
      const owned = await saveAgendaItem(
        server.db,
        admin,
        '2.1.1.a',
        { status: 'niet_gestart', progress: 0 },
        [ggd.id],
      );
      expect(owned.ok).toBe(true);
      const trekker = await createAccount(server.db, 'trekker', { organisation: 'ggd-drenthe' });
      const session: BrowserSession = await launchBrowser(server.origin);
      try {
        const { page } = session;
        await signInInBrowser(page, server.origin, trekker.email);
        expect((await page.goto(`${server.origin}/beheer/werkagenda/2.1.1.a`))?.status()).toBe(200);
        assertNoViolations('bewerkpagina', await runAxe(page));

        // Bad input first: the form comes back with the error summary and the input kept.
        await page.getByLabel('Status').selectOption('risico');
        await page.getByLabel('Voortgang in procenten (0 tot 100)').fill('150');
        await clickAndLoad(page, page.getByRole('button', { name: 'Opslaan' }));
        expect(await page.locator('[role="alert"]').textContent()).toContain('Maximaal 100%.');
        expect(await page.getByLabel('Voortgang in procenten (0 tot 100)').inputValue()).toBe(
          '150',
        );
        assertNoViolations('bewerkpagina met fouten', await runAxe(page));

        await page.getByLabel('Voortgang in procenten (0 tot 100)').fill('25');
        await page.getByLabel(/^Voortgangsbericht/).fill('Eerste netwerkbijeenkomst gehouden.');
        await page.getByRole('button', { name: 'Opslaan' }).click();
        await page.waitForURL('**/beheer/werkagenda/2.1.1.a?opgeslagen=1');
        expect(await page.locator('main').textContent()).toContain('Opgeslagen.');

        await page.goto(`${server.origin}/werkagenda?opgave=netwerkaanpak`);
        const row = page.locator('tr', { has: page.locator('a', { hasText: '2.1.1. A' }) });
        expect(await row.textContent()).toMatch(/Risico.*25%.*GGD Drenthe/);

        await page.goto(`${server.origin}/doelen/2.1.1.a`);
        const agenda = page.locator('section[aria-labelledby="werkagenda"]');
        expect(await agenda.textContent()).toMatch(/StatusRisico.*Voortgang25%/);
        expect(await agenda.textContent()).toContain('Eerste netwerkbijeenkomst gehouden.');
        assertNoViolations('doelpagina met werkagenda', await runAxe(page));
        expect(session.thirdParty()).toEqual([]);
      } finally {
        await session.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    'a beheerder reads in a CSV: errors listed, preview checked, applied, visible on /werkagenda',
    async () => {
      const admin = await createAccount(server.db, 'beheerder');
      const session: BrowserSession = await launchBrowser(server.origin);
      try {
        const { page } = session;
        await signInInBrowser(page, server.origin, admin.email);
        await page.getByRole('link', { name: 'Werkagenda inlezen' }).click();
        await page.waitForURL('**/beheer/werkagenda/import');
        assertNoViolations('importpagina', await runAxe(page));

        const choose = (name: string, text: string) =>
          page.getByLabel(/^Bestand/).setInputFiles({
            name,
            mimeType: 'text/csv',
            buffer: Buffer.from(text, 'utf8'),
          });
        await choose('fout.csv', 'code,status,progress\n2.2.1.a,klaar,100\n2.2.1,loopt,5\n');
        await clickAndLoad(page, page.getByRole('button', { name: 'Bestand controleren' }));
        expect(await page.locator('[role="alert"]').textContent()).toContain(
          'Het bestand heeft 2 fouten in 2 rijen. Er is niets opgeslagen.',
        );
        const problems = await page.locator('#fouten tbody tr').allTextContents();
        expect(problems).toHaveLength(2);
        expect(problems[0]).toMatch(/^2status.*Onbekende status/);
        expect(problems[1]).toMatch(/^3code.*strategisch doel/);
        assertNoViolations('importpagina met fouten', await runAxe(page));

        await choose(
          'goed.csv',
          'code,status,progress\n2.2.1.a,afgerond,100\n2.2.1.b,niet_gestart,\n',
        );
        await page.getByRole('button', { name: 'Bestand controleren' }).click();
        await page.waitForURL(/\/beheer\/werkagenda\/import\/\d+$/);
        expect(await page.locator('main [role="status"]').textContent()).toContain(
          '1 doel gewijzigd, 1 ongewijzigd',
        );
        expect(await page.locator('main table').textContent()).toContain(
          'Status: Niet gestart → Afgerond',
        );
        assertNoViolations('voorbeeld van de import', await runAxe(page));

        await page.getByRole('button', { name: 'Toepassen' }).click();
        await page.waitForURL('**/beheer/werkagenda/import?gewijzigd=1&ongewijzigd=1');
        expect(await page.locator('main').textContent()).toContain('goed.csv');

        await page.goto(`${server.origin}/werkagenda?opgave=sterke-sociale-basis`);
        const row = page.locator('tr', { has: page.locator('a', { hasText: '2.2.1. A' }) });
        expect(await row.textContent()).toMatch(/Afgerond.*100%/);
        expect(session.thirdParty()).toEqual([]);
      } finally {
        await session.close();
      }
    },
    E2E_TIMEOUT,
  );
});
