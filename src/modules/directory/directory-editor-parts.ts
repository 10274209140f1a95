/**
 * The parts of a listing the editor's form owns, and the card they make together with the rest.
 *
 * The form writes phones, one "wanneer" text and one address, each as a row with an id stable
 * per listing and slot (stableId). Only those rows are the form's: phones, opening hours and
 * places that came in another way (an HSDS import) carry richer data than the form can show
 * (RFC 5545 times, extensions, languages, coordinates) and are kept as they are. The card of a
 * form is made by the resident card's own code (cardContacts) from the kept rows and the form's.
 */
import type { Selectable } from 'kysely';
import type { HsdsPhoneTable, HsdsScheduleTable } from '../../db/schema-directory.js';
import {
  type CardOwner,
  type CardPlace,
  type ContactRows,
  cardContacts,
  type ServiceContact,
} from './card-contact.js';
import { type ListingInput, MAX_PHONES } from './directory-editor.types.js';
import { stableId } from './directory-ids.js';
import { SCHEDULE_FIELDS } from './schedule-text.js';

/** The ids of the rows the form writes for a listing. */
export function ownedIds(serviceId: string) {
  const location = stableId('location', serviceId, '0');
  return {
    phones: Array.from({ length: MAX_PHONES }, (_, i) => stableId('phone', serviceId, String(i))),
    schedule: stableId('schedule', serviceId, '0'),
    costOption: stableId('cost_option', serviceId, '0'),
    location,
    address: stableId('address', serviceId, '0'),
    serviceAtLocation: stableId('service_at_location', serviceId, location),
  };
}

export type OwnedParts = Pick<ListingInput, 'phones' | 'schedule' | 'address'>;

/** The form's phones as the rows it writes. */
export function ownedPhoneRows(
  serviceId: string,
  phones: OwnedParts['phones'],
): Selectable<HsdsPhoneTable>[] {
  const ids = ownedIds(serviceId).phones;
  return phones.slice(0, MAX_PHONES).map((phone, i) => ({
    id: ids[i] ?? stableId('phone', serviceId, String(i)),
    service_id: serviceId,
    location_id: null,
    organization_id: null,
    contact_id: null,
    service_at_location_id: null,
    number: phone.number,
    extension: null,
    type: 'voice',
    description: phone.label,
  }));
}

/** The form's "wanneer" as the row it writes (a description only). */
export function ownedScheduleRow(
  serviceId: string,
  description: string | null,
): Selectable<HsdsScheduleTable> | null {
  if (!description) return null;
  const empty = Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, null]));
  return {
    ...(empty as Record<(typeof SCHEDULE_FIELDS)[number], null>),
    id: ownedIds(serviceId).schedule,
    service_id: serviceId,
    location_id: null,
    service_at_location_id: null,
    timezone: null,
    wkst: null,
    description,
  };
}

/** The form's address as the place the card reads. */
export function ownedPlace(serviceId: string, address: OwnedParts['address']): CardPlace | null {
  if (!address) return null;
  const ids = ownedIds(serviceId);
  return {
    sal_id: ids.serviceAtLocation,
    service_id: serviceId,
    location_id: ids.location,
    location_name: null,
    location_url: null,
    address_1: address.street,
    postal_code: address.postalCode,
    city: address.city,
  };
}

/** What a listing's card holds besides the form: its organisation, places and contact rows. */
export type CardBackground = {
  organization: { id: string; email: string | null; website: string | null } | null;
  places: CardPlace[];
  rows: ContactRows;
};

export const NO_BACKGROUND: CardBackground = {
  organization: null,
  places: [],
  rows: { contacts: [], phones: [], schedules: [] },
};

/** The background without the rows the form writes (the form's own take their place). */
function kept(background: CardBackground, serviceId: string): CardBackground {
  const ids = ownedIds(serviceId);
  const phones = new Set(ids.phones);
  return {
    ...background,
    places: background.places.filter((p) => p.sal_id !== ids.serviceAtLocation),
    rows: {
      contacts: background.rows.contacts,
      phones: background.rows.phones.filter((p) => !phones.has(p.id)),
      schedules: background.rows.schedules.filter((s) => s.id !== ids.schedule),
    },
  };
}

/** The contact part of the card once the form is saved: the kept rows and the form's own. */
export function draftContact(
  background: CardBackground,
  draft: OwnedParts & { id: string; email: string | null; url: string | null },
): ServiceContact {
  const { places, rows, organization } = kept(background, draft.id);
  const place = ownedPlace(draft.id, draft.address);
  const schedule = ownedScheduleRow(draft.id, draft.schedule);
  const owner: CardOwner = {
    id: draft.id,
    organization_id: organization?.id ?? '',
    email: draft.email,
    url: draft.url,
    organization_email: organization?.email ?? null,
    organization_website: organization?.website ?? null,
  };
  const contacts = cardContacts([owner], place ? [...places, place] : places, {
    contacts: rows.contacts,
    phones: [...rows.phones, ...ownedPhoneRows(draft.id, draft.phones)],
    schedules: schedule ? [...rows.schedules, schedule] : rows.schedules,
  });
  return (
    contacts.get(draft.id) ?? { phones: [], emails: [], websites: [], schedules: [], addresses: [] }
  );
}

/**
 * What the listing itself holds that the form does not write (imported phones, times, places), as
 * a card says it; the organisation's own contact is left out: it is not the listing's.
 */
export function keptContact(background: CardBackground, serviceId: string): ServiceContact {
  return draftContact(
    { ...kept(background, serviceId), organization: null },
    { id: serviceId, email: null, url: null, phones: [], schedule: null, address: null },
  );
}

export const isEmptyContact = (c: ServiceContact) =>
  c.phones.length +
    c.emails.length +
    c.websites.length +
    c.schedules.length +
    c.addresses.length ===
  0;
