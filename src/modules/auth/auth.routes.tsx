/** Log in, log out, set a password, account and user management: parse → policy → service → view. */
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { deleteCookie, setCookie } from 'hono/cookie';
import { MAX_UPLOAD_BYTES } from '../../lib/tabular.js';
import type { AppDeps } from '../../web/types.js';
import { getOrganisation } from '../organisations/index.js';
import { fieldErrors, formFields, signedInPageContext } from './auth.forms.js';
import {
  type AuthEnv,
  csrfTokenFor,
  isHttps,
  loadSession,
  SESSION_COOKIE,
  verifyCsrf,
} from './auth.middleware.js';
import { can } from './auth.policy.js';
import {
  checkPasswordToken,
  inviteUser,
  listAudit,
  listUsers,
  login,
  logout,
  SESSION_HOURS,
  setPassword,
} from './auth.service.js';
import { AuditFilter, InviteForm, LoginForm, SetPasswordForm } from './auth.types.js';
import { type WorkspaceNotices, workspaceFor } from './auth.workspace.js';
import { AuditPage } from './views/audit.js';
import {
  AccountPage,
  LoginPage,
  RefusedPage,
  SetPasswordPage,
  UsersPage,
} from './views/auth-pages.js';
import type { FieldErrors } from './views/forms.js';

type C = Context<AuthEnv>;

/** The signed-in part of the site. */
/** The routes that take a file: the imports of werkagenda, measurements and panel results. */
const UPLOAD_PATHS =
  /^\/beheer\/(werkagenda\/import|metingen\/import|panel\/[0-9]{1,9}\/upload|hulpwijzer\/import)\/?$/;

export const AUTH_PATHS = [
  '/inloggen',
  '/uitloggen',
  '/wachtwoord-instellen',
  '/account',
  '/beheer/*',
] as const;

function clientIp(c: C, trustProxy: boolean): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (trustProxy && forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'onbekend';
  } catch {
    return 'onbekend';
  }
}

