/** Public `/datawerkplaats/subregios`; beheerders assign gemeenten at `/beheer/subregios`. */
import { type Context, Hono } from 'hono';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { type AuthEnv, formFields, signedInPageContext, verifyCsrf } from '../auth/index.js';
import { canManageAreas, saveAssignment, subregionView } from './subregions.service.js';
import { SubregionsAdminPage, SubregionsPage } from './views/subregions.js';

type C = Context<AuthEnv>;

export function subregionPublicRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/datawerkplaats/subregios', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<SubregionsPage ctx={ctx} view={await subregionView(db, ctx.region.id)} />);
  });
  return app;
}

export type SubregionAdminDeps = AppDeps & {
  /** Decides roll-ups and disclosure again after the gemeenten of a subregion change. */
  afterAssignmentChange?: (trx: Transaction<Database>, regionId: number) => Promise<unknown>;
};

export function subregionAdminRoutes(deps: SubregionAdminDeps) {
  const { db } = deps;
  const app = new Hono<AuthEnv>({ strict: false });
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const guard = async (c: C) => {
    const session = c.get('session');
    if (!session) return { response: c.redirect('/inloggen', 303) };
    if (!canManageAreas(session.user))
      return {
        response: htmlError(c, await pageContext(c), 403, "Alleen beheerders delen subregio's in."),
      };
    return { session };
  };

  app.get('/beheer/subregios', async (c) => {
    const { session, response } = await guard(c);
    if (!session) return response;
    const view = await subregionView(db, session.user.regionId);
    const values = Object.fromEntries(
      Object.entries(view.assignment).map(([g, s]) => [`gm-${g}`, s]),
    );
    const notice = c.req.query('opgeslagen') ? 'De indeling is opgeslagen.' : undefined;
    return c.html(
      <SubregionsAdminPage
        ctx={await pageContext(c)}
        view={view}
        csrf={session.csrfToken}
        values={values}
        errors={{}}
        notice={notice}
      />,
    );
  });
  app.post('/beheer/subregios', async (c) => {
    const { session, response } = await guard(c);
    if (!session) return response;
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf))
      return htmlError(
        c,
        await pageContext(c),
        403,
        'Dit formulier is verlopen. Laad de pagina opnieuw.',
      );
    const saved = await saveAssignment(db, session.user, form, deps.afterAssignmentChange);
    if (!saved.ok) {
      if (saved.error === 'Forbidden')
        return htmlError(c, await pageContext(c), 403, 'Niet toegestaan.');
      const view = await subregionView(db, session.user.regionId);
      return c.html(
        <SubregionsAdminPage
          ctx={await pageContext(c)}
          view={view}
          csrf={session.csrfToken}
          values={form}
          errors={saved.error.errors}
        />,
        400,
      );
    }
    return c.redirect('/beheer/subregios?opgeslagen=1', 303);
  });
  return app;
}
