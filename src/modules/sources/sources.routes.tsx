/** Public `/datawerkplaats/bronnen`; signed-in `/beheer/bronnen` (policy indicators:manage). */
import { type Context, Hono } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import {
  type AuthEnv,
  fieldErrors,
  formFields,
  signedInPageContext,
  verifyCsrf,
} from '../auth/index.js';
import { canManageSources, listSources, updateSourcePolicy } from './sources.service.js';
import { PolicyForm } from './sources.types.js';
import { SourceEditPage, SourcesAdminPage, SourcesPage } from './views/sources.js';

type C = Context<AuthEnv>;
const CODE = ':code{[a-z0-9][a-z0-9-]{1,79}}';

export function sourcePublicRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/datawerkplaats/bronnen', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<SourcesPage ctx={ctx} sources={await listSources(db, ctx.region.id)} />);
  });
  return app;
}

export type SourceAdminDeps = AppDeps & {
  /** Decides disclosure again after a rules change (the indicators module, injected). */
  afterPolicyChange: (trx: Transaction<Database>, regionId: number) => Promise<unknown>;
};

export function sourceAdminRoutes(deps: SourceAdminDeps) {
  const db: Kysely<Database> = deps.db;
  const app = new Hono<AuthEnv>({ strict: false });
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 403 | 404, message: string) =>
    htmlError(c, await pageContext(c), status, message);
  const guard = async (c: C) => {
    const session = c.get('session');
    if (!session) return { response: c.redirect('/inloggen', 303) };
    if (!canManageSources(session.user))
      return {
        response: await refuse(c, 403, 'Alleen databeheerders en beheerders beheren bronnen.'),
      };
    return { session };
  };

  app.get('/beheer/bronnen', async (c) => {
    const { session, response } = await guard(c);
    if (!session) return response;
    const notice = c.req.query('opgeslagen')
      ? 'De regels zijn opgeslagen en toegepast.'
      : undefined;
    return c.html(
      <SourcesAdminPage
        ctx={await pageContext(c)}
        sources={await listSources(db, session.user.regionId)}
        notice={notice}
      />,
    );
  });
  app.get(`/beheer/bronnen/${CODE}`, async (c) => {
    const { session, response } = await guard(c);
    if (!session) return response;
    const source = (await listSources(db, session.user.regionId)).find(
      (s) => s.code === c.req.param('code'),
    );
    if (!source) return refuse(c, 404, 'Deze bron bestaat niet.');
    const values = {
      threshold: String(source.threshold),
      decimals: source.decimals === null ? '' : String(source.decimals),
      count_base: source.countBase === null ? '' : String(source.countBase),
      refresh: source.refresh,
    };
    return c.html(
      <SourceEditPage
        ctx={await pageContext(c)}
        source={source}
        csrf={session.csrfToken}
        values={values}
        errors={{}}
      />,
    );
  });
  app.post(`/beheer/bronnen/${CODE}`, async (c) => {
    const { session, response } = await guard(c);
    if (!session) return response;
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf))
      return refuse(c, 403, 'Dit formulier is verlopen. Laad de pagina opnieuw.');
    const code = c.req.param('code');
    const source = (await listSources(db, session.user.regionId)).find((s) => s.code === code);
    if (!source) return refuse(c, 404, 'Deze bron bestaat niet.');
    // A field left out of the post reads as empty, so every message is the form's own (Dutch).
    const parsed = PolicyForm.safeParse({
      threshold: '',
      decimals: '',
      count_base: '',
      refresh: '',
      ...form,
    });
    if (!parsed.success)
      return c.html(
        <SourceEditPage
          ctx={await pageContext(c)}
          source={source}
          csrf={session.csrfToken}
          values={form}
          errors={fieldErrors(parsed.error)}
        />,
        400,
      );
    const input = { ...parsed.data, threshold: parsed.data.threshold ?? 10 };
    const saved = await updateSourcePolicy(db, session.user, code, input, deps.afterPolicyChange);
    if (!saved.ok)
      return refuse(c, saved.error === 'Forbidden' ? 403 : 404, 'Opslaan is niet gelukt.');
    return c.redirect('/beheer/bronnen?opgeslagen=1', 303);
  });
  return app;
}
