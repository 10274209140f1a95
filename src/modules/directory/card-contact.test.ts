/**
 * How a card says how to get in touch and when (issue 5 §2), from every place HSDS lets a phone,
 * e-mail or schedule hang: service_at_location, service, location, organization, contact. The
 * most specific first, nothing twice, nothing made up; one query per table for all cards.
 */
import type { Kysely, KyselyPlugin } from 'kysely';
import { v4 as uuid } from 'uuid';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import type { Database } from '../../db/schema.js';
import { type CardOwner, type CardPlace, type ContactRows, cardContacts } from './card-contact.js';
import { stableId } from './directory-ids.js';
import { SCHEDULE_FIELDS } from './schedule-text.js';
import { loadCards, type Ranked } from './search.service.js';

const COORDINATOR = stableId('service', 'drenthe', 'dorpscoordinator-grolloo');
const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');
const search = (vraag: string, plaats: string) =>
  `/hulpwijzer?vraag=${encodeURIComponent(vraag)}&plaats=${encodeURIComponent(plaats)}`;

/** The card of one service on a page, from its heading to the end of its article. */
function cardOf(html: string, name: string): string {
  const start = html.search(new RegExp(`<h[2-4][^>]*>${name}`));
  expect(start, name).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</article>', start));
}

/** A located place (with an address) where the service is given; returns its ids. */
async function placeFor(db: Kysely<Database>, serviceId: string, name: string, street: string) {
  const { region_id } = await db
    .selectFrom('hsds_service')
    .select('region_id')
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow();
  const location = uuid();
  const sal = uuid();
  await db
    .insertInto('hsds_location')
    .values({ id: location, region_id, location_type: 'physical', name, is_demo: false })
    .execute();
  await db
    .insertInto('hsds_address')
    .values({
      id: uuid(),
      location_id: location,
      address_1: street,
      city: 'Grolloo',
      state_province: 'Drenthe',
      postal_code: '9444 AA',
      country: 'NL',
      address_type: 'physical',
    })
    .execute();
  await db
    .insertInto('hsds_service_at_location')
    .values({ id: sal, service_id: serviceId, location_id: location })
    .execute();
  return { location, sal };
}

const organizationOf = async (db: Kysely<Database>, serviceId: string) =>
  (
    await db
      .selectFrom('hsds_service')
      .select('organization_id')
      .where('id', '=', serviceId)
      .executeTakeFirstOrThrow()
  ).organization_id;

it("judges each row by its most specific link, and says which place's times are which", () => {
  const owner: CardOwner = {
    id: 's1',
    organization_id: 'o1',
    email: null,
    url: 'ftp://not-a-website.test',
    organization_email: null,
    organization_website: null,
  };
  const place = (sal: string, location: string, name: string): CardPlace => ({
    sal_id: sal,
    service_id: 's1',
    location_id: location,
    location_name: name,
    location_url: null,
    address_1: null,
    postal_code: null,
    city: null,
  });
  const phone = (number: string, links: Partial<ContactRows['phones'][number]>) => ({
    id: number,
    location_id: null,
    service_id: null,
    organization_id: null,
    contact_id: null,
    service_at_location_id: null,
    extension: null,
    type: null,
    description: null,
    number,
    ...links,
  });
  const schedule = (links: Partial<ContactRows['schedules'][number]>) =>
    ({
      id: uuid(),
      service_id: null,
      location_id: null,
      service_at_location_id: null,
      timezone: null,
      wkst: null,
      ...Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, null])),
      ...links,
    }) as ContactRows['schedules'][number];
  const contact = {
    id: 'c1',
    organization_id: 'o1',
    service_id: null,
    service_at_location_id: null,
    location_id: null,
    name: 'Receptie',
    title: null,
    department: null,
    email: 'receptie@org.test',
  };
  const result = cardContacts(
    [owner],
    [place('sal1', 'l1', 'Dorpshuis'), place('sal2', 'l2', 'Bibliotheek')],
    {
      contacts: [contact],
      phones: [
        phone('0592-1', { contact_id: 'c1' }),
        phone('0592-2', { organization_id: 'o1' }),
        // Another service's phone at the same place is that service's.
        phone('0592-3', { service_id: 's2', location_id: 'l1' }),
        phone('0592-4', { organization_id: 'o2' }),
      ],
      schedules: [
        schedule({ location_id: 'l1', byday: 'MO', opens_at: '09:00' }),
        schedule({ service_at_location_id: 'sal2', byday: 'TU', opens_at: '10:00' }),
        schedule({ service_at_location_id: 'other', byday: 'FR', opens_at: '11:00' }),
      ],
    },
  ).get('s1');
  expect(result?.phones.map((p) => [p.number, p.description])).toEqual([
    ['0592-2', null],
    ['0592-1', 'Receptie'],
  ]);
  expect(result?.emails).toEqual(['receptie@org.test']);
  expect(result?.websites).toEqual([]);
  // The service's own times at the library replace the community centre's opening hours.
  expect(result?.schedules).toEqual([{ text: 'Bibliotheek: dinsdag vanaf 10.00', link: null }]);
});

