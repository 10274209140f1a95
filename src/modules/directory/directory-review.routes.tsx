/**
 * The beheerders' review (/beheer/hulpwijzer/beoordelen, approve or reject a listing) and the
 * directory organisations (/beheer/hulpwijzer/organisaties): parse → policy → service → view.
 */
import { type Context, Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps } from '../../web/types.js';
import { type AuthEnv, signedInPageContext, verifyCsrf } from '../auth/index.js';
import { canModerate, editorScope } from './directory.policy.js';
import {
  CSRF_MESSAGE,
  EDITORS_ONLY,
  NO_ORGANISATION,
  postedForm,
} from './directory-editor.routes.js';
import { reviewListing } from './directory-editor.service.js';
import { UUID } from './directory-editor.types.js';
import { listingForEditor, reviewQueueFor, savedCard } from './directory-editor-read.service.js';
import {
  createOrganization,
  organizationCreateRight,
  organizationForEditor,
  ownOrganisationName,
  planOrganisationChoices,
  updateOrganization,
} from './directory-organizations.service.js';
import { ListingPage } from './views/listing-page.js';
import { type OrganizationFormMode, OrganizationFormPage } from './views/organization-form.js';
import { ReviewQueuePage } from './views/review-queue.js';

type C = Context<AuthEnv>;

const ID = `{${UUID.source.slice(1, -1)}}`;
const MODERATORS_ONLY = 'Alleen beheerders beoordelen vermeldingen in de Hulpwijzer.';
const ORGANIZATION_EXISTS =
  'Uw organisatie staat al in de Hulpwijzer. Wijzig haar gegevens op de pagina Hulpwijzer.';

/** Mounted at the site root after the auth routes. */
export function directoryReviewRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = new Hono<AuthEnv>({ strict: false });
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 400 | 403 | 404, message: string) =>
    htmlError(c, await pageContext(c), status, message);

  app.get('/beheer/hulpwijzer/beoordelen', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!canModerate(session.user)) return refuse(c, 403, MODERATORS_ONLY);
    return c.html(
      <ReviewQueuePage ctx={await pageContext(c)} rows={await reviewQueueFor(db, session.user)} />,
    );
  });

  app.post(`/beheer/hulpwijzer/:id${ID}/beoordelen`, async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await postedForm(c);
    if (!verifyCsrf(c, form.fields._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    if (!canModerate(session.user)) return refuse(c, 403, MODERATORS_ONLY);
    const id = c.req.param('id');
    const done = await reviewListing(db, session.user, id, form.fields);
    if (done.ok) return c.redirect(`/beheer/hulpwijzer/${id}?melding=${done.value.decision}`, 303);
    if (done.error === 'NotFound') return refuse(c, 404, 'Deze vermelding bestaat niet.');
    if (typeof done.error === 'string') return refuse(c, 403, MODERATORS_ONLY);
    const page = await listingForEditor(db, session.user, id);
    if (!page.ok) return refuse(c, 404, 'Deze vermelding bestaat niet.');
    return c.html(
      <ListingPage
        ctx={await pageContext(c)}
        data={page.value}
        card={await savedCard(db, session.user, page.value.listing)}
        csrf={session.csrfToken}
        errors={done.error.errors}
        note={form.fields.opmerking}
      />,
      400,
    );
  });

  /** The organisation form; beheerders also choose the plan organisation. */
  const organizationPage = async (
    c: C,
    mode: OrganizationFormMode,
    values: Record<string, string>,
    errors?: Record<string, string>,
  ) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const planOrganisations = await planOrganisationChoices(db, session.user);
    return c.html(
      <OrganizationFormPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        mode={mode}
        values={values}
        errors={errors}
        planOrganisations={planOrganisations}
      />,
      errors ? 400 : 200,
    );
  };

  /** Why a user may not add an organisation now, or null when they may. */
  const createRefusal = async (c: C) => {
    const user = c.get('session')?.user;
    if (!user) return refuse(c, 403, EDITORS_ONLY);
    const right = await organizationCreateRight(db, user);
    if (right === 'forbidden') return refuse(c, 403, EDITORS_ONLY);
    if (right === 'no-organisation') return refuse(c, 403, NO_ORGANISATION);
    if (right === 'exists') return refuse(c, 403, ORGANIZATION_EXISTS);
    return null;
  };

  app.get('/beheer/hulpwijzer/organisaties/nieuw', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const refused = await createRefusal(c);
    if (refused) return refused;
    const own = await ownOrganisationName(db, session.user);
    const values: Record<string, string> = own ? { naam: own } : {};
    return organizationPage(c, { kind: 'new' }, values);
  });

  app.post('/beheer/hulpwijzer/organisaties', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await postedForm(c);
    if (!verifyCsrf(c, form.fields._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const refused = await createRefusal(c);
    if (refused) return refused;
    const saved = await createOrganization(db, session.user, form.fields);
    if (saved.ok) return c.redirect('/beheer/hulpwijzer?melding=organisatie', 303);
    if (typeof saved.error === 'string') return refuse(c, 403, EDITORS_ONLY);
    return organizationPage(c, { kind: 'new' }, form.fields, saved.error.errors);
  });

  app.get(`/beheer/hulpwijzer/organisaties/:id${ID}`, async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (editorScope(session.user).kind === 'none') return refuse(c, 403, EDITORS_ONLY);
    const found = await organizationForEditor(db, session.user, c.req.param('id'));
    if (!found.ok)
      return found.error === 'NotFound'
        ? refuse(c, 404, 'Deze organisatie bestaat niet.')
        : refuse(c, 403, 'Deze organisatie houdt u niet bij.');
    const o = found.value;
    const values = {
      naam: o.name,
      beschrijving: o.description,
      email: o.email ?? '',
      website: o.website ?? '',
      plan_organisatie: o.plan_organisation_id === null ? '' : String(o.plan_organisation_id),
    };
    return organizationPage(c, { kind: 'edit', id: o.id, name: o.name }, values);
  });

  app.post(`/beheer/hulpwijzer/organisaties/:id${ID}`, async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await postedForm(c);
    if (!verifyCsrf(c, form.fields._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    if (editorScope(session.user).kind === 'none') return refuse(c, 403, EDITORS_ONLY);
    const id = c.req.param('id');
    const saved = await updateOrganization(db, session.user, id, form.fields);
    if (saved.ok) return c.redirect('/beheer/hulpwijzer?melding=organisatie', 303);
    if (saved.error === 'NotFound') return refuse(c, 404, 'Deze organisatie bestaat niet.');
    if (typeof saved.error === 'string')
      return refuse(c, 403, 'Deze organisatie houdt u niet bij.');
    const found = await organizationForEditor(db, session.user, id);
    const name = found.ok ? found.value.name : '';
    return organizationPage(c, { kind: 'edit', id, name }, form.fields, saved.error.errors);
  });

  return app;
}
