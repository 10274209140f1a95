/**
 * The HSDS Page as the spec describes it (openapi.json, components.schemas.Page): `empty` is "a
 * Boolean value indicating if there is an empty result set" — the whole result, not this page —
 * and `total_pages` the "count of total pages". Marke's reading (ADR 0021): an empty result is
 * still one page (page 1, empty, first and last), so `total_pages` is at least 1 and
 * `page_number ≤ total_pages` holds for every page that holds results or is the first;
 * a page after the last is an empty 200 of a non-empty result (`empty: false`, `last_page`).
 * Every answer is also checked against the spec's Page schema with ajv.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { hsdsValidator, type Page, specResponseSchema, walkPages } from '../../../test/hsds.js';
import { presentPage } from './hsds-format.js';

const API = '/api/hsds';
const NOBODY = '3f7b145d-84af-42d7-8fae-eaca714b02b2';
const validate = hsdsValidator();
const LISTS = {
  services: specResponseSchema('/services'),
  organizations: specResponseSchema('/organizations'),
  serviceAtLocations: specResponseSchema('/service_at_locations'),
  taxonomies: specResponseSchema('/taxonomies'),
  terms: specResponseSchema('/taxonomy_terms'),
};

/** What every Page must say about itself, whatever its contents. */
function expectConsistent(page: Page, perPage: number, what: string) {
  expect(page.size, what).toBe(page.contents.length);
  expect(page.empty, what).toBe(page.total_items === 0);
  expect(page.total_pages, what).toBe(Math.max(1, Math.ceil(page.total_items / perPage)));
  expect(page.first_page, what).toBe(page.page_number === 1);
  expect(page.last_page, what).toBe(page.page_number >= page.total_pages);
  if (page.size > 0 || page.page_number === 1)
    expect(page.page_number, what).toBeLessThanOrEqual(page.total_pages);
}

it('an empty result is one empty page: total_pages 1, first, last, empty', () => {
  expect(presentPage([], { total: 0, page: 1, perPage: 50 })).toEqual({
    total_items: 0,
    total_pages: 1,
    page_number: 1,
    size: 0,
    first_page: true,
    last_page: true,
    empty: true,
    contents: [],
  });
});

describeEachDatabase('HSDS pages', (get) => {
  const page = async (url: string, schema: Record<string, unknown>) => {
    const res = await testApp(get().db).app.request(url);
    expect(res.status, url).toBe(200);
    const body = (await res.json()) as Page;
    expect(validate(schema, body), url).toEqual([]);
    return body;
  };

  it('says an empty result is empty, on every list', async () => {
    const empty: [string, Record<string, unknown>][] = [
      [`/services?organization_id=${NOBODY}`, LISTS.services],
      ['/services?search=zzzqqqxxx', LISTS.services],
      ['/organizations?search=zzzqqqxxx', LISTS.organizations],
      [`/service_at_locations?organization_id=${NOBODY}`, LISTS.serviceAtLocations],
      ['/taxonomies?search=zzzqqqxxx', LISTS.taxonomies],
      [`/taxonomy_terms?parent_id=${NOBODY}`, LISTS.terms],
    ];
    for (const [path, schema] of empty) {
      const body = await page(`${API}${path}`, schema);
      expect(body, path).toMatchObject({ total_items: 0, total_pages: 1, empty: true, size: 0 });
      expectConsistent(body, 50, path);
    }
  });

  it('says a page after the last is a page of a result that is not empty', async () => {
    const after = await page(`${API}/services?per_page=100&page=1000`, LISTS.services);
    expect(after.total_items).toBeGreaterThan(0);
    expect(after).toMatchObject({ size: 0, empty: false, last_page: true, first_page: false });
    expect(after.page_number).toBeGreaterThan(after.total_pages);
    expectConsistent(after, 100, 'page 1000');
  });

  it('keeps total_pages, page_number, first and last in step on every page', async () => {
    const request = (url: string) => testApp(get().db).app.request(url);
    for (const [list, schema] of [
      ['/services', LISTS.services],
      ['/organizations', LISTS.organizations],
      ['/taxonomy_terms', LISTS.terms],
    ] as const) {
      const { pages } = await walkPages(request, `${API}${list}`);
      for (const p of pages) {
        expect(validate(schema, p), list).toEqual([]);
        expectConsistent(p, 100, `${list} page ${p.page_number}`);
      }
      expect(pages.at(-1)?.page_number, list).toBe(pages[0]?.total_pages);
    }
    const small = await page(`${API}/services?per_page=7&page=2`, LISTS.services);
    expectConsistent(small, 7, 'per_page 7');
  });
});