describeEachDatabase('Hulpwijzer card contact and times', (get) => {
  const html = async (url: string) => (await testApp(get().db).app.request(url)).text();

  it('shows phones of the service at its place, the service, its contact, most specific first', async () => {
    const db = get().db;
    const before = cardOf(await html(search('', 'Grolloo')), 'Dorpscoördinator Grolloo');
    expect(before).toContain('De contactgegevens staan nog niet in de Hulpwijzer.');
    const organization = await organizationOf(db, COORDINATOR);
    const { location, sal } = await placeFor(db, COORDINATOR, 'Dorpshuis De Brink', 'Brink 1');
    const contact = uuid();
    await db
      .insertInto('hsds_contact')
      .values({ id: contact, service_id: COORDINATOR, name: 'Anna', email: 'anna@grolloo.test' })
      .execute();
    await db
      .insertInto('hsds_phone')
      .values([
        { id: uuid(), organization_id: organization, number: '0592-100001' },
        { id: uuid(), location_id: location, number: '0592-100002' },
        {
          id: uuid(),
          service_at_location_id: sal,
          number: '0592-100003',
          description: 'spreekuur',
        },
        { id: uuid(), service_id: COORDINATOR, number: '0592-100004', extension: 12 },
        { id: uuid(), contact_id: contact, number: '06-12345678', type: 'cell' },
        // The organization's copy of the service's number is said once, as the service's.
        { id: uuid(), organization_id: organization, number: '0592 100004', extension: 12 },
      ])
      .execute();
    await db
      .updateTable('hsds_service')
      .set({ email: 'coordinator@grolloo.test', url: 'https://www.grolloo.test/' })
      .where('id', '=', COORDINATOR)
      .execute();
    await db
      .updateTable('hsds_organization')
      .set({ email: 'info@grolloo.test', website: 'https://grolloo.test' })
      .where('id', '=', organization)
      .execute();
    await db
      .insertInto('hsds_schedule')
      .values([
        {
          id: uuid(),
          service_id: COORDINATOR,
          freq: 'WEEKLY',
          byday: 'MO',
          opens_at: '09:00',
          closes_at: '12:00',
        },
        {
          id: uuid(),
          service_id: COORDINATOR,
          freq: 'WEEKLY',
          byday: 'WE',
          opens_at: '09:00',
          closes_at: '12:00',
        },
        {
          id: uuid(),
          location_id: location,
          byday: 'MO,TU,WE,TH,FR',
          opens_at: '08:00',
          closes_at: '17:00',
        },
      ])
      .execute();

    const card = cardOf(await html(search('', 'Grolloo')), 'Dorpscoördinator Grolloo');
    expect(card).not.toContain('De contactgegevens staan nog niet in de Hulpwijzer.');
    const tel = [...card.matchAll(/href="tel:([0-9+]+)"/g)].map((m) => m[1]);
    // At most three: the place's, the service's, its contact's; location and organization wait.
    expect(tel).toEqual(['0592100003', '0592100004', '0612345678']);
    expect(card).toContain('0592-100003</a> (spreekuur)');
    expect(card).toContain('0592-100004</a> (toestel 12)');
    expect(card).toContain('06-12345678</a> (Anna)');
    const mail = [...card.matchAll(/href="mailto:([^"]+)"/g)].map((m) => m[1]);
    expect(mail).toEqual(['coordinator@grolloo.test', 'anna@grolloo.test']);
    expect(card).toContain('href="https://www.grolloo.test/" rel="noopener">grolloo.test</a>');
    expect(card).toContain('Brink 1, 9444 AA Grolloo');
    // The service's own times, not the building's opening hours.
    expect(card).toContain('maandag en woensdag 9.00–12.00');
    expect(card).not.toContain('8.00–17.00');

    await db
      .insertInto('hsds_schedule')
      .values({
        id: uuid(),
        service_at_location_id: sal,
        freq: 'MONTHLY',
        byday: '1TU',
        opens_at: '19:30',
        closes_at: '21:00',
      })
      .execute();
    const specific = cardOf(await html(search('', 'Grolloo')), 'Dorpscoördinator Grolloo');
    expect(specific).toContain('de eerste dinsdag van de maand 19.30–21.00');
    expect(specific).not.toContain('maandag en woensdag');
  });

  it("shows what a service inherits: its organization's phone and website, its location's hours", async () => {
    const db = get().db;
    const organization = await organizationOf(db, MARKEHUIS);
    const { location } = await placeFor(db, MARKEHUIS, 'Markehuis', 'Hoofdstraat 5');
    await db
      .insertInto('hsds_phone')
      .values([
        { id: uuid(), organization_id: organization, number: '0592-200001' },
        { id: uuid(), location_id: location, number: '0592-200002', type: 'fax' },
      ])
      .execute();
    await db
      .updateTable('hsds_organization')
      .set({ website: 'https://markehuis.test', email: 'javascript:alert(1)' })
      .where('id', '=', organization)
      .execute();
    await db
      .insertInto('hsds_schedule')
      .values({ id: uuid(), location_id: location, description: 'Elke werkdag open.' })
      .execute();
    const card = cardOf(await html(search('ik ben eenzaam', 'Grolloo')), 'Markehuis in Grolloo');
    expect(card).not.toContain('De contactgegevens staan nog niet in de Hulpwijzer.');
    expect([...card.matchAll(/href="tel:([0-9+]+)"/g)].map((m) => m[1])).toEqual(['0592200001']);
    expect(card).toContain('Fax: 0592-200002');
    expect(card).toContain('href="https://markehuis.test" rel="noopener">markehuis.test</a>');
    expect(card).toContain('Elke werkdag open.');
    // Only an e-mail address makes a mail link, never whatever an imported file holds.
    expect(card).not.toContain('mailto:');
    expect(card).not.toContain('alert(1)');
  });

  it('reads the contact of any number of cards with the same few queries (no N+1)', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = get().db.withPlugin(counter);
    const ids = (
      await get().db.selectFrom('hsds_service').select('id').orderBy('name').limit(40).execute()
    ).map((r) => r.id);
    const ranked = (serviceIds: string[]): Ranked[] =>
      serviceIds.map((id) => ({
        id,
        name: '',
        ladder: 'samen',
        ladder_rank: 1,
        needs: [],
        areas: [],
        points: [],
        nearness: { kind: 'unknown' },
      }));
    const count = async (serviceIds: string[]) => {
      queries = 0;
      const cards = await loadCards(db, ranked(serviceIds));
      expect(cards.map((c) => c.id)).toEqual(serviceIds);
      return queries;
    };
    const one = await count([COORDINATOR]);
    expect(one).toBeLessThanOrEqual(5);
    expect(await count([COORDINATOR, MARKEHUIS, ...ids.slice(0, 38)])).toBe(one);
    expect(await count([])).toBe(0);
  });
});
