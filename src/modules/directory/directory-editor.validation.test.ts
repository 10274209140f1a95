/**
 * Bad input on the listing form: each mistake gets a Dutch message at its field (and in the error
 * summary), the form keeps what was typed, and nothing is saved — neither a new listing nor an
 * edit of an existing one.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { editorCounts, GGZ_APP, validListing } from './directory-editor.fixtures.js';

/** A posted form with one field more than once (a crafted or doubled request). */
function postRepeated(
  app: ReturnType<typeof testApp>['app'],
  path: string,
  pairs: [string, string][],
  cookie: string,
) {
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams(pairs),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
}

const CASES: { name: string; change: Record<string, string>; field: string; message: string }[] = [
  {
    name: 'empty name',
    change: { naam: '   ' },
    field: 'naam',
    message: 'Vul de naam van de dienst in.',
  },
  {
    name: 'no need',
    change: { 'hulpvraag:mantelzorg': '' },
    field: 'hulpvragen',
    message: 'Kies minstens één hulpvraag',
  },
  {
    name: 'unknown need',
    change: { 'hulpvraag:bestaat-niet': 'on' },
    field: 'hulpvragen',
    message: 'Kies hulpvragen uit de lijst.',
  },
  {
    name: 'no ladder step',
    change: { ladder: '' },
    field: 'ladder',
    message: 'Kies bij welke stap van de hulpladder',
  },
  {
    name: 'unknown ladder step',
    change: { ladder: 'heel-ver-weg' },
    field: 'ladder',
    message: 'Kies bij welke stap van de hulpladder',
  },
  {
    name: 'area outside the region',
    change: { 'gebied:GM0363': 'on' },
    field: 'gebieden',
    message: 'Deze gebieden kennen we niet in deze regio: GM0363.',
  },
  {
    name: 'free-text area',
    change: { 'gebied:ergens in Drenthe': 'on' },
    field: 'gebieden',
    message: 'Kies gebieden uit de lijst.',
  },
  {
    name: 'no area',
    change: { 'gebied:GM0106': '' },
    field: 'gebieden',
    message: 'Kies minstens één gebied',
  },
  {
    name: 'bad phone',
    change: { telefoon_1: '0592-12345' },
    field: 'telefoon_1',
    message: 'Vul een Nederlands telefoonnummer in',
  },
  {
    name: 'foreign phone',
    change: { telefoon_1: '+32 2 123 45 67' },
    field: 'telefoon_1',
    message: 'Vul een Nederlands telefoonnummer in',
  },
  {
    name: 'phone label without number',
    change: { telefoon_2_label: 'avond' },
    field: 'telefoon_2',
    message: 'Vul het telefoonnummer in',
  },
  {
    name: '10,000-character description',
    change: { beschrijving: 'lang '.repeat(2000) },
    field: 'beschrijving',
    message: 'De beschrijving is te lang: hoogstens 2000 tekens.',
  },
  {
    name: 'empty description',
    change: { beschrijving: '' },
    field: 'beschrijving',
    message: 'Beschrijf in een paar zinnen',
  },
  {
    name: 'unknown goal',
    change: { doelen: '2.1.1.a, 9.9.9' },
    field: 'doelen',
    message: 'Deze doelen staan niet in het plan: 9.9.9.',
  },
  {
    name: 'unknown initiative',
    change: { 'initiatief:bestaat-niet': 'on' },
    field: 'initiatieven',
    message: 'Kies initiatieven uit de lijst.',
  },
  {
    name: 'bad e-mail',
    change: { email: 'info@' },
    field: 'email',
    message: 'Vul een geldig e-mailadres in',
  },
  {
    name: 'website without https',
    change: { website: 'javascript:alert(1)' },
    field: 'website',
    message: 'begint met https://',
  },
  {
    name: 'half an address',
    change: { adres_plaats: '' },
    field: 'adres_plaats',
    message: 'Vul de plaats in.',
  },
  {
    name: 'bad postcode',
    change: { adres_postcode: '94011' },
    field: 'adres_postcode',
    message: 'Schrijf de postcode als 9401 AB.',
  },
  {
    name: 'no cost choice',
    change: { kosten: '' },
    field: 'kosten',
    message: 'Kies of de dienst gratis is',
  },
  {
    name: 'bad amount',
    change: { kosten: 'betaald', bedrag: 'tien euro' },
    field: 'bedrag',
    message: 'Schrijf het bedrag in euro',
  },
  {
    name: 'unknown organisation',
    change: { organisatie: '00000000-0000-4000-8000-000000000000' },
    field: 'organisatie',
    message: 'Kies een organisatie uit de lijst.',
  },
];

