/**
 * The Open Referral HSDS 3.0 API of the Hulpwijzer (issue 5 §4): `/api/hsds/…` for the default
 * region and `/api/v1/regions/{region}/hsds/…` for any. Read-only, public, only what residents
 * may see. Bad parameters get a Dutch problem+json 400, unknown ids a 404.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { href } from '../../web/context.js';
import { problem } from '../../web/errors.js';
import { originOf } from '../../web/origin.js';
import type { QueryRules } from '../../web/params.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import * as hsds from './hsds.service.js';
import { hsdsRoot } from './hsds-root.js';

/** Paging bounds: a page of 100 services stays small; page numbers stay sane offsets. */
export const HSDS_PAGE_LIMITS = { maxPage: 100_000, maxPerPage: 100, defaultPerPage: 50 } as const;
const MAX_SEARCH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const wholeNumber = (name: string, max: number) => {
  const message = `${name} moet een heel getal zijn van 1 tot en met ${max}.`;
  return z
    .string()
    .regex(/^[0-9]{1,9}$/, message)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, message);
};
const uuid = (name: string) =>
  z
    .string()
    .regex(UUID, `${name} moet een uuid zijn, zoals 3f7b145d-84af-42d7-8fae-eaca714b02b2.`)
    .transform((s) => s.toLowerCase());
const flag = (name: string) =>
  z
    .enum(['true', 'false'], { message: `${name} is true of false.` })
    .transform((v) => v === 'true');
const search = z
  .string()
  .max(MAX_SEARCH, `search mag hoogstens ${MAX_SEARCH} tekens hebben.`)
  // Control characters (a NUL cannot even reach PostgreSQL) are never meant; empty is no filter.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim() || undefined);

const ISO_MOMENT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date or date-time as an ISO timestamp; without a zone it is UTC. */
export function parseMoment(raw: string): string | undefined {
  const m = ISO_MOMENT.exec(raw.trim());
  if (!m) return undefined;
  const [, year = '', month = '', date = '', time, zone] = m;
  if (Number(year) < 1900) return undefined;
  // Date would roll 31 February over into 3 March: the day must exist as written.
  const day = new Date(Date.UTC(Number(year), Number(month) - 1, Number(date)));
  if (day.getUTCMonth() !== Number(month) - 1 || day.getUTCDate() !== Number(date))
    return undefined;
  const offset = zone && zone !== 'Z' ? `${zone.slice(0, 3)}:${zone.slice(-2)}` : 'Z';
  const moment = new Date(`${year}-${month}-${date}T${time ?? '00:00'}${offset}`);
  // 9999-12-31T23:59-12:00 is year 10000 in UTC, which PostgreSQL would refuse.
  if (Number.isNaN(moment.getTime()) || moment.getUTCFullYear() > 9999) return undefined;
  return moment.toISOString();
}

const modifiedAfter = z.string().transform((value, ctx) => {
  const moment = parseMoment(value);
  if (moment) return moment;
  ctx.addIssue({
    code: 'custom',
    message:
      'modified_after moet een datum of tijdstip zijn volgens ISO 8601, zoals 2026-01-31 of 2026-01-31T09:00:00+01:00.',
  });
  return z.NEVER;
});

const paging = {
  page: wholeNumber('page', HSDS_PAGE_LIMITS.maxPage),
  per_page: wholeNumber('per_page', HSDS_PAGE_LIMITS.maxPerPage),
};
const ServiceParams = z
  .object({
    search,
    taxonomy_term_id: uuid('taxonomy_term_id'),
    taxonomy_id: uuid('taxonomy_id'),
    organization_id: uuid('organization_id'),
    modified_after: modifiedAfter,
    ...paging,
  })
  .partial()
  .strict();
const SearchParams = z
  .object({ search, ...paging })
  .partial()
  .strict();
const TermParams = z
  .object({
    search,
    taxonomy_id: uuid('taxonomy_id'),
    parent_id: uuid('parent_id'),
    top_only: flag('top_only'),
    ...paging,
  })
  .partial()
  .strict();
