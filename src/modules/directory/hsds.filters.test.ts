/**
 * The HSDS API's filters, paging and unhappy paths (issue 5 §4): each filter narrows to exactly
 * the services it names (checked against an unfiltered walk), filters add up, pages add up,
 * bad parameters give a Dutch 400, unknown ids a 404, never a 500; unpublished, rejected,
 * inactive and long-unchecked services appear nowhere.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { type Page, walkPages } from '../../../test/hsds.js';
import { taxonomyId, termId } from './directory-ids.js';

const API = '/api/hsds';
const UNKNOWN = '3f7b145d-84af-42d7-8fae-eaca714b02b2';
const TEST_TAXONOMY = '00000000-0000-4000-8000-00000000cc01';
const TEST_TERM = '00000000-0000-4000-8000-00000000cc02';
type Json = Record<string, unknown>;
type Item = Json & { id: string; organization_id: string; attributes: Json[] };

const hasTerm = (item: Item, term: string) =>
  item.attributes.some((a) => a.taxonomy_term_id === term);

describeEachDatabase('HSDS API filters, paging and errors', (get) => {
  // One app until a test changes data (building one takes ~0.3 s); its page cache would keep
  // the old answers, so a test that writes calls changed() to get a new one.
  let app: ReturnType<typeof testApp>['app'] | undefined;
  const request = (url: string) => {
    app ??= testApp(get().db).app;
    return app.request(url);
  };
  const changed = () => {
    app = undefined;
  };
  const page = async (url: string) => {
    const res = await request(url);
    expect(res.status, url).toBe(200);
    return (await res.json()) as Omit<Page, 'contents'> & { contents: Item[] };
  };
  const all = async (url: string) => (await walkPages(request, url)).items as Item[];
  let services: Item[] = [];

  beforeAll(async () => {
    services = await all(`${API}/services`);
  });

  it('narrows by taxonomy_term_id to exactly the services with that need', async () => {
    const dementie = termId('hulpvraag', 'dementie');
    const found = await all(`${API}/services?taxonomy_term_id=${dementie}`);
    const expected = services.filter((s) => hasTerm(s, dementie));
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(services.length);
    expect(found.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    // Upper case is the same uuid.
    const upper = await page(`${API}/services?taxonomy_term_id=${dementie.toUpperCase()}`);
    expect(upper.total_items).toBe(expected.length);
  });

  it('narrows by taxonomy_id to the services with any term of that taxonomy', async () => {
    const db = get().db;
    const chosen = services.slice(3, 5).map((s) => s.id);
    await db
      .insertInto('hsds_taxonomy')
      .values({
        id: TEST_TAXONOMY,
        name: 'Testtaxonomie',
        description: 'Alleen voor de test',
        uri: null,
        version: null,
      })
      .execute();
    await db
      .insertInto('hsds_taxonomy_term')
      .values({
        id: TEST_TERM,
        taxonomy_id: TEST_TAXONOMY,
        code: 't',
        name: 'T',
        description: 'Test',
        parent_id: null,
        term_uri: null,
        keywords: '[]',
      })
      .execute();
    await db
      .insertInto('hsds_attribute')
      .values(
        chosen.map((id, i) => ({
          id: `00000000-0000-4000-8000-00000000cd0${i}`,
          link_id: id,
          link_type: 't',
          link_entity: 'service' as const,
          taxonomy_term_id: TEST_TERM,
          value: null,
        })),
      )
      .execute();
    // Every change in Marke bumps the data version; the term index is memoised on it.
    await sql`update data_version set version = version + 1`.execute(db);
    changed();
    const found = await all(`${API}/services?taxonomy_id=${TEST_TAXONOMY}`);
    expect(found.map((s) => s.id).sort()).toEqual([...chosen].sort());
    const needs = await page(`${API}/services?taxonomy_id=${taxonomyId('hulpvraag')}`);
    expect(needs.total_items).toBe(services.length);
    const terms = await page(`${API}/taxonomy_terms?taxonomy_id=${TEST_TAXONOMY}`);
    expect(terms.contents.map((t) => t.id)).toEqual([TEST_TERM]);
  });

  it('narrows by organization_id, and filters add up (AND)', async () => {
    const organization = services.find(
      (s) => services.filter((o) => o.organization_id === s.organization_id).length > 5,
    )?.organization_id;
    const own = services.filter((s) => s.organization_id === organization);
    const found = await all(`${API}/services?organization_id=${organization}`);
    expect(found.map((s) => s.id).sort()).toEqual(own.map((s) => s.id).sort());
    expect(found.length).toBeLessThan(services.length);
    const mantelzorg = termId('hulpvraag', 'mantelzorg');
    const both = await all(
      `${API}/services?organization_id=${organization}&taxonomy_term_id=${mantelzorg}`,
    );
    const expected = own.filter((s) => hasTerm(s, mantelzorg));
    expect(both.length).toBeLessThan(own.length);
    expect(both.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    const none = await page(`${API}/services?organization_id=${UNKNOWN}`);
    expect(none).toMatchObject({ total_items: 0, total_pages: 1, empty: true, contents: [] });
  });

  it('narrows by modified_after, on or after the moment, time zones included', async () => {
    const db = get().db;
    const recent = services.slice(0, 2).map((s) => s.id);
    await db.updateTable('hsds_service').set({ last_modified: '2026-01-01T00:00:00Z' }).execute();
    await db
      .updateTable('hsds_service')
      .set({ last_modified: '2026-06-01T12:00:00Z' })
      .where('id', 'in', recent)
      .execute();
    changed();
    for (const [after, expected] of [
      ['2026-06-01', recent],
      ['2026-06-01T12:00:00Z', recent],
      ['2026-06-01T14:00:00%2B02:00', recent],
      ['2026-06-01T12:00:01Z', []],
      ['2026-06-01T14:00:01%2B0200', []],
      ['2025-12-31', services.map((s) => s.id)],
    ] as const) {
      const found = await all(`${API}/services?modified_after=${after}`);
      expect(found.map((s) => s.id).sort(), after).toEqual([...expected].sort());
    }
  });

  it('narrows by search (Dutch full text), and search adds up with a filter', async () => {
    const found = await all(`${API}/services?search=dementie`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(services.length);
    for (const s of found)
      expect(
        JSON.stringify([s.name, s.description, s.eligibility_description]).toLowerCase(),
      ).toContain('dement');
    const res = await request(`${API}/services?search=GrollooZorgt`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const named = ((await res.json()) as Page).contents as Item[];
    expect(named.map((s) => s.name)).toContain('GrollooZorgt');
    expect(named.length).toBeLessThan(5);
    const nothing = await page(`${API}/services?search=xqzvblorp`);
    expect(nothing).toMatchObject({
      total_items: 0,
      empty: true,
      first_page: true,
      last_page: true,
    });
    const organizations = await page(`${API}/organizations?search=Grolloo`);
    expect(organizations.contents.map((o) => o.name)).toContain('Markehuis in Grolloo');
    expect(organizations.total_items).toBeLessThan(
      (await page(`${API}/organizations`)).total_items,
    );
    const terms = await page(`${API}/taxonomy_terms?search=eenzaam`);
    expect(terms.contents.map((t) => t.code)).toContain('eenzaamheid');
  });

  it('pages add up: page 2, the last page and a page beyond the end', async () => {
    const total = services.length;
    const pages = Math.ceil(total / 7);
    const first = await page(`${API}/services?per_page=7`);
    expect(first).toMatchObject({
      total_items: total,
      total_pages: pages,
      page_number: 1,
      size: 7,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const second = await page(`${API}/services?per_page=7&page=2`);
    expect(second).toMatchObject({ page_number: 2, size: 7, first_page: false, last_page: false });
    expect(second.contents.map((s) => s.id)).toEqual(services.slice(7, 14).map((s) => s.id));
    const last = await page(`${API}/services?per_page=7&page=${pages}`);
    expect(last).toMatchObject({
      page_number: pages,
      size: total - 7 * (pages - 1),
      last_page: true,
      empty: false,
    });
    const beyond = await page(`${API}/services?per_page=7&page=${pages + 1}`);
    expect(beyond).toMatchObject({
      total_items: total,
      page_number: pages + 1,
      size: 0,
      // `empty` is about the result (hsds.page.test.ts): this one has services, this page none.
      empty: false,
      last_page: true,
      contents: [],
    });
    const byDefault = await page(`${API}/services`);
    expect(byDefault.size).toBe(Math.min(50, total));
    const walked: string[] = [];
    for (let n = 1; n <= pages; n++)
      walked.push(
        ...(await page(`${API}/services?per_page=7&page=${n}`)).contents.map((s) => s.id),
      );
    expect(walked).toEqual(services.map((s) => s.id));
    const spec = Object.keys(first).sort();
    expect(spec).toEqual([
      'contents',
      'empty',
      'first_page',
      'last_page',
      'page_number',
      'size',
      'total_items',
      'total_pages',
    ]);
  });

  it('answers an unknown id with a Dutch 404 on every detail endpoint', async () => {
    for (const path of [
      'services',
      'organizations',
      'service_at_locations',
      'taxonomies',
      'taxonomy_terms',
    ]) {
      const res = await request(`${API}/${path}/${UNKNOWN}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as Json).detail).toContain('Er is geen');
    }
    expect((await request('/api/v1/regions/atlantis/hsds/services')).status).toBe(404);
  });

  it('answers bad parameters with a Dutch 400 problem, and never a 500', async () => {
    const term = termId('hulpvraag', 'dementie');
    const bad: [string, string][] = [
      ['/services?page=0', 'page moet een heel getal zijn van 1 tot en met 100000'],
      ['/services?page=-1', 'page moet'],
      ['/services?page=1.5', 'page moet'],
      ['/services?page=abc', 'page moet'],
      ['/services?page=99999999999', 'page moet'],
      ['/services?per_page=0', 'per_page moet een heel getal zijn van 1 tot en met 100'],
      ['/services?per_page=10000', 'per_page moet'],
      ['/services?per_page=', 'per_page moet'],
      ['/services?modified_after=gisteren', 'modified_after moet een datum of tijdstip zijn'],
      ['/services?modified_after=2026-02-30', 'modified_after moet'],
      ['/services?modified_after=2026-01-31T25:00', 'modified_after moet'],
      ['/services?modified_after=9999-12-31T23:00:00-12:00', 'modified_after moet'],
      ['/services?modified_after=0001-01-01', 'modified_after moet'],
      [`/services?search=${'x'.repeat(201)}`, 'search mag hoogstens 200 tekens'],
      [`/services?search=${'dementie '.repeat(600)}`, 'search mag hoogstens'],
      ['/services?taxonomy_term_id=dementie', 'taxonomy_term_id moet een uuid zijn'],
      ["/services?organization_id=1'%20or%201=1", 'organization_id moet een uuid zijn'],
      ['/services?taxonomy_id=%00', 'taxonomy_id moet een uuid zijn'],
      [
        `/services?taxonomy_term_id=${term}&taxonomy_term_id=${term}`,
        'Geef elke parameter één keer mee',
      ],
      ['/services?utm_source=krant', 'Deze parameter(s) kent dit adres niet: utm_source'],
      ['/services?format=ndjson', 'kent dit adres niet: format'],
      [`/services/${UNKNOWN}?full=true`, 'kent dit adres niet: full'],
      ['/services/abc', 'Een id in deze API is een uuid'],
      ['/services/%00', 'Een id in deze API is een uuid'],
      [`/services/${UNKNOWN}x`, 'uuid'],
      ['/organizations?per_page=101', 'per_page moet'],
      [`/organizations/${UNKNOWN}?full_service=ja`, 'full_service is true of false'],
      ['/organizations/abc', 'uuid'],
      ['/service_at_locations?page=0', 'page moet'],
      ['/service_at_locations/abc', 'uuid'],
      ['/taxonomies?taxonomy_id=x', 'kent dit adres niet'],
      ['/taxonomies/abc', 'uuid'],
      ['/taxonomy_terms?top_only=yes', 'top_only is true of false'],
      ['/taxonomy_terms?parent_id=x', 'parent_id moet een uuid zijn'],
      ['/taxonomy_terms/abc', 'uuid'],
      ['?x=1', 'kent dit adres niet: x'],
    ];
    for (const [path, message] of bad) {
      const res = await request(`${API}${path}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      const body = (await res.json()) as { status: number; title: string; detail: string };
      expect(body.status).toBe(400);
      expect(body.detail, path).toContain(message);
    }
    for (const path of [
      '/services?search=%00%01',
      '/services?search=de%20het%20een',
      '/services?search=%22%27%3B%20drop%20table',
      '/services?search=a%20OR%20-b%20%22c',
      '/services?search=%E2%80%8B',
      '/services?search=%F0%9F%98%80',
      '/services?modified_after=2026-01-31T09:00:00.123456789Z',
      '/taxonomy_terms?top_only=true&search=%3C%3E',
    ])
      expect((await request(`${API}${path}`)).status, path).toBe(200);
  });

  it('shows no unpublished, rejected, inactive or long-unchecked service anywhere', async () => {
    const db = get().db;
    const counts = new Map<string, number>();
    for (const s of services)
      counts.set(s.organization_id, (counts.get(s.organization_id) ?? 0) + 1);
    const lone = services.find((s) => counts.get(s.organization_id) === 1) as Item;
    const others = services.filter((s) => s.id !== lone.id && counts.get(s.organization_id) !== 1);
    const [submitted, inactive, unchecked, neverChecked] = others;
    const hidden = [lone, submitted, inactive, unchecked, neverChecked].map((s) => s?.id ?? '');
    await db
      .updateTable('hsds_service')
      .set({ review_status: 'afgewezen' })
      .where('id', '=', lone.id)
      .execute();
    await db
      .updateTable('hsds_service')
      .set({ review_status: 'ingediend' })
      .where('id', '=', hidden[1] ?? '')
      .execute();
    await db
      .updateTable('hsds_service')
      .set({ status: 'inactive' })
      .where('id', '=', hidden[2] ?? '')
      .execute();
    await db
      .updateTable('hsds_service')
      .set({ assured_date: '2020-01-01' })
      .where('id', '=', hidden[3] ?? '')
      .execute();
    await db
      .updateTable('hsds_service')
      .set({ assured_date: null, created_at: new Date('2020-01-01') })
      .where('id', '=', hidden[4] ?? '')
      .execute();
    const location = '00000000-0000-4000-8000-00000000ce01';
    const sal = '00000000-0000-4000-8000-00000000ce02';
    const region = await db.selectFrom('region').select('id').executeTakeFirstOrThrow();
    await db
      .insertInto('hsds_location')
      .values({
        id: location,
        region_id: region.id,
        location_type: 'virtual',
        url: 'https://example.nl',
      })
      .execute();
    await db
      .insertInto('hsds_service_at_location')
      .values({ id: sal, service_id: hidden[1] ?? '', location_id: location, description: null })
      .execute();
    changed();

    const listed = await all(`${API}/services`);
    expect(listed.length).toBe(services.length - hidden.length);
    for (const id of hidden) {
      expect(
        listed.map((s) => s.id),
        id,
      ).not.toContain(id);
      expect((await request(`${API}/services/${id}`)).status, id).toBe(404);
    }
    const needs = await all(`${API}/services?taxonomy_id=${taxonomyId('hulpvraag')}`);
    expect(needs.filter((s) => hidden.includes(s.id))).toEqual([]);
    const organizations = await all(`${API}/organizations`);
    expect(organizations.map((o) => o.id)).not.toContain(lone.organization_id);
    expect((await request(`${API}/organizations/${lone.organization_id}`)).status).toBe(404);
    for (const id of hidden.slice(1)) {
      const owner = services.find((s) => s.id === id)?.organization_id;
      const detail = (await (
        await request(`${API}/organizations/${owner}?full_service=true`)
      ).json()) as { services: Item[] };
      expect(detail.services.map((s) => s.id)).not.toContain(id);
    }
    expect((await page(`${API}/service_at_locations`)).contents.map((s) => s.id)).not.toContain(
      sal,
    );
    expect((await request(`${API}/service_at_locations/${sal}`)).status).toBe(404);
    await db
      .updateTable('hsds_service')
      .set({ review_status: 'goedgekeurd' })
      .where('id', '=', hidden[1] ?? '')
      .execute();
    changed();
    expect((await page(`${API}/service_at_locations`)).contents.map((s) => s.id)).toContain(sal);
  });
});
