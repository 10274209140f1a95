/**
 * The HSDS API against the HSDS 3.0 JSON schemas (issue 5 §4): every endpoint's real answers on
 * the seeded Drenthe directory (real and demo listings, plus one service given every nested part)
 * validate against the spec's schemas, through the response schemas of the spec's openapi.json.
 * The validator is shown to fail on broken objects. Demo listings carry `voorbeeld`; nothing of
 * moderation or of people leaks; a page costs the same number of queries whatever its size.
 */
import type { KyselyPlugin } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import {
  addNestedParts,
  hsdsValidator,
  keysDeep,
  localKey,
  PRIVATE_MARKERS,
  SPEC_OPENAPI,
  schemaFiles,
  specResponseSchema,
  walkPages,
} from '../../../test/hsds.js';
import { openApiDocument } from '../../web/openapi.js';
import { termId } from './directory-ids.js';
import { HSDS_PARAMETERS, ORGANIZATION_SERVICES } from './hsds.api.js';
import { hsdsServicesOfRegion } from './hsds.service.js';
import { PROFILE_TAXONOMY } from './profile.js';

const API = '/api/hsds';
const REGIONAL = '/api/v1/regions/drenthe/hsds';
const SAL = '00000000-0000-4000-8000-00000000aa01';
const LOCATION = '00000000-0000-4000-8000-00000000bb01';
const VOORBEELD = termId(PROFILE_TAXONOMY, 'voorbeeld');
type Json = Record<string, unknown>;

const validate = hsdsValidator();
const SCHEMAS = {
  root: specResponseSchema('/'),
  services: specResponseSchema('/services'),
  organizations: specResponseSchema('/organizations'),
  serviceAtLocations: specResponseSchema('/service_at_locations'),
  taxonomies: specResponseSchema('/taxonomies'),
  terms: specResponseSchema('/taxonomy_terms'),
};

