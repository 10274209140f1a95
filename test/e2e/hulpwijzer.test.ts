/**
 * The Hulpwijzer's "done" journeys (issue 5 §2) in real Chromium on a small phone (360×640) with
 * JavaScript off: a question in own words with local help first, the guided path to a village's
 * entrance (and back and forward through its steps), help for someone else, the page of a
 * gemeente, the print version, and crisis help first. Axe on every step (in a JavaScript page of
 * the same size, as axe needs it), no page wider than the screen, no third-party request and no
 * cookie.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServices } from '../../src/modules/directory/many-services.test-helpers.js';
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
const PHONE = { width: 360, height: 640 };
const DEMENTIA = 'mijn moeder met dementie moet even ergens logeren';

describe.skipIf(!hasBrowser).each(databaseKinds())('Hulpwijzer journeys [%s]', (kind) => {
  let server: TestServer;
  let phone: BrowserSession;
  let checker: BrowserSession;

  beforeAll(async () => {
    server = await startServer(kind);
    [phone, checker] = await Promise.all([
      launchBrowser(server.origin, { javaScriptEnabled: false }),
      launchBrowser(server.origin),
    ]);
    await Promise.all([phone.page.setViewportSize(PHONE), checker.page.setViewportSize(PHONE)]);
  });
  afterAll(async () => {
    await Promise.all([phone?.close(), checker?.close()]);
    await server?.close();
  });

  const main = () => phone.page.locator('main');
  const h1 = () => phone.page.locator('h1').textContent();
  const path = () => {
    const url = new URL(phone.page.url());
    return `${url.pathname}${url.search}`;
  };

  /** Axe and the width of the page the phone shows now, checked in the JavaScript browser. */
  async function step(name: string, status = 200) {
    const response = await checker.page.goto(phone.page.url());
    expect(response?.status(), name).toBe(status);
    assertNoViolations(`${name} (360 px, zonder JS)`, await runAxe(checker.page));
    const overflow = await checker.page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow, `${name}: wider than the screen`).toBeLessThanOrEqual(0);
  }

  /** The vertical position of an element, to check what comes first on the page. */
  const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? Number.NaN;

  /** The names on the cards in page order (h4 under a need's h3, else h3 under an h2). */
  const cardTitles = (scope: Locator | Page) =>
    scope.locator('article.marke-card :is(h3, h4)').allTextContents();

  it(
    'a question in own words shows dementia and respite help, local first, and prints it',
    async () => {
      const { page } = phone;
      await page.goto(`${server.origin}/hulpwijzer`);
      expect(await h1()).toBe('Waar kun je terecht?');
      await step('hulpwijzer');
      await page.getByLabel('Waar zoek je hulp bij?').fill(DEMENTIA);
      await page.getByLabel('Waar woon je?').fill('Grolloo');
      await clickAndLoad(page, page.getByRole('button', { name: 'Zoek hulp' }));
      expect(path()).toMatch(/^\/hulpwijzer\?vraag=mijn\+moeder/);
      await expect
        .poll(() => main().locator('#resultaten-kop').textContent())
        .toBe('Hulp in Grolloo (gemeente Aa en Hunze)');
      expect(await main().textContent()).toContain(
        'We zochten naar: Mantelzorg en even vrij, Dementie en geheugen.',
      );
      // Each service once: dementia help that is also respite is under "Mantelzorg en even vrij".
      const respite = main().locator('section[aria-labelledby="behoefte-mantelzorg"]');
      expect(await respite.count()).toBe(1);
      const titles = (await cardTitles(respite)).map((t) => t.replace(/Voorbeeld$/, '').trim());
      // Local help before the same step for the whole region.
      const at = (name: string) => titles.indexOf(name);
      expect(at('Mantelzorgloket Aa en Hunze')).toBeGreaterThanOrEqual(0);
      expect(at('Logeerhuis voor mensen met dementie')).toBeGreaterThanOrEqual(0);
      expect(at('Mantelzorgloket Aa en Hunze')).toBeLessThan(
        at('Logeerhuis voor mensen met dementie'),
      );
      expect(at('Ontmoetingsgroep dementie Aa en Hunze')).toBeLessThan(
        at('Vrijwilligers in de laatste levensfase'),
      );
      expect(titles.join(' ')).not.toContain('Emmen');
      await step('zoekresultaten dementie en logeren');

      // (e) The print version: the same help without the site around it.
      await clickAndLoad(page, main().getByRole('link', { name: 'Afdrukken of bewaren' }));
      expect(path()).toMatch(/^\/hulpwijzer\/afdrukken\?vraag=/);
      expect(await h1()).toBe('Hulp in Grolloo');
      expect(await page.locator('nav').count()).toBe(0);
      const printed = (await main().textContent()) ?? '';
      expect(printed).toMatch(/Afgedrukt op \d{1,2} [a-z]+ \d{4}\./);
      expect(printed).toContain(`${server.origin}/hulpwijzer?vraag=`);
      expect(printed).toContain('113 Zelfmoordpreventie: 0800-0113');
      expect(printed).toContain('Mantelzorgloket Aa en Hunze');
      expect(printed).toContain('Voorbeeld');
      await step('afdrukken');
      await checker.page.emulateMedia({ media: 'print' });
      expect(await checker.page.locator('.marke-print-bar').isVisible()).toBe(false);
      expect(await checker.page.locator('h1').isVisible()).toBe(true);
      await checker.page.emulateMedia({ media: 'screen' });
      await clickAndLoad(page, page.getByRole('link', { name: 'Terug naar de Hulpwijzer' }));
      expect(path()).toMatch(/^\/hulpwijzer\?vraag=/);
    },
    E2E_TIMEOUT,
  );

  it(
    'the guided path leads from /hulpwijzer to the entrance of a village, and survives back and forward',
    async () => {
      const { page } = phone;
      await page.goto(`${server.origin}/hulpwijzer`);
      await clickAndLoad(
        page,
        main().getByRole('link', { name: 'Ik weet niet waar ik moet beginnen' }),
      );
      expect(path()).toBe('/hulpwijzer/begin');
      await step('begin: voor wie');
      await page.getByLabel('Voor mezelf').check();
      await clickAndLoad(page, page.getByRole('button', { name: 'Volgende vraag' }));
      expect(path()).toBe('/hulpwijzer/begin?voor=mezelf');
      await step('begin: waarover');
      await page.getByLabel('Eenzaam of vaak alleen').check();
      await clickAndLoad(page, page.getByRole('button', { name: 'Volgende vraag' }));
      expect(path()).toBe('/hulpwijzer/begin?voor=mezelf&over=eenzaamheid');
      await step('begin: waar');
      await page.getByLabel('Waar woon je?').fill('Grolloo');
      await clickAndLoad(page, page.getByRole('button', { name: 'Laat de hulp zien' }));
      expect(path()).toBe('/hulpwijzer/begin?voor=mezelf&over=eenzaamheid&plaats=Grolloo');
      expect(await h1()).toBe('Hulp in Grolloo');
      const entrance = main().getByRole('heading', {
        name: 'Hier kun je beginnen: Dorpscoördinator Grolloo',
      });
      const help = main().getByRole('heading', { name: 'Eenzaam of vaak alleen', level: 2 });
      expect(await entrance.count()).toBe(1);
      expect(await top(entrance)).toBeLessThan(await top(help));
      await step('begin: resultaat');

      // Back to the last question and forward again: both are pages of their own.
      await page.goBack();
      await page.waitForURL('**/hulpwijzer/begin?voor=mezelf&over=eenzaamheid');
      expect(await page.getByLabel('Waar woon je?').count()).toBe(1);
      await page.goForward();
      await page.waitForURL('**/hulpwijzer/begin?voor=mezelf&over=eenzaamheid&plaats=Grolloo');
      expect(await entrance.count()).toBe(1);

      // Changing an earlier answer shows it filled in, and goes straight back to the result.
      await clickAndLoad(page, main().getByRole('link', { name: 'wijzigen (waarover)' }));
      expect(await page.getByLabel('Eenzaam of vaak alleen').isChecked()).toBe(true);
      await step('begin: waarover wijzigen');
      await page.getByLabel('Dementie en geheugen').check();
      await clickAndLoad(page, page.getByRole('button', { name: 'Laat de hulp zien' }));
      expect(path()).toBe('/hulpwijzer/begin?voor=mezelf&over=dementie&plaats=Grolloo');
      await clickAndLoad(page, main().getByRole('link', { name: 'wijzigen (waar)' }));
      expect(await page.getByLabel('Waar woon je?').inputValue()).toBe('Grolloo');
    },
    E2E_TIMEOUT,
  );

  it(
    'help for someone else shows help for the person and support for the carer',
    async () => {
      const { page } = phone;
      await page.goto(`${server.origin}/hulpwijzer`);
      await clickAndLoad(
        page,
        main().getByRole('link', { name: 'Ik zoek hulp voor iemand anders' }),
      );
      expect(path()).toBe('/hulpwijzer/voor-een-ander');
      expect(await page.getByLabel('Voor mezelf').count()).toBe(0);
      await step('voor een ander: voor wie');
      await page.getByLabel('Voor mijn vader of moeder').check();
      await clickAndLoad(page, page.getByRole('button', { name: 'Volgende vraag' }));
      expect(await main().locator('legend').textContent()).toBe(
        'Waar heeft je vader of moeder hulp bij nodig?',
      );
      await step('voor een ander: waarover');
      await page.getByLabel('Dementie en geheugen').check();
      await clickAndLoad(page, page.getByRole('button', { name: 'Volgende vraag' }));
      await page.getByLabel('Waar woont je vader of moeder?').fill('Amsterdam');
      await clickAndLoad(page, page.getByRole('button', { name: 'Laat de hulp zien' }));
      expect(await main().getByRole('alert').textContent()).toContain('We kennen "Amsterdam" niet');
      await step('voor een ander: onbekende plaats', 400);
      await page.getByLabel('Waar woont je vader of moeder?').fill('9444');
      await clickAndLoad(page, page.getByRole('button', { name: 'Laat de hulp zien' }));
      expect(await h1()).toBe('Hulp voor je vader of moeder en voor jou');
      const headings = await main().locator('h2').allTextContents();
      // The real village entrance before the demo mantelzorgloket of the gemeente.
      const entrance = headings.indexOf('Hier kun je beginnen: Dorpscoördinator Grolloo');
      const person = headings.indexOf('Voor je vader of moeder: Dementie en geheugen');
      const carer = headings.indexOf('Voor jou: steun als mantelzorger');
      expect(entrance).toBeGreaterThanOrEqual(0);
      expect(person).toBeGreaterThan(entrance);
      expect(carer).toBeGreaterThan(person);
      expect(await main().textContent()).toContain('Je zorgt voor je vader of moeder.');
      await step('voor een ander: resultaat');
    },
    E2E_TIMEOUT,
  );

  it(
    'the page of a gemeente lists its entrances and its help per need',
    async () => {
      const { page } = phone;
      await page.goto(`${server.origin}/hulpwijzer`);
      await clickAndLoad(page, main().getByRole('link', { name: 'Hulp per gemeente' }));
      expect(path()).toBe('/hulpwijzer/gemeenten');
      await step('gemeenten');
      await clickAndLoad(page, main().getByRole('link', { name: 'Aa en Hunze', exact: true }));
      expect(path()).toBe('/hulpwijzer/gemeente/GM1680');
      expect(await h1()).toBe('Hulp in de gemeente Aa en Hunze');
      const entrances = main().locator('section[aria-labelledby="ingangen-kop"] h3');
      expect((await entrances.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(
        [
          'Sociaal team Aa en Hunze Voorbeeld',
          'Mantelzorgloket Aa en Hunze Voorbeeld',
          'Dorpscoördinator Grolloo',
        ],
      );
      await step('gemeente Aa en Hunze');
      const general = main().locator('section[aria-labelledby="onderwerp-informatie-advies"]');
      await clickAndLoad(page, general.getByRole('link'));
      expect(path()).toBe('/hulpwijzer?onderwerp=informatie-advies&plaats=Aa%20en%20Hunze');
      expect(await main().locator('#resultaten-kop').textContent()).toBe('Hulp in Aa en Hunze');
      await page.goto(`${server.origin}/hulpwijzer/gemeente/GM0363`);
      expect(await h1()).toBe('Deze gemeente kennen we niet');
      await step('onbekende gemeente', 404);
    },
    E2E_TIMEOUT,
  );

  it(
    'a question that signals crisis shows 113 first',
    async () => {
      const { page } = phone;
      await page.goto(`${server.origin}/hulpwijzer`);
      await page.getByLabel('Waar zoek je hulp bij?').fill('ik wil niet meer leven');
      await page.getByLabel('Waar woon je?').fill('Assen');
      await clickAndLoad(page, page.getByRole('button', { name: 'Zoek hulp' }));
      const crisis = main().locator('section.marke-crisis');
      expect(await crisis.count()).toBe(1);
      expect(await crisis.locator('li').first().textContent()).toContain(
        '113 Zelfmoordpreventie: bel 0800-0113',
      );
      expect(await crisis.locator('a[href="tel:08000113"]').count()).toBe(1);
      expect(await top(crisis)).toBeLessThan(await top(main().locator('form')));
      expect(await top(crisis)).toBeLessThan(await top(main().locator('#resultaten-kop')));
      await step('crisis');
    },
    E2E_TIMEOUT,
  );

  it(
    'walks all help of one topic in a gemeente page by page, without JavaScript',
    async () => {
      // Last of the journeys: the generated listings would change what the others find.
      await generateServices(server.db, 300);
      const { page } = phone;
      await page.goto(`${server.origin}/hulpwijzer/gemeente/GM1680`);
      const section = main().locator('section[aria-labelledby="onderwerp-eenzaamheid"]');
      const all = section.getByRole('link', { name: /^Alle \d+ bekijken/ });
      const total = Number(/Alle (\d+)/.exec((await all.textContent()) ?? '')?.[1]);
      await clickAndLoad(page, all);
      const first = await cardTitles(main());
      expect(first).toHaveLength(8);
      await clickAndLoad(page, main().getByRole('link', { name: /^Volgende pagina/ }));
      expect(path()).toBe('/hulpwijzer?onderwerp=eenzaamheid&plaats=Aa%20en%20Hunze&pagina=2');
      // All N of the gemeente page: alone, or beside the help for everyone.
      expect(await main().textContent()).toMatch(
        new RegExp(
          `Er is (${total} keer hulp bij dit onderwerp\\.|\\d+ keer hulp bij dit onderwerp: ${total} in Aa en Hunze)`,
        ),
      );
      const second = await cardTitles(main());
      expect(second.some((title) => first.includes(title))).toBe(false);
      expect(await main().locator('#eenzaamheid-9').count()).toBe(1);
      await step('pagina 2 van een onderwerp');
      await clickAndLoad(page, main().getByRole('link', { name: 'Vorige pagina' }));
      expect(await cardTitles(main())).toEqual(first);
    },
    E2E_TIMEOUT,
  );

  it('made no third-party request and set no cookie', async () => {
    expect(phone.requests.length).toBeGreaterThan(20);
    expect(phone.thirdParty()).toEqual([]);
    expect(checker.thirdParty()).toEqual([]);
    expect(await phone.context.cookies()).toEqual([]);
    expect(await checker.context.cookies()).toEqual([]);
  });
});
