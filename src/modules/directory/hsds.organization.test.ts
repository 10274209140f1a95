/**
 * `/organizations/{id}` is bounded (ADR 0021): an organization answer holds at most 100 of its
 * services — exactly page 1 of `/services?organization_id=…&per_page=100` — and, when it has
 * more, a `Link: rel="next"` to page 2 of that list. With 10 000 services the unbounded answer
 * was 21 MB and took 15 s (BENCHMARKS.md, "Hulpwijzer open data").
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { hsdsValidator, type Page } from '../../../test/hsds.js';
import { ORGANIZATION_SERVICES } from './hsds.api.js';

const API = '/api/hsds';
const REGIONAL = '/api/v1/regions/drenthe/hsds';
const EXTRA = 150;
type Json = Record<string, unknown>;
const validate = hsdsValidator();

describeEachDatabase('HSDS organization with many services', (get) => {
  let app: ReturnType<typeof testApp>['app'];
  let organization = '';
  let small = '';
  const json = async (url: string) => {
    const res = await app.request(url);
    expect(res.status, url).toBe(200);
    return { res, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    const db = get().db;
    const demo = await db
      .selectFrom('hsds_service')
      .select(['organization_id', 'region_id'])
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    organization = demo.organization_id;
    // Generated voorbeeld services (test data), approved and checked today: all visible.
    await sql`insert into hsds_service (id, region_id, organization_id, name, description, status,
        is_demo, review_status, assured_date)
      select gen_random_uuid(), ${demo.region_id}, ${organization}::uuid,
        'Voorbeeld ' || lpad(n::text, 3, '0'), 'Verzonnen dienst (voorbeelddata).', 'active',
        true, 'goedgekeurd', current_date
      from generate_series(1, ${EXTRA}) n`.execute(db);
    const other = await db
      .selectFrom('hsds_service')
      .select('organization_id')
      .where('organization_id', '!=', organization)
      .where('review_status', '=', 'goedgekeurd')
      .executeTakeFirstOrThrow();
    small = other.organization_id;
    app = testApp(db).app;
  });

  it('holds page 1 of the organization’s services and links to page 2', async () => {
    const list = `${API}/services?organization_id=${organization}&per_page=${ORGANIZATION_SERVICES}`;
    const page1 = (await json(`${list}&page=1`)).body as Page;
    expect(page1.total_items).toBeGreaterThan(EXTRA);
    for (const full of [false, true]) {
      const { res, body } = await json(
        `${API}/organizations/${organization}${full ? '?full_service=true' : ''}`,
      );
      expect(validate('organization.json', body)).toEqual([]);
      const services = body.services as Json[];
      expect(services).toHaveLength(ORGANIZATION_SERVICES);
      expect(services.map((s) => s.id)).toEqual(page1.contents.map((s) => s.id));
      if (full) for (const s of services.slice(0, 3)) expect(s).toHaveProperty('service_areas');
      expect(res.headers.get('link')).toBe(`<${list}&page=2>; rel="next"`);
    }
    const page2 = (await json(`${list}&page=2`)).body as Page;
    expect(page2.size).toBe(
      Math.min(ORGANIZATION_SERVICES, page1.total_items - ORGANIZATION_SERVICES),
    );
    const first = new Set(page1.contents.map((s) => s.id));
    expect(page2.contents.filter((s) => first.has(s.id))).toEqual([]);
  });

  it('links under the prefix it was asked with, and not at all when all services fit', async () => {
    const { res } = await json(`${REGIONAL}/organizations/${organization.toUpperCase()}`);
    expect(res.headers.get('link')).toBe(
      `<${REGIONAL}/services?organization_id=${organization}&per_page=${ORGANIZATION_SERVICES}&page=2>; rel="next"`,
    );
    const lone = await json(`${API}/organizations/${small}`);
    expect(lone.res.headers.get('link')).toBeNull();
    expect((lone.body.services as Json[]).length).toBeLessThan(ORGANIZATION_SERVICES);
  });
});
