/**
 * Database rows → Open Referral HSDS 3.0 objects (the API and the whole-directory export share
 * this). Pure: no SQL. Nulls are left out (the spec types most fields as plain strings), dates are
 * 'YYYY-MM-DD' and timestamps ISO 8601. Marke's own columns travel as profile attributes
 * (ADR 0016): `is_demo` as `voorbeeld`, `area_code` as `cbs-gebiedscode`. Moderation fields are
 * never read, and change records lose the person's name.
 */

import type { OrganizationRow, ServiceRow } from './hsds.repository.js';
import type { LocationRow, ServiceAtLocationRow } from './hsds-children.repository.js';
import {
  compact,
  emailOrNull,
  numberOrNull,
  rowsWhere,
  timestamp,
  uriOrNull,
} from './hsds-format.js';
import {
  type AttributeRow,
  attributesFor,
  type Context,
  contactsFor,
  languagesFor,
  metadataFor,
  phonesFor,
  schedulesFor,
  type TermIndex,
} from './hsds-parts.presenter.js';

export { presentPage } from './hsds-format.js';
export {
  type HsdsTaxonomy,
  type HsdsTaxonomyTerm,
  presentTaxonomy,
  presentTerm,
  type TermIndex,
} from './hsds-parts.presenter.js';

/** A location without its children (the list shape). */
export function presentLocationBasic(row: LocationRow) {
  return compact({
    id: row.id,
    location_type: row.location_type,
    url: uriOrNull(row.url),
    organization_id: row.organization_id,
    name: row.name,
    alternate_name: row.alternate_name,
    description: row.description,
    transportation: row.transportation,
    latitude: row.latitude,
    longitude: row.longitude,
    external_identifier: row.external_identifier,
    external_identifier_type: row.external_identifier_type,
  });
}

/** A location in a list: its own fields and its profile attributes (voorbeeld, CBS area). */
export function presentLocationListItem(
  row: LocationRow,
  attributes: readonly AttributeRow[],
  terms: TermIndex,
) {
  return {
    ...presentLocationBasic(row),
    attributes: attributesFor(
      { id: row.id, linkEntity: 'location' },
      { isDemo: row.is_demo, areaCode: row.area_code },
      attributes,
      terms,
    ),
  };
}

export function presentLocation(row: LocationRow, { children: c, terms }: Context) {
  const at = { location_id: row.id };
  return {
    ...presentLocationBasic(row),
    languages: languagesFor(at, c.languages),
    addresses: rowsWhere(c.addresses, 'location_id', row.id).map((a) =>
      compact({
        id: a.id,
        location_id: a.location_id,
        attention: a.attention,
        address_1: a.address_1,
        address_2: a.address_2,
        city: a.city,
        region: a.region,
        state_province: a.state_province,
        postal_code: a.postal_code,
        country: a.country,
        address_type: a.address_type,
      }),
    ),
    contacts: contactsFor(at, c),
    accessibility: rowsWhere(c.accessibility, 'location_id', row.id).map((a) =>
      compact({
        id: a.id,
        location_id: a.location_id,
        description: a.description,
        details: a.details,
        url: uriOrNull(a.url),
      }),
    ),
    phones: phonesFor(at, c),
    schedules: schedulesFor(at, c),
    attributes: attributesFor(
      { id: row.id, linkEntity: 'location' },
      { isDemo: row.is_demo, areaCode: row.area_code },
      c.attributes,
      terms,
    ),
    metadata: metadataFor(row.id, c.metadata),
  };
}

/** A service_at_location's own fields (the list shape, before its location and service). */
export function presentServiceAtLocationBasic(row: ServiceAtLocationRow) {
  return compact({
    id: row.id,
    service_id: row.service_id,
    location_id: row.location_id,
    description: row.description,
  });
}

/** A service_at_location with its location (full) and its own contacts, phones and times. */
export function presentServiceAtLocation(
  row: ServiceAtLocationRow,
  location: LocationRow | undefined,
  ctx: Context,
) {
  const at = { service_at_location_id: row.id };
  return compact({
    id: row.id,
    service_id: row.service_id,
    location_id: row.location_id,
    description: row.description,
    contacts: contactsFor(at, ctx.children),
    phones: phonesFor(at, ctx.children),
    schedules: schedulesFor(at, ctx.children),
    location: location ? presentLocation(location, ctx) : null,
    attributes: attributesFor(
      { id: row.id, linkEntity: 'service_at_location' },
      {},
      ctx.children.attributes,
      ctx.terms,
    ),
    metadata: metadataFor(row.id, ctx.children.metadata),
  });
}

