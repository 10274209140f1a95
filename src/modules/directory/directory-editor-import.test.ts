/**
 * A listing that came in through an HSDS import keeps what the editor's form does not write: its
 * structured opening hours (on the service and on its place), its phones with their extension,
 * type and languages, and its place with what hangs on it. The form shows them read-only; the
 * preview and the resident card show them, with the organisation's phone, as residents see them.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { bumpDataVersion } from '../plan/index.js';
import { GGZ_APP, GGZ_ORGANIZATION, validListing } from './directory-editor.fixtures.js';
import * as repo from './directory-editor.repository.js';
import { listingFormValues } from './directory-editor.values.js';
import { addRichListing, EMPTY_SCHEDULE } from './transfer.test-helpers.js';

/** The ids addRichListing gives its rows; 11 and up are this file's own. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const LOCATION = id(1);
const SERVICE_AT_LOCATION = id(4);
const PHONE = id(5);
const SCHEDULE = id(8);
const LOCATION_HOURS = id(11);
const PHONE_LANGUAGE = id(12);
const ORGANIZATION_PHONE = id(13);

describeEachDatabase('Hulpwijzer editor and imported parts', (get) => {
  const setup = async () => {
    const { db } = get();
    const { app } = testApp(db);
    const editor = await signInAs(app, db, 'redacteur', { organisation: 'ggz-drenthe' });
    const page = async (url: string) =>
      (await app.request(url, { headers: { cookie: editor.cookie } })).text();
    return { db, app, editor, page };
  };

  it('saving a typo fix keeps the imported opening hours, phones and place, on the card too', async () => {
    const { db, app, editor, page } = await setup();
    await addRichListing(db, GGZ_APP);
    // The building's own opening hours, and a language spoken on the imported phone.
    await db
      .insertInto('hsds_schedule')
      .values({
        ...EMPTY_SCHEDULE,
        id: LOCATION_HOURS,
        location_id: LOCATION,
        freq: 'WEEKLY',
        byday: 'MO,WE',
        opens_at: '08:30',
        closes_at: '17:00',
      })
      .execute();
    await db
      .insertInto('hsds_language')
      .values({ id: PHONE_LANGUAGE, phone_id: PHONE, name: 'Engels', code: 'en' })
      .execute();

    const form = await page(`/beheer/hulpwijzer/${GGZ_APP}/bewerken`);
    expect(form).toContain('Deze gegevens komen uit een import.');
    expect(form).toContain('dinsdag 9.30–12.00');
    expect(form).toContain('0592 000 000');
    expect(form).toContain('Teststraat 1, 9400 AA Testdorp');

    // The redacteur only fixes the description, and saves the form as it was shown.
    const listing = await repo.findListing(db, GGZ_APP);
    if (!listing) throw new Error('seeded listing missing');
    const res = await postForm(
      app,
      `/beheer/hulpwijzer/${GGZ_APP}`,
      {
        ...listingFormValues(listing),
        _csrf: editor.csrf,
        beschrijving: 'Een app voor mantelzorgers. Zonnedauw.',
        actie: 'opslaan',
      },
      editor.cookie,
    );
    expect(res.status).toBe(303);

    const schedules = await db
      .selectFrom('hsds_schedule')
      .select(['id', 'freq', 'byday', 'opens_at', 'closes_at', 'service_id', 'location_id'])
      .where('id', 'in', [SCHEDULE, LOCATION_HOURS])
      .orderBy('id')
      .execute();
    expect(schedules).toEqual([
      {
        id: SCHEDULE,
        freq: 'WEEKLY',
        byday: 'TU',
        opens_at: '09:30',
        closes_at: '12:00',
        service_id: GGZ_APP,
        location_id: null,
      },
      {
        id: LOCATION_HOURS,
        freq: 'WEEKLY',
        byday: 'MO,WE',
        opens_at: '08:30',
        closes_at: '17:00',
        service_id: null,
        location_id: LOCATION,
      },
    ]);
    const phone = await db
      .selectFrom('hsds_phone')
      .select(['number', 'extension', 'service_id'])
      .where('id', '=', PHONE)
      .executeTakeFirst();
    expect(phone).toEqual({ number: '0592 000 000', extension: 12, service_id: GGZ_APP });
    const language = await db
      .selectFrom('hsds_language')
      .select('code')
      .where('id', '=', PHONE_LANGUAGE)
      .executeTakeFirst();
    expect(language).toEqual({ code: 'en' });
    const place = await db
      .selectFrom('hsds_service_at_location as sal')
      .innerJoin('hsds_location as l', 'l.id', 'sal.location_id')
      .select(['sal.id', 'l.name', 'l.latitude'])
      .where('sal.service_id', '=', GGZ_APP)
      .execute();
    expect(place).toEqual([{ id: SERVICE_AT_LOCATION, name: 'Testlocatie', latitude: 52.98 }]);
    // Nothing of the import was copied into rows of the editor's own.
    const phones = await db
      .selectFrom('hsds_phone')
      .select('id')
      .where('service_id', '=', GGZ_APP)
      .execute();
    expect(phones).toEqual([{ id: PHONE }]);

    const card = await (await app.request('/hulpwijzer?vraag=Zonnedauw&plaats=Assen')).text();
    expect(card).toContain('Een app voor mantelzorgers. Zonnedauw.');
    expect(card).toContain('dinsdag 9.30–12.00');
    expect(card).toContain('0592 000 000');
    expect(card).toContain('Teststraat 1, 9400 AA Testdorp');
  });

  it('the live preview shows the organisation’s phone and the imported parts, as the card will', async () => {
    const { db, app, editor } = await setup();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('hsds_phone')
        .values({
          id: ORGANIZATION_PHONE,
          organization_id: GGZ_ORGANIZATION,
          number: '0592 111 222',
          description: 'Receptie GGZ Drenthe',
        })
        .execute();
      // Resident pages are kept per data version: as an import would, this is a new one.
      await bumpDataVersion(trx);
    });
    const preview = async (extra: Record<string, string>) => {
      const res = await postForm(
        app,
        '/beheer/hulpwijzer/voorbeeld',
        validListing(editor.csrf, extra),
        editor.cookie,
      );
      expect(res.status).toBe(200);
      return res.text();
    };
    // A new listing: what is typed, and the organisation's phone the card adds.
    const fresh = await preview({});
    expect(fresh).toContain('href="tel:0592123456"');
    expect(fresh).toContain('0592 111 222');
    // An existing one (its imported parts from the test above), with nothing typed for times.
    const existing = await preview({
      dienst: GGZ_APP,
      telefoon_1: '',
      telefoon_1_label: '',
      wanneer: '',
    });
    expect(existing).toContain('0592 111 222');
    expect(existing).toContain('0592 000 000');
    expect(existing).toContain('dinsdag 9.30–12.00');
    expect(existing).not.toContain('0592123456');
    // The preview of the form as saved is the card the resident search shows, to the letter
    // (but for how far: the preview cannot know where the resident lives).
    const listing = await repo.findListing(db, GGZ_APP);
    if (!listing) throw new Error('seeded listing missing');
    const asSaved = await postForm(
      app,
      '/beheer/hulpwijzer/voorbeeld',
      { ...listingFormValues(listing), _csrf: editor.csrf, dienst: GGZ_APP },
      editor.cookie,
    );
    const resident = await (await app.request('/hulpwijzer?vraag=Zonnedauw&plaats=Assen')).text();
    const card = (html: string) => {
      const part =
        html
          .split('<article')
          .slice(1)
          .find((p) => p.includes('Zonnedauw')) ?? '';
      return part
        .slice(0, part.indexOf('</article>'))
        .replace(/ id="[^"]*"| aria-labelledby="[^"]*"/g, '')
        .replace(/(Testdorp\. )[^<]*/, '$1…');
    };
    expect(card(resident)).toContain('0592 111 222');
    expect(card(await asSaved.text())).toBe(card(resident));
  });

  it('the form’s own phone, times and address come and go beside the imported ones', async () => {
    const { db, app, editor } = await setup();
    const save = async (extra: Record<string, string>) => {
      const listing = await repo.findListing(db, GGZ_APP);
      if (!listing) throw new Error('seeded listing missing');
      const res = await postForm(
        app,
        `/beheer/hulpwijzer/${GGZ_APP}`,
        { ...listingFormValues(listing), _csrf: editor.csrf, actie: 'opslaan', ...extra },
        editor.cookie,
      );
      expect(res.status).toBe(303);
    };
    const rows = async () => ({
      phones: (
        await db
          .selectFrom('hsds_phone')
          .select('number')
          .where('service_id', '=', GGZ_APP)
          .orderBy('number')
          .execute()
      ).map((p) => p.number),
      schedules: (
        await db
          .selectFrom('hsds_schedule')
          .select('id')
          .where('service_id', '=', GGZ_APP)
          .execute()
      ).length,
      places: (
        await db
          .selectFrom('hsds_service_at_location')
          .select('id')
          .where('service_id', '=', GGZ_APP)
          .execute()
      ).length,
    });
    await save({
      telefoon_1: '0592 222 333',
      wanneer: 'Ook op zaterdag.',
      adres_straat: 'Brink 1',
      adres_postcode: '9444 AA',
      adres_plaats: 'Grolloo',
    });
    expect(await rows()).toEqual({
      phones: ['0592 000 000', '0592 222 333'],
      schedules: 2,
      places: 2,
    });
    const listing = await repo.findListing(db, GGZ_APP);
    expect(listing).toMatchObject({
      phones: [{ number: '0592 222 333', description: null }],
      schedules: ['Ook op zaterdag.'],
      address: { street: 'Brink 1', postalCode: '9444 AA', city: 'Grolloo' },
    });
    // Emptied again: the form's rows go, the imported ones stay.
    await save({
      telefoon_1: '',
      wanneer: '',
      adres_straat: '',
      adres_postcode: '',
      adres_plaats: '',
    });
    expect(await rows()).toEqual({ phones: ['0592 000 000'], schedules: 1, places: 1 });
  });
});