describe('the HSDS validator', () => {
  it('maps the spec’s response schemas to the vendored files', () => {
    expect(SCHEMAS.services).toMatchObject({ allOf: [{ $ref: 'Page' }] });
    expect(specResponseSchema('/services/{id}')).toEqual({ $ref: 'service.json' });
    expect(specResponseSchema('/organizations/{id}')).toEqual({ $ref: 'organization.json' });
  });

  it('is not toothless: broken objects fail', () => {
    const service = {
      id: '3f7b145d-84af-42d7-8fae-eaca714b02b2',
      name: 'Dienst',
      status: 'active',
    };
    expect(validate('service.json', service)).toEqual([]);
    const { name: _, ...nameless } = service;
    expect(validate('service.json', nameless).join()).toContain(
      "must have required property 'name'",
    );
    expect(validate('service.json', { ...service, description: null }).join()).toContain(
      '/description must be string',
    );
    expect(validate('service.json', { ...service, status: 'open' })).not.toEqual([]);
    expect(validate('service.json', { ...service, id: 'abc' }).join()).toContain('uuid');
    expect(validate('service.json', { ...service, url: 'www.example.nl' }).join()).toContain('uri');
    // Nested $refs resolve: a term inside an attribute inside a service is checked too.
    const attribute = { id: service.id, taxonomy_term: { id: service.id, name: 'x' } };
    expect(validate('service.json', { ...service, attributes: [attribute] }).join()).toContain(
      "/attributes/0/taxonomy_term must have required property 'description'",
    );
    const page = { total_items: 1, contents: [{ ...service, status: 'gesloten' }] };
    expect(validate(SCHEMAS.services, page)).not.toEqual([]);
    expect(validate(SCHEMAS.services, { ...page, total_items: '1' })).not.toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  type Operation = { get: { parameters?: { name: string; in: string }[] } };
  const paths = openApiDocument().paths as Record<string, Operation>;

  it('has every path of the spec’s openapi.json, under both prefixes', () => {
    for (const base of [API, '/api/v1/regions/{region}/hsds'])
      for (const path of Object.keys(SPEC_OPENAPI.paths))
        expect(paths[`${base}${path === '/' ? '' : path}`], `${base}${path}`).toBeDefined();
  });

  it('lists exactly the query parameters each path takes (the strict query rules)', () => {
    const taken: Record<string, readonly string[]> = {
      '': [],
      '/services': HSDS_PARAMETERS.services,
      '/services/{id}': [],
      '/organizations': HSDS_PARAMETERS.organizations,
      '/organizations/{id}': HSDS_PARAMETERS.organization,
      '/service_at_locations': HSDS_PARAMETERS.service_at_locations,
      '/service_at_locations/{id}': [],
      '/taxonomies': HSDS_PARAMETERS.taxonomies,
      '/taxonomies/{id}': [],
      '/taxonomy_terms': HSDS_PARAMETERS.taxonomy_terms,
      '/taxonomy_terms/{id}': [],
    };
    for (const base of [API, '/api/v1/regions/{region}/hsds'])
      for (const [path, names] of Object.entries(taken)) {
        const documented = paths[`${base}${path}`]?.get.parameters?.filter((p) => p.in === 'query');
        expect(documented?.map((p) => p.name).sort(), `${base}${path}`).toEqual([...names].sort());
      }
  });

  it('refers only to spec schemas this test has', () => {
    const refs = JSON.stringify(paths).match(/https:\/\/raw\.githubusercontent[^"]+/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    const vendored = schemaFiles();
    for (const ref of refs) expect(vendored.has(localKey(ref)), ref).toBe(true);
  });
});

describeEachDatabase('HSDS API against the HSDS 3.0 schemas', (get) => {
  // One app for the whole block (building one takes ~0.3 s): the data only changes in beforeAll.
  let app: ReturnType<typeof testApp>['app'] | undefined;
  const request = (url: string) => {
    app ??= testApp(get().db).app;
    return app.request(url);
  };
  const json = async (url: string) => {
    const res = await request(url);
    expect(res.status, url).toBe(200);
    expect(res.headers.get('content-type'), url).toContain('application/json');
    return (await res.json()) as Json;
  };
  const expectValid = (schema: string | Json, value: unknown, what: string) =>
    expect(validate(schema, value), what).toEqual([]);
  let demoService = '';

  beforeAll(async () => {
    const db = get().db;
    const demo = await db
      .selectFrom('hsds_service')
      .select(['id', 'organization_id', 'region_id'])
      .where('is_demo', '=', true)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    demoService = demo.id;
    await addNestedParts(db, {
      service: demo.id,
      organization: demo.organization_id,
      regionId: demo.region_id,
      sal: SAL,
      location: LOCATION,
    });
  });

  it('answers / with the version, the profile and the OpenAPI document', async () => {
    for (const base of [API, REGIONAL]) {
      const root = await json(base);
      expectValid(SCHEMAS.root, root, base);
      expect(root.version).toBe('3.0');
      expect(root.openapi_url).toBe('http://localhost/api/openapi.json');
      expect(String(root.profile)).toMatch(
        /^http:\/\/localhost(\/regio\/drenthe)?\/open-data#hulpwijzer-hsds$/,
      );
      expect(JSON.stringify(root.marke_profile)).toContain('hulpladder');
    }
    const page = await request('/open-data');
    expect(await page.text()).toContain('id="hulpwijzer-hsds"');
    // Behind a trusted proxy the URLs take the scheme it forwarded; the answer is not cached.
    const https = { headers: { 'x-forwarded-proto': 'https' } };
    const proxied = await testApp(get().db, { MARKE_TRUST_PROXY: '1' }).app.request(API, https);
    expect(proxied.headers.get('cache-control')).toBe('no-store');
    expect(((await proxied.json()) as Json).openapi_url).toBe('https://localhost/api/openapi.json');
    const untrusted = (await (await testApp(get().db).app.request(API, https)).json()) as Json;
    expect(untrusted.openapi_url).toBe('http://localhost/api/openapi.json');
  });

  it('validates every page of /services and every service in full', async () => {
    const { items, pages } = await walkPages(request, `${API}/services`);
    for (const page of pages) expectValid(SCHEMAS.services, page, 'services page');
    expect(items.length).toBeGreaterThan(100);
    for (const item of items)
      for (const attribute of item.attributes as Json[])
        expectValid('attribute.json', attribute, `${item.name} attribute`);
    for (const item of items) {
      const service = await json(`${API}/services/${item.id}`);
      expectValid('service.json', service, String(item.name));
      expect(service.name).toBe(item.name);
    }
  });

  it('nests every part of a service as the spec describes', async () => {
    const service = await json(`${API}/services/${demoService}`);
    expectValid('service.json', service, 'the service with every part');
    const sal = (service.service_at_locations as Json[])[0] ?? {};
    const location = sal.location as Json;
    expect(location.addresses).toHaveLength(1);
    expect(location.accessibility).toHaveLength(1);
    expect((location.phones as Json[]).map((p) => p.number)).toEqual(['0592 000001']);
    expect((sal.phones as Json[]).map((p) => p.number)).toEqual(['0592 000002']);
    expect(sal.schedules).toHaveLength(1);
    const [phone] = service.phones as Json[];
    expect(phone).toMatchObject({ number: '0592 000000', languages: [{ code: 'en' }] });
    const [contact] = service.contacts as Json[];
    expect(contact).toMatchObject({ email: 'balie@example.nl', phones: [{ extension: 12 }] });
    expect(service.cost_options).toEqual([
      expect.objectContaining({ amount: 2.5, currency: 'EUR', valid_from: '2026-01-01' }),
    ]);
    expect(service.schedules).toEqual([expect.objectContaining({ timezone: 1, byday: 'TU' })]);
    expect(service.minimum_age).toBe(18);
    expect(service.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(service.last_modified)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // Values the schemas would refuse are left out, not sent broken.
    expect((location.schedules as Json[])[0]).not.toHaveProperty('schedule_link');
    // A demo location says so, and carries its CBS area as the profile attribute.
    const codes = (location.attributes as Json[]).map((a) => [a.link_type, a.value]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['voorbeeld', 'ja'],
        ['cbs-gebiedscode', 'GM0106'],
      ]),
    );
    expect(service.metadata).toEqual([
      expect.objectContaining({ field_name: 'name', updated_by: 'redactie Hulpwijzer' }),
    ]);
    expect(JSON.stringify(service)).not.toContain(':null');
  });

  it('validates /organizations and every organization, with its services', async () => {
    const { items, pages } = await walkPages(request, `${API}/organizations`);
    for (const page of pages) expectValid(SCHEMAS.organizations, page, 'organizations page');
    for (const item of items) {
      const organization = await json(`${API}/organizations/${item.id}`);
      expectValid('organization.json', organization, String(item.name));
      const services = organization.services as Json[];
      expect(services.length, String(item.name)).toBeGreaterThan(0);
      for (const s of services) expectValid('service_list.json', s, `${item.name}: ${s.name}`);
      const full = await json(`${API}/organizations/${item.id}?full_service=true`);
      for (const s of full.services as Json[]) expectValid('service.json', s, `${s.name} (full)`);
    }
    const withParts = items.find((o) => JSON.stringify(o.attributes).includes(VOORBEELD)) as Json;
    const organization = await json(`${API}/organizations/${withParts.id}`);
    expect(organization.phones).toEqual([expect.objectContaining({ number: '0592 000004' })]);
    // An address the e-mail format refuses is left out; the contact stays.
    expect(organization.contacts).toEqual([
      { id: expect.any(String), organization_id: withParts.id, name: 'Secretariaat', phones: [] },
    ]);
    expect((organization.locations as Json[]).map((l) => l.id)).toEqual([LOCATION]);
  });

  it('validates /service_at_locations and each one', async () => {
    const { items, pages } = await walkPages(request, `${API}/service_at_locations`);
    for (const page of pages) expectValid(SCHEMAS.serviceAtLocations, page, 'sal page');
    expect(items.map((i) => i.id)).toEqual([SAL]);
    const listed = ((items[0]?.location ?? {}) as Json).attributes as Json[];
    expect(listed.map((a) => a.link_type).sort()).toEqual(['cbs-gebiedscode', 'voorbeeld']);
    for (const attribute of listed) expectValid('attribute.json', attribute, 'location attribute');
    const sal = await json(`${API}/service_at_locations/${SAL}`);
    // The spec's openapi.json names the service schema here, a slip: a service_at_location is
    // checked against its own schema, and the service in it against the service list item.
    expectValid('service_at_location.json', sal, 'service_at_location');
    expectValid('service_list.json', sal.service, 'its service');
    expect((sal.location as Json).addresses).toHaveLength(1);
  });

  it('validates /taxonomies and /taxonomy_terms and each one', async () => {
    const taxonomies = await walkPages(request, `${API}/taxonomies`);
    for (const page of taxonomies.pages) expectValid(SCHEMAS.taxonomies, page, 'taxonomies');
    expect(taxonomies.items.map((t) => t.name)).toEqual([
      'Hulpladder',
      'Hulpvraag',
      'Marke-profiel',
    ]);
    for (const t of taxonomies.items)
      expectValid('taxonomy.json', await json(`${API}/taxonomies/${t.id}`), String(t.name));
    const terms = await walkPages(request, `${API}/taxonomy_terms`);
    for (const page of terms.pages) expectValid(SCHEMAS.terms, page, 'terms');
    expect(terms.items.length).toBeGreaterThan(20);
    for (const t of terms.items)
      expectValid(
        'taxonomy_term.json',
        await json(`${API}/taxonomy_terms/${t.id}`),
        String(t.name),
      );
  });

  it('gives the same answers under /api/v1/regions/{region}/hsds', async () => {
    for (const path of [
      '/services?per_page=100',
      `/services/${demoService}`,
      '/organizations',
      `/service_at_locations/${SAL}`,
      '/taxonomy_terms?per_page=5',
    ])
      expect(await json(`${REGIONAL}${path}`), path).toEqual(await json(`${API}${path}`));
  });

  it('marks every demo listing with voorbeeld, and no real one', async () => {
    const demo = new Set(
      (
        await get().db.selectFrom('hsds_service').select('id').where('is_demo', '=', true).execute()
      ).map((r) => r.id),
    );
    const { items } = await walkPages(request, `${API}/services`);
    for (const item of items) {
      const marked = (item.attributes as Json[]).some(
        (a) => a.taxonomy_term_id === VOORBEELD && a.value === 'ja',
      );
      expect(marked, String(item.name)).toBe(demo.has(String(item.id)));
      const orgMarked = JSON.stringify((item.organization as Json).attributes).includes(VOORBEELD);
      expect(orgMarked, `${item.name} organization`).toBe(demo.has(String(item.id)));
    }
  });

  it('leaks no moderation field, reviewer, submitter or editor', async () => {
    const bodies = [
      await request(`${API}/services?per_page=100`),
      await request(`${API}/services/${demoService}`),
      await request(`${API}/service_at_locations/${SAL}`),
      ...(await Promise.all(
        (
          await walkPages(request, `${API}/organizations`)
        ).items.map((o) => request(`${API}/organizations/${o.id}?full_service=true`)),
      )),
    ];
    for (const res of bodies) {
      const text = await res.text();
      for (const marker of PRIVATE_MARKERS) expect(text).not.toContain(marker);
      const keys = keysDeep(JSON.parse(text));
      for (const key of [
        'submitted_by',
        'reviewed_by',
        'review_note',
        'review_status',
        'assurer_email',
        'seeded_from',
        'is_demo',
        'search_vector',
        'region_id',
      ])
        expect(keys.has(key), key).toBe(false);
    }
  });

  it('costs the same number of queries for 5 or 100 services on a page (no N+1)', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = get().db.withPlugin(counter);
    // A new app each time: the page cache of one would answer the second request itself.
    const count = async (url: string) => {
      const counted = testApp(db).app;
      queries = 0;
      expect((await counted.request(url)).status).toBe(200);
      return queries;
    };
    for (const [small, large] of [
      [`${API}/services?per_page=5`, `${API}/services?per_page=100`],
      [`${API}/organizations?per_page=1`, `${API}/organizations?per_page=100`],
    ] as const) {
      await count(small); // the terms are memoised from here on
      expect(await count(large), large).toBe(await count(small));
    }
    // Fully nested: a fixed number of queries however many services an organization has.
    const organizations = (await json(`${API}/organizations?per_page=100`)).contents as Json[];
    let most = 0;
    for (const o of organizations) {
      const full = await json(`${API}/organizations/${o.id}?full_service=true`);
      most = Math.max(most, (full.services as Json[]).length);
      expect(
        await count(`${API}/organizations/${o.id}?full_service=true`),
        String(o.name),
      ).toBeLessThan(40);
    }
    expect(most).toBe(ORGANIZATION_SERVICES);
    queries = 0;
    const all = await hsdsServicesOfRegion(
      db,
      (await get().db.selectFrom('region').select('id').executeTakeFirstOrThrow()).id,
    );
    expect(all.length).toBeGreaterThan(100);
    expect(queries).toBeLessThan(20);
  });
});