describeEachDatabase('Hulpwijzer listing form: bad input', (get) => {
  it('answers each mistake with a Dutch message at its field, keeps the input, and saves nothing', async () => {
    const { db } = get();
    const { app } = testApp(db);
    const editor = await signInAs(app, db, 'redacteur', { organisation: 'ggz-drenthe' });
    const before = await editorCounts(db);
    for (const c of CASES) {
      for (const path of ['/beheer/hulpwijzer', `/beheer/hulpwijzer/${GGZ_APP}`]) {
        const res = await postForm(app, path, validListing(editor.csrf, c.change), editor.cookie);
        expect(res.status, `${c.name} ${path}`).toBe(400);
        const html = await res.text();
        expect(html, c.name).toContain('role="alert"');
        expect(html, c.name).toContain(`href="#${c.field}"`);
        expect(html, c.name).toContain(`id="${c.field}-fout"`);
        expect(html, c.name).toContain(c.message);
        // What was typed stays in the form.
        expect(html, c.name).toContain('value="Voorbeeldstraat 1"');
      }
    }
    expect(await editorCounts(db)).toEqual(before);
    const app_ = await db
      .selectFrom('hsds_service')
      .select(['name', 'seeded_from'])
      .where('id', '=', GGZ_APP)
      .executeTakeFirstOrThrow();
    expect(app_).toEqual({
      name: 'Mantelzorg-app van GGZ Drenthe',
      seeded_from: 'hulpwijzer.yaml',
    });
  }, 180_000);

  it('refuses two ladder steps and a doubled name, and reports every mistake at once', async () => {
    const { db } = get();
    const { app } = testApp(db);
    const editor = await signInAs(app, db, 'redacteur', { organisation: 'ggz-drenthe' });
    const before = await editorCounts(db);
    const pairs = Object.entries(validListing(editor.csrf));
    const two = await postRepeated(
      app,
      '/beheer/hulpwijzer',
      [...pairs, ['ladder', 'samen']],
      editor.cookie,
    );
    expect(two.status).toBe(400);
    expect(await two.text()).toContain('Kies één stap van de hulpladder, niet meer.');
    const doubled = await postRepeated(
      app,
      '/beheer/hulpwijzer',
      [...pairs, ['naam', 'Tweede naam']],
      editor.cookie,
    );
    expect(doubled.status).toBe(400);
    expect(await doubled.text()).toContain('Dit veld is meer dan eens ingevuld.');
    const many = await postForm(
      app,
      '/beheer/hulpwijzer',
      validListing(editor.csrf, {
        naam: '',
        'hulpvraag:mantelzorg': '',
        telefoon_1: 'bel ons',
        doelen: '7.7.7',
      }),
      editor.cookie,
    );
    expect(await many.text()).toContain('Er zijn 4 fouten');
    expect(await editorCounts(db)).toEqual(before);
  });

  it('strips NUL bytes, escapes markup, and refuses a form over 100 kB before reading it', async () => {
    const { db } = get();
    const { app } = testApp(db);
    const editor = await signInAs(app, db, 'redacteur', { organisation: 'ggz-drenthe' });
    const res = await postForm(
      app,
      '/beheer/hulpwijzer',
      validListing(editor.csrf, { naam: 'Koffie\0 <script>alert(1)</script>', actie: 'voorbeeld' }),
      editor.cookie,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Koffie &lt;script&gt;');
    const before = await editorCounts(db);
    const huge = await postForm(
      app,
      '/beheer/hulpwijzer',
      validListing(editor.csrf, { beschrijving: 'x'.repeat(200_000) }),
      editor.cookie,
    );
    expect(huge.status).toBe(413);
    expect(await editorCounts(db)).toEqual(before);
  });

  it('a beheerder’s edit keeps the review state and the check date; it is no check by the organisation', async () => {
    const { db } = get();
    const { app } = testApp(db);
    const boss = await signInAs(app, db, 'beheerder');
    const before = await db
      .selectFrom('hsds_service')
      .select(['assured_date', 'review_status'])
      .where('id', '=', GGZ_APP)
      .executeTakeFirstOrThrow();
    const res = await postForm(
      app,
      `/beheer/hulpwijzer/${GGZ_APP}`,
      validListing(boss.csrf, { naam: 'Door de beheerder' }),
      boss.cookie,
    );
    expect(res.status).toBe(303);
    const after = await db
      .selectFrom('hsds_service')
      .select(['assured_date', 'review_status', 'edited_since_review', 'seeded_from'])
      .where('id', '=', GGZ_APP)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ ...before, edited_since_review: false, seeded_from: null });
    const source = await db
      .selectFrom('hsds_attribute as a')
      .innerJoin('hsds_taxonomy_term as t', 't.id', 'a.taxonomy_term_id')
      .select('a.value')
      .where('a.link_id', '=', GGZ_APP)
      .where('t.code', '=', 'bron')
      .execute();
    expect(source).toEqual([{ value: 'Regioplan Drenthe, hoofdstuk 1.2.' }]);
  });
});
