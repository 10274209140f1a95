/**
 * The guided path ("Ik weet niet waar ik moet beginnen") and the carer's path ("Ik zoek hulp voor
 * iemand anders") through app.request(): one question per page, the one local entrance first,
 * honest when a place has none, carer support in the carer's words, and every bad answer
 * answered with a Dutch message on its own step (never a 500).
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { stableId } from './directory-ids.js';
import { withArea, withHidden } from './help-pages.test-helpers.js';

const begin = (params: Record<string, string>) =>
  `/hulpwijzer/begin?${new URLSearchParams(params).toString()}`;
const ander = (params: Record<string, string>) =>
  `/hulpwijzer/voor-een-ander?${new URLSearchParams(params).toString()}`;

/** Card and section headings in page order. */
const headings = (html: string) =>
  [...html.matchAll(/<h[23] class="utrecht-heading-[23]" id="([^"]+)">([^<]*)/g)].map((m) => ({
    id: m[1] ?? '',
    text: (m[2] ?? '').trim(),
  }));

const demo = (key: string) => stableId('service', 'drenthe', 'voorbeeld', key);
const GROLLOO_COORDINATOR = stableId('service', 'drenthe', 'dorpscoordinator-grolloo');

describeEachDatabase('Hulpwijzer paths', (get) => {
  const request = (url: string) => testApp(get().db).app.request(url);
  const html = async (url: string) => (await request(url)).text();

  it('asks one question per page in a GET form that carries the earlier answers', async () => {
    const first = await request('/hulpwijzer/begin');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).not.toBe('no-store');
    expect(first.headers.get('set-cookie')).toBeNull();
    const step1 = await first.text();
    expect(step1).toContain('<form class="marke-form" action="/hulpwijzer/begin" method="get">');
    expect(step1).toContain('<legend>Voor wie zoek je hulp?</legend>');
    for (const value of ['mezelf', 'partner', 'ouder', 'kind', 'buur-vriend'])
      expect(step1).toContain(`name="voor" value="${value}"`);
    expect(step1).toContain('Vraag 1 van 3');
    expect(step1).toContain('href="tel:08000113"');
    expect(step1).not.toMatch(/<script/);

    const second = await request(begin({ voor: 'mezelf' }));
    expect(second.status).toBe(200);
    expect(second.headers.get('cache-control')).toBe('no-store');
    const step2 = await second.text();
    expect(step2).toContain('<input type="hidden" name="voor" value="mezelf"/>');
    expect(step2).toContain('<legend>Waar zoek je hulp bij?</legend>');
    const needs = [...step2.matchAll(/name="over" value="([a-z-]+)"/g)].map((m) => m[1]);
    expect(needs.length).toBeGreaterThanOrEqual(19);
    expect(needs.at(-1)).toBe('informatie-advies');

    const step3 = await html(begin({ voor: 'ouder', over: 'dementie' }));
    expect(step3).toContain('<input type="hidden" name="over" value="dementie"/>');
    expect(step3).toContain('for="plaats">Waar woont je vader of moeder?</label>');
    expect(step3).toContain('Vraag 3 van 3');
  });

  it('ends in the village entrance of Grolloo, shown first, then the matching help', async () => {
    const res = await request(begin({ voor: 'mezelf', over: 'eenzaamheid', plaats: 'Grolloo' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    const list = headings(page);
    expect(list[0]).toEqual({
      id: 'ingang-kop',
      text: 'Hier kun je beginnen: Dorpscoördinator Grolloo',
    });
    expect(list[1]?.text).toBe('Dorpscoördinator Grolloo');
    expect(list[2]).toEqual({ id: 'hulp-eenzaamheid', text: 'Eenzaam of vaak alleen' });
    expect(list.map((h) => h.text)).toContain('Markehuis in Grolloo');
    expect(page).toContain('Dit is de plek in Grolloo zelf.');
    // The entrance once, no invented contact details.
    expect(list.filter((h) => h.text === 'Dorpscoördinator Grolloo')).toHaveLength(1);
    expect(page).toContain('De contactgegevens staan nog niet in de Hulpwijzer.');
    expect(page).not.toMatch(/href="tel:(?!112"|08000113"|08002000")/);
    expect(page).toContain(
      'href="/hulpwijzer/afdrukken?voor=mezelf&amp;over=eenzaamheid&amp;plaats=Grolloo"',
    );
  });

  it("says when a village has no entrance of its own and gives the gemeente's", async () => {
    const page = await html(
      begin({ voor: 'mezelf', over: 'informatie-advies', plaats: 'Gasselternijveen' }),
    );
    expect(headings(page)[0]?.text).toBe('Hier kun je beginnen: Sociaal team Aa en Hunze');
    expect(page).toContain(
      'In Gasselternijveen zelf kennen we nog geen eigen plek, zoals een dorpscoördinator.',
    );
    expect(page).toContain('Dit is voor heel de gemeente Aa en Hunze.');
    expect(page).toContain('Sociaal team Aa en Hunze <span class="marke-tag">Voorbeeld</span>');
  });

  it('prefers a real entrance over a demo one, and heads a demo one "Voorbeeld"', async () => {
    const url = begin({ voor: 'mezelf', over: 'informatie-advies', plaats: 'Gasselternijveen' });
    expect(await html(url)).toContain(
      'Hier kun je beginnen: Sociaal team Aa en Hunze <span class="marke-tag">Voorbeeld</span></h2>',
    );
    // A real entrance for the whole gemeente beats the (wider) demo sociaal team.
    await withArea(get().db, GROLLOO_COORDINATOR, 'GM1680', async () => {
      const page = await html(url);
      expect(headings(page)[0]?.text).toBe('Hier kun je beginnen: Dorpscoördinator Grolloo');
      expect(page).toContain('Hier kun je beginnen: Dorpscoördinator Grolloo</h2>');
      expect(page).toContain('Dit is voor heel de gemeente Aa en Hunze.');
    });
    // A carer in Grolloo: the real village entrance, not the demo mantelzorgloket.
    const carer = await html(ander({ voor: 'ouder', over: 'dementie', plaats: 'Grolloo' }));
    expect(headings(carer)[0]?.text).toBe('Hier kun je beginnen: Dorpscoördinator Grolloo');
    expect(carer).toContain('Een mantelzorgloket voor Grolloo staat nog niet in de Hulpwijzer.');
    expect(carer).toContain('Mantelzorgloket Aa en Hunze <span class="marke-tag">Voorbeeld</span>');
  });

  it('never invents an entrance: without one it sends the resident to the gemeente', async () => {
    const db = get().db;
    const hidden = [
      GROLLOO_COORDINATOR,
      demo('sociaal-team-GM1680'),
      demo('digitaal-informatiepunt-GM1680'),
    ];
    await withHidden(db, hidden, async () => {
      const page = await html(begin({ voor: 'mezelf', over: 'eenzaamheid', plaats: 'Grolloo' }));
      expect(headings(page)[0]?.text).toBe('Waar kun je beginnen?');
      expect(page).toContain(
        'We kennen voor Grolloo nog geen vaste plek waar je met elke vraag terecht kunt. Neem contact op met de gemeente Aa en Hunze',
      );
      expect(page).not.toContain('Dorpscoördinator Grolloo');
      expect(page).not.toMatch(/href="tel:(?!112"|08000113"|08002000")/);
    });
  });

  it('gives a carer help for the person and support for themselves, in their words', async () => {
    const step1 = await html('/hulpwijzer/voor-een-ander');
    expect(step1).toContain('action="/hulpwijzer/voor-een-ander"');
    expect(step1).not.toContain('value="mezelf"');
    expect(step1).toContain('>Voor mijn vader of moeder</label>');
    const res = await request(ander({ voor: 'ouder', over: 'dementie', plaats: 'Grolloo' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain(
      '<h1 class="utrecht-heading-1">Hulp voor je vader of moeder en voor jou</h1>',
    );
    expect(page).toContain('Je zorgt voor je vader of moeder.');
    const list = headings(page);
    const ids = list.map((h) => h.id);
    expect(list[0]?.text).toBe('Hier kun je beginnen: Dorpscoördinator Grolloo');
    const person = ids.indexOf('hulp-dementie');
    const carer = ids.indexOf('jou-mantelzorg');
    expect(list[person]?.text).toBe('Voor je vader of moeder: Dementie en geheugen');
    expect(list[carer]?.text).toBe('Voor jou: steun als mantelzorger');
    expect(person).toBeGreaterThan(0);
    expect(carer).toBeGreaterThan(person);
    expect(list.slice(person).map((h) => h.text)).toContain('Logeerhuis voor mensen met dementie');
    expect(list.slice(carer).map((h) => h.text)).toContain('Mantelzorg-app van GGZ Drenthe');
    // Every service once on the page.
    const cards = list.filter((h) => /-\d+$/.test(h.id)).map((h) => h.text);
    expect(new Set(cards).size).toBe(cards.length);
  });

  it("shows a carer who asks about mantelzorg one list for themselves, and the gemeente's entrance without a loket", async () => {
    const page = await html(ander({ voor: 'partner', over: 'mantelzorg', plaats: 'Emmen' }));
    expect(page).toContain('id="jou-mantelzorg"');
    expect(page).not.toContain('id="hulp-mantelzorg"');
    await withHidden(get().db, [demo('mantelzorgloket-GM1680')], async () => {
      const fallback = await html(ander({ voor: 'kind', over: 'vervoer', plaats: 'Grolloo' }));
      expect(headings(fallback)[0]?.text).toBe('Hier kun je beginnen: Dorpscoördinator Grolloo');
      expect(fallback).toContain(
        'Een mantelzorgloket voor Grolloo staat nog niet in de Hulpwijzer.',
      );
    });
  });

  it('shows for every need its own help, and crisis help first for violence', async () => {
    const step2 = await html(begin({ voor: 'mezelf' }));
    const needs = [...step2.matchAll(/name="over" value="([a-z-]+)"/g)].map((m) => m[1] ?? '');
    for (const need of needs) {
      const res = await request(begin({ voor: 'mezelf', over: need, plaats: 'Assen' }));
      expect(res.status, need).toBe(200);
      expect(await res.text(), need).toContain(`id="hulp-${need}"`);
    }
    const violence = await html(begin({ voor: 'mezelf', over: 'geweld', plaats: 'Emmen' }));
    const crisis = violence.indexOf('id="crisis-kop"');
    expect(crisis).toBeGreaterThan(0);
    expect(crisis).toBeLessThan(violence.indexOf('id="ingang-kop"'));
    expect(violence.slice(crisis, crisis + 600)).toContain('Veilig Thuis');
  });

  it('answers a bad answer on its own step with a Dutch message and a 400', async () => {
    const cases: Array<[string, string]> = [
      [begin({ voor: 'hond' }), 'Kies voor wie je hulp zoekt.'],
      [begin({ voor: 'x'.repeat(5000) }), 'Kies voor wie je hulp zoekt.'],
      [ander({ voor: 'mezelf' }), 'Kies voor wie je hulp zoekt: je partner'],
      [begin({ voor: 'mezelf', over: 'onbekend' }), 'Kies een onderwerp uit de lijst.'],
      [begin({ voor: 'mezelf', over: 'x'.repeat(5000) }), 'Kies een onderwerp uit de lijst.'],
      [
        begin({ voor: 'mezelf', over: 'dementie', plaats: '  ' }),
        'Vul je dorp, wijk of gemeente in',
      ],
      [
        begin({ voor: 'mezelf', over: 'dementie', plaats: 'Amsterdam' }),
        'We kennen &quot;Amsterdam&quot; niet',
      ],
      [
        begin({ voor: 'mezelf', over: 'dementie', plaats: 'p'.repeat(5000) }),
        'Vul alleen de naam van je dorp',
      ],
    ];
    for (const [url, message] of cases) {
      const res = await request(url);
      expect(res.status, url.slice(0, 80)).toBe(400);
      const page = await res.text();
      expect(page, url.slice(0, 80)).toContain(message);
      expect(page).toContain('class="utrecht-alert utrecht-alert--error"');
    }
    const typo = await html(begin({ voor: 'ouder', over: 'dementie', plaats: 'Asen' }));
    expect(typo).toContain(
      'href="/hulpwijzer/begin?voor=ouder&amp;over=dementie&amp;plaats=Assen"',
    );
    expect((await request('/hulpwijzer/begin?voor=mezelf&vraag=x')).status).toBe(400);
    expect((await request('/hulpwijzer/voor-een-ander?pagina=2')).status).toBe(400);
    expect((await request('/hulpwijzer/voor-een-ander?utm_source=krant')).status).toBe(301);
  });

  it('survives control characters, repeated parameters and markup without an error', async () => {
    for (const url of [
      '/hulpwijzer/begin?voor=mezelf&over=dementie&plaats=Gro%00lloo',
      '/hulpwijzer/begin?voor=%00',
      '/hulpwijzer/begin?voor=mezelf&voor=ouder&over=dementie&plaats=Assen&plaats=Emmen',
      '/hulpwijzer/voor-een-ander?voor=kind&over=vervoer&plaats=%E2%80%AE',
    ])
      expect([200, 400], url).toContain((await request(url)).status);
    const escaped = await html(
      begin({ voor: 'mezelf', over: 'dementie', plaats: '"><img src=x>' }),
    );
    expect(escaped).not.toContain('<img src=x>');
    const prefixed = await request('/regio/drenthe/hulpwijzer/begin?voor=mezelf');
    expect(prefixed.status).toBe(200);
    expect(await prefixed.text()).toContain('action="/regio/drenthe/hulpwijzer/begin"');
  });

  it('links every answer, suggestion and next page to a page that works', async () => {
    for (const url of [
      begin({ voor: 'mezelf', over: 'eenzaamheid', plaats: 'Grolloo' }),
      ander({ voor: 'ouder', over: 'dementie', plaats: '9444' }),
    ]) {
      const page = await html(url);
      const links = [...page.matchAll(/href="(\/hulpwijzer[^"]*)"/g)].map((m) =>
        (m[1] ?? '').replaceAll('&amp;', '&'),
      );
      expect(links.length).toBeGreaterThan(6);
      for (const link of new Set(links)) expect((await request(link)).status, link).toBe(200);
    }
  });

  it('fills in the earlier answer when the resident changes it, and keeps the other answers', async () => {
    const answers = { voor: 'mezelf', over: 'eenzaamheid', plaats: 'Grolloo' };
    const result = await html(begin(answers));
    const links = [...result.matchAll(/href="([^"]+)">wijzigen<span[^>]*> \(([a-z ]+)\)/g)].map(
      (m) => [m[2], (m[1] ?? '').replaceAll('&amp;', '&')],
    );
    expect(links).toEqual([
      ['voor wie', begin({ ...answers, wijzig: 'voor' })],
      ['waarover', begin({ ...answers, wijzig: 'over' })],
      ['waar', begin({ ...answers, wijzig: 'plaats' })],
    ]);
    const hidden = (name: string, value: string) =>
      `<input type="hidden" name="${name}" value="${value}"/>`;
    const voor = await html(begin({ ...answers, wijzig: 'voor' }));
    expect(voor).toContain('name="voor" value="mezelf" checked=""');
    expect(voor.match(/checked=""/g)).toHaveLength(1);
    expect(voor).toContain(hidden('over', 'eenzaamheid'));
    expect(voor).toContain(hidden('plaats', 'Grolloo'));
    expect(voor).toContain('Laat de hulp zien</button>');
    const over = await html(begin({ ...answers, wijzig: 'over' }));
    expect(over).toContain('name="over" value="eenzaamheid" checked=""');
    expect(over.match(/checked=""/g)).toHaveLength(1);
    expect(over).toContain(hidden('voor', 'mezelf'));
    expect(over).toContain(hidden('plaats', 'Grolloo'));
    const plaats = await html(begin({ ...answers, wijzig: 'plaats' }));
    expect(plaats).toContain('name="plaats" type="text" value="Grolloo"');
    expect(plaats).toContain(hidden('voor', 'mezelf'));
    expect(plaats).toContain(hidden('over', 'eenzaamheid'));
    expect(plaats).not.toContain(hidden('plaats', 'Grolloo'));
    // On the carer's path, and from a question page before the result.
    const carer = await html(ander({ voor: 'ouder', over: 'dementie', wijzig: 'over' }));
    expect(carer).toContain('name="over" value="dementie" checked=""');
    expect(carer).not.toContain('name="plaats"');
    expect(carer).toContain('Volgende vraag</button>');
    const step3 = await html(ander({ voor: 'ouder', over: 'dementie' }));
    expect(step3).toContain(
      'href="/hulpwijzer/voor-een-ander?voor=ouder&amp;over=dementie&amp;wijzig=over"',
    );
    // A wrong step to change, or an answer that is not valid, is handled as before.
    expect(await html(begin({ ...answers, wijzig: 'x' }))).toContain('id="ingang-kop"');
    const bad = await request(begin({ voor: 'mezelf', over: 'onbekend', wijzig: 'over' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain('checked=""');
  });

  it('links the search page to the other ways in', async () => {
    const start = await html('/hulpwijzer');
    for (const path of ['/hulpwijzer/begin', '/hulpwijzer/voor-een-ander', '/hulpwijzer/gemeenten'])
      expect(start).toContain(`href="${path}"`);
    const results = await html('/hulpwijzer?vraag=eenzaam&plaats=Grolloo');
    expect(results).toContain('href="/hulpwijzer/afdrukken?vraag=eenzaam&amp;plaats=Grolloo"');
    expect(results).toContain('href="/hulpwijzer/begin"');
  });
});
