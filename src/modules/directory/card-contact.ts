/**
 * How to get in touch and when, per card, from the HSDS rows of the services on a page. HSDS
 * lets a phone hang on a service_at_location, a service, a location, an organization or a
 * contact (which hangs on one of those), a schedule on a service_at_location, a service or a
 * location. A card says the most specific first and nothing twice; nothing is made up.
 */
import type { Selectable } from 'kysely';
import type {
  HsdsContactTable as ContactTable,
  HsdsPhoneTable as PhoneTable,
  HsdsScheduleTable as ScheduleTable,
} from '../../db/schema-directory.js';
import { type ScheduleLine, scheduleLines } from './schedule-text.js';

export type CardPhone = {
  number: string;
  extension: number | null;
  /** RFC 6350 type: voice, cell, text (sms), fax, textphone … */
  type: string | null;
  description: string | null;
};

export type ServiceContact = {
  phones: CardPhone[];
  emails: string[];
  websites: string[];
  schedules: ScheduleLine[];
  addresses: string[];
};

/** The service's own row: its organization and the contact fields on both. */
export type CardOwner = {
  id: string;
  organization_id: string;
  email: string | null;
  url: string | null;
  organization_email: string | null;
  organization_website: string | null;
};

/** A place of a service: its service_at_location, location and (one of) its addresses. */
export type CardPlace = {
  sal_id: string;
  service_id: string;
  location_id: string;
  location_name: string | null;
  location_url: string | null;
  address_1: string | null;
  postal_code: string | null;
  city: string | null;
};

type HsdsContactTable = Selectable<ContactTable>;
type HsdsPhoneTable = Selectable<PhoneTable>;
type HsdsScheduleTable = Selectable<ScheduleTable>;

export type ContactRows = {
  contacts: HsdsContactTable[];
  phones: HsdsPhoneTable[];
  schedules: HsdsScheduleTable[];
};

/** Enough for a card; more would crowd a phone screen (the most specific are kept). */
const MAX_PHONES = 3;
const MAX_EMAILS = 2;
const MAX_WEBSITES = 2;

/** How specific a link is: 0 service_at_location … 3 organization. */
const Level = { ServiceAtLocation: 0, Service: 1, Location: 2, Organization: 3 } as const;
type Level = (typeof Level)[keyof typeof Level];

type Links = {
  service_at_location_id?: string | null;
  service_id?: string | null;
  location_id?: string | null;
  organization_id?: string | null;
};

type Context = { owner: CardOwner; sals: Set<string>; locations: Set<string> };

/**
 * The level at which a row belongs to this service, judged by its most specific link: a phone of
 * another service at the same location is that service's, not this one's.
 */
function levelOf(row: Links, s: Context): Level | null {
  if (row.service_at_location_id)
    return s.sals.has(row.service_at_location_id) ? Level.ServiceAtLocation : null;
  if (row.service_id) return row.service_id === s.owner.id ? Level.Service : null;
  if (row.location_id) return s.locations.has(row.location_id) ? Level.Location : null;
  if (row.organization_id)
    return row.organization_id === s.owner.organization_id ? Level.Organization : null;
  return null;
}

const hasLinks = (row: Links) =>
  Boolean(row.service_at_location_id || row.service_id || row.location_id || row.organization_id);

/** An address as a card shows it: "Brink 1, 9444 AA Grolloo" (the editor's preview too). */
export function addressLine(street: string | null, postalCode: string | null, city: string | null) {
  return [street, [postalCode, city].filter(Boolean).join(' ')].join(', ');
}

/** Only what looks like an address makes a mailto link (imported files can hold anything). */
const isEmail = (email: string | null): email is string =>
  !!email && /^[^\s@:/]+@[^\s@:/]+\.[^\s@:/]+$/.test(email.trim());

const isWebAddress = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

/** Sorts by rank (level, then own before a contact's), keeps the first of each key. */
function ranked<T>(items: Array<{ rank: number; value: T }>, key: (v: T) => string, max: number) {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const { value } of [...items].sort((a, b) => a.rank - b.rank)) {
    const k = key(value);
    if (seen.has(k) || out.length >= max) continue;
    seen.add(k);
    out.push(value);
  }
  return out;
}

