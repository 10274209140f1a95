/**
 * Signing in as a role in route tests: creates an account by invitation, sets its password, logs
 * in through the real form and returns the session cookie, the CSRF token and the user.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { inviteUser, type Role, type SessionUser, setPassword } from '../src/modules/auth/index.js';
import { getRegion } from '../src/modules/plan/index.js';
import type { testApp } from './app.js';

type App = ReturnType<typeof testApp>['app'];
export const TEST_PASSWORD = 'een lang genoeg wachtwoord';

export type TestSession = { cookie: string; csrf: string; user: SessionUser };

export function cookieFrom(res: Response, name: string): string {
  return (
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0] ?? ''
  );
}

/** POSTs a urlencoded form with the session cookie. */
export function postForm(app: App, path: string, form: Record<string, string>, cookie: string) {
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
}

/** POSTs a multipart form with one file in the field `bestand` (as a browser would). */
export function postUpload(
  app: App,
  path: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array | string; type?: string } | undefined,
  cookie: string,
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (file)
    body.set(
      'bestand',
      new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  return app.request(path, { method: 'POST', body, headers: { cookie } });
}

/** An account of this role (optionally tied to an organisation by slug), with TEST_PASSWORD set. */
export async function createAccount(
  db: Kysely<Database>,
  role: Role,
  options: { organisation?: string; region?: string } = {},
): Promise<SessionUser> {
  const region = await getRegion(db, options.region ?? 'drenthe');
  if (!region.ok) throw new Error('geen regio');
  const org = options.organisation
    ? await db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', options.organisation)
        .where('region_id', '=', region.value.id)
        .executeTakeFirstOrThrow()
    : null;
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.org`;
  const name = `Test ${role}`;
  const invited = await inviteUser(
    db,
    { regionId: region.value.id, email, name, role, organisationId: org?.id ?? null },
    'test',
  );
  if (!invited.ok) throw new Error(invited.error);
  await setPassword(db, invited.value.token, TEST_PASSWORD);
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    email,
    name,
    role,
    regionId: region.value.id,
    organisationId: org?.id ?? null,
  };
}

/** An account of this role, signed in through the real login form. */
export async function signInAs(
  app: App,
  db: Kysely<Database>,
  role: Role,
  options: { organisation?: string; region?: string } = {},
): Promise<TestSession> {
  const user = await createAccount(db, role, options);
  const form = await app.request('/inloggen');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await postForm(
    app,
    '/inloggen',
    { _csrf: csrf, email: user.email, password: TEST_PASSWORD },
    cookieFrom(form, 'marke_csrf'),
  );
  const cookie = cookieFrom(res, 'marke_session');
  const page = await app.request('/account', { headers: { cookie } });
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '', user };
}
