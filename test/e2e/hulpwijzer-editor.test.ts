/**
 * The Hulpwijzer's editor pages in real Chromium: a redacteur fills in a listing (errors first),
 * looks at the preview without JavaScript and live with it, saves; a beheerder approves it from
 * the queue; residents then find it. Axe on every page, the Nu Html Checker on their raw HTML.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../db.js';
import { createAccount } from '../session.js';
import {
  assertNoViolations,
  clickAndLoad,
  E2E_TIMEOUT,
  launchBrowser,
  rawPages,
  requireBrowser,
  requireJava,
  runAxe,
  signInInBrowser,
  startServer,
  type TestServer,
  vnuErrors,
} from './browser.js';

const hasBrowser = requireBrowser();

/** The raw HTML a POST of the form answers with (errors, preview), as the signed-in browser. */
async function postedPage(context: BrowserContext, origin: string, form: Record<string, string>) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const blank = await (
    await fetch(`${origin}/beheer/hulpwijzer/nieuw`, { headers: { cookie } })
  ).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(blank)?.[1] ?? '';
  const response = await fetch(`${origin}/beheer/hulpwijzer`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrf, ...form }),
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  return response.text();
}

describe.skipIf(!hasBrowser).each(databaseKinds())('Hulpwijzer editor pages [%s]', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  it(
    'redacteur writes a listing with preview (with and without JavaScript), beheerder approves it',
    async () => {
      const writer = await createAccount(server.db, 'redacteur', { organisation: 'ggz-drenthe' });
      const boss = await createAccount(server.db, 'beheerder');
      const writing = await launchBrowser(server.origin);
      const plain = await launchBrowser(server.origin, { javaScriptEnabled: false });
      const reviewing = await launchBrowser(server.origin);
      const origin = server.origin;
      try {
        const { page } = writing;
        await signInInBrowser(page, origin, writer.email);
        await clickAndLoad(
          page,
          page.locator('.marke-workspace a', { hasText: 'Hulpwijzer: vermeldingen' }),
        );
        expect(page.url()).toBe(`${origin}/beheer/hulpwijzer`);
        expect(await page.locator('main').textContent()).toContain(
          'Mantelzorg-app van GGZ Drenthe',
        );
        assertNoViolations('hulpwijzer (overzicht)', await runAxe(page));

        await clickAndLoad(page, page.getByRole('link', { name: 'Nieuwe vermelding toevoegen' }));
        assertNoViolations('vermelding (formulier)', await runAxe(page));
        await page.getByLabel('Naam van de dienst').fill('Koffieochtend mantelzorgers');
        await clickAndLoad(page, page.getByRole('button', { name: 'Opslaan' }));
        const summary = await page.getByRole('alert').textContent();
        expect(summary).toContain('Beschrijf in een paar zinnen wat de dienst doet.');
        expect(summary).toContain('Kies minstens één hulpvraag');
        expect(await page.getByLabel('Naam van de dienst').inputValue()).toBe(
          'Koffieochtend mantelzorgers',
        );
        assertNoViolations('vermelding (fouten)', await runAxe(page));

        await page
          .getByLabel('Wat is het?')
          .fill('Elke maand koffie en een praatje voor mantelzorgers.');
        await page.getByLabel('Mantelzorg en even vrij').check();
        await page.getByLabel(/^Samen: /).check();
        await page.locator('summary', { hasText: /^Assen$/ }).click();
        await page.getByLabel('Heel Assen').check();
        await page.getByLabel('Gratis').check();
        await page.getByLabel('Telefoonnummer 1', { exact: true }).fill('0592 123456');
        // Live: the card beside the form follows the typing (same-origin script, no inline JS).
        await page.getByLabel('Naam van de dienst').fill('Koffieochtend voor mantelzorgers');
        await page
          .locator('#voorbeeld-kaart h3', { hasText: 'Koffieochtend voor mantelzorgers' })
          .waitFor();
        expect(await page.locator('#voorbeeld-kaart').textContent()).toContain(
          'Voor heel de gemeente Assen',
        );
        await clickAndLoad(page, page.getByRole('button', { name: 'Voorbeeld bekijken' }));
        expect(await page.getByRole('status').textContent()).toContain(
          'Er is nog niets opgeslagen.',
        );
        expect(await page.locator('#voorbeeld-kaart').textContent()).toContain('0592 123456');
        assertNoViolations('vermelding (voorbeeld)', await runAxe(page));
        await clickAndLoad(page, page.getByRole('button', { name: 'Opslaan' }));
        expect(page.url()).toMatch(/\/beheer\/hulpwijzer\/[0-9a-f-]{36}\?melding=ingediend$/);
        const listingPath = new URL(page.url()).pathname;
        expect(await page.getByRole('status').textContent()).toContain('Een beheerder beoordeelt');
        assertNoViolations('vermelding (opgeslagen)', await runAxe(page));
        await page.goto(`${origin}${listingPath}/bewerken`);
        assertNoViolations('vermelding (bewerken)', await runAxe(page));

        // Without JavaScript "Voorbeeld bekijken" still shows the card, and nothing is saved.
        await signInInBrowser(plain.page, origin, writer.email);
        await plain.page.goto(`${origin}${listingPath}/bewerken`);
        await plain.page.getByLabel('Naam van de dienst').fill('Koffieochtend (zonder script)');
        await clickAndLoad(
          plain.page,
          plain.page.getByRole('button', { name: 'Voorbeeld bekijken' }),
        );
        expect(await plain.page.locator('#voorbeeld-kaart h3').textContent()).toContain(
          'Koffieochtend (zonder script)',
        );
        await plain.page.goto(`${origin}${listingPath}`);
        expect(await plain.page.locator('h1').textContent()).toBe(
          'Koffieochtend voor mantelzorgers',
        );

        const admin = reviewing.page;
        await signInInBrowser(admin, origin, boss.email);
        expect(await admin.locator('main').textContent()).toContain(
          '1 vermelding wacht op beoordeling.',
        );
        await clickAndLoad(
          admin,
          admin.locator('.marke-workspace a', { hasText: 'Hulpwijzer: beoordelen' }),
        );
        assertNoViolations('beoordelen (wachtrij)', await runAxe(admin));
        await clickAndLoad(
          admin,
          admin.getByRole('link', { name: 'Koffieochtend voor mantelzorgers' }),
        );
        assertNoViolations('vermelding (beoordelen)', await runAxe(admin));
        await clickAndLoad(admin, admin.getByRole('button', { name: 'Afwijzen' }));
        expect(await admin.getByRole('alert').textContent()).toContain(
          'waarom u de vermelding afwijst',
        );
        assertNoViolations('vermelding (afwijzen zonder reden)', await runAxe(admin));
        await clickAndLoad(admin, admin.getByRole('button', { name: 'Goedkeuren' }));
        expect(admin.url()).toMatch(/\?melding=goedkeuren$/);
        await admin.goto(`${origin}/beheer/hulpwijzer/organisaties/nieuw`);
        assertNoViolations('organisatie (formulier)', await runAxe(admin));

        await admin.goto(`${origin}/hulpwijzer?vraag=koffieochtend+mantelzorgers&plaats=Assen`);
        expect(await admin.locator('main').textContent()).toContain(
          'Koffieochtend voor mantelzorgers',
        );
        for (const session of [writing, plain, reviewing]) expect(session.thirdParty()).toEqual([]);

        if (requireJava()) {
          const pages = await rawPages(writing.context, origin, [
            '/beheer/hulpwijzer',
            '/beheer/hulpwijzer/nieuw',
            listingPath,
            `${listingPath}/bewerken`,
          ]);
          const organization = await server.db
            .selectFrom('hsds_organization')
            .select('id')
            .where('name', '=', 'GGZ Drenthe')
            .executeTakeFirstOrThrow();
          for (const [p, html] of await rawPages(reviewing.context, origin, [
            '/beheer/hulpwijzer/beoordelen',
            '/beheer/hulpwijzer/organisaties/nieuw',
            `/beheer/hulpwijzer/organisaties/${organization.id}`,
            `${listingPath}?melding=goedkeuren`,
          ]))
            pages.set(p, html);
          pages.set('nieuw (fouten)', await postedPage(writing.context, origin, { naam: 'x' }));
          pages.set(
            'nieuw (voorbeeld)',
            await postedPage(writing.context, origin, {
              naam: 'Voorbeeld',
              'gebied:GM0106': 'on',
              telefoon_1: '0592 123456',
              actie: 'voorbeeld',
            }),
          );
          expect([...pages.values()].every((html) => html.includes('<main'))).toBe(true);
          expect(await vnuErrors(pages)).toEqual([]);
        }
      } finally {
        await Promise.all([writing.close(), plain.close(), reviewing.close()]);
      }
    },
    2 * E2E_TIMEOUT,
  );
});
