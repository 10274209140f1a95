/**
 * Unhappy paths across the site: parameters that are not slugs or codes, unknown query
 * parameters, chapter-1 goal numbers, cached downloads keeping their headers, region branding.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/db.js';
import { importPlanFromDirectory } from '../modules/plan/index.js';

describeEachDatabase('hardening', (get) => {
  const request = (path: string, init?: RequestInit) => testApp(get().db).app.request(path, init);

  it.each([
    '/doelen/%25',
    '/doelen/%E0%A4%A',
    '/programmas/%00',
    '/plan/%00',
    '/organisaties/a%00b',
    '/regio/a%00b/',
    '/opgaven/99999999999',
    `/initiatieven/${'x'.repeat(500)}`,
  ])('%s is a 404, never a 500', async (path) => {
    expect((await request(path)).status).toBe(404);
  });

  it.each([
    '/api/v1/regions/drenthe/goals/%25',
    '/api/v1/regions/a%00b/goals',
    '/api/v1/regions/drenthe/opgaven/99999999999',
  ])('%s answers problem+json, never a 500', async (path) => {
    const res = await request(path);
    expect([400, 404]).toContain(res.status);
    expect(res.headers.get('content-type')).toContain('problem+json');
  });

  it('answers unknown query parameters with a clear 400', async () => {
    const page = await request('/doelen/2.1.1?foo=bar');
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('foo');
    const api = await request('/api/v1/regions/drenthe/opgaven?x=1');
    expect(api.status).toBe(400);
    expect(api.headers.get('content-type')).toContain('problem+json');
    expect((await request('/zoeken?q=zorg')).status).toBe(200);
  });

  it('sends chapter-1 goal numbers to the same goal and finds goals by code in search', async () => {
    const res = await request('/doelen/1.1.1');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/doelen/2.1.1');
    const search = await (await request('/zoeken?q=2.1.1')).text();
    expect(search).toContain('href="/doelen/2.1.1"');
    const op = await (await request('/zoeken?q=2.2.1.b')).text();
    expect(op).toContain('href="/doelen/2.2.1.b"');
  });

  it('keeps download headers on a cached CSV export', async () => {
    const { app } = testApp(get().db);
    const first = await app.request('/api/v1/regions/drenthe/export/programmes.csv');
    const second = await app.request('/api/v1/regions/drenthe/export/programmes.csv');
    expect(second.headers.get('x-marke-cache')).toBe('hit');
    expect(second.headers.get('content-disposition')).toBe(
      first.headers.get('content-disposition'),
    );
    expect(second.headers.get('content-disposition')).toContain('attachment');
    expect(second.headers.get('content-type')).toContain('text/csv');
  });

  it('brands each region with its own plan, and gives an empty entity its CSV header', async () => {
    const result = await importPlanFromDirectory(get().db, 'test/fixtures/regions/testland', {
      actor: 'test',
    });
    expect(result.ok).toBe(true);
    const html = await (await request('/regio/testland/')).text();
    expect(html).toContain('<title>Regioplan Testland · Regioplan Testland Testland</title>');
    expect(html).not.toContain('Gezonde Marke');
    const csv = await (await request('/api/v1/regions/testland/export/programmes.csv')).text();
    expect(csv.replace(/^\uFEFF/, '').trim()).toBe(
      'number,slug,name,objective,context,contribution,more_info',
    );
  });
});