/** An organization's own fields (the list shape), with its profile attributes. */
export function presentOrganizationBasic(
  row: OrganizationRow,
  attributes: readonly AttributeRow[],
  terms: TermIndex,
) {
  return {
    ...compact({
      id: row.id,
      name: row.name,
      alternate_name: row.alternate_name,
      description: row.description,
      email: emailOrNull(row.email),
      website: uriOrNull(row.website),
      year_incorporated: row.year_incorporated,
      legal_status: row.legal_status,
      logo: row.logo,
      uri: uriOrNull(row.uri),
      parent_organization_id: row.parent_organization_id,
    }),
    attributes: attributesFor(
      { id: row.id, linkEntity: 'organization' },
      { isDemo: row.is_demo },
      attributes,
      terms,
    ),
  };
}

/** A service's own fields and its organization (the list shape), with its attributes. */
export function presentServiceBasic(
  row: ServiceRow,
  attributes: readonly AttributeRow[],
  terms: TermIndex,
) {
  return {
    ...compact({
      id: row.id,
      organization_id: row.organization_id,
      name: row.name,
      alternate_name: row.alternate_name,
      description: row.description,
      url: uriOrNull(row.url),
      email: emailOrNull(row.email),
      status: row.status,
      interpretation_services: row.interpretation_services,
      application_process: row.application_process,
      fees_description: row.fees_description,
      eligibility_description: row.eligibility_description,
      minimum_age: row.minimum_age,
      maximum_age: row.maximum_age,
      assured_date: row.assured_date,
      alert: row.alert,
      last_modified: timestamp(row.last_modified),
    }),
    organization: presentOrganizationBasic(row.organization, attributes, terms),
    attributes: attributesFor(
      { id: row.id, linkEntity: 'service' },
      { isDemo: row.is_demo },
      attributes,
      terms,
    ),
  };
}

export type HsdsServiceListItem = ReturnType<typeof presentServiceBasic>;

/** A fully nested service: the spec's service with everything Marke holds about it. */
export function presentService(
  row: ServiceRow,
  sals: readonly ServiceAtLocationRow[],
  locations: ReadonlyMap<string, LocationRow>,
  ctx: Context,
) {
  const c = ctx.children;
  const at = { service_id: row.id };
  const { organization, attributes, ...fields } = presentServiceBasic(row, c.attributes, ctx.terms);
  return {
    ...fields,
    phones: phonesFor(at, c),
    schedules: schedulesFor(at, c),
    service_areas: rowsWhere(c.serviceAreas, 'service_id', row.id).map((a) => ({
      ...compact({
        id: a.id,
        service_id: a.service_id,
        name: a.name,
        description: a.description,
        extent: a.extent,
        extent_type: a.extent_type,
        uri: a.uri,
      }),
      attributes: attributesFor(
        { id: a.id, linkEntity: 'service_area' },
        { areaCode: a.area_code },
        c.attributes,
        ctx.terms,
      ),
    })),
    service_at_locations: rowsWhere(sals, 'service_id', row.id).map((s) =>
      presentServiceAtLocation(s, locations.get(s.location_id), ctx),
    ),
    languages: languagesFor(at, c.languages),
    organization: { ...organization, metadata: metadataFor(row.organization_id, c.metadata) },
    cost_options: rowsWhere(c.costOptions, 'service_id', row.id).map((o) =>
      compact({
        id: o.id,
        service_id: o.service_id,
        valid_from: o.valid_from,
        valid_to: o.valid_to,
        option: o.option,
        currency: o.currency,
        amount: numberOrNull(o.amount),
        amount_description: o.amount_description,
      }),
    ),
    contacts: contactsFor(at, c),
    attributes,
    metadata: metadataFor(row.id, c.metadata),
  };
}

export type HsdsService = ReturnType<typeof presentService>;

/**
 * An organization with its contacts, phones, locations (fully nested) and the services given
 * (whatever shape the caller chose; their nested organization is dropped as redundant).
 */
export function presentOrganization<S extends { organization?: unknown }>(
  row: OrganizationRow,
  locations: readonly LocationRow[],
  services: readonly S[],
  ctx: Context,
) {
  const c = ctx.children;
  const at = { organization_id: row.id };
  return {
    ...presentOrganizationBasic(row, c.attributes, ctx.terms),
    contacts: contactsFor(at, c),
    phones: phonesFor(at, c),
    locations: locations.map((l) => presentLocation(l, ctx)),
    metadata: metadataFor(row.id, c.metadata),
    services: services.map(({ organization: _, ...service }) => service),
  };
}

export type HsdsOrganization = ReturnType<typeof presentOrganization>;