const OrganizationParams = z
  .object({ full_service: flag('full_service') })
  .partial()
  .strict();

/** The query parameters each HSDS path takes (for strictQuery and the OpenAPI document). */
export const HSDS_PARAMETERS = {
  services: Object.keys(ServiceParams.shape),
  service_at_locations: Object.keys(ServiceParams.shape),
  organizations: Object.keys(SearchParams.shape),
  organization: Object.keys(OrganizationParams.shape),
  taxonomies: Object.keys(SearchParams.shape),
  taxonomy_terms: Object.keys(TermParams.shape),
} as const;

/** strictQuery rules of the HSDS paths, under either prefix; other HSDS paths take none. */
export const HSDS_QUERY_RULES: QueryRules = [
  { pattern: /\/hsds\/services$/, allowed: HSDS_PARAMETERS.services },
  { pattern: /\/hsds\/service_at_locations$/, allowed: HSDS_PARAMETERS.service_at_locations },
  { pattern: /\/hsds\/organizations$/, allowed: HSDS_PARAMETERS.organizations },
  { pattern: /\/hsds\/organizations\/[^/]+$/, allowed: HSDS_PARAMETERS.organization },
  { pattern: /\/hsds\/taxonomies$/, allowed: HSDS_PARAMETERS.taxonomies },
  { pattern: /\/hsds\/taxonomy_terms$/, allowed: HSDS_PARAMETERS.taxonomy_terms },
];

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** The query string through `schema`; a repeated or bad parameter is a Dutch 400. */
function parseQuery<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Parsed<T> {
  const all = c.req.queries();
  const repeated = Object.keys(all).filter((name) => (all[name]?.length ?? 0) > 1);
  if (repeated.length > 0)
    return {
      ok: false,
      response: problem(
        c,
        400,
        'Ongeldige parameter',
        `Geef elke parameter één keer mee: ${repeated.join(', ')} staat er vaker in.`,
      ),
    };
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v[0]])),
  );
  if (parsed.success) return { ok: true, value: parsed.data };
  const detail = parsed.error.issues.map((i) => i.message).join(' ');
  return { ok: false, response: problem(c, 400, 'Ongeldige parameter', detail) };
}

const pagingOf = (p: { page?: number; per_page?: number }) => ({
  page: p.page ?? 1,
  perPage: p.per_page ?? HSDS_PAGE_LIMITS.defaultPerPage,
});

const badId = (c: Context<AppEnv>) =>
  problem(
    c,
    400,
    'Ongeldig id',
    'Een id in deze API is een uuid, zoals 3f7b145d-84af-42d7-8fae-eaca714b02b2.',
  );

const notFound = (c: Context<AppEnv>, what: string) =>
  problem(
    c,
    404,
    'Niet gevonden',
    `Er is geen ${what} met dit id in de Hulpwijzer van deze regio, of die is niet openbaar.`,
  );

/** A searched answer is someone's question: kept in no cache (like the resident search). */
function privateIfSearched(c: Context<AppEnv>, params: { search?: string }) {
  if (params.search) c.header('cache-control', 'no-store');
}

/**
 * An organization answer holds at most this many of its services (the largest page): the same
 * services, in the same order, as page 1 of /services?organization_id=…&per_page=100.
 */
export const ORGANIZATION_SERVICES = HSDS_PAGE_LIMITS.maxPerPage;

/** Page 2 of the organization's services (a `Link: rel="next"` when it has more than fit). */
function restOfServices(path: string, id: string): string {
  const base = path.replace(/\/organizations\/[^/]+$/, '/services');
  return `${base}?organization_id=${encodeURIComponent(id.toLowerCase())}&per_page=${ORGANIZATION_SERVICES}&page=2`;
}

