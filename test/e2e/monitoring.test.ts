/**
 * Issue 3's browser journey: a data steward imports measurements, a beheerder runs a whole round
 * (data → duiden → dialoog → doen) to a decision that changes the agenda, and the report prints.
 * Real Chromium, axe on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../db.js';
import { createAccount } from '../session.js';
import {
  assertNoViolations,
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
const CSV =
  'indicator;area_code;period;value;source\nacp-ouderen;PV22;2024;41,5;Testbestand\nacp-ouderen;PV22;2025;52;Testbestand\n';

describe.skipIf(!hasBrowser).each(databaseKinds())('monitoring journey [%s]', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  it(
    'imports measurements, runs a round to a decision and prints the report',
    async () => {
      const data = await createAccount(server.db, 'data');
      const admin = await createAccount(server.db, 'beheerder');
      const steward = await launchBrowser(server.origin);
      try {
        const { page } = steward;
        await signInInBrowser(page, server.origin, data.email);
        await page.getByRole('link', { name: 'Metingen inlezen' }).click();
        await page.waitForURL('**/beheer/metingen/import');
        assertNoViolations('import', await runAxe(page));
        await page
          .getByLabel('Bestand (CSV of XLSX)')
          .setInputFiles({ name: 'acp.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
        await clickAndLoad(page, page.getByRole('button', { name: 'Bekijk wat er verandert' }));
        expect(await page.locator('main').textContent()).toContain('Nieuw: 2, gewijzigd: 0');
        assertNoViolations('voorvertoning', await runAxe(page));
        await clickAndLoad(page, page.getByRole('button', { name: 'Toepassen' }));
        expect(await page.locator('main').textContent()).toContain('De metingen zijn opgeslagen.');
        await page.goto(`${server.origin}/indicatoren/acp-ouderen`);
        expect(await page.locator('main').textContent()).toContain('Niet op koers');
        assertNoViolations('indicator', await runAxe(page));
      } finally {
        await steward.close();
      }

      const manager = await launchBrowser(server.origin);
      try {
        const { page } = manager;
        await signInInBrowser(page, server.origin, admin.email);
        await clickAndLoad(page, page.getByRole('link', { name: 'Monitoringsrondes' }));
        await page.getByLabel('Ronde (bijvoorbeeld 2026-H1)').fill('2026-H1');
        await page.getByLabel('Titel').fill('Voorjaarsronde');
        await page.getByRole('button', { name: /Start de ronde/ }).click();
        await page.waitForURL(`${server.origin}/beheer/rondes/2026-H1`);
        assertNoViolations('ronde', await runAxe(page));
        await page.getByLabel('Waarover?').selectOption('indicator:acp-ouderen');
        await page
          .getByLabel('Wat betekenen de cijfers?')
          .fill('ACP groeit, maar te langzaam voor 80% in 2025.');
        await clickAndLoad(page, page.getByRole('button', { name: 'Duiding toevoegen' }));
        await page.getByLabel('Datum (jjjj-mm-dd)').fill('2026-03-14');
        await page
          .getByLabel('Wie deden mee?')
          .fill('huisarts – Dokter Drenthe\nouderenadviseur – welzijn');
        await page
          .getByLabel('Wat is er besproken?')
          .fill('Huisartsen vragen om één regionale aanpak voor ACP.');
        await clickAndLoad(page, page.getByRole('button', { name: 'Dialoog vastleggen' }));
        await page.getByLabel('Over welk operationeel doel?').selectOption('2.2.1. B');
        await page.getByLabel('Nieuwe prioriteit').selectOption('must');
        await page.getByLabel('Nieuwe status').selectOption('risico');
        await page.getByLabel('Waarom?').fill('Achterstand op de streefwaarde; eerst dit doel.');
        await page.getByLabel(/Duiding over indicator acp-ouderen/).check();
        await page.getByLabel(/Dialoog van 2026-03-14/).check();
        await clickAndLoad(page, page.getByRole('button', { name: /Besluit nemen/ }));
        expect(await page.locator('main').textContent()).toContain(
          'Achterstand op de streefwaarde; eerst dit doel.',
        );
        await page
          .getByLabel('Samenvatting voor het rapport')
          .fill('ACP krijgt voorrang in de werkagenda.');
        await page.getByLabel('Rapport openbaar maken').check();
        await clickAndLoad(page, page.getByRole('button', { name: 'Ronde afronden' }));

        await page.goto(`${server.origin}/werkagenda?opgave=sterke-sociale-basis&status=risico`);
        expect(await page.locator('main').textContent()).toContain('2.2.1. B');
        await page.goto(`${server.origin}/voortgang/doelen/2.2.1.b`);
        expect(await page.locator('main').textContent()).toContain(
          'Besluit uit monitoringsronde 2026-H1',
        );
        assertNoViolations('bewijskaart', await runAxe(page));

        await page.goto(`${server.origin}/rapporten/2026-H1`);
        assertNoViolations('rapport', await runAxe(page));
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.marke-header nav').isVisible()).toBe(false);
        const pdf = await page.pdf({ preferCSSPageSize: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(manager.thirdParty()).toEqual([]);
      } finally {
        await manager.close();
      }
    },
    E2E_TIMEOUT,
  );
});
