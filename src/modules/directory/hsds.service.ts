/**
 * The HSDS 3.0 view of a region's directory (API and export): pages and fully nested objects of
 * what residents may see, each page loaded with one query per table.
 */
import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import {
  type HsdsService,
  type HsdsServiceListItem,
  presentLocationListItem,
  presentOrganization,
  presentOrganizationBasic,
  presentPage,
  presentService,
  presentServiceAtLocation,
  presentServiceAtLocationBasic,
  presentServiceBasic,
  presentTaxonomy,
  presentTerm,
  type TermIndex,
} from './hsds.presenter.js';
import * as repo from './hsds.repository.js';
import * as children from './hsds-children.repository.js';

type Db = Kysely<Database>;
export type Paging = { page: number; perPage: number };

const EXPORT_BATCH = 500;

const offset = (p: Paging) => ({ limit: p.perPage, offset: (p.page - 1) * p.perPage });

/** The profile's terms by id, memoised per data version (every answer nests some). */
export function termIndex(db: Db): Promise<TermIndex> {
  return memoByDataVersion(db, 'hsds:terms', async () => {
    const rows = await repo.allTerms(db);
    return new Map(rows.map((t) => [t.id, t]));
  });
}

async function listItems(db: Db, rows: repo.ServiceRow[]): Promise<HsdsServiceListItem[]> {
  const [attributes, terms] = await Promise.all([
    children.attributesByLinkIds(db, [
      ...rows.map((r) => r.id),
      ...rows.map((r) => r.organization_id),
    ]),
    termIndex(db),
  ]);
  return rows.map((row) => presentServiceBasic(row, attributes, terms));
}

/** One page of services in the list shape (own fields, organization, attributes). */
export async function listServices(db: Db, query: repo.ServiceQuery, paging: Paging) {
  const [total, rows] = await Promise.all([
    repo.countServices(db, query),
    repo.servicePage(db, query, offset(paging)),
  ]);
  return presentPage(await listItems(db, rows), { total, ...paging });
}

/** Fully nested services, in the order of `ids`; ids not visible in the region are left out. */
export async function fullServices(
  db: Db,
  regionId: number,
  ids: readonly string[],
): Promise<HsdsService[]> {
  const rows = await repo.servicesByIds(db, regionId, ids);
  if (rows.length === 0) return [];
  const serviceIds = rows.map((r) => r.id);
  const sals = await children.serviceAtLocationsOf(db, serviceIds);
  const locationIds = [...new Set(sals.map((s) => s.location_id))];
  const [locations, kids, terms] = await Promise.all([
    children.locationsByIds(db, locationIds),
    children.childrenOf(db, {
      services: serviceIds,
      serviceAtLocations: sals.map((s) => s.id),
      locations: locationIds,
      organizations: [...new Set(rows.map((r) => r.organization_id))],
    }),
    termIndex(db),
  ]);
  const byId = new Map(locations.map((l) => [l.id, l]));
  return rows.map((row) => presentService(row, sals, byId, { children: kids, terms }));
}

export async function getService(db: Db, regionId: number, id: string) {
  return (await fullServices(db, regionId, [id]))[0];
}

/**
 * Every service residents may see in the region, fully nested, a batch at a time: the ids (by
 * name) first, so the caller knows how many there will be, then one batch of fully nested
 * services per step. A large directory never needs one enormous query, nor all of it in memory.
 */
export async function serviceBatches(db: Db, regionId: number) {
  const ids = await repo.allServiceIds(db, regionId);
  async function* batches(): AsyncGenerator<HsdsService[]> {
    for (let start = 0; start < ids.length; start += EXPORT_BATCH)
      yield await fullServices(db, regionId, ids.slice(start, start + EXPORT_BATCH));
  }
  return { total: ids.length, batches: batches() };
}

/** Every service residents may see in the region, fully nested, in one list (small directories). */
export async function hsdsServicesOfRegion(db: Db, regionId: number): Promise<HsdsService[]> {
  const services: HsdsService[] = [];
  for await (const batch of (await serviceBatches(db, regionId)).batches) services.push(...batch);
  return services;
}

/** One page of organizations with a visible service. */
export async function listOrganizations(
  db: Db,
  regionId: number,
  search: string | undefined,
  paging: Paging,
) {
  const [total, rows] = await Promise.all([
    repo.countOrganizations(db, regionId, search),
    repo.organizationPage(db, regionId, search, offset(paging)),
  ]);
  const [attributes, terms] = await Promise.all([
    children.attributesByLinkIds(
      db,
      rows.map((r) => r.id),
    ),
    termIndex(db),
  ]);
  const contents = rows.map((row) => presentOrganizationBasic(row, attributes, terms));
  return presentPage(contents, { total, ...paging });
}

/**
 * An organization with its contacts, phones, and its first `serviceLimit` visible services (by
 * name: page 1 of /services?organization_id=…) in the list shape, or fully nested with
 * `fullService`, with the locations where those are given. `more`: it has more services than that.
 */