/** Mounted at `/api/hsds` and `/api/v1/regions/:region/hsds`; the region middleware ran first. */
export function hsdsApi({ db, config }: AppDeps) {
  const app = new Hono<AppEnv>();
  const regionId = (c: Context<AppEnv>) => c.get('ctx').region.id;

  app.get('/', (c) => {
    const ctx = c.get('ctx');
    // Absolute URLs depend on how the request came in, so this small answer is never cached.
    c.header('cache-control', 'no-store');
    return c.json(
      hsdsRoot({
        origin: originOf(c, config),
        profilePath: href(ctx, '/open-data'),
        region: ctx.region,
      }),
    );
  });

  app.get('/services', async (c) => {
    const params = parseQuery(c, ServiceParams);
    if (!params.ok) return params.response;
    const p = params.value;
    privateIfSearched(c, p);
    const query = {
      regionId: regionId(c),
      search: p.search,
      taxonomyTermId: p.taxonomy_term_id,
      taxonomyId: p.taxonomy_id,
      organizationId: p.organization_id,
      modifiedAfter: p.modified_after,
    };
    return c.json(await hsds.listServices(db, query, pagingOf(p)));
  });

  app.get('/services/:id', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return badId(c);
    const service = await hsds.getService(db, regionId(c), id.toLowerCase());
    return service ? c.json(service) : notFound(c, 'dienst');
  });

  app.get('/organizations', async (c) => {
    const params = parseQuery(c, SearchParams);
    if (!params.ok) return params.response;
    privateIfSearched(c, params.value);
    const page = await hsds.listOrganizations(
      db,
      regionId(c),
      params.value.search,
      pagingOf(params.value),
    );
    return c.json(page);
  });

  app.get('/organizations/:id', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return badId(c);
    const params = parseQuery(c, OrganizationParams);
    if (!params.ok) return params.response;
    const found = await hsds.getOrganization(db, regionId(c), id.toLowerCase(), {
      fullService: params.value.full_service ?? false,
      serviceLimit: ORGANIZATION_SERVICES,
    });
    if (!found) return notFound(c, 'organisatie');
    if (found.more) c.header('link', `<${restOfServices(c.req.path, id)}>; rel="next"`);
    return c.json(found.organization);
  });

  app.get('/service_at_locations', async (c) => {
    const params = parseQuery(c, ServiceParams);
    if (!params.ok) return params.response;
    const p = params.value;
    privateIfSearched(c, p);
    const query = {
      regionId: regionId(c),
      search: p.search,
      taxonomyTermId: p.taxonomy_term_id,
      taxonomyId: p.taxonomy_id,
      organizationId: p.organization_id,
      modifiedAfter: p.modified_after,
    };
    return c.json(await hsds.listServiceAtLocations(db, query, pagingOf(p)));
  });

  app.get('/service_at_locations/:id', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return badId(c);
    const found = await hsds.getServiceAtLocation(db, regionId(c), id.toLowerCase());
    return found ? c.json(found) : notFound(c, 'dienst op een locatie');
  });

  app.get('/taxonomies', async (c) => {
    const params = parseQuery(c, SearchParams);
    if (!params.ok) return params.response;
    privateIfSearched(c, params.value);
    return c.json(await hsds.listTaxonomies(db, params.value.search, pagingOf(params.value)));
  });

  app.get('/taxonomies/:id', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return badId(c);
    const taxonomy = await hsds.getTaxonomy(db, id.toLowerCase());
    return taxonomy ? c.json(taxonomy) : notFound(c, 'taxonomie');
  });

  app.get('/taxonomy_terms', async (c) => {
    const params = parseQuery(c, TermParams);
    if (!params.ok) return params.response;
    const p = params.value;
    privateIfSearched(c, p);
    const filter = {
      search: p.search,
      taxonomyId: p.taxonomy_id,
      parentId: p.parent_id,
      topOnly: p.top_only,
    };
    return c.json(await hsds.listTerms(db, filter, pagingOf(p)));
  });

  app.get('/taxonomy_terms/:id', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return badId(c);
    const term = await hsds.getTerm(db, id.toLowerCase());
    return term ? c.json(term) : notFound(c, 'term');
  });

  return app;
}
