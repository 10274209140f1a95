/**
 * The map's JSON API on the real Drenthe data: the same figures as the page, every wijk with its
 * gemeente, the gemeenten's own figures as the roll-up, and odd parameters as problems.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import type { presentMap } from './map.api.js';

const API = '/api/v1/regions/drenthe/datawerkplaats/kaart';
type Body = ReturnType<typeof presentMap>;
const read = async (res: Response) => (await res.json()) as Body;

describeEachDatabase('datawerkplaats map API', (get) => {
  it('gives every wijk with its figure and gemeente, and the gemeenten as the roll-up', async () => {
    const { app } = testApp(get().db);
    const res = await app.request(`${API}/inwoners?niveau=wijk`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await read(res);
    expect(body).toMatchObject({ level: 'wijk', period: '2024', within: null });
    expect(body.indicator).toMatchObject({ code: 'inwoners', unit: 'inwoners', is_demo: false });
    expect(body.levels).toEqual(['gemeente', 'wijk']);
    expect(body.areas).toHaveLength(189);
    const centrum = body.areas.find((a) => a.area_code === 'WK010600');
    expect(centrum).toMatchObject({ area_name: 'Centrum', rollup_code: 'GM0106' });
    expect(centrum?.source).toContain('CBS Kerncijfers wijken en buurten 2024');
    const value = centrum?.value ?? 0;
    expect(value).toBeGreaterThan(0);
    expect(body.areas.every((a) => a.rollup_code?.startsWith('GM'))).toBe(true);
    expect(body.rollup?.level).toBe('gemeente');
    expect(body.rollup?.areas).toHaveLength(12);
    const assen = body.rollup?.areas.find((a) => a.area_code === 'GM0106');
    expect(assen?.value ?? 0).toBeGreaterThan(value);
    // The page shows the same figure for Centrum.
    const page = await (await app.request('/datawerkplaats/kaart/inwoners?niveau=wijk')).text();
    const shown = new Intl.NumberFormat('nl-NL').format(value);
    expect(page).toContain(`<title>Centrum: ${shown} inwoners</title>`);
  });

  it('narrows to the wijken of one gemeente; the gemeente level has no roll-up', async () => {
    const { app } = testApp(get().db);
    const assen = await read(await app.request(`${API}/inwoners?niveau=wijk&binnen=GM0106`));
    expect(assen.areas).toHaveLength(10);
    expect(assen.areas.some((a) => a.area_name === 'Annen')).toBe(false);
    expect(assen.within).toMatchObject({ area_code: 'GM0106', area_name: 'Assen' });
    expect(assen.within?.value ?? 0).toBeGreaterThan(0);
    expect(assen.rollup?.areas.map((a) => a.area_code)).toEqual(['GM0106']);
    const gemeenten = await read(await app.request(`${API}/overgewicht-jongvolwassenen`));
    expect(gemeenten).toMatchObject({ level: 'gemeente', rollup: null });
    expect(gemeenten.areas).toHaveLength(12);
    // Compared with the region itself (or its GGD region, or the country), as on the page.
    expect(['provincie', 'ggd-regio', 'land']).toContain(gemeenten.reference?.level);
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
