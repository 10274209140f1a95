/**
 * The map's JSON API on the real Drenthe data: the same figures as the page, every wijk with its
 * gemeente, the gemeenten's own figures as the roll-up, and odd parameters as problems.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { figureOf, readMapApi } from '../../../test/map-api.js';
import { LEVEL_AREAS_SCHEMA, MAP_FIGURES_SCHEMA } from '../../web/openapi.js';
import type { LevelAreasBody } from './map.api.js';
import { mapFigures, partCuts } from './map.service.js';

const API = '/api/v1/regions/drenthe/datawerkplaats/kaart';
const AREAS = '/api/v1/regions/drenthe/datawerkplaats/gebieden';

describeEachDatabase('datawerkplaats map API', (get) => {
  it('gives every wijk with its figure and gemeente, and the gemeenten as the roll-up', async () => {
    const { app } = testApp(get().db);
    const res = await app.request(`${API}/inwoners?niveau=wijk`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const { body, rows: areas, rollup } = await readMapApi(app, `${API}/inwoners?niveau=wijk`);
    expect(body).toMatchObject({ level: 'wijk', period: '2024', within: null });
    expect(body.areas_url).toBe(`${AREAS}?niveau=wijk`);
    expect(body.indicator).toMatchObject({ code: 'inwoners', unit: 'inwoners', is_demo: false });
    expect(body.levels).toEqual(['gemeente', 'wijk']);
    expect(areas).toHaveLength(189);
    const centrum = areas.find((a) => a.area_code === 'WK010600');
    expect(centrum).toMatchObject({
      area_name: 'Centrum',
      gemeente_code: 'GM0106',
      is_demo: false,
    });
    expect(centrum?.source).toContain('CBS Kerncijfers wijken en buurten 2024');
    expect(body.figures.groups).toHaveLength(1);
    const value = centrum?.value ?? 0;
    expect(value).toBeGreaterThan(0);
    expect(areas.every((a) => a.gemeente_code?.startsWith('GM'))).toBe(true);
    expect(body.rollup?.level).toBe('gemeente');
    expect(rollup).toHaveLength(12);
    const assen = rollup.find((a) => a.area_code === 'GM0106');
    expect(assen?.value ?? 0).toBeGreaterThan(value);
    // The page shows the same figure for Centrum.
    const page = await (await app.request('/datawerkplaats/kaart/inwoners?niveau=wijk')).text();
    const shown = new Intl.NumberFormat('nl-NL').format(value);
    expect(page).toContain(`<title>Centrum: ${shown} inwoners</title>`);
  });

  it('narrows to the wijken of one gemeente; the gemeente level has no roll-up', async () => {
    const { app } = testApp(get().db);
    const {
      body: assen,
      areas,
      rows,
      rollup,
    } = await readMapApi(app, `${API}/inwoners?niveau=wijk&binnen=GM0106`);
    expect(rows).toHaveLength(10);
    expect(assen.areas_url).toBe(`${AREAS}?niveau=wijk&binnen=GM0106`);
    expect(areas.within).toBe('GM0106');
    expect(areas.areas.area_name).not.toContain('Annen');
    expect(assen.within).toMatchObject({ area_code: 'GM0106', area_name: 'Assen' });
    expect(assen.within?.value ?? 0).toBeGreaterThan(0);
    expect(rollup.map((a) => a.area_code)).toEqual(['GM0106']);
    const { body: gemeenten, rows: twelve } = await readMapApi(
      app,
      `${API}/overgewicht-jongvolwassenen`,
    );
    expect(gemeenten).toMatchObject({ level: 'gemeente', rollup: null });
    expect(twelve).toHaveLength(12);
    expect(twelve.every((a) => a.gemeente_code === null)).toBe(true);
    // Compared with the region itself (or its GGD region, or the country), as on the page.
    expect(['provincie', 'ggd-regio', 'land']).toContain(gemeenten.reference?.level);
  });

  it('gives for every area what the page shows, column by column', async () => {
    const db = get().db;
    const { app } = testApp(db);
    const region = await db
      .selectFrom('region')
      .select(['id', 'cbs_code'])
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    // What publicScope gives the API for Drenthe.
    const scope = { regionId: region.id, regionAreaCode: region.cbs_code ?? '', publicOnly: true };
    for (const [code, query] of [
      ['inwoners', { level: 'wijk' }],
      ['overgewicht-jongvolwassenen', {}],
      ['inwoners', { level: 'wijk', within: 'GM0114' }],
    ] as const) {
      const params = new URLSearchParams({
        ...('level' in query ? { niveau: query.level } : {}),
        ...('within' in query ? { binnen: query.within } : {}),
      });
      const { rows, rollup } = await readMapApi(app, `${API}/${code}?${params}`);
      const page = await mapFigures(db, scope, code, query);
      if (!page.ok) throw new Error(page.error);
      // The roll-up: the gemeenten that have a figure, as the page reads them.
      const pageRollup = (page.value.rollup?.areas ?? []).flatMap(({ measurement: m }) =>
        m ? [figureOf(m)] : [],
      );
      const byCode = (a: { area_code: string }, b: { area_code: string }) =>
        a.area_code.localeCompare(b.area_code);
      expect(rollup.sort(byCode), code).toEqual(pageRollup.sort(byCode));
      expect(rollup.length > 0, code).toBe(query.level === 'wijk');
      const expected = page.value.areas.map(({ area, measurement: m, rollupCode }) => ({
        area_code: area.code,
        area_name: area.name,
        parent_code: area.parentCode,
        gemeente_code: rollupCode ?? null,
        has_figure: m !== undefined,
        value: m?.value ?? null,
        missing_reason: m?.missingReason ?? null,
        numerator: m?.numerator ?? null,
        denominator: m?.denominator ?? null,
        sample_size: m?.sampleSize ?? null,
        ci_low: m?.ciLow ?? null,
        ci_high: m?.ciHigh ?? null,
        source: m?.source ?? null,
        is_demo: m ? m.isDemo : null,
      }));
      expect(rows.length, code).toBeGreaterThan(0);
      expect(rows, code).toEqual(expected);
    }
  });

  it('sends what the OpenAPI document describes, no more and no fewer', async () => {
    const { app } = testApp(get().db);
    const { body, areas } = await readMapApi(app, `${API}/inwoners?niveau=wijk`);
    const documented = MAP_FIGURES_SCHEMA.properties;
    expect(Object.keys(body).sort()).toEqual(Object.keys(documented).sort());
    expect(Object.keys(body.figures).sort()).toEqual(
      Object.keys(documented.figures.properties).sort(),
    );
    const group = body.figures.groups[0];
    expect(Object.keys(group ?? {}).sort()).toEqual(
      Object.keys(documented.figures.properties.groups.items.properties).sort(),
    );
    const row = documented.figures.properties.groups.items.properties.rows.items;
    expect(body.figures.fields).toHaveLength(row.prefixItems.length);
    for (const figure of group?.rows ?? []) {
      expect(figure.length).toBeGreaterThanOrEqual(row.minItems);
      expect(figure.length).toBeLessThanOrEqual(row.maxItems);
    }
    expect(Object.keys(areas).sort()).toEqual(Object.keys(LEVEL_AREAS_SCHEMA.properties).sort());
    expect(Object.keys(areas.areas).sort()).toEqual(
      Object.keys(LEVEL_AREAS_SCHEMA.properties.areas.properties).sort(),
    );
  });

  it('gives the areas of a level once, for every map of that level', async () => {
    const { app } = testApp(get().db);
    const res = await app.request(`${AREAS}?niveau=gemeente`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as LevelAreasBody;
    expect(body).toMatchObject({ level: 'gemeente', within: null });
    expect(body.areas.area_code).toHaveLength(12);
    expect(body.areas.area_name).toContain('Assen');
    expect(new Set(body.areas.parent_code)).toEqual(new Set(['PV22']));
    const wijken = (await (await app.request(`${AREAS}?niveau=wijk`)).json()) as LevelAreasBody;
    expect(wijken.areas.area_code).toHaveLength(189);
    const cases: Array<[string, number]> = [
      [AREAS, 400],
      [`${AREAS}?niveau=provincie`, 400],
      [`${AREAS}?niveau=wijk&periode=2024`, 400],
      [`${AREAS}?niveau=wijk&binnen=GM9999`, 404],
      [`${AREAS}?niveau=wijk&binnen=%27%3B`, 400],
      ['/api/v1/regions/nergens/datawerkplaats/gebieden?niveau=wijk', 404],
    ];
    for (const [url, status] of cases) {
      const problem = await app.request(url);
      expect(problem.status, url).toBe(status);
      expect(problem.headers.get('content-type'), url).toContain('application/problem+json');
    }
  });

  it('answers odd parameters with a problem, never a 500', async () => {
    const { app } = testApp(get().db);
    const cases: Array<[string, number]> = [
      [`${API}/bestaat-niet`, 404],
      [`${API}/inwoners?niveau=buurt`, 404],
      [`${API}/inwoners?periode=2019`, 404],
      [`${API}/inwoners?periode=1999`, 400],
      [`${API}/inwoners?binnen=GM9999`, 404],
      [`${API}/inwoners?niveau=provincie`, 400],
      [`${API}/inwoners?periode=%00`, 400],
      [`${API}/inwoners?sorteer=waarde`, 400],
      [`${API}/Inwoners`, 404],
      ['/api/v1/regions/nergens/datawerkplaats/kaart/inwoners', 404],
    ];
    for (const [url, status] of cases) {
      const res = await app.request(url);
      expect(res.status, url).toBe(status);
      expect(res.headers.get('content-type'), url).toContain('application/problem+json');
    }
  });
});

describe('parts of a large level read side by side', () => {
  const areas = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      code: `BU${String((i * 7919) % 100_000_000).padStart(8, '0')}`,
    }));
  it('cuts only a large level, at codes inside it, in order, into parts of about equal size', () => {
    expect(partCuts(areas(11_000))).toEqual([]);
    const cuts = partCuts(areas(14_500));
    expect(cuts).toHaveLength(1);
    const codes = areas(14_500)
      .map((a) => a.code)
      .sort();
    expect(codes).toContain(cuts[0]);
    expect(codes.filter((c) => c < String(cuts[0]))).toHaveLength(7_250);
    const three = partCuts(areas(24_000));
    expect(three).toHaveLength(2);
    expect([...three].sort()).toEqual(three);
  });
});
