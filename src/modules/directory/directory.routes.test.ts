/**
 * The resident's Hulpwijzer pages through app.request(): search in own words and place, ladder
 * order, crisis first, honest cards, and bad input answered with a Dutch message (never a 500).
 */
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { stableId } from './directory-ids.js';

const search = (vraag: string, plaats = '') =>
  `/hulpwijzer?vraag=${encodeURIComponent(vraag)}&plaats=${encodeURIComponent(plaats)}`;

/** The card headings in page order, each with the section it is in. */
function cardTitles(html: string): string[] {
  return [...html.matchAll(/<h([34]) class="utrecht-heading-\1" id="[a-z-]+-\d+">([^<]*)/g)].map(
    (m) => (m[2] ?? '').trim(),
  );
}

const LADDER_ORDER = [
  'Zelf doen',
  'Samen met anderen',
  'Dichtbij',
  'Huisarts en zorg dichtbij',
  'Verder weg',
];

describeEachDatabase('Hulpwijzer pages', (get) => {
  it('shows the form, the crisis numbers and every need on the start page, without cookies', async () => {
    const { app } = testApp(get().db);
    const res = await app.request('/hulpwijzer');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(html).toContain('<label class="utrecht-form-label" for="vraag">');
    expect(html).toContain('href="tel:08000113"');
    expect(html).toContain('href="tel:112"');
    expect(html).toContain('Veilig Thuis');
    expect(html).toContain('Mantelzorg en even vrij');
    expect(html).not.toMatch(/<script/);
  });

  it("lets the browser help: the question keeps its history, the place is the resident's own town", async () => {
    const { app } = testApp(get().db);
    const input = (html: string, id: string) =>
      [...html.matchAll(/<input [^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`id="${id}"`));
    for (const url of ['/hulpwijzer', search('eenzaam', 'Grolloo')]) {
      const html = await (await app.request(url)).text();
      expect(input(html, 'vraag'), url).toContain('name="vraag"');
      expect(input(html, 'vraag'), url).not.toContain('autocomplete');
      expect(html, url).not.toContain('autocomplete="off"');
      expect(input(html, 'plaats'), url).toContain('autocomplete="address-level2"');
    }
    const own = await (await app.request('/hulpwijzer/begin?voor=mezelf&over=vervoer')).text();
    expect(input(own, 'plaats')).toContain('autocomplete="address-level2"');
    // Where the person someone cares for lives is not the carer's own address.
    for (const url of [
      '/hulpwijzer/begin?voor=ouder&over=vervoer',
      '/hulpwijzer/voor-een-ander?voor=kind&over=vervoer',
    ]) {
      const html = await (await app.request(url)).text();
      expect(input(html, 'plaats'), url).toContain('name="plaats"');
      expect(input(html, 'plaats'), url).not.toContain('autocomplete');
    }
  });

  it('answers "mijn moeder met dementie moet even ergens logeren" in Grolloo, ladder first', async () => {
    const { app } = testApp(get().db);
    const res = await app.request(
      search('mijn moeder met dementie moet even ergens logeren', 'Grolloo'),
    );
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('Hulp in Grolloo (gemeente Aa en Hunze)');
    expect(html).toContain('We zochten naar: Mantelzorg en even vrij, Dementie en geheugen.');
    expect(html).toContain('Mantelzorgloket Aa en Hunze');
    expect(html).toContain('Logeerhuis voor mensen met dementie');
    expect(html).not.toContain('Mantelzorgloket Emmen');
    const section = html.slice(
      html.indexOf('id="behoefte-mantelzorg"'),
      html.indexOf('id="behoefte-dementie"'),
    );
    const steps = [...section.matchAll(/<p class="marke-muted">([^·<]+) ·/g)].map((m) =>
      (m[1] ?? '').trim(),
    );
    const ranks = steps.map((s) => LADDER_ORDER.indexOf(s));
    expect(ranks.length).toBeGreaterThan(2);
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('labels every demo listing as voorbeeld and shows no invented contact details', async () => {
    const { app } = testApp(get().db);
    const html = await (
      await app.request(search('ik kan mijn rekeningen niet betalen', 'Assen'))
    ).text();
    expect(html).toContain('Geldloket Assen <span class="marke-tag">Voorbeeld</span>');
    expect(html).toContain('Dit is een voorbeeld: er staan geen echte contactgegevens bij.');
    expect(html).not.toMatch(/href="tel:(?!112"|08000113"|08002000")/);
  });

  it('shows a real listing with its check date and no made-up contact', async () => {
    const { app } = testApp(get().db);
    const html = await (await app.request(search('', '9444'))).text();
    expect(html).toContain('Hulp in 9444 Grolloo (gemeente Aa en Hunze)');
    expect(html).toContain('Dorpscoördinator Grolloo');
    expect(html).toContain(
      'Nog niet gecontroleerd door de organisatie zelf. Bron: Regioplan Drenthe',
    );
    expect(html).not.toContain('Laatst gecontroleerd');
    expect(html).toContain('De contactgegevens staan nog niet in de Hulpwijzer.');
    expect(html).toContain('In jouw dorp of wijk');
  });

  it('puts crisis help first when a question signals it', async () => {
    const { app } = testApp(get().db);
    for (const [question, line] of [
      ['ik wil niet meer leven', '113 Zelfmoordpreventie'],
      ['mijn partner slaat me', 'Veilig Thuis'],
    ] as const) {
      const html = await (await app.request(search(question, 'Emmen'))).text();
      const crisis = html.indexOf('id="crisis-kop"');
      expect(crisis, question).toBeGreaterThan(0);
      expect(crisis).toBeLessThan(html.indexOf('<form class="marke-form"'));
      expect(html.slice(crisis, crisis + 1500)).toContain(line);
    }
    const calm = await (await app.request(search('ik wil gezonder leven', 'Emmen'))).text();
    expect(calm).not.toContain('id="crisis-kop"');
  });

  it('shows a topic link its own need only, not what the words of its name also suggest', async () => {
    const { app } = testApp(get().db);
    const start = await (await app.request('/hulpwijzer')).text();
    const topics = [...start.matchAll(/href="\/hulpwijzer\?onderwerp=([a-z0-9-]+)">([^<]+)</g)];
    expect(topics.length).toBeGreaterThan(15);
    expect(topics.map((m) => m[2])).toContain('Weet niet waar ik moet beginnen');
    for (const [, code, name] of topics) {
      const html = await (await app.request(`/hulpwijzer?onderwerp=${code}&plaats=Grolloo`)).text();
      const sections = [...html.matchAll(/id="behoefte-([a-z-]+)"/g)].map((m) => m[1]);
      expect(
        sections.filter((s) => s !== code),
        code,
      ).toEqual([]);
      expect(html, code).toContain(`We zochten naar: ${name}.`);
      // A link from before `onderwerp` (the need's name as the question) still works.
      const old = await (await app.request(search(name ?? '', 'Grolloo'))).text();
      expect(old, name).toContain(`We zochten naar: ${name}.`);
    }
  });

  it('finds a service by its name', async () => {
    const { app } = testApp(get().db);
    const titles = cardTitles(await (await app.request(search('GrollooZorgt'))).text());
    expect(titles).toContain('GrollooZorgt');
  });

  it('says plainly that no place was given, claims no restriction a name search lacks, and offers to add one', async () => {
    const { app } = testApp(get().db);
    for (const name of ['GrollooZorgt', 'Markehuis']) {
      const html = await (await app.request(search(name))).text();
      expect(html, name).toContain('Je hebt geen plaats ingevuld.');
      expect(html, name).toContain('We zochten daarom in de hele regio');
      expect(html, name).not.toContain('alleen hulp voor iedereen in de regio');
      expect(html, name).toContain('<a class="utrecht-link" href="#plaats">');
      expect(html, name).toContain('id="resultaten-kop">Gevonden in de hele regio</h2>');
      // The card says where the service is, not "Niet bekend".
      expect(html, name).toContain('<dt>Waar</dt><dd>Voor Grolloo (gemeente Aa en Hunze)</dd>');
      expect(html, name).not.toContain('<dt>Waar</dt><dd>Niet bekend');
    }
    // A need without a place really is limited to help for everyone: that is said, truly.
    const need = await (await app.request(search('mijn moeder heeft dementie'))).text();
    expect(need).toContain('Je hebt geen plaats ingevuld.');
    expect(need).toContain('Daarom zie je alleen hulp voor iedereen in de regio en online.');
    expect(need).toContain('id="resultaten-kop">Hulp in de regio en online</h2>');
    const nothing = await (await app.request(search('xqzv blorp'))).text();
    expect(nothing).toContain('We zochten daarom in de hele regio');
    const printed = await (await app.request('/hulpwijzer/afdrukken?vraag=GrollooZorgt')).text();
    expect(printed).toContain('<h1 class="utrecht-heading-1">Gevonden in de hele regio</h1>');
    expect(printed).toContain('<dt>Waar</dt><dd>Voor Grolloo (gemeente Aa en Hunze)</dd>');
  });

  it('explains an unknown place with suggestions, and a question it does not understand', async () => {
    const { app } = testApp(get().db);
    const res = await app.request(search('eenzaam', 'Asen'));
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain('We kennen &quot;Asen&quot; niet als plaats in deze regio.');
    expect(html).toContain('>Assen</a>');
    const nowhere = await app.request(search('eenzaam', 'Amsterdam'));
    expect(nowhere.status).toBe(400);
    const absurd = await (await app.request(search('xqzv blorp wibble', 'Assen'))).text();
    expect(absurd).toContain('We begrijpen je vraag nog niet goed.');
  });

  it('refuses a question over 5 000 characters and an overlong place, keeping the input', async () => {
    const { app } = testApp(get().db);
    const long = await app.request(search('a'.repeat(5001), 'Assen'));
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Je vraag is te lang.');
    const exact = await app.request(search(`dementie ${'x'.repeat(4990)}`, 'Assen'));
    expect(exact.status).toBe(200);
    const place = await app.request(search('eenzaam', 'p'.repeat(101)));
    expect(place.status).toBe(400);
    expect(await place.text()).toContain('Vul alleen de naam van je dorp');
    const unknown = await app.request('/hulpwijzer?vraag=x&pagina=2');
    expect(unknown.status).toBe(400);
    // A shared link's tracking code is dropped, not refused (src/web/params.test.ts).
    const shared = await app.request('/hulpwijzer?vraag=x&utm_source=krant');
    expect(shared.status).toBe(301);
    expect(shared.headers.get('location')).toBe('/hulpwijzer?vraag=x');
  });

  it('answers control characters, repeated parameters and an empty search without an error', async () => {
    const { app } = testApp(get().db);
    for (const url of [
      '/hulpwijzer?vraag=abc%00def',
      '/hulpwijzer?vraag=%00',
      '/hulpwijzer?vraag=GrollooZorgt%00&plaats=%01',
      '/hulpwijzer?vraag=a&vraag=b&plaats=Assen&plaats=Emmen',
    ])
      expect((await app.request(url)).status, url).toBe(200);
    const empty = await app.request('/hulpwijzer?vraag=&plaats=', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(empty.status).toBe(200);
    expect(empty.headers.get('cache-control')).not.toBe('no-store');
    const body = Buffer.from(await empty.arrayBuffer());
    const html = (
      empty.headers.get('content-encoding') === 'gzip' ? gunzipSync(body) : body
    ).toString();
    expect(html).toContain('<!DOCTYPE html>');
  });

  it('links every place it shows back to a place it knows', async () => {
    const { app } = testApp(get().db);
    const html = await (await app.request(search('eenzaam', '9444'))).text();
    const links = [...html.matchAll(/href="(\/hulpwijzer\?[^"]+)"/g)].map((m) =>
      (m[1] ?? '').replaceAll('&amp;', '&'),
    );
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect((await app.request(link)).status, link).toBe(200);
  });

  it('shows the help in the wijken of a gemeente when the place is the gemeente or its postcode', async () => {
    const { app } = testApp(get().db);
    for (const place of ['Assen', '9405']) {
      const titles = cardTitles(await (await app.request(search('ik ben eenzaam', place))).text());
      expect(titles, place).toContain('Assen Bloeit');
    }
    const emmen = cardTitles(await (await app.request(search('ik ben eenzaam', 'Emmen'))).text());
    expect(emmen).not.toContain('Assen Bloeit');
  });

  it('asks which one when two gemeenten have a place with the same name', async () => {
    const { app } = testApp(get().db);
    const res = await app.request(search('mantelzorg', 'Centrum'));
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain('Er zijn meer plaatsen die &quot;Centrum&quot; heten.');
    expect(html).toContain('>Centrum (Assen)</a>');
    expect(html).toContain('>Centrum (Meppel)</a>');
    const meppel = await (await app.request(search('mantelzorg', 'Centrum (Meppel)'))).text();
    expect(meppel).toContain('Hulp in Centrum (Meppel) (gemeente Meppel)');
    // A name for a gemeente and its own wijk, or for two wijken of one gemeente, is no question.
    for (const [place, heading] of [
      ['Hoogeveen', 'Hulp in Hoogeveen</h2>'],
      ['Coevorden', 'Hulp in Coevorden</h2>'],
      ['Roden', 'Hulp in Roden (gemeente Noordenveld)</h2>'],
    ]) {
      const res = await app.request(search('mantelzorg', place));
      expect(res.status, place).toBe(200);
      expect(await res.text()).toContain(heading);
    }
  });

  it('escapes what a resident typed', async () => {
    const { app } = testApp(get().db);
    const html = await (
      await app.request(search('<script>alert(1)</script>', '"><img src=x>'))
    ).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x>');
  });

  it('hides a listing unchecked for 15 months, and one not yet approved', async () => {
    const { app } = testApp(get().db);
    const db = get().db;
    const id = stableId('service', 'drenthe', 'dorpscoordinator-grolloo');
    const before = await (await app.request(search('', 'Grolloo'))).text();
    expect(before).toContain('Dorpscoördinator Grolloo');
    await db
      .updateTable('hsds_service')
      .set({ assured_date: '2020-01-01' })
      .where('id', '=', id)
      .execute();
    expect(await (await app.request(search('', 'Grolloo'))).text()).not.toContain(
      'Dorpscoördinator Grolloo',
    );
    await db
      .updateTable('hsds_service')
      .set({ assured_date: new Date().toISOString().slice(0, 10), review_status: 'ingediend' })
      .where('id', '=', id)
      .execute();
    expect(await (await app.request(search('', 'Grolloo'))).text()).not.toContain(
      'Dorpscoördinator Grolloo',
    );
    await db
      .updateTable('hsds_service')
      .set({ review_status: 'goedgekeurd' })
      .where('id', '=', id)
      .execute();
  });

  it('keeps result pages under 40 KB with brotli', async () => {
    const { app } = testApp(get().db);
    for (const url of [
      '/hulpwijzer',
      search('mijn moeder met dementie moet even ergens logeren', 'Grolloo'),
      search('ik heb schulden en weet niet hoe ik de huur moet betalen', 'Emmen'),
      search('', 'Assen'),
    ]) {
      const html = Buffer.from(await (await app.request(url)).text());
      expect(brotliCompressSync(html).length, url).toBeLessThan(40 * 1024);
    }
  });
});