export async function getOrganization(
  db: Db,
  regionId: number,
  id: string,
  options: { fullService: boolean; serviceLimit: number },
) {
  const row = await repo.organizationById(db, regionId, id);
  if (!row) return undefined;
  const found = await repo.serviceIdsOfOrganization(db, regionId, id, options.serviceLimit + 1);
  const serviceIds = found.slice(0, options.serviceLimit);
  const locationIds = await children.locationIdsHosting(db, serviceIds);
  const [locations, kids, terms, services] = await Promise.all([
    children.locationsByIds(db, locationIds),
    children.childrenOf(db, {
      services: [],
      serviceAtLocations: [],
      locations: locationIds,
      organizations: [id],
    }),
    termIndex(db),
    options.fullService
      ? fullServices(db, regionId, serviceIds)
      : repo.servicesByIds(db, regionId, serviceIds).then((rows) => listItems(db, rows)),
  ]);
  return {
    organization: presentOrganization(row, locations, services, { children: kids, terms }),
    more: found.length > serviceIds.length,
  };
}

/** One page of service_at_locations of visible services (list shape: location and service). */
export async function listServiceAtLocations(db: Db, query: repo.ServiceQuery, paging: Paging) {
  const [total, page] = await Promise.all([
    repo.countServiceAtLocations(db, query),
    repo.serviceAtLocationPage(db, query, offset(paging)),
  ]);
  const locationIds = [...new Set(page.map((s) => s.location_id))];
  const [locations, locationAttributes, terms, services] = await Promise.all([
    children.locationsByIds(db, locationIds),
    children.attributesByLinkIds(db, locationIds),
    termIndex(db),
    repo
      .servicesByIds(db, query.regionId, [...new Set(page.map((p) => p.service_id))])
      .then((rows) => listItems(db, rows)),
  ]);
  const contents = page.flatMap((sal) => {
    const location = locations.find((l) => l.id === sal.location_id);
    const service = services.find((s) => s.id === sal.service_id);
    if (!location || !service) return [];
    return [
      {
        ...presentServiceAtLocationBasic(sal),
        location: presentLocationListItem(location, locationAttributes, terms),
        service,
      },
    ];
  });
  return presentPage(contents, { total, ...paging });
}

/** A service_at_location: its location fully nested, its own contacts and times, its service. */
export async function getServiceAtLocation(db: Db, regionId: number, id: string) {
  const sal = await repo.serviceAtLocationById(db, regionId, id);
  if (!sal) return undefined;
  const [locations, kids, terms, services] = await Promise.all([
    children.locationsByIds(db, [sal.location_id]),
    children.childrenOf(db, {
      services: [],
      serviceAtLocations: [id],
      locations: [sal.location_id],
      organizations: [],
    }),
    termIndex(db),
    repo.servicesByIds(db, regionId, [sal.service_id]).then((rows) => listItems(db, rows)),
  ]);
  return {
    ...presentServiceAtLocation(sal, locations[0], { children: kids, terms }),
    service: services[0],
  };
}

/** The taxonomies (the Dutch profile's), optionally only those matching `search`. */
export async function listTaxonomies(db: Db, search: string | undefined, paging: Paging) {
  const [rows, matching] = await Promise.all([
    repo.allTaxonomies(db),
    search ? repo.matchingTaxonomyIds(db, search) : undefined,
  ]);
  const chosen = matching ? rows.filter((t) => matching.has(t.id)) : rows;
  return pageOf(chosen.map(presentTaxonomy), paging);
}

export async function getTaxonomy(db: Db, id: string) {
  const row = (await repo.allTaxonomies(db)).find((t) => t.id === id);
  return row ? presentTaxonomy(row) : undefined;
}

export type TermFilter = {
  search?: string;
  taxonomyId?: string;
  parentId?: string;
  /** Only terms without a parent (the top of a hierarchy). */
  topOnly?: boolean;
};

/** Taxonomy terms, each with its taxonomy nested, filtered (cumulative) and paged. */
export async function listTerms(db: Db, filter: TermFilter, paging: Paging) {
  const [terms, taxonomies, matching] = await Promise.all([
    termIndex(db),
    repo.allTaxonomies(db),
    filter.search ? repo.matchingTermIds(db, filter.search) : undefined,
  ]);
  const chosen = [...terms.values()].filter(
    (t) =>
      (!matching || matching.has(t.id)) &&
      (!filter.taxonomyId || t.taxonomy_id === filter.taxonomyId) &&
      (!filter.parentId || t.parent_id === filter.parentId) &&
      (!filter.topOnly || t.parent_id === null),
  );
  const taxonomy = new Map(taxonomies.map((t) => [t.id, t]));
  return pageOf(
    chosen.map((t) => presentTerm(t, taxonomy.get(t.taxonomy_id))),
    paging,
  );
}

export async function getTerm(db: Db, id: string) {
  const term = (await termIndex(db)).get(id);
  if (!term) return undefined;
  const taxonomy = (await repo.allTaxonomies(db)).find((t) => t.id === term.taxonomy_id);
  return presentTerm(term, taxonomy);
}

/** A page of a short list held in memory (the profile's taxonomies and terms). */
function pageOf<T>(all: T[], paging: Paging) {
  const start = (paging.page - 1) * paging.perPage;
  return presentPage(all.slice(start, start + paging.perPage), { total: all.length, ...paging });
}