/** Routes of the signed-in part; mounted at the site root for every region's partners. */
export function authRoutes({
  db,
  config,
  stylesheetPath,
  workspaceNotices,
}: AppDeps & { workspaceNotices?: WorkspaceNotices }) {
  const app = new Hono<AuthEnv>({ strict: false });
  const deps = { db, config, stylesheetPath };
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 403 | 413 | 429, message: string) =>
    c.html(<RefusedPage ctx={await pageContext(c)} status={status} message={message} />, status);
  const csrfFailed = (c: C) =>
    refuse(
      c,
      403,
      'Dit formulier is verlopen of kwam niet van deze site. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
    );

  // Forms are small; only the file-upload routes (multipart) may carry up to MAX_UPLOAD_BYTES, so
  // no ordinary form can be made to parse megabytes by posting it as multipart.
  const formLimit = bodyLimit({
    maxSize: 100 * 1024,
    onError: (c) => refuse(c, 413, 'Dit formulier is te groot (meer dan 100 kB).'),
  });
  const uploadLimit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
    onError: (c) =>
      refuse(
        c,
        413,
        'Dit bestand is groter dan 10 MB. Splits het bestand of laat kolommen weg, en probeer het opnieuw. Er is niets opgeslagen.',
      ),
  });
  const sizeLimit: MiddlewareHandler<AuthEnv> = (c, next) =>
    (c.req.header('content-type') ?? '').startsWith('multipart/form-data') &&
    UPLOAD_PATHS.test(c.req.path)
      ? uploadLimit(c, next)
      : formLimit(c, next);

  // Only these paths use sessions and cookies; every other page stays public and cacheable.
  for (const path of AUTH_PATHS) {
    // Not cached (personal, no-store), so compressed per response for slow connections.
    app.use(path, compress());
    app.use(path, loadSession(db));
    app.use(path, sizeLimit);
  }

  app.get('/inloggen', async (c) => {
    if (c.get('session')) return c.redirect('/account', 303);
    const notice = c.req.query('klaar')
      ? 'Uw wachtwoord is opgeslagen. U kunt nu inloggen.'
      : undefined;
    return c.html(<LoginPage ctx={await pageContext(c)} csrf={csrfTokenFor(c)} notice={notice} />);
  });

  app.post('/inloggen', async (c) => {
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return csrfFailed(c);
    const parsed = LoginForm.safeParse(form);
    const ctx = await pageContext(c);
    if (!parsed.success)
      return c.html(
        <LoginPage
          ctx={ctx}
          csrf={csrfTokenFor(c)}
          email={form.email}
          errors={fieldErrors(parsed.error)}
        />,
        400,
      );
    const result = await login(db, { ...parsed.data, ip: clientIp(c, config.trustProxy) });
    if (!result.ok && result.error === 'TooManyAttempts')
      return refuse(
        c,
        429,
        'Er is te vaak een verkeerd wachtwoord gebruikt. Probeer het over 15 minuten opnieuw.',
      );
    if (!result.ok)
      return c.html(
        <LoginPage
          ctx={ctx}
          csrf={csrfTokenFor(c)}
          email={parsed.data.email}
          errors={{ email: 'Het e-mailadres of het wachtwoord klopt niet.' }}
        />,
        400,
      );
    setCookie(c, SESSION_COOKIE, result.value.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c),
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect('/account', 303);
  });

  app.post('/uitloggen', async (c) => {
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return csrfFailed(c);
    const token = c.req.header('cookie')?.match(/(?:^|;\s*)marke_session=([^;]+)/)?.[1];
    if (token) await logout(db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  });

  app.get('/wachtwoord-instellen', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!(await checkPasswordToken(db, token)))
      return refuse(
        c,
        403,
        'Deze link is ongeldig, al gebruikt of verlopen. Vraag een beheerder om een nieuwe uitnodiging.',
      );
    return c.html(
      <SetPasswordPage ctx={await pageContext(c)} csrf={csrfTokenFor(c)} token={token} />,
    );
  });

  app.post('/wachtwoord-instellen', async (c) => {
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return csrfFailed(c);
    const parsed = SetPasswordForm.safeParse(form);
    if (!parsed.success)
      return c.html(
        <SetPasswordPage
          ctx={await pageContext(c)}
          csrf={csrfTokenFor(c)}
          token={form.token ?? ''}
          errors={fieldErrors(parsed.error)}
        />,
        400,
      );
    const result = await setPassword(db, parsed.data.token, parsed.data.password);
    if (!result.ok)
      return refuse(
        c,
        403,
        'Deze link is ongeldig, al gebruikt of verlopen. Vraag een beheerder om een nieuwe uitnodiging.',
      );
    return c.redirect('/inloggen?klaar=1', 303);
  });

  app.get('/account', async (c) => {
    const session = c.get('session');
    if (!session || !can(session.user, 'account:view')) return c.redirect('/inloggen', 303);
    return c.html(
      <AccountPage
        ctx={await pageContext(c)}
        user={session.user}
        csrf={session.csrfToken}
        links={workspaceFor(session.user)}
        notices={workspaceNotices ? await workspaceNotices(session.user) : new Map()}
      />,
    );
  });

  app.get('/beheer/gebruikers', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!can(session.user, 'users:manage'))
      return refuse(c, 403, 'Alleen beheerders kunnen gebruikers beheren.');
    return c.html(
      <UsersPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        users={await listUsers(db, session.user.regionId)}
      />,
    );
  });

  app.get('/beheer/audit', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!can(session.user, 'audit:view'))
      return refuse(c, 403, 'Alleen beheerders kunnen de wijzigingen inzien.');
    const ctx = await pageContext(c);
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const filter = AuditFilter.safeParse(raw);
    if (!filter.success)
      return c.html(
        <AuditPage
          ctx={ctx}
          entries={[]}
          filter={{}}
          error={filter.error.issues[0]?.message ?? 'Ongeldig filter.'}
        />,
        400,
      );
    const entries = await listAudit(db, session.user.regionId, {
      entityType: filter.data.soort,
      entityKey: filter.data.sleutel,
      limit: 200,
    });
    return c.html(<AuditPage ctx={ctx} entries={entries} filter={filter.data} />);
  });

  app.post('/beheer/gebruikers', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return csrfFailed(c);
    if (!can(session.user, 'users:manage'))
      return refuse(c, 403, 'Alleen beheerders kunnen gebruikers beheren.');
    const ctx = await pageContext(c);
    const users = () => listUsers(db, session.user.regionId);
    const parsed = InviteForm.safeParse(form);
    const again = async (errors: FieldErrors) =>
      c.html(
        <UsersPage
          ctx={ctx}
          csrf={session.csrfToken}
          users={await users()}
          values={form}
          errors={errors}
        />,
        400,
      );
    if (!parsed.success) return again(fieldErrors(parsed.error));
    let organisationId: number | null = null;
    if (parsed.data.organisation) {
      const org = await getOrganisation(
        db,
        { id: session.user.regionId },
        parsed.data.organisation,
      );
      if (!org.ok)
        return again({
          organisation:
            'Deze organisatie staat niet in het plan. Gebruik de slug uit het adres van de organisatiepagina.',
        });
      organisationId = org.value.organisation.id;
    }
    const invited = await inviteUser(
      db,
      {
        regionId: session.user.regionId,
        email: parsed.data.email,
        name: parsed.data.name,
        role: parsed.data.role,
        organisationId,
      },
      `user:${session.user.id}`,
    );
    if (!invited.ok) return again({ email: 'Er bestaat al een account met dit e-mailadres.' });
    const link = `${new URL(c.req.url).origin}/wachtwoord-instellen?token=${invited.value.token}`;
    return c.html(
      <UsersPage
        ctx={ctx}
        csrf={session.csrfToken}
        users={await users()}
        invited={{ email: parsed.data.email, link }}
      />,
    );
  });

  return app;
}
