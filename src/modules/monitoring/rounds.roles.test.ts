/** Every monitoring-round route × every role, checked against the policy table. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { type Action, ROLE_NAMES, rolesFor } from '../auth/index.js';

type Route = {
  method: 'GET' | 'POST';
  path: string;
  action: Action;
  form?: Record<string, string>;
};

const ROUND = '/beheer/rondes/2026-H1';
const ROUTES: Route[] = [
  { method: 'GET', path: '/beheer/rondes', action: 'monitoring:read' },
  { method: 'GET', path: ROUND, action: 'monitoring:read' },
  { method: 'GET', path: `${ROUND}/rapport`, action: 'monitoring:read' },
  { method: 'GET', path: `${ROUND}/rapport.csv`, action: 'monitoring:read' },
  // Invalid on purpose: an allowed role gets 400 (the form with errors), a refused role 403.
  {
    method: 'POST',
    path: '/beheer/rondes',
    action: 'rounds:manage',
    form: { code: 'x', title: '' },
  },
  {
    method: 'POST',
    path: `${ROUND}/duiding`,
    action: 'rounds:contribute',
    form: { subject: '', text: '' },
  },
  { method: 'POST', path: `${ROUND}/dialoog`, action: 'rounds:contribute', form: { held_on: '' } },
  {
    method: 'POST',
    path: `${ROUND}/besluit`,
    action: 'rounds:manage',
    form: { goal: '', reason: '' },
  },
  { method: 'POST', path: `${ROUND}/afronden`, action: 'rounds:manage', form: { summary: '' } },
];

describeEachDatabase('monitoring routes × roles', (get) => {
  it('answers each route for each role as the policy says; anonymous to /inloggen; no CSRF refused', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const started = await postForm(
      app,
      '/beheer/rondes',
      { _csrf: admin.csrf, code: '2026-H1', title: 'Rolronde' },
      admin.cookie,
    );
    expect(started.status).toBe(303);
    for (const route of ROUTES) {
      const anonymous =
        route.method === 'GET'
          ? await app.request(route.path)
          : await postForm(app, route.path, { _csrf: 'x' }, '');
      expect(anonymous.status, `anoniem ${route.path}`).toBe(303);
      expect(anonymous.headers.get('location')).toBe('/inloggen');
    }
    for (const role of ROLE_NAMES) {
      const session = await signInAs(app, get().db, role, { organisation: 'ggd-drenthe' });
      for (const route of ROUTES) {
        const allowed = rolesFor(route.action).includes(role);
        const res =
          route.method === 'GET'
            ? await app.request(route.path, { headers: { cookie: session.cookie } })
            : await postForm(
                app,
                route.path,
                { _csrf: session.csrf, ...route.form },
                session.cookie,
              );
        const expected = route.method === 'GET' ? 200 : 400;
        expect(res.status, `${role} ${route.method} ${route.path}`).toBe(allowed ? expected : 403);
      }
      const noCsrf = await postForm(
        app,
        `${ROUND}/duiding`,
        { subject: 'doel:2.1.1', text: 'Zonder formuliersleutel.' },
        session.cookie,
      );
      expect(noCsrf.status, `${role} zonder CSRF`).toBe(403);
    }
  }, 90_000);
});
