/**
 * Indicator management in real Chromium: a data steward creates an indicator with a goal and a
 * target, sees it on /indicatoren, edits it, marks it not public and sees it gone from
 * /indicatoren. Axe on the list, the form and the form with errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const NAME = 'Testindicator uit de browsertest';

describe.skipIf(!hasBrowser)('indicator management in the browser', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it(
    'a data steward creates, edits and hides an indicator; /indicatoren follows',
    async () => {
      const data = await createAccount(server.db, 'data');
      const session: BrowserSession = await launchBrowser(server.origin);
      try {
        const { page } = session;
        const origin = server.origin;
        await signInInBrowser(page, origin, data.email);
        await page.getByRole('link', { name: 'Indicatoren beheren' }).click();
        await page.waitForURL(`${origin}/beheer/indicatoren`);
        expect(await page.locator('main table').textContent()).toContain(
          'Ouderen met proactieve zorgplanning (ACP)',
        );
        assertNoViolations('indicatorenlijst', await runAxe(page));

        await page.getByRole('link', { name: 'Nieuwe indicator' }).click();
        await page.waitForURL(`${origin}/beheer/indicatoren/nieuw`);
        assertNoViolations('nieuw-formulier', await runAxe(page));

        // Bad input first: the summary lists each problem and the typed values stay.
        await page.getByLabel('Code', { exact: true }).fill('Test Indicator');
        await page.getByLabel('Doel 1: code').fill('2.9.9.z');
        await page.getByLabel('Eenheid', { exact: true }).fill('%');
        await clickAndLoad(page, page.getByRole('button', { name: 'Indicator maken' }));
        const summary = (await page.locator('[role="alert"]').textContent()) ?? '';
        expect(summary).toContain('De code heeft 2 tot 80 tekens: kleine letters');
        expect(summary).toContain('Vul een naam in.');
        expect(summary).toContain('Doel "2.9.9.z" staat niet in het plan.');
        expect(await page.getByLabel('Code', { exact: true }).inputValue()).toBe('Test Indicator');
        expect(await page.getByLabel('Doel 1: code').inputValue()).toBe('2.9.9.z');
        assertNoViolations('nieuw-formulier met fouten', await runAxe(page));

        await page.getByLabel('Code', { exact: true }).fill('test-browser-indicator');
        await page.getByLabel('Naam', { exact: true }).fill(NAME);
        await page
          .getByLabel('Beschrijving', { exact: true })
          .fill('Een indicator die alleen in de browsertest bestaat.');
        await page.getByLabel('Bron van de cijfers').fill('Testbron');
        await page.getByLabel('Hoe vaak gemeten').fill('jaarlijks');
        await page.getByLabel('Gemeente', { exact: true }).check();
        await page.getByLabel('Spoor').selectOption('cyclus');
        await page.getByLabel('Doel 1: code').fill('2.3.1.B');
        await page.getByLabel('Doel 1: verwachte bijdrage').fill('Alleen voor de test.');
        await page.getByRole('button', { name: 'Indicator maken' }).click();
        await page.waitForURL(
          `${origin}/beheer/indicatoren/test-browser-indicator?melding=gemaakt`,
        );
        expect(await page.locator('main [role="status"]').textContent()).toContain(
          'De indicator is gemaakt.',
        );

        await page.getByLabel('Streefwaarde', { exact: true }).fill('50');
        await page.getByLabel('Streefjaar').fill('2027');
        await page.getByLabel('Bron van de streefwaarde').fill('Testbron streefwaarde');
        await page.getByRole('button', { name: 'Streefwaarde toevoegen' }).click();
        await page.waitForURL(/melding=streefwaarde-toegevoegd/);
        const targets = (await page.locator('main table').textContent()) ?? '';
        expect(targets).toContain('≥ 50,0% (Drenthe, 2027)');
        expect(targets).toContain('Onbekend. Er is nog geen meting.');
        assertNoViolations('bewerkpagina', await runAxe(page));

        await page.goto(`${origin}/indicatoren`);
        const row = page.locator('tr', { has: page.locator('a', { hasText: NAME }) });
        expect(await row.textContent()).toMatch(/2\.3\.1\. B.*≥ 50,0% \(Drenthe, 2027\)/);

        await page.goto(`${origin}/beheer/indicatoren/test-browser-indicator`);
        await page.getByLabel('Naam', { exact: true }).fill(`${NAME} (aangepast)`);
        await page.getByLabel(/^Openbaar/).uncheck();
        await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
        await page.waitForURL(/melding=opgeslagen/);
        expect(await page.locator('main').textContent()).toContain('niet openbaar');

        const publicList = await page.goto(`${origin}/indicatoren`);
        expect(publicList?.status()).toBe(200);
        expect(await page.locator('main').textContent()).not.toContain(NAME);
        expect((await page.goto(`${origin}/indicatoren/test-browser-indicator`))?.status()).toBe(
          404,
        );
        await page.goto(`${origin}/beheer/indicatoren`);
        const adminRow = page.locator('tr', { has: page.locator('a', { hasText: NAME }) });
        expect(await adminRow.textContent()).toContain(`${NAME} (aangepast)`);
        expect(await adminRow.locator('td').nth(1).textContent()).toBe('nee');
        expect(session.thirdParty()).toEqual([]);
      } finally {
        await session.close();
      }
    },
    E2E_TIMEOUT,
  );
});
