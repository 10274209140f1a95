/**
 * Every editor and review route of the Hulpwijzer × every role (and anonymous), against the
 * policy; a redacteur of another organisation, a redacteur without one, a beheerder of another
 * region; and every POST without its CSRF token. Refusals change nothing.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs, type TestSession } from '../../../test/session.js';
import { type Action, can, ROLE_NAMES } from '../auth/index.js';
import { importPlanFromDirectory } from '../plan/index.js';
import {
  editorCounts,
  GGZ_APP,
  GGZ_ORGANIZATION,
  validListing,
} from './directory-editor.fixtures.js';

type Route = {
  method: 'GET' | 'POST';
  path: string;
  action: Action;
  form?: (csrf: string) => Record<string, string>;
  /** What an allowed user gets (GET 200 and POST 303 unless said). */
  ok?: number;
};

const organizationForm = (csrf: string) => ({
  _csrf: csrf,
  naam: 'GGZ Drenthe',
  beschrijving: 'Organisatie voor geestelijke gezondheidszorg in Drenthe.',
});

const ROUTES: Route[] = [
  { method: 'GET', path: '/beheer/hulpwijzer', action: 'directory:edit' },
  { method: 'GET', path: '/beheer/hulpwijzer/nieuw', action: 'directory:edit' },
  {
    method: 'POST',
    path: '/beheer/hulpwijzer',
    action: 'directory:edit',
    form: (c) => validListing(c),
  },
  {
    method: 'POST',
    path: '/beheer/hulpwijzer/voorbeeld',
    action: 'directory:edit',
    form: (c) => validListing(c),
    ok: 200,
  },
  { method: 'GET', path: `/beheer/hulpwijzer/${GGZ_APP}`, action: 'directory:edit' },
  { method: 'GET', path: `/beheer/hulpwijzer/${GGZ_APP}/bewerken`, action: 'directory:edit' },
  {
    method: 'POST',
    path: `/beheer/hulpwijzer/${GGZ_APP}`,
    action: 'directory:edit',
    form: (c) => validListing(c, { naam: 'Mantelzorg-app van GGZ Drenthe' }),
  },
  {
    method: 'POST',
    path: `/beheer/hulpwijzer/${GGZ_APP}`,
    action: 'directory:edit',
    form: (c) => validListing(c, { actie: 'voorbeeld' }),
    ok: 200,
  },
  {
    method: 'POST',
    path: `/beheer/hulpwijzer/${GGZ_APP}/gecontroleerd`,
    action: 'directory:edit',
    form: (c) => ({ _csrf: c }),
  },
  {
    method: 'POST',
    path: `/beheer/hulpwijzer/${GGZ_APP}/beeindigen`,
    action: 'directory:edit',
    form: (c) => ({ _csrf: c }),
  },
  {
    method: 'POST',
    path: `/beheer/hulpwijzer/${GGZ_APP}/heropenen`,
    action: 'directory:edit',
    form: (c) => ({ _csrf: c }),
  },
  {
    method: 'GET',
    path: `/beheer/hulpwijzer/organisaties/${GGZ_ORGANIZATION}`,
    action: 'directory:edit',
  },
  {
    method: 'POST',
    path: `/beheer/hulpwijzer/organisaties/${GGZ_ORGANIZATION}`,
    action: 'directory:edit',
    form: organizationForm,
  },
  { method: 'GET', path: '/beheer/hulpwijzer/beoordelen', action: 'directory:moderate' },
  {
    method: 'POST',
    path: `/beheer/hulpwijzer/${GGZ_APP}/beoordelen`,
    action: 'directory:moderate',
    form: (c) => ({ _csrf: c, besluit: 'goedkeuren' }),
  },
];

/** Routes on one listing or organisation: the ones another organisation's redacteur must not use. */
const OWN_ROUTES = ROUTES.filter(
  (r) => r.path.includes(GGZ_APP) || r.path.includes(GGZ_ORGANIZATION),
);

