/**
 * The preview of the resident card: "Voorbeeld bekijken" saves nothing, and the card the editor
 * sees is the very card the resident search shows (same component, same data).
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { validListing } from './directory-editor.fixtures.js';
import { cardOutline } from './help-pages.test-helpers.js';

const idFrom = (res: Response) =>
  /\/beheer\/hulpwijzer\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

describeEachDatabase('Hulpwijzer card preview', (get) => {
  const setup = async () => {
    const { db } = get();
    const { app } = testApp(db);
    const editor = await signInAs(app, db, 'redacteur', { organisation: 'ggz-drenthe' });
    const boss = await signInAs(app, db, 'beheerder');
    const search = async (query: string) => (await app.request(`/hulpwijzer?${query}`)).text();
    return { db, app, editor, boss, search };
  };

  it('"Voorbeeld bekijken" shows the resident card without saving, the very card residents get', async () => {
    const { db, app, editor, boss, search } = await setup();
    const count = async () => (await db.selectFrom('hsds_service').select('id').execute()).length;
    const before = await count();
    const preview = await postForm(
      app,
      '/beheer/hulpwijzer',
      validListing(editor.csrf, { naam: 'Alleen een voorbeeld', actie: 'voorbeeld' }),
      editor.cookie,
    );
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Dit is een voorbeeld. Er is nog niets opgeslagen.');
    expect(html).toContain(
      '<h3 class="utrecht-heading-3" id="voorbeeld-kaart-titel">Alleen een voorbeeld',
    );
    expect(html).toContain('href="tel:0592123456"');
    expect(html).toContain('Voor heel de gemeente Assen');
    expect(html).toContain('value="Alleen een voorbeeld"');
    expect(await count()).toBe(before);
    // An invalid field is left out of the card and named, but a preview is not an error page.
    const partial = await postForm(
      app,
      '/beheer/hulpwijzer',
      validListing(editor.csrf, { telefoon_1: '12345', actie: 'voorbeeld' }),
      editor.cookie,
    );
    expect(partial.status).toBe(200);
    expect(await partial.text()).not.toContain('tel:12345');

    // The card of a saved, approved listing equals the card the resident search shows.
    const id = idFrom(
      await postForm(
        app,
        '/beheer/hulpwijzer',
        validListing(editor.csrf, { naam: 'Zelfde kaart', beschrijving: 'Kaartvergelijker.' }),
        editor.cookie,
      ),
    );
    await postForm(
      app,
      `/beheer/hulpwijzer/${id}/beoordelen`,
      { _csrf: boss.csrf, besluit: 'goedkeuren' },
      boss.cookie,
    );
    const card = (html: string) => {
      const article =
        html
          .split('<article')
          .slice(1)
          .find((part) => part.includes('Zelfde kaart')) ?? '';
      return article
        .slice(0, article.indexOf('</article>'))
        .replace(/ id="[^"]*"| aria-labelledby="[^"]*"/g, '');
    };
    const editorCard = card(
      await (
        await app.request(`/beheer/hulpwijzer/${id}`, { headers: { cookie: editor.cookie } })
      ).text(),
    );
    const residentCard = card(await search('vraag=Kaartvergelijker&plaats=Assen'));
    expect(residentCard).toContain('Zelfde kaart');
    expect(editorCard).toBe(residentCard);
    // The live preview endpoint answers with the same card markup for what is typed.
    const live = await postForm(
      app,
      '/beheer/hulpwijzer/voorbeeld',
      validListing(editor.csrf, { naam: 'Live kaart' }),
      editor.cookie,
    );
    expect(live.status).toBe(200);
    const fragment = await live.text();
    expect(fragment.startsWith('<article class="marke-card"')).toBe(true);
    // It takes the place of the page's card, under the preview's h2.
    expect(fragment).toContain('<h3 class="utrecht-heading-3" id="voorbeeld-kaart-titel">');
    expect(cardOutline(html)).toEqual({ cards: 1, problems: [] });
    expect(fragment).toContain('Live kaart');
  });
});
