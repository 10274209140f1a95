/** Werkagenda pages: the public agenda table, and the edit form for beheerders and trekkers. */
import { type Context, Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import {
  type AuthEnv,
  type FieldErrors,
  fieldErrors,
  formFields,
  signedInPageContext,
  verifyCsrf,
} from '../auth/index.js';
import { getOrganisation } from '../organisations/index.js';
import {
  getAgenda,
  getAgendaItem,
  getAttention,
  getOrganisationAgenda,
  saveAgendaItem,
} from './agenda.service.js';
import { AgendaFilter, ItemForm } from './agenda.types.js';
import { agendaImportRoutes } from './agenda-import.routes.js';
import { AgendaEditPage, AgendaPage } from './views/agenda.js';
import { AttentionPage, OrganisationAgendaPage } from './views/attention.js';

/** Public: `/werkagenda` in each region's site. */
export function agendaRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/werkagenda', async (c) => {
    const ctx = c.get('ctx');
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const filter = AgendaFilter.safeParse(raw);
    const data = await getAgenda(db, ctx.region.id, filter.success ? filter.data : {});
    if (!filter.success) {
      c.header('cache-control', 'no-store');
      return c.html(
        <AgendaPage
          ctx={ctx}
          data={data}
          filter={{}}
          error={filter.error.issues[0]?.message ?? 'Ongeldig filter.'}
        />,
        400,
      );
    }
    return c.html(<AgendaPage ctx={ctx} data={data} filter={filter.data} />);
  });
  app.get('/werkagenda/aandacht', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<AttentionPage ctx={ctx} data={await getAttention(db, ctx.region.id)} />);
  });
  app.get('/werkagenda/organisatie/:slug', async (c) => {
    const ctx = c.get('ctx');
    const org = await getOrganisation(db, ctx.region, c.req.param('slug'));
    if (!org.ok) return htmlError(c, ctx, 404, 'Deze organisatie staat niet in het plan.');
    const data = await getOrganisationAgenda(db, ctx.region.id, org.value.organisation.id);
    return c.html(
      <OrganisationAgendaPage
        ctx={ctx}
        name={org.value.organisation.name}
        slug={org.value.organisation.slug}
        data={data}
      />,
    );
  });
  return app;
}

type C = Context<AuthEnv>;

/** Signed-in: `/beheer/werkagenda/:code`; the auth routes have loaded the session for `/beheer/*`. */
export function agendaAdminRoutes({ db, config, stylesheetPath }: AppDeps) {
  const app = new Hono<AuthEnv>({ strict: false });
  const deps = { db, config, stylesheetPath };
  // First: `/beheer/werkagenda/import` must not be read as the goal code "import".
  app.route('/', agendaImportRoutes(deps));
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 403 | 404, message: string) =>
    htmlError(c, await pageContext(c), status, message);

  app.get('/beheer/werkagenda/:code', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const item = await getAgendaItem(db, session.user, c.req.param('code'));
    if (!item.ok)
      return item.error === 'Forbidden'
        ? refuse(
            c,
            403,
            'U bent geen trekker van dit doel. Vraag een beheerder om uw organisatie als eigenaar toe te voegen.',
          )
        : refuse(c, 404, 'Dit doel bestaat niet.');
    const saved = c.req.query('opgeslagen') === '1';
    return c.html(
      <AgendaEditPage
        ctx={await pageContext(c)}
        item={item.value}
        csrf={session.csrfToken}
        saved={saved}
      />,
    );
  });

  app.post('/beheer/werkagenda/:code', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf))
      return refuse(c, 403, 'Dit formulier is verlopen. Laad de pagina opnieuw.');
    const item = await getAgendaItem(db, session.user, c.req.param('code'));
    if (!item.ok)
      return item.error === 'Forbidden'
        ? refuse(c, 403, 'U bent geen trekker van dit doel.')
        : refuse(c, 404, 'Dit doel bestaat niet.');
    const again = async (errors: FieldErrors) =>
      c.html(
        <AgendaEditPage
          ctx={await pageContext(c)}
          item={item.value}
          csrf={session.csrfToken}
          values={form}
          errors={errors}
        />,
        400,
      );
    const parsed = ItemForm.safeParse(form);
    if (!parsed.success) return again(fieldErrors(parsed.error));
    let owners: number[] | undefined;
    if (item.value.canAssignOwners && form.owners !== undefined) {
      owners = [];
      for (const slug of form.owners
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const org = await getOrganisation(db, { id: session.user.regionId }, slug);
        if (!org.ok) return again({ owners: `Organisatie "${slug}" staat niet in het plan.` });
        owners.push(org.value.organisation.id);
      }
    }
    const saved = await saveAgendaItem(db, session.user, c.req.param('code'), parsed.data, owners);
    if (!saved.ok) return refuse(c, 403, 'Opslaan is niet toegestaan.');
    return c.redirect(`/beheer/werkagenda/${c.req.param('code')}?opgeslagen=1`, 303);
  });
  return app;
}
