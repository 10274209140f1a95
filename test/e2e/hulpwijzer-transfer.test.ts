/**
 * Reading in the Hulpwijzer in real Chromium: a beheerder opens the import page, chooses a bad
 * file and sees the problems per row, then the downloaded zip and sees the counts. Axe on every
 * step; no third-party requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.skipIf(!hasBrowser).each(databaseKinds())(
  'Hulpwijzer inlezen in the browser [%s]',
  (kind) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer(kind);
    });
    afterAll(async () => {
      await server?.close();
    });

    it(
      'a beheerder reads in a broken file (problems per row), then the download (counts)',
      async () => {
        const admin = await createAccount(server.db, 'beheerder');
        const zip = Buffer.from(
          await (await fetch(`${server.origin}/hulpwijzer/open-data/hsds-tabel.zip`)).arrayBuffer(),
        );
        const session: BrowserSession = await launchBrowser(server.origin);
        try {
          const { page } = session;
          await signInInBrowser(page, server.origin, admin.email);
          expect((await page.goto(`${server.origin}/beheer/hulpwijzer/import`))?.status()).toBe(
            200,
          );
          assertNoViolations('importpagina', await runAxe(page));

          const broken = 'id,name\nnot-a-uuid,Test\n';
          await page.setInputFiles('#bestand', {
            name: 'services.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(broken),
          });
          await clickAndLoad(page, page.getByRole('button', { name: 'Inlezen' }));
          expect(await page.locator('#fouten').textContent()).toContain('Deze kolommen ontbreken');
          assertNoViolations('importpagina met fouten', await runAxe(page));

          await page.setInputFiles('#bestand', {
            name: 'hulpwijzer.zip',
            mimeType: 'application/zip',
            buffer: zip,
          });
          await clickAndLoad(page, page.getByRole('button', { name: 'Inlezen' }));
          expect(await page.locator('[role="status"]').textContent()).toContain('ingelezen');
          expect(await page.locator('#resultaat').textContent()).toContain('Diensten');
          assertNoViolations('importpagina met resultaat', await runAxe(page));
          expect(session.thirdParty()).toEqual([]);
        } finally {
          await session.close();
        }
      },
      E2E_TIMEOUT,
    );
  },
);
