/**
 * Who may manage indicators: every route × every role against the policy (`indicators:manage`),
 * anonymous visitors sent to the login page, forms without CSRF token refused and nothing saved.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs, type TestSession } from '../../../test/session.js';
import { can, ROLE_NAMES, rolesFor } from '../auth/index.js';
import { addTarget } from './indicators-admin.service.js';

const BASE = '/beheer/indicatoren';
const ACP = `${BASE}/acp-ouderen`;

describeEachDatabase('indicator management access', (get) => {
  it('walks every route × every role against the policy; anonymous and no CSRF refused', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const admin = await signInAs(app, db, 'beheerder');
    /** A fresh target, so deleting one can succeed for every allowed role. */
    const freshTarget = async () => {
      const added = await addTarget(db, admin.user, 'acp-ouderen', {
        t_comparator: '>=',
        t_kind: 'absolute',
        t_value: '1',
        t_year: '2030',
        t_area: 'PV22',
        t_baseline: '',
        t_source: 'Toegangstest',
        t_note: '',
      });
      if (!added.ok) throw new Error('geen streefwaarde');
      return added.value.id;
    };
    const targetExists = async (id: number) =>
      (await db.selectFrom('indicator_target').select('id').where('id', '=', id).execute())
        .length === 1;
    let lastTarget = 0;
    type Route = {
      name: string;
      ok: number;
      send: (s: TestSession | undefined, csrf: boolean) => Promise<Response>;
    };
    const cookie = (s: TestSession | undefined) => s?.cookie ?? '';
    const form = (
      s: TestSession | undefined,
      csrf: boolean,
      fields: Record<string, string> = {},
    ) => (csrf && s ? { _csrf: s.csrf, ...fields } : fields);
    const get_ = (path: string) => async (s: TestSession | undefined) =>
      app.request(path, { headers: { cookie: cookie(s) } });
    const post =
      (path: string, fields: Record<string, string> = {}) =>
      async (s: TestSession | undefined, csrf: boolean) =>
        postForm(app, path, form(s, csrf, fields), cookie(s));
    const routes: Route[] = [
      { name: `GET ${BASE}`, ok: 200, send: get_(BASE) },
      { name: `GET ${BASE}/nieuw`, ok: 200, send: get_(`${BASE}/nieuw`) },
      { name: `POST ${BASE}/nieuw`, ok: 400, send: post(`${BASE}/nieuw`) },
      { name: `GET ${ACP}`, ok: 200, send: get_(ACP) },
      { name: `GET ${BASE}/bestaat-niet`, ok: 404, send: get_(`${BASE}/bestaat-niet`) },
      { name: `POST ${ACP}`, ok: 400, send: post(ACP) },
      { name: `POST ${ACP}/verwijderen`, ok: 400, send: post(`${ACP}/verwijderen`) },
      { name: `POST ${ACP}/streefwaarden`, ok: 400, send: post(`${ACP}/streefwaarden`) },
      {
        name: `POST ${ACP}/streefwaarden/:id/verwijderen`,
        ok: 303,
        send: async (s, csrf) => {
          lastTarget = await freshTarget();
          return post(`${ACP}/streefwaarden/${lastTarget}/verwijderen`)(s, csrf);
        },
      },
    ];
    expect(rolesFor('indicators:manage')).toEqual(['beheerder', 'data']);
    for (const route of routes) {
      const res = await route.send(undefined, true);
      expect(res.status, `anoniem ${route.name}`).toBe(303);
      expect(res.headers.get('location'), `anoniem ${route.name}`).toBe('/inloggen');
    }
    expect(await targetExists(lastTarget)).toBe(true);
    for (const role of ROLE_NAMES) {
      const user =
        role === 'beheerder'
          ? admin
          : await signInAs(app, db, role, { organisation: 'ggd-drenthe' });
      const allowed = can(user.user, 'indicators:manage');
      expect(allowed, role).toBe(role === 'beheerder' || role === 'data');
      const start = await (
        await app.request('/account', { headers: { cookie: user.cookie } })
      ).text();
      expect(start.includes(`href="${BASE}"`), `${role} startpagina`).toBe(allowed);
      for (const route of routes) {
        const res = await route.send(user, true);
        expect(res.status, `${role} ${route.name}`).toBe(allowed ? route.ok : 403);
        if (route.ok === 303) expect(await targetExists(lastTarget), role).toBe(!allowed);
        if (allowed && route.name.startsWith('POST')) {
          expect((await route.send(user, false)).status, `zonder CSRF ${route.name}`).toBe(403);
          if (route.ok === 303) expect(await targetExists(lastTarget)).toBe(true);
        }
      }
    }
  }, 120_000);
});
