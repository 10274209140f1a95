/**
 * A non-public indicator: gone from /indicatoren, its page, the API, the CSV and /voortgang, but
 * listed (and editable) in beheer. Unticking "openbaar" alone leaves the plan file in charge.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { getForEdit } from './indicators-admin.service.js';
import { valuesOf } from './views/indicator-admin.js';

const BASE = '/beheer/indicatoren';

describeEachDatabase('non-public indicators', (get) => {
  const page = async (app: ReturnType<typeof testApp>['app'], cookie: string, path: string) =>
    (await app.request(path, { headers: { cookie } })).text();
  it('hides a non-public indicator from /indicatoren, the API and /voortgang, not from beheer', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const code = 'overgewicht-jongvolwassenen';
    const name = 'Overgewicht bij jongvolwassenen';
    const goalPage = '/voortgang/doelen/2.3.1';
    expect(await (await app.request('/indicatoren')).text()).toContain(name);
    expect(await (await app.request(goalPage)).text()).toContain(name);
    const overview = await (await app.request('/voortgang')).text();
    // Exactly what the edit form shows, with only "openbaar" unticked.
    const view = await getForEdit(
      get().db,
      { regionId: data.user.regionId, regionAreaCode: 'PV22' },
      code,
    );
    if (!view.ok) throw new Error('indicator ontbreekt');
    const { is_public: _public, ...values } = valuesOf(view.value.indicator, 'PV22');
    expect(values.name).toBe(name);
    const measurements = view.value.measurementCount;
    expect(measurements).toBeGreaterThan(10);
    const hide = await postForm(
      app,
      `${BASE}/${code}`,
      { _csrf: data.csrf, ...values },
      data.cookie,
    );
    expect(hide.status).toBe(303);
    const row = await get()
      .db.selectFrom('indicator')
      .select(['is_public', 'name'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ is_public: false, name });

    expect(await (await app.request('/indicatoren')).text()).not.toContain(name);
    expect((await app.request(`/indicatoren/${code}`)).status).toBe(404);
    const api = (await (await app.request('/api/v1/regions/drenthe/indicators')).json()) as Array<{
      code: string;
    }>;
    expect(api.map((i) => i.code)).not.toContain(code);
    expect(api.length).toBeGreaterThan(10);
    expect((await app.request(`/api/v1/regions/drenthe/indicators/${code}`)).status).toBe(404);
    expect(
      await (await app.request('/api/v1/regions/drenthe/measurements.csv')).text(),
    ).not.toContain(code);
    expect(await (await app.request(goalPage)).text()).not.toContain(name);
    // The overview counts indicators per opgave: one fewer in all.
    const total = (html: string) =>
      [...html.matchAll(/(\d+) indicatoren;/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(total(overview)).toBeGreaterThan(0);
    expect(total(await (await app.request('/voortgang')).text())).toBe(total(overview) - 1);

    const list = await page(app, data.cookie, BASE);
    const line = list.split('<tr').find((r) => r.includes(`${BASE}/${code}"`)) ?? '';
    expect(line).toContain(name);
    expect(line).toContain(
      `<td class="utrecht-table__cell">nee</td><td class="utrecht-table__cell">nee</td><td class="utrecht-table__cell">${measurements}</td>`,
    );
    expect(line).toContain('planbestand');
    expect(await page(app, data.cookie, `${BASE}/${code}`)).toContain('niet openbaar');
    // Only "openbaar" changed: the plan file still owns this indicator.
    expect(
      await get()
        .db.selectFrom('indicator_seed')
        .select('managed_here_at')
        .where('code', '=', code)
        .executeTakeFirstOrThrow(),
    ).toEqual({ managed_here_at: null });
  });
});
