/** Signed-in: `/beheer/indicatoren` for data stewards and beheerders (policy indicators:manage). */
import { type Context, Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps } from '../../web/types.js';
import {
  type AuthEnv,
  can,
  type FieldErrors,
  formFields,
  signedInPageContext,
  verifyCsrf,
} from '../auth/index.js';
import {
  addTarget,
  createIndicator,
  deleteIndicator,
  getForEdit,
  listForAdmin,
  removeTarget,
  updateIndicator,
} from './indicators-admin.service.js';
import {
  EditIndicatorPage,
  IndicatorAdminListPage,
  NEW_DEFAULTS,
  NewIndicatorPage,
  NOTICES,
  valuesOf,
} from './views/indicator-admin.js';
import type { Values } from './views/indicator-admin-fields.js';

type C = Context<AuthEnv>;
const BASE = '/beheer/indicatoren';
const CODE = ':code{[a-z0-9][a-z0-9-]{1,79}}';
const EXPIRED = 'Dit formulier is verlopen. Laad de pagina opnieuw.';
const GONE = 'Deze indicator bestaat niet (meer).';

const indicatorFieldsOnly = (form: Values) =>
  Object.fromEntries(Object.entries(form).filter(([k]) => k !== '_csrf' && !k.startsWith('t_')));
const targetFieldsOnly = (form: Values) =>
  Object.fromEntries(Object.entries(form).filter(([k]) => k.startsWith('t_')));

export function indicatorAdminRoutes({ db, config, stylesheetPath }: AppDeps) {
  const app = new Hono<AuthEnv>({ strict: false });
  const deps = { db, config, stylesheetPath };
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 403 | 404, message: string) =>
    htmlError(c, await pageContext(c), status, message);

  /** The session when allowed; otherwise the response to send (login, 403, or 403 for CSRF). */
  const guard = async (c: C, form?: Values) => {
    const session = c.get('session');
    if (!session) return { response: c.redirect('/inloggen', 303) };
    if (!can(session.user, 'indicators:manage'))
      return {
        response: await refuse(c, 403, 'Alleen databeheerders en beheerders beheren indicatoren.'),
      };
    if (form && !verifyCsrf(c, form._csrf)) return { response: await refuse(c, 403, EXPIRED) };
    return { session };
  };
  const scopeOf = async (c: C) => {
    const ctx = await pageContext(c);
    return { ctx, scope: { regionId: ctx.region.id, regionAreaCode: ctx.region.cbsCode ?? '' } };
  };

  /** The edit page; `values` replaces the stored values where the user's input must be kept. */
  const editPage = async (
    c: C,
    code: string,
    options: { errors?: FieldErrors; values?: (stored: Values) => Values; status?: 200 | 400 } = {},
  ) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const { ctx, scope } = await scopeOf(c);
    const view = await getForEdit(db, scope, code);
    if (!view.ok) return refuse(c, 404, GONE);
    const stored = valuesOf(view.value.indicator, scope.regionAreaCode);
    return c.html(
      <EditIndicatorPage
        ctx={ctx}
        csrf={session.csrfToken}
        view={view.value}
        values={options.values ? options.values(stored) : stored}
        errors={options.errors}
        canAudit={can(session.user, 'audit:view')}
        notice={NOTICES[c.req.query('melding') ?? '']}
      />,
      options.status ?? 200,
    );
  };

  app.get(BASE, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    const { ctx, scope } = await scopeOf(c);
    return c.html(
      <IndicatorAdminListPage
        ctx={ctx}
        indicators={await listForAdmin(db, scope)}
        notice={NOTICES[c.req.query('melding') ?? '']}
      />,
    );
  });

  app.get(`${BASE}/nieuw`, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    return c.html(
      <NewIndicatorPage
        ctx={await pageContext(c)}
        csrf={g.session.csrfToken}
        values={NEW_DEFAULTS}
      />,
    );
  });

  app.post(`${BASE}/nieuw`, async (c) => {
    const form = await formFields(c);
    const g = await guard(c, form);
    if (!g.session) return g.response;
    const created = await createIndicator(db, g.session.user, form);
    if (!created.ok)
      return c.html(
        <NewIndicatorPage
          ctx={await pageContext(c)}
          csrf={g.session.csrfToken}
          values={form}
          errors={created.error}
        />,
        400,
      );
    return c.redirect(`${BASE}/${created.value.code}?melding=gemaakt`, 303);
  });

  app.get(`${BASE}/${CODE}`, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    return editPage(c, c.req.param('code'));
  });

  app.post(`${BASE}/${CODE}`, async (c) => {
    const form = await formFields(c);
    const g = await guard(c, form);
    if (!g.session) return g.response;
    const code = c.req.param('code');
    const saved = await updateIndicator(db, g.session.user, code, form);
    if (!saved.ok) {
      if (saved.error === 'NotFound') return refuse(c, 404, GONE);
      const errors = saved.error;
      // Checkboxes left empty are absent from the post, so the post alone is what the user sees.
      return editPage(c, code, {
        errors,
        status: 400,
        values: (stored) => ({ ...targetFieldsOnly(stored), ...indicatorFieldsOnly(form) }),
      });
    }
    return c.redirect(`${BASE}/${code}?melding=opgeslagen`, 303);
  });

  app.post(`${BASE}/${CODE}/verwijderen`, async (c) => {
    const form = await formFields(c);
    const g = await guard(c, form);
    if (!g.session) return g.response;
    const code = c.req.param('code');
    if (form.bevestig !== 'ja')
      return editPage(c, code, {
        errors: { bevestig: 'Vink aan dat u de indicator echt wilt verwijderen.' },
        status: 400,
      });
    const deleted = await deleteIndicator(db, g.session.user, code);
    if (!deleted.ok) {
      if (deleted.error === 'NotFound') return refuse(c, 404, GONE);
      return editPage(c, code, {
        errors: {
          bevestig: `Deze indicator heeft ${deleted.error.measurements} metingen en kan daarom niet weg. Zet "openbaar" uit om haar te verbergen.`,
        },
        status: 400,
      });
    }
    return c.redirect(`${BASE}?melding=verwijderd`, 303);
  });

  app.post(`${BASE}/${CODE}/streefwaarden`, async (c) => {
    const form = await formFields(c);
    const g = await guard(c, form);
    if (!g.session) return g.response;
    const code = c.req.param('code');
    const added = await addTarget(db, g.session.user, code, form);
    if (!added.ok) {
      if (added.error === 'NotFound') return refuse(c, 404, GONE);
      const errors = added.error;
      return editPage(c, code, {
        errors,
        status: 400,
        values: (stored) => ({ ...stored, ...targetFieldsOnly(form) }),
      });
    }
    return c.redirect(`${BASE}/${code}?melding=streefwaarde-toegevoegd#streefwaarden`, 303);
  });

  app.post(`${BASE}/${CODE}/streefwaarden/:id{[0-9]{1,9}}/verwijderen`, async (c) => {
    const form = await formFields(c);
    const g = await guard(c, form);
    if (!g.session) return g.response;
    const code = c.req.param('code');
    const removed = await removeTarget(db, g.session.user, code, Number(c.req.param('id')));
    if (!removed.ok) return refuse(c, 404, 'Deze streefwaarde bestaat niet (meer).');
    return c.redirect(`${BASE}/${code}?melding=streefwaarde-verwijderd#streefwaarden`, 303);
  });
  return app;
}
