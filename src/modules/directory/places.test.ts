/**
 * Places at every CBS level. Drenthe ships no buurten, so a small fixture adds three (made-up
 * names, real code pattern: a buurt's code starts with its wijk's) to Grolloo and
 * Gasselternijveen: a service for a buurt is found from the village, its postcode and its
 * gemeente, a buurt's resident finds the help of their wijk, and CBS wijk and buurt names
 * ("Wijk 20 Grolloo") are places too. An unknown place keeps its Dutch message.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { importAreas } from '../areas/index.js';
import { stableId } from './directory-ids.js';
import { resolvePlace } from './places.js';

const FIXTURE = [
  'code,name,level,parent_code',
  'NL01,Nederland,land,',
  'PV22,Drenthe,provincie,NL01',
  'GM1680,Aa en Hunze,gemeente,PV22',
  'WK168020,Wijk 20 Grolloo,wijk,GM1680',
  'WK168015,Wijk 15 Gasselternijveen,wijk,GM1680',
  // Named like its village: the name stands for the village (the wijk), which holds it.
  'BU16802000,Grolloo,buurt,WK168020',
  'BU16802009,Testbuurt Grolloo-Oost,buurt,WK168020',
  'BU16801501,Buurt 01 Testbuurt Nijveen,buurt,WK168015',
].join('\n');

const search = (vraag: string, plaats: string) =>
  `/hulpwijzer?vraag=${encodeURIComponent(vraag)}&plaats=${encodeURIComponent(plaats)}`;

/** Card titles with the "Waar" line of each. */
const cards = (html: string) =>
  new Map(
    [...html.matchAll(/id="[a-z-]+-\d+">([^<]+)[\s\S]*?<dt>Waar<\/dt><dd>([^<]*)<\/dd>/g)].map(
      (m) => [(m[1] ?? '').trim(), m[2] ?? ''],
    ),
  );

const service = (key: string) => stableId('service', 'drenthe', key);

