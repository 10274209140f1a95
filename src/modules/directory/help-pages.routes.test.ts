/**
 * The print version of a result and the pages per gemeente through app.request(): what a printed
 * page must carry (names, contact, check date or "Voorbeeld", crisis numbers, date, address) and
 * leave out (navigation), the gemeente's entrances and help per need, and bad addresses answered
 * in Dutch (never a 500).
 */
import { brotliCompressSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { stableId } from './directory-ids.js';
import { cardOutline, withArea, withHidden } from './help-pages.test-helpers.js';

const print = (params: Record<string, string>) =>
  `/hulpwijzer/afdrukken?${new URLSearchParams(params).toString()}`;
const DEMENTIA = 'mijn moeder met dementie moet even ergens logeren';
const demo = (key: string) => stableId('service', 'drenthe', 'voorbeeld', key);
const GROLLOO_COORDINATOR = stableId('service', 'drenthe', 'dorpscoordinator-grolloo');

/** The text of a section of the page, from its heading's id to the next heading as high. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const level = Number(html.slice(html.lastIndexOf('<h', start) + 2, start).charAt(0));
  const next = new RegExp(`<h[1-${level}][ >]`, 'g');
  next.lastIndex = start;
  return html.slice(start, next.exec(html)?.index);
}

describeEachDatabase('Hulpwijzer print and gemeente pages', (get) => {
  const request = (url: string) => testApp(get().db).app.request(url);
  const html = async (url: string) => (await request(url)).text();

  it('prints a search with the entrance, the help, crisis numbers, date and address, without navigation', async () => {
    const res = await request(print({ vraag: DEMENTIA, plaats: 'Grolloo' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    const page = await res.text();
    expect(page).not.toContain('<nav');
    expect(page).not.toContain('marke-header');
    expect(page).not.toContain('<form');
    expect(page).not.toMatch(/<script/);
    expect(page).toContain('<h1 class="utrecht-heading-1">Hulp in Grolloo</h1>');
    expect(page).toContain(`Je vraag: &quot;${DEMENTIA}&quot;.`);
    const today = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    }).format();
    expect(page).toContain(`Afgedrukt op ${today}.`);
    expect(page).toContain(
      `Deze pagina op internet: http://localhost/hulpwijzer?vraag=${encodeURIComponent(DEMENTIA)}&amp;plaats=Grolloo`,
    );
    for (const number of ['112', '0800-0113', '0800-2000']) expect(page).toContain(`: ${number}.`);
    // The real village entrance before the demo mantelzorgloket (shown below, as Voorbeeld).
    expect(page).toContain('Hier kun je beginnen: Dorpscoördinator Grolloo</h2>');
    expect(page).toContain('Mantelzorgloket Aa en Hunze <span class="marke-tag">Voorbeeld</span>');
    expect(page).toContain(
      'Logeerhuis voor mensen met dementie <span class="marke-tag">Voorbeeld</span>',
    );
    expect(page).toContain('Mantelzorg-app van GGZ Drenthe');
    expect(page).toContain('Nog niet gecontroleerd door de organisatie zelf.');
    expect(page).toContain('Vermeldingen met &quot;Voorbeeld&quot; zijn verzonnen.');
  });

  it('names the page with https behind a trusted TLS proxy, as the HSDS API does', async () => {
    const url = print({ vraag: 'eenzaam', plaats: 'Assen' });
    const https = { headers: { 'x-forwarded-proto': 'https' } };
    const proxied = await (
      await testApp(get().db, { MARKE_TRUST_PROXY: '1' }).app.request(url, https)
    ).text();
    const address = 'localhost/hulpwijzer?vraag=eenzaam&amp;plaats=Assen';
    expect(proxied).toContain(`Deze pagina op internet: https://${address}</p>`);
    expect(proxied).toContain(`href="https://${address}">Terug naar de Hulpwijzer`);
    // Without a trusted proxy the header is anyone's word: the request's own scheme.
    const direct = await (await testApp(get().db).app.request(url, https)).text();
    expect(direct).toContain(`Deze pagina op internet: http://${address}</p>`);
    const root = await testApp(get().db, { MARKE_TRUST_PROXY: '1' }).app.request(
      '/api/hsds/',
      https,
    );
    expect(JSON.stringify(await root.json())).toContain('https://localhost/');
  });

  it('prints a service found by its own words once, not again below the entrance', async () => {
    const { app } = testApp(get().db);
    const res = await app.request(print({ vraag: 'benaderbaar', plaats: 'Grolloo' }));
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html.match(/>\s*Dorpscoördinator Grolloo\s*</g)?.length).toBe(1);
  });

  it('prints the check date of a checked listing', async () => {
    const db = get().db;
    await db
      .updateTable('hsds_service')
      .set({ assured_date: '2026-11-02' })
      .where('id', '=', GROLLOO_COORDINATOR)
      .execute();
    try {
      const page = await html(print({ vraag: '', plaats: 'Grolloo' }));
      expect(page).toContain('Laatst gecontroleerd: 2 november 2026.');
    } finally {
      await db
        .updateTable('hsds_service')
        .set({ assured_date: null })
        .where('id', '=', GROLLOO_COORDINATOR)
        .execute();
    }
  });

  it("prints a carer's path with the help for the person and for the carer", async () => {
    const page = await html(print({ voor: 'ouder', over: 'dementie', plaats: 'Grolloo' }));
    expect(page).toContain('Hulp voor je vader of moeder en voor jou, in Grolloo');
    expect(page).toContain('>Voor je vader of moeder: Dementie en geheugen</h2>');
    expect(page).toContain('>Voor jou: steun als mantelzorger</h2>');
    expect(page).toContain(
      'http://localhost/hulpwijzer/voor-een-ander?voor=ouder&amp;over=dementie&amp;plaats=Grolloo',
    );
    const own = await html(print({ over: 'vervoer', plaats: 'Emmen' }));
    expect(own).toContain('Hulp in Emmen: Vervoer');
    expect(own).toContain(
      'http://localhost/hulpwijzer/begin?voor=mezelf&amp;over=vervoer&amp;plaats=Emmen',
    );
  });

  it('links a search result to its print version', async () => {
    const results = await html(`/hulpwijzer?vraag=${encodeURIComponent(DEMENTIA)}&plaats=Grolloo`);
    const link = /href="(\/hulpwijzer\/afdrukken\?[^"]+)">Afdrukken of bewaren/.exec(results)?.[1];
    expect(link).toBeDefined();
    expect((await request((link ?? '').replaceAll('&amp;', '&'))).status).toBe(200);
  });

  it('answers a print address it cannot print with a Dutch message, never a 500', async () => {
    const empty = await request('/hulpwijzer/afdrukken');
    expect(empty.status).toBe(302);
    expect(empty.headers.get('location')).toBe('/hulpwijzer');
    const cases: Array<[string, string]> = [
      [print({ vraag: 'eenzaam', plaats: 'Asen' }), 'We kennen &quot;Asen&quot; niet als plaats'],
      [print({ vraag: 'a'.repeat(5001), plaats: 'Assen' }), 'Je vraag is te lang.'],
      [print({ vraag: 'eenzaam', over: 'eenzaamheid', plaats: 'Assen' }), 'niet allebei'],
      [print({ vraag: 'eenzaam', voor: 'ouder', plaats: 'Assen' }), 'geen keuze'],
      [print({ over: 'onbekend', plaats: 'Assen' }), 'Kies een onderwerp uit de lijst.'],
      [print({ voor: 'hond', over: 'dementie', plaats: 'Assen' }), 'Kies voor wie'],
      [print({ over: 'dementie' }), 'Deze pagina kunnen we niet afdrukken.'],
    ];
    for (const [url, message] of cases) {
      const res = await request(url);
      expect(res.status, url.slice(0, 80)).toBe(400);
      expect(await res.text(), url.slice(0, 80)).toContain(message);
    }
    expect((await request('/hulpwijzer/afdrukken?vraag=x&pagina=2')).status).toBe(400);
    expect((await request('/hulpwijzer/afdrukken?vraag=abc%00&plaats=%01')).status).toBe(200);
  });

  it('lists the gemeenten of the region, each linked to its page', async () => {
    const res = await request('/hulpwijzer/gemeenten');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).not.toBe('no-store');
    const page = await res.text();
    const links = [...page.matchAll(/href="(\/hulpwijzer\/gemeente\/GM\d{4})">([^<]+)</g)];
    expect(links.map((m) => m[2])).toEqual([
      'Aa en Hunze',
      'Assen',
      'Borger-Odoorn',
      'Coevorden',
      'De Wolden',
      'Emmen',
      'Hoogeveen',
      'Meppel',
      'Midden-Drenthe',
      'Noordenveld',
      'Tynaarlo',
      'Westerveld',
    ]);
    for (const [, link] of links) expect((await request(link ?? '')).status, link).toBe(200);
  });

  it("shows a gemeente's entrances first, then its own help per need, ladder first", async () => {
    const res = await request('/hulpwijzer/gemeente/GM1680');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).not.toBe('no-store');
    const page = await res.text();
    expect(page).toContain('<h1 class="utrecht-heading-1">Hulp in de gemeente Aa en Hunze</h1>');
    const entrances = [...sectionOf(page, 'ingangen-kop').matchAll(/id="ingang-\d+">([^<]+)/g)].map(
      (m) => (m[1] ?? '').trim(),
    );
    expect(entrances).toEqual([
      'Sociaal team Aa en Hunze',
      'Mantelzorgloket Aa en Hunze',
      'Dorpscoördinator Grolloo',
    ]);
    expect(sectionOf(page, 'ingangen-kop')).toContain('Voor Grolloo');
    const general = sectionOf(page, 'onderwerp-informatie-advies');
    const steps = [...general.matchAll(/<span class="marke-muted">([^·<]+) ·/g)].map((m) =>
      (m[1] ?? '').trim(),
    );
    expect(steps).toEqual([...steps].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
    expect(steps[0]).toBe('Samen met anderen');
    expect(general).toContain('De Brug in Gasselternijveen');
    expect(page).toContain(
      'Sociaal team Aa en Hunze</strong> <span class="marke-tag">Voorbeeld</span>',
    );
    expect(page).not.toContain('Emmen');
    expect(page).not.toContain('Herstelacademie');
    expect(page).not.toMatch(/href="tel:(?!112"|08000113"|08002000")/);
  });

  it("picks a gemeente's real entrance over a demo one", async () => {
    const entrances = async () =>
      [
        ...sectionOf(await html('/hulpwijzer/gemeente/GM1680'), 'ingangen-kop').matchAll(
          /id="ingang-\d+">([^<]+)/g,
        ),
      ].map((m) => (m[1] ?? '').trim());
    await withArea(get().db, GROLLOO_COORDINATOR, 'GM1680', async () => {
      expect(await entrances()).toEqual([
        'Dorpscoördinator Grolloo',
        'Mantelzorgloket Aa en Hunze',
      ]);
    });
    expect((await entrances())[0]).toBe('Sociaal team Aa en Hunze');
  });

  it('links every need on a gemeente page to a search that works', async () => {
    const links = async (code: string) =>
      [
        ...(await html(`/hulpwijzer/gemeente/${code}`)).matchAll(/href="(\/hulpwijzer\?[^"]+)"/g),
      ].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
    const aaEnHunze = await links('GM1680');
    expect(aaEnHunze.length).toBeGreaterThanOrEqual(19);
    for (const link of aaEnHunze) expect((await request(link)).status, link).toBe(200);
    // Hoogeveen is a gemeente and a wijk of it: its name must still find the gemeente.
    const [hoogeveen] = await links('GM0118');
    const search = await request(hoogeveen ?? '');
    expect(search.status).toBe(200);
    expect(await search.text()).toContain('Hulp in Hoogeveen</h2>');
  });

  it('says so when a gemeente has no entrance at all', async () => {
    const hidden = ['sociaal-team', 'digitaal-informatiepunt', 'mantelzorgloket'].map((key) =>
      demo(`${key}-GM1730`),
    );
    await withHidden(get().db, hidden, async () => {
      const page = await html('/hulpwijzer/gemeente/GM1730');
      expect(page).toContain('We kennen in de gemeente Tynaarlo nog geen vaste plek');
      expect(page).not.toContain('id="ingang-1"');
    });
  });

  it('finds a gemeente by its name or a lowercase code, and answers an unknown one in Dutch', async () => {
    for (const [path, target] of [
      ['/hulpwijzer/gemeente/aa-en-hunze', '/hulpwijzer/gemeente/GM1680'],
      ['/hulpwijzer/gemeente/gm0106', '/hulpwijzer/gemeente/GM0106'],
      ['/regio/drenthe/hulpwijzer/gemeente/assen', '/regio/drenthe/hulpwijzer/gemeente/GM0106'],
    ] as const) {
      const res = await request(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get('location')).toBe(target);
    }
    for (const path of [
      '/hulpwijzer/gemeente/GM0363',
      '/hulpwijzer/gemeente/WK168020',
      '/hulpwijzer/gemeente/amsterdam',
      '/hulpwijzer/gemeente/%00',
      '/hulpwijzer/gemeente/%E0%A4%A',
      '/hulpwijzer/gemeente/%3Cscript%3E',
      `/hulpwijzer/gemeente/${'x'.repeat(5000)}`,
    ]) {
      const res = await request(path);
      expect(res.status, path.slice(0, 60)).toBe(404);
      const page = await res.text();
      expect(page).toContain('Deze gemeente kennen we niet');
      expect(page).toContain('href="/hulpwijzer/gemeente/GM1680"');
      expect(page).not.toContain('<script>');
    }
    expect((await request('/hulpwijzer/gemeente/GM1680?sorteer=naam')).status).toBe(400);
    expect((await request('/hulpwijzer/gemeenten?x=1')).status).toBe(400);
  });

  it('heads every card one level below the section it is in, on every page with cards', async () => {
    for (const url of [
      `/hulpwijzer?vraag=${encodeURIComponent(DEMENTIA)}&plaats=Grolloo`,
      '/hulpwijzer?vraag=GrollooZorgt&plaats=',
      print({ vraag: DEMENTIA, plaats: 'Grolloo' }),
      print({ vraag: 'benaderbaar', plaats: 'Grolloo' }),
      print({ voor: 'ouder', over: 'dementie', plaats: 'Grolloo' }),
      '/hulpwijzer/begin?voor=mezelf&over=eenzaamheid&plaats=Grolloo',
      '/hulpwijzer/voor-een-ander?voor=ouder&over=dementie&plaats=Grolloo',
      '/hulpwijzer/gemeente/GM1680',
    ]) {
      const { cards, problems } = cardOutline(await html(url));
      expect(cards, url).toBeGreaterThan(0);
      expect(problems, url).toEqual([]);
    }
  });

  it('keeps every new page under 40 KB with brotli', async () => {
    for (const url of [
      '/hulpwijzer/begin',
      '/hulpwijzer/begin?voor=mezelf',
      '/hulpwijzer/voor-een-ander?voor=ouder&over=dementie&plaats=Grolloo',
      print({ vraag: DEMENTIA, plaats: 'Grolloo' }),
      print({ voor: 'ouder', over: 'dementie', plaats: 'Assen' }),
      '/hulpwijzer/gemeenten',
      '/hulpwijzer/gemeente/GM1680',
      '/hulpwijzer/gemeente/GM0106',
    ]) {
      const body = Buffer.from(await html(url));
      expect(brotliCompressSync(body).length, url).toBeLessThan(40 * 1024);
    }
  });
});

const ORDER = [
  'Zelf doen',
  'Samen met anderen',
  'Dichtbij',
  'Huisarts en zorg dichtbij',
  'Verder weg',
];
