/**
 * The explicit topic (`onderwerp=<need code>`) of topic links, gemeente pages and the paths: it
 * chooses its need by code, so two needs with the same name stay apart; an unknown topic gets a
 * Dutch message; a question typed on a topic page replaces the topic; old links still work.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { bumpDataVersion } from '../plan/index.js';
import { termId } from './directory-ids.js';
import { NEED_TAXONOMY } from './profile.js';

/** The need sections of a result page, in order. */
const sectionsOf = (html: string) =>
  [...html.matchAll(/id="(?:behoefte|hulp)-([a-z-]+)"/g)].map((m) => m[1]);

describeEachDatabase('Hulpwijzer topics (onderwerp)', (get) => {
  const request = (url: string) => testApp(get().db).app.request(url);
  const html = async (url: string) => (await request(url)).text();

  it('links every topic of the search page and of a gemeente page by its code', async () => {
    const start = await html('/hulpwijzer?vraag=eenzaam&plaats=Grolloo');
    expect(start).toContain('href="/hulpwijzer?onderwerp=dementie&amp;plaats=Grolloo"');
    expect(start).not.toMatch(/href="\/hulpwijzer\?vraag=Dementie/);
    const gemeente = await html('/hulpwijzer/gemeente/GM1680');
    expect(gemeente).toContain(
      'href="/hulpwijzer?onderwerp=informatie-advies&amp;plaats=Aa%20en%20Hunze"',
    );
    expect(gemeente).not.toContain('href="/hulpwijzer?vraag=');
  });

  it('keeps a topic in the form and its links, and lets a typed question replace it', async () => {
    const res = await request('/hulpwijzer?onderwerp=dementie&plaats=Grolloo');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('<input type="hidden" name="onderwerp" value="dementie"/>');
    expect(page).toContain('Je koos het onderwerp: Dementie en geheugen.');
    expect(sectionsOf(page)).toEqual(['dementie']);
    expect(page).toContain('href="/hulpwijzer/afdrukken?onderwerp=dementie&amp;plaats=Grolloo"');
    const printed = await html('/hulpwijzer/afdrukken?onderwerp=dementie&plaats=Grolloo');
    expect(printed).toContain(
      '<h1 class="utrecht-heading-1">Hulp in Grolloo: Dementie en geheugen',
    );
    expect(printed).toContain('Onderwerp: Dementie en geheugen.');
    // Without a place: the topic's help for everyone.
    const regional = await html('/hulpwijzer?onderwerp=mantelzorg');
    expect(sectionsOf(regional)).toEqual(['mantelzorg']);
    expect(regional).toContain('Je hebt geen plaats ingevuld.');
    // The resident typed a question on the topic page: the question says what they look for.
    const typed = await html(
      '/hulpwijzer?onderwerp=dementie&vraag=ik+ben+vaak+eenzaam&plaats=Grolloo',
    );
    expect(sectionsOf(typed)).toEqual(['eenzaamheid']);
    expect(typed).not.toContain('name="onderwerp"');
  });

  it('answers an unknown topic with a Dutch message, never a 500', async () => {
    for (const value of [
      'bestaat-niet',
      'Dementie en geheugen',
      'x'.repeat(5000),
      'dementie%00x',
      '%3Cb%3E',
    ]) {
      const res = await request(`/hulpwijzer?onderwerp=${value}&plaats=Grolloo`);
      expect(res.status, value.slice(0, 40)).toBe(400);
      const page = await res.text();
      expect(page).toContain('Dit onderwerp kennen we niet.');
      expect(page).toContain('href="#onderwerp"');
      expect(page).toContain('id="onderwerp"');
      expect(page).not.toContain('<b>');
    }
    const print = await request('/hulpwijzer/afdrukken?onderwerp=onbekend&plaats=Assen');
    expect(print.status).toBe(400);
    expect(await print.text()).toContain('Dit onderwerp kennen we niet.');
    const both = await request(
      '/hulpwijzer/afdrukken?onderwerp=dementie&over=dementie&plaats=Assen',
    );
    expect(both.status).toBe(400);
    expect(await both.text()).toContain('niet allebei');
    // An empty topic is no topic: the start page.
    expect((await request('/hulpwijzer?onderwerp=')).status).toBe(200);
  });

  it('chooses the need by its code when two needs carry the same name', async () => {
    const db = get().db;
    const rename = async (name: string) =>
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('hsds_taxonomy_term')
          .set({ name })
          .where('id', '=', termId(NEED_TAXONOMY, 'dementie'))
          .execute();
        await bumpDataVersion(trx);
      });
    // "Dementie en geheugen" is renamed to the name of the need `eenzaamheid`.
    await rename('Eenzaam of vaak alleen');
    try {
      const path = await html('/hulpwijzer/begin?voor=mezelf&over=dementie&plaats=Grolloo');
      expect(sectionsOf(path)).toEqual(['dementie']);
      expect(path).toContain('Ontmoetingsgroep dementie Aa en Hunze');
      const carer = await html(
        '/hulpwijzer/voor-een-ander?voor=ouder&over=dementie&plaats=Grolloo',
      );
      expect(sectionsOf(carer)).toEqual(['dementie']);
      const topic = await html('/hulpwijzer?onderwerp=dementie&plaats=Grolloo');
      expect(sectionsOf(topic)).toEqual(['dementie']);
      expect(topic).toContain('Ontmoetingsgroep dementie Aa en Hunze');
    } finally {
      await rename('Dementie en geheugen');
    }
  });
});