describeEachDatabase('Hulpwijzer places: buurten and CBS names', (get) => {
  const request = (url: string) => testApp(get().db).app.request(url);
  const html = async (url: string) => (await request(url)).text();
  const regionId = async () =>
    (
      await get()
        .db.selectFrom('region')
        .select('id')
        .where('code', '=', 'drenthe')
        .executeTakeFirstOrThrow()
    ).id;
  const place = async (text: string) => resolvePlace(get().db, await regionId(), text);

  it('accepts the CBS name of a wijk, with or without its number, and the short name', async () => {
    for (const text of [
      'Wijk 20 Grolloo',
      'wijk 20 grolloo',
      'Wijk 7 Grolloo',
      'WIJK 20 - Grolloo',
    ]) {
      const found = await place(text);
      expect(found.place?.areaCode, text).toBe('WK168020');
      expect(found.place?.label, text).toBe('Grolloo');
    }
    const page = await request(search('ik ben eenzaam', 'Wijk 20 Grolloo'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Hulp in Grolloo (gemeente Aa en Hunze)');
    // "Roden" is both wijken of Roden; each CBS name is its own wijk, and leads back to it.
    expect((await place('Roden')).place?.areaCode).toBe('GM1699');
    const one = (await place('Wijk 01 Roden')).place;
    expect([one?.areaCode, one?.label]).toEqual(['WK169901', 'Wijk 01 Roden']);
    expect((await place(one?.label ?? '')).place?.areaCode).toBe('WK169901');
    expect((await place('Wijk 00 Roden')).place?.areaCode).toBe('WK169900');
    // The CBS's own spelling "Wijke 52 Fluitenberg" is the place Fluitenberg, as is its postcode.
    for (const text of ['Wijke 52 Fluitenberg', 'Fluitenberg', '7931'])
      expect((await place(text)).place?.areaCode, text).toBe('WK011852');
  });

  it('still answers an unknown place, with or without a CBS prefix, in Dutch', async () => {
    for (const text of ['Wijk 99 Nergenshuizen', 'Wijk 20', 'Buurt 03 Amsterdam']) {
      const res = await request(search('eenzaam', text));
      expect(res.status, text).toBe(400);
      expect(await res.text(), text).toContain(
        `We kennen &quot;${text}&quot; niet als plaats in deze regio.`,
      );
    }
  });

  it('finds a buurt by its CBS name and without "Buurt 01"', async () => {
    expect(
      (
        await importAreas(
          get().db,
          await regionId(),
          'buurten.csv',
          new TextEncoder().encode(FIXTURE),
        )
      ).ok,
    ).toBe(true);
    for (const text of [
      'Buurt 01 Testbuurt Nijveen',
      'Testbuurt Nijveen',
      'testbuurt grolloo-oost',
    ]) {
      const found = (await place(text)).place;
      expect(found?.buurtCode, text).toMatch(/^BU168/);
      expect(found?.gemeenteName).toBe('Aa en Hunze');
    }
    const oost = (await place('Testbuurt Grolloo-Oost')).place;
    expect([oost?.buurtCode, oost?.wijkCode]).toEqual(['BU16802009', 'WK168020']);
    // A buurt named like its village does not take the village's name.
    expect((await place('Grolloo')).place?.areaCode).toBe('WK168020');
  });

  it('finds help for a buurt from the village, its postcode and its gemeente, and only there', async () => {
    const db = get().db;
    await importAreas(db, await regionId(), 'buurten.csv', new TextEncoder().encode(FIXTURE));
    // The Markehuis now serves one buurt of Grolloo, the village coordinator the other.
    const moveTo = (key: string, area: string) =>
      db
        .updateTable('hsds_service_area')
        .set({ area_code: area })
        .where('service_id', '=', service(key))
        .execute();
    await moveTo('markehuis-grolloo', 'BU16802009');
    await moveTo('dorpscoordinator-grolloo', 'BU16802000');
    try {
      for (const where of ['Grolloo', '9444', 'Wijk 20 Grolloo', 'Testbuurt Grolloo-Oost']) {
        const found = cards(await html(search('ik ben vaak eenzaam', where)));
        expect(found.get('Markehuis in Grolloo'), where).toBe('In jouw dorp of wijk');
      }
      const gemeente = cards(await html(search('ik ben vaak eenzaam', 'Aa en Hunze')));
      expect(gemeente.has('Markehuis in Grolloo')).toBe(true);
      for (const elsewhere of ['Gasselternijveen', 'Testbuurt Nijveen', 'Emmen'])
        expect(
          cards(await html(search('ik ben vaak eenzaam', elsewhere))).has('Markehuis in Grolloo'),
          elsewhere,
        ).toBe(false);
      // From a buurt: the help of its wijk (GrollooZorgt) too.
      const buurt = await html('/hulpwijzer?onderwerp=meedoen&plaats=Testbuurt%20Grolloo-Oost');
      expect(buurt).toContain('Hulp in Testbuurt Grolloo-Oost (gemeente Aa en Hunze)');
      expect(cards(buurt).get('GrollooZorgt')).toBe('In jouw dorp of wijk');
      // The village's entrance serves a buurt of it: still the place to start in Grolloo.
      const path = await html('/hulpwijzer/begin?voor=mezelf&over=eenzaamheid&plaats=9444');
      expect(path).toContain('Hier kun je beginnen: Dorpscoördinator Grolloo');
      expect(path).toContain('Markehuis in Grolloo');
      const overview = await html('/hulpwijzer/gemeente/GM1680');
      expect(overview).toContain('Dorpscoördinator Grolloo');
      expect(overview).toContain('Testbuurt Grolloo-Oost');
      // Without a place a name search says which buurt.
      expect(cards(await html(search('Markehuis', ''))).get('Markehuis in Grolloo')).toBe(
        'Voor Testbuurt Grolloo-Oost (Grolloo, gemeente Aa en Hunze)',
      );
    } finally {
      await moveTo('markehuis-grolloo', 'WK168020');
      await moveTo('dorpscoordinator-grolloo', 'WK168020');
    }
  });
});