describeEachDatabase('Hulpwijzer editor routes × roles', (get) => {
  const request = (
    app: ReturnType<typeof testApp>['app'],
    route: Route,
    session: TestSession,
    csrf = session.csrf,
  ) =>
    route.method === 'GET'
      ? app.request(route.path, { headers: { cookie: session.cookie } })
      : postForm(app, route.path, route.form?.(csrf) ?? { _csrf: csrf }, session.cookie);

  it('answers each route for each role as the policy says; anonymous visitors go to /inloggen', async () => {
    const { db } = get();
    const { app } = testApp(db);
    for (const route of ROUTES) {
      const res =
        route.method === 'GET'
          ? await app.request(route.path)
          : await postForm(app, route.path, { _csrf: 'x' }, '');
      if (route.path.endsWith('/voorbeeld')) expect(res.status, `anoniem ${route.path}`).toBe(401);
      else {
        expect(res.status, `anoniem ${route.method} ${route.path}`).toBe(303);
        expect(res.headers.get('location')).toBe('/inloggen');
      }
    }
    for (const role of ROLE_NAMES) {
      const session = await signInAs(app, db, role, { organisation: 'ggz-drenthe' });
      for (const route of ROUTES) {
        const res = await request(app, route, session);
        const expected = can(session.user, route.action)
          ? (route.ok ?? (route.method === 'GET' ? 200 : 303))
          : 403;
        expect(res.status, `${role} ${route.method} ${route.path}`).toBe(expected);
        if (expected === 403)
          expect(await res.text(), `${role} ${route.path}`).toMatch(
            /Alleen (redacteuren|beheerders)/,
          );
      }
      // Adding an organisation: a beheerder may; the redacteur's organisation is there already.
      const create = await request(
        app,
        {
          method: 'POST',
          path: '/beheer/hulpwijzer/organisaties',
          action: 'directory:edit',
          form: organizationForm,
        },
        session,
      );
      expect(create.status, `${role} organisatie toevoegen`).toBe(role === 'beheerder' ? 303 : 403);
      const createForm = await app.request('/beheer/hulpwijzer/organisaties/nieuw', {
        headers: { cookie: session.cookie },
      });
      expect(createForm.status, `${role} organisatieformulier`).toBe(
        role === 'beheerder' ? 200 : 403,
      );
    }
  }, 240_000);

  it('refuses another organisation’s redacteur, and a redacteur without an organisation, and changes nothing', async () => {
    const { db } = get();
    const { app } = testApp(db);
    const other = await signInAs(app, db, 'redacteur', { organisation: 'altide' });
    const lone = await signInAs(app, db, 'redacteur');
    const before = await editorCounts(db);
    for (const route of OWN_ROUTES) {
      const res = await request(app, route, other);
      expect(res.status, `altide ${route.method} ${route.path}`).toBe(403);
    }
    const preview = await postForm(
      app,
      '/beheer/hulpwijzer/voorbeeld',
      { ...validListing(other.csrf), dienst: GGZ_APP },
      other.cookie,
    );
    expect(preview.status).toBe(403);
    // Putting a new listing under GGZ Drenthe is refused as a field error: not their organisation.
    const foreign = await postForm(
      app,
      '/beheer/hulpwijzer',
      validListing(other.csrf),
      other.cookie,
    );
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('Kies een organisatie uit de lijst.');
    expect(
      await (await app.request('/beheer/hulpwijzer', { headers: { cookie: other.cookie } })).text(),
    ).not.toContain('Mantelzorg-app van GGZ Drenthe');

    const overview = await app.request('/beheer/hulpwijzer', { headers: { cookie: lone.cookie } });
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('Uw account hoort nog niet bij een organisatie.');
    for (const route of [...OWN_ROUTES, ROUTES[1], ROUTES[2]].filter((r): r is Route => !!r)) {
      const res = await request(app, route, lone);
      expect(res.status, `zonder organisatie ${route.method} ${route.path}`).toBe(403);
    }
    const org = await postForm(
      app,
      '/beheer/hulpwijzer/organisaties',
      organizationForm(lone.csrf),
      lone.cookie,
    );
    expect(org.status).toBe(403);
    expect(await editorCounts(db)).toEqual(before);
  }, 120_000);

  it('keeps regions apart: a beheerder of another region finds no Drenthe listing', async () => {
    const { db } = get();
    const { app } = testApp(db);
    await importPlanFromDirectory(db, 'test/fixtures/regions/testland', { actor: 'test' });
    const stranger = await signInAs(app, db, 'beheerder', { region: 'testland' });
    const before = await editorCounts(db);
    for (const route of OWN_ROUTES) {
      const res = await request(app, route, stranger);
      expect(res.status, `testland ${route.method} ${route.path}`).toBe(
        route.path.endsWith('/voorbeeld') ? 200 : 404,
      );
    }
    const preview = await postForm(
      app,
      '/beheer/hulpwijzer/voorbeeld',
      { ...validListing(stranger.csrf), dienst: GGZ_APP },
      stranger.cookie,
    );
    expect(preview.status).toBe(404);
    // Testland has no directory organisation yet: the form sends its beheerder to add one first.
    const create = await postForm(
      app,
      '/beheer/hulpwijzer',
      validListing(stranger.csrf),
      stranger.cookie,
    );
    expect(create.status).toBe(303);
    expect(create.headers.get('location')).toBe('/beheer/hulpwijzer/organisaties/nieuw');
    for (const page of ['/beheer/hulpwijzer', '/beheer/hulpwijzer/beoordelen']) {
      const html = await (await app.request(page, { headers: { cookie: stranger.cookie } })).text();
      expect(html, page).not.toContain('Mantelzorg-app van GGZ Drenthe');
      expect(html, page).not.toContain('GGZ Drenthe');
    }
    expect(await editorCounts(db)).toEqual(before);
  }, 120_000);

  it('refuses every POST without a valid CSRF token, and changes nothing', async () => {
    const { db } = get();
    const { app } = testApp(db);
    const boss = await signInAs(app, db, 'beheerder', { organisation: 'ggz-drenthe' });
    const before = await editorCounts(db);
    const posts = [
      ...ROUTES.filter((r) => r.method === 'POST'),
      {
        method: 'POST',
        path: '/beheer/hulpwijzer/organisaties',
        action: 'directory:edit',
        form: organizationForm,
      } as Route,
    ];
    for (const route of posts)
      for (const token of ['', 'verkeerd-token-van-elders-0123456789']) {
        const form = { ...(route.form?.(token) ?? {}), _csrf: token };
        const res = await postForm(app, route.path, form, boss.cookie);
        expect(res.status, `${route.path} csrf "${token}"`).toBe(403);
      }
    expect(await editorCounts(db)).toEqual(before);
  }, 120_000);
});
