/** API and exports: JSON for every entity, problem+json errors, CSV with the same columns as JSON. */
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { EXPORT_ENTITIES } from './index.js';
import { csvCell, EXPORT_COLUMNS } from './plan-export.service.js';

const API = '/api/v1/regions/drenthe';

describeEachDatabase('API and exports', (get) => {
  const request = (path: string) => testApp(get().db).app.request(path);

  it.each([
    [`${API}`, 'themes'],
    [`${API}/opgaven`, 'netwerkaanpak'],
    [`${API}/themes`, 'ambition_2040'],
    [`${API}/themes/leefstijl`, 'Leefstijl'],
    [`${API}/guiding-threads`, 'Digitalisering'],
    [`${API}/sectors`, 'gemeenten'],
    [`${API}/opgaven/netwerkaanpak`, 'strategic_goals'],
    [`${API}/goals`, 'operational_goals'],
    [`${API}/goals?kind=strategic&opgave=netwerkaanpak`, '2.1.3'],
    [`${API}/goals/2.1.1`, 'operational_goals'],
    [`${API}/goals/2.2.2.a`, 'mentioned_by'],
    [`${API}/programmes`, 'hart-voor-elkaar'],
    [`${API}/programmes/advance-care-planning`, '2.2.1. B'],
    [`${API}/initiatives`, 'assen-bloeit'],
    [`${API}/organisations`, 'leidend'],
    [`${API}/organisations/cosis`, 'initiator_on'],
    [`${API}/governance`, 'bestuurlijk_trekker'],
    [`${API}/glossary`, 'Naoberschap'],
    [`${API}/sections`, 'monitoring'],
    [`${API}/sections/monitoring`, 'blocks'],
    [`${API}/search?q=mantelzorgers`, 'operationeel_doel'],
    ['/api/openapi.json', '"openapi":"3.1.0"'],
  ])('GET %s answers JSON', async (path, text) => {
    const res = await request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('json');
    expect(await res.text()).toContain(text);
  });

  it.each([
    [`${API}/goals?kind=everything`, 400],
    [`${API}/goals?unknown=1`, 400],
    [`${API}/goals/banana`, 400],
    [`${API}/goals/2.9.9`, 404],
    [`${API}/search`, 400],
    [`${API}/search?q=${'x'.repeat(201)}`, 400],
    [`${API}/programmes/x`, 404],
    [`${API}/export/nothing.csv`, 404],
    ['/api/v1/regions/atlantis/goals', 404],
    ['/api/v1/nothing', 404],
  ])('GET %s answers problem+json %i', async (path, status) => {
    const res = await request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { status: number; title: string };
    expect(body.status).toBe(status);
    expect(body.title.length).toBeGreaterThan(0);
  });

  it('documents every API route in the OpenAPI document, and nothing else', async () => {
    const { app } = testApp(get().db);
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    const routes = new Set(
      app.routes
        .filter(
          (r) =>
            r.method === 'GET' &&
            (r.path.startsWith('/api/v1') || r.path.startsWith('/api/hsds')) &&
            !r.path.includes('*'),
        )
        .map((r) => r.path.replace(/\/$/, '').replace(/:([a-z]+)/g, '{$1}')),
    );
    expect([...routes].sort()).toEqual(Object.keys(doc.paths).sort());
  });

  it('exports every entity as CSV with exactly the columns of the JSON export', async () => {
    const json = (await (await request(`${API}/export.json`)).json()) as {
      entities: Record<string, Array<Record<string, unknown>>>;
    };
    for (const entity of EXPORT_ENTITIES) {
      const res = await request(`${API}/export/${entity}.csv`);
      expect(res.status, entity).toBe(200);
      const rows = parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Array<
        Record<string, string>
      >;
      const jsonRows = json.entities[entity] ?? [];
      expect(rows.length, entity).toBe(jsonRows.length);
      if (jsonRows[0]) expect(Object.keys(rows[0] ?? {}), entity).toEqual(Object.keys(jsonRows[0]));
      if (jsonRows[0]) expect(Object.keys(jsonRows[0]), entity).toEqual(EXPORT_COLUMNS[entity]);
      const first = jsonRows[0] ?? {};
      for (const [key, value] of Object.entries(first)) {
        const expected = csvCell(value);
        expect(rows[0]?.[key], `${entity}.${key}`).toBe(expected);
      }
    }
    expect(json.entities.operational_goals).toHaveLength(86);
  });
});
