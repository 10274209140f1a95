/**
 * Accounts and sessions end to end through app.request(): invitation, one-time password link,
 * login with throttling, cookie flags, CSRF, logout, and every protected route × every role.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { getRegion, importPlanFromDirectory } from '../plan/index.js';
import { can, inviteUser, ROLE_NAMES, type Role, setPassword } from './index.js';

type App = ReturnType<typeof testApp>['app'];
const PASSWORD = 'een lang genoeg wachtwoord';

function cookieFrom(res: Response, name: string): string | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return header?.split(';')[0]?.slice(name.length + 1);
}

/** Opens the login form like a browser: returns the anonymous CSRF cookie and field. */
async function loginForm(app: App): Promise<{ cookie: string; csrf: string }> {
  const res = await app.request('/inloggen');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
  return { cookie: `marke_csrf=${cookieFrom(res, 'marke_csrf') ?? ''}`, csrf };
}

async function post(
  app: App,
  path: string,
  form: Record<string, string>,
  cookie: string,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
  });
}

describeEachDatabase('accounts and sessions', (get) => {
  const region = async () => {
    const r = await getRegion(get().db, 'drenthe');
    if (!r.ok) throw new Error('geen regio');
    return r.value;
  };
  const makeUser = async (
    role: Role,
    email = `${role}-${Math.random().toString(36).slice(2)}@example.org`,
  ) => {
    const invited = await inviteUser(
      get().db,
      { regionId: (await region()).id, email, name: role, role, organisationId: null },
      'test',
    );
    if (!invited.ok) throw new Error(invited.error);
    expect((await setPassword(get().db, invited.value.token, PASSWORD)).ok).toBe(true);
    return { email, token: invited.value.token };
  };
  /** Logs in through the form and returns the session cookie plus the page's CSRF token. */
  const signIn = async (app: App, email: string): Promise<{ cookie: string; csrf: string }> => {
    const form = await loginForm(app);
    const res = await post(
      app,
      '/inloggen',
      { _csrf: form.csrf, email, password: PASSWORD },
      form.cookie,
    );
    expect(res.status).toBe(303);
    const cookie = `marke_session=${cookieFrom(res, 'marke_session') ?? ''}`;
    const account = await app.request('/account', { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await account.text())?.[1] ?? '';
    return { cookie, csrf };
  };

  it('invites, sets a password once, logs in with a safe cookie and logs out', async () => {
    const { app } = testApp(get().db);
    const user = await makeUser('trekker');
    expect((await setPassword(get().db, user.token, 'nog een ander wachtwoord')).ok).toBe(false);
    const form = await loginForm(app);
    const res = await post(
      app,
      '/inloggen',
      { _csrf: form.csrf, email: user.email.toUpperCase(), password: PASSWORD },
      form.cookie,
    );
    expect(res.status).toBe(303);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('marke_session=')) ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = `marke_session=${cookieFrom(res, 'marke_session') ?? ''}`;
    const account = await app.request('/account', { headers: { cookie } });
    expect(await account.text()).toContain(user.email);
    expect(account.headers.get('cache-control')).toBe('no-store');
    const csrf =
      /name="_csrf" value="([^"]+)"/.exec(
        await (await app.request('/account', { headers: { cookie } })).text(),
      )?.[1] ?? '';
    expect((await post(app, '/uitloggen', { _csrf: csrf }, cookie)).status).toBe(303);
    expect((await app.request('/account', { headers: { cookie } })).status).toBe(303);
  });

  it('shows a user of another region that region, not the default one', async () => {
    const { app } = testApp(get().db);
    await importPlanFromDirectory(get().db, 'test/fixtures/regions/testland', { actor: 'test' });
    const testland = await getRegion(get().db, 'testland');
    if (!testland.ok) throw new Error('geen testland');
    const invited = await inviteUser(
      get().db,
      {
        regionId: testland.value.id,
        email: 'proef@example.org',
        name: 'Proef',
        role: 'beheerder',
        organisationId: null,
      },
      'test',
    );
    if (!invited.ok) throw new Error(invited.error);
    await setPassword(get().db, invited.value.token, PASSWORD);
    const session = await signIn(app, 'proef@example.org');
    const users = await (
      await app.request('/beheer/gebruikers', { headers: { cookie: session.cookie } })
    ).text();
    expect(users).toContain('Accounts van Testland');
    expect(users).toContain('proef@example.org');
    expect(users).not.toContain('Gezonde Marke');
  });

  it('marks the session cookie Secure behind HTTPS', async () => {
    const { app } = testApp(get().db);
    const user = await makeUser('lezer');
    const form = await loginForm(app);
    const res = await post(
      app,
      '/inloggen',
      { _csrf: form.csrf, email: user.email, password: PASSWORD },
      form.cookie,
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.headers.getSetCookie().find((c) => c.startsWith('marke_session=')) ?? '').toMatch(
      /Secure/,
    );
  });

  it('answers a wrong password and an unknown address the same way, and locks after 5 failures', async () => {
    const { app } = testApp(get().db);
    const user = await makeUser('data');
    const form = await loginForm(app);
    const wrong = await post(
      app,
      '/inloggen',
      { _csrf: form.csrf, email: user.email, password: 'fout' },
      form.cookie,
    );
    const unknown = await post(
      app,
      '/inloggen',
      { _csrf: form.csrf, email: 'niemand@example.org', password: 'fout' },
      form.cookie,
    );
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(await wrong.text()).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    for (let i = 0; i < 4; i++)
      await post(
        app,
        '/inloggen',
        { _csrf: form.csrf, email: user.email, password: 'fout' },
        form.cookie,
      );
    const locked = await post(
      app,
      '/inloggen',
      { _csrf: form.csrf, email: user.email, password: PASSWORD },
      form.cookie,
    );
    expect(locked.status).toBe(429);
    await get().db.deleteFrom('login_attempt').execute();
  });

  it('refuses forms without the right CSRF token and keeps the input on bad input', async () => {
    const { app } = testApp(get().db);
    const form = await loginForm(app);
    expect(
      (await post(app, '/inloggen', { email: 'a@example.org', password: 'x' }, form.cookie)).status,
    ).toBe(403);
    expect(
      (
        await post(
          app,
          '/inloggen',
          { _csrf: 'vals', email: 'a@example.org', password: 'x' },
          form.cookie,
        )
      ).status,
    ).toBe(403);
    const bad = await post(
      app,
      '/inloggen',
      { _csrf: form.csrf, email: 'geen-adres', password: '' },
      form.cookie,
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Er zijn 2 fouten');
    expect(html).toContain('value="geen-adres"');
    expect((await app.request('/wachtwoord-instellen?token=onzin')).status).toBe(403);
  });

  it('lets a beheerder invite someone, and explains a duplicate address or unknown organisation', async () => {
    const { app } = testApp(get().db);
    const admin = await makeUser('beheerder');
    const session = await signIn(app, admin.email);
    const ok = await post(
      app,
      '/beheer/gebruikers',
      {
        _csrf: session.csrf,
        email: 'nieuw@example.org',
        name: 'Nieuw',
        role: 'redacteur',
        organisation: 'ggd-drenthe',
      },
      session.cookie,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/\/wachtwoord-instellen\?token=[A-Za-z0-9_-]{40,}/);
    const twice = await post(
      app,
      '/beheer/gebruikers',
      { _csrf: session.csrf, email: 'nieuw@example.org', role: 'lezer' },
      session.cookie,
    );
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('Er bestaat al een account met dit e-mailadres.');
    const org = await post(
      app,
      '/beheer/gebruikers',
      {
        _csrf: session.csrf,
        email: 'ander@example.org',
        role: 'lezer',
        organisation: 'bestaat-niet',
      },
      session.cookie,
    );
    expect(org.status).toBe(400);
    const audit = await get()
      .db.selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', '=', 'user.create')
      .execute();
    expect(audit.some((a) => a.actor.startsWith('user:'))).toBe(true);
  });

  it('walks every protected route × every role against the policy', async () => {
    const { app } = testApp(get().db);
    const routes = [
      { method: 'GET', path: '/account', action: 'account:view' as const },
      { method: 'GET', path: '/beheer/gebruikers', action: 'users:manage' as const },
      { method: 'POST', path: '/beheer/gebruikers', action: 'users:manage' as const },
      { method: 'GET', path: '/beheer/audit', action: 'audit:view' as const },
    ];
    for (const route of routes) {
      const anonymous =
        route.method === 'GET'
          ? await app.request(route.path)
          : await post(app, route.path, { _csrf: 'x' }, '');
      expect(anonymous.status, `anoniem ${route.method} ${route.path}`).toBe(303);
    }
    for (const role of ROLE_NAMES) {
      const user = await makeUser(role);
      const session = await signIn(app, user.email);
      for (const route of routes) {
        const res =
          route.method === 'GET'
            ? await app.request(route.path, { headers: { cookie: session.cookie } })
            : await post(
                app,
                route.path,
                { _csrf: session.csrf, email: `x-${role}@example.org`, role: 'lezer' },
                session.cookie,
              );
        const allowed = can(
          { id: 0, email: '', name: '', role, regionId: 0, organisationId: null },
          route.action,
        );
        expect(res.status, `${role} ${route.method} ${route.path}`).toBe(allowed ? 200 : 403);
      }
      // Public pages are the same bytes for every role (shared from the cache, never
      // personalised); personal pages never enter the cache.
      const anonymous = await app.request('/');
      const home = await app.request('/', { headers: { cookie: session.cookie } });
      expect(home.status).toBe(200);
      expect(home.headers.get('x-marke-cache')).toBe('hit');
      expect(await home.text()).toBe(await anonymous.text());
      const account = await app.request('/account', { headers: { cookie: session.cookie } });
      expect(account.headers.get('x-marke-cache')).toBeNull();
      expect(account.headers.get('cache-control')).toBe('no-store');
    }
  }, 120_000);
});