/** Each shown service's way to get in touch, when, and where; read from one set of rows. */
export function cardContacts(
  owners: CardOwner[],
  places: CardPlace[],
  rows: ContactRows,
): Map<string, ServiceContact> {
  const result = new Map<string, ServiceContact>();
  for (const owner of owners) {
    const own = places.filter((p) => p.service_id === owner.id);
    const s: Context = {
      owner,
      sals: new Set(own.map((p) => p.sal_id)),
      locations: new Set(own.map((p) => p.location_id)),
    };
    result.set(owner.id, contactOf(s, own, rows));
  }
  return result;
}

function contactOf(s: Context, own: CardPlace[], rows: ContactRows): ServiceContact {
  const contacts = rows.contacts.flatMap((c) => {
    const level = levelOf(c, s);
    return level === null ? [] : [{ contact: c, level }];
  });
  const phones = rows.phones.flatMap((p) => {
    if (hasLinks(p)) {
      const level = levelOf(p, s);
      return level === null ? [] : [{ rank: level * 2, value: phoneOf(p, null) }];
    }
    const via = contacts.find((c) => c.contact.id === p.contact_id);
    return via ? [{ rank: via.level * 2 + 1, value: phoneOf(p, via.contact) }] : [];
  });
  const emails = [
    { rank: Level.Service * 2, value: s.owner.email },
    { rank: Level.Organization * 2, value: s.owner.organization_email },
    ...contacts.map((c) => ({ rank: c.level * 2 + 1, value: c.contact.email })),
  ].flatMap((e) => (isEmail(e.value) ? [{ rank: e.rank, value: e.value.trim() }] : []));
  const websites = [
    { rank: Level.Service, value: s.owner.url },
    ...own.map((p) => ({ rank: Level.Location, value: p.location_url })),
    { rank: Level.Organization, value: s.owner.organization_website },
  ].flatMap((w) => (isWebAddress(w.value) ? [{ rank: w.rank, value: w.value }] : []));
  return {
    phones: ranked(phones, phoneKey, MAX_PHONES),
    emails: ranked(emails, (e) => e.toLowerCase(), MAX_EMAILS),
    websites: ranked(websites, (w) => w.replace(/\/$/, '').toLowerCase(), MAX_WEBSITES),
    schedules: schedulesOf(s, own, rows.schedules),
    addresses: [
      ...new Set(
        own.flatMap((p) => (p.address_1 ? [addressLine(p.address_1, p.postal_code, p.city)] : [])),
      ),
    ],
  };
}

const phoneKey = (p: CardPhone) => `${p.number.replace(/[^0-9+]/g, '')}#${p.extension ?? ''}`;

/** A contact's phone without its own description says whose it is (as the organisation wrote). */
function phoneOf(p: HsdsPhoneTable, contact: HsdsContactTable | null): CardPhone {
  const whose = contact
    ? [contact.name, contact.title, contact.department].filter(Boolean).join(', ')
    : '';
  return {
    number: p.number,
    extension: p.extension,
    type: p.type,
    description: p.description ?? (whose || null),
  };
}

/**
 * The times of the most specific level that has any: a service's own times at a location
 * replace the service's general times, and those replace the location's opening hours (the
 * building can be open when the service is not). With more than one location, each line says
 * which.
 */
function schedulesOf(s: Context, own: CardPlace[], schedules: HsdsScheduleTable[]): ScheduleLine[] {
  const mine = schedules.flatMap((row) => {
    const level = levelOf(row, s);
    return level === null ? [] : [{ row, level }];
  });
  if (mine.length === 0) return [];
  const best = Math.min(...mine.map((m) => m.level));
  const chosen = mine.filter((m) => m.level === best).map((m) => m.row);
  const locationOf = (row: HsdsScheduleTable) =>
    row.location_id ?? own.find((p) => p.sal_id === row.service_at_location_id)?.location_id;
  const distinct = new Set(own.map((p) => p.location_id));
  if (best === Level.Service || distinct.size <= 1) return scheduleLines(chosen);
  const byLocation = new Map<string, HsdsScheduleTable[]>();
  for (const row of chosen) {
    const key = locationOf(row) ?? '';
    byLocation.set(key, [...(byLocation.get(key) ?? []), row]);
  }
  return [...byLocation].flatMap(([locationId, rows]) => {
    const label = placeLabel(own.filter((p) => p.location_id === locationId));
    return scheduleLines(rows).map((line) => ({ ...line, text: `${label}: ${line.text}` }));
  });
}

function placeLabel(places: CardPlace[]): string {
  const place = places.find((p) => p.address_1) ?? places[0];
  if (place?.location_name) return place.location_name;
  return place?.address_1 ? addressLine(place.address_1, null, place.city) : 'Op een andere plek';
}
