/**
 * The editors' pages of the Hulpwijzer under /beheer/hulpwijzer (issue 5 §3): parse → policy →
 * service → view. The auth routes load the session for /beheer/*; every POST checks the CSRF
 * token first. Organisation pages and the review queue are in directory-review.routes.tsx.
 */
import { type Context, Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps } from '../../web/types.js';
import { type AuthEnv, signedInPageContext, verifyCsrf, withoutNul } from '../auth/index.js';
import { canModerate, editorScope } from './directory.policy.js';
import { loadEditorRefs } from './directory-editor.form.js';
import type * as repo from './directory-editor.repository.js';
import {
  createListing,
  type ListingError,
  organizationChoices,
  type PostedForm,
  setListingStatus,
  updateListing,
  verifyListing,
} from './directory-editor.service.js';
import { UUID } from './directory-editor.types.js';
import { listingFormValues } from './directory-editor.values.js';
import {
  editorOverview,
  listingForEditor,
  previewFor,
  savedCard,
} from './directory-editor-read.service.js';
import { EditorOverviewPage } from './views/editor-overview.js';
import { type ListingFormMode, ListingFormPage } from './views/listing-form.js';
import { ListingPage } from './views/listing-page.js';
import { ServiceCard } from './views/service-card.js';

type C = Context<AuthEnv>;

export type EditorDeps = AppDeps & { previewScriptPath: string };

export const CSRF_MESSAGE =
  'Dit formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw en probeer het nog eens.';
export const EDITORS_ONLY = 'Alleen redacteuren en beheerders houden de Hulpwijzer bij.';
export const NO_ORGANISATION =
  'Uw account hoort nog niet bij een organisatie. Vraag een beheerder om uw organisatie aan uw account toe te voegen.';
const OTHER_ORGANISATION =
  'Deze vermelding is van een andere organisatie. U kunt haar niet wijzigen.';
const NOT_FOUND = 'Deze vermelding bestaat niet.';
const ID = `{${UUID.source.slice(1, -1)}}`;

const NOTICES: Record<string, string> = {
  ingediend: 'Opgeslagen. Een beheerder beoordeelt de vermelding; daarna vinden inwoners haar.',
  goedgekeurd: 'Opgeslagen. Inwoners zien de vermelding zoals hieronder.',
  afgewezen: 'Opgeslagen.',
  gecontroleerd: 'Vastgelegd: de vermelding is vandaag gecontroleerd.',
  beeindigd: 'Beëindigd. Inwoners vinden de vermelding niet meer.',
  heropend: 'De vermelding wordt weer aangeboden.',
  goedkeuren: 'Goedgekeurd. Inwoners vinden de vermelding nu.',
  afwijzen: 'Afgewezen. De organisatie ziet uw opmerking.',
  organisatie: 'De organisatie is opgeslagen.',
};

/** The posted fields (last value of each) and the names that came more than once. */
export async function postedForm(c: C): Promise<PostedForm> {
  const body = await c.req.parseBody({ all: true });
  const repeated: string[] = [];
  const entries = Object.entries(body).flatMap(([key, value]) => {
    const texts = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string',
    );
    if (texts.length > 1) repeated.push(key);
    const last = texts.at(-1);
    return last === undefined ? [] : [[key, withoutNul(last)] as const];
  });
  return { fields: Object.fromEntries(entries), repeated };
}

/** Mounted at the site root after the auth routes. */
export function directoryEditorRoutes(deps: EditorDeps) {
  const { db } = deps;
  const app = new Hono<AuthEnv>({ strict: false });
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 400 | 403 | 404, message: string) =>
    htmlError(c, await pageContext(c), status, message);
  const refuseError = (c: C, error: Exclude<ListingError, { kind: 'Invalid' }>) => {
    if (error === 'NotFound') return refuse(c, 404, NOT_FOUND);
    if (error === 'NoOrganisation') return refuse(c, 403, NO_ORGANISATION);
    if (error === 'NoDirectoryOrganization')
      return c.redirect('/beheer/hulpwijzer/organisaties/nieuw', 303);
    return refuse(
      c,
      403,
      editorScope(c.get('session')?.user).kind === 'none' ? EDITORS_ONLY : OTHER_ORGANISATION,
    );
  };

  /** The form page: new or edit, with the card of what is typed. */
  const formPage = async (
    c: C,
    mode: ListingFormMode,
    form: PostedForm['fields'],
    options: {
      errors?: Record<string, string>;
      previewed?: boolean;
      existing: repo.ListingDetail | null;
    },
  ) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const [refs, organizations, preview] = await Promise.all([
      loadEditorRefs(db, session.user.regionId),
      organizationChoices(db, session.user),
      previewFor(db, session.user, form, options.existing),
    ]);
    if (organizations.length === 0) return refuseError(c, 'NoDirectoryOrganization');
    const values = {
      organisatie: organizations.length === 1 ? (organizations[0]?.id ?? '') : '',
      ...form,
    };
    return c.html(
      <ListingFormPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        mode={mode}
        refs={refs}
        organizations={organizations}
        moderator={canModerate(session.user)}
        values={values}
        errors={options.errors}
        preview={preview.card}
        kept={preview.kept}
        previewed={options.previewed}
        scriptPath={deps.previewScriptPath}
      />,
      options.errors && Object.keys(options.errors).length > 0 && !options.previewed ? 400 : 200,
    );
  };

  app.get('/beheer/hulpwijzer', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (editorScope(session.user).kind === 'none') return refuse(c, 403, EDITORS_ONLY);
    return c.html(
      <EditorOverviewPage
        ctx={await pageContext(c)}
        data={await editorOverview(db, session.user)}
        csrf={session.csrfToken}
        notice={NOTICES[c.req.query('melding') ?? '']}
      />,
    );
  });

  app.get('/beheer/hulpwijzer/nieuw', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const scope = editorScope(session.user).kind;
    if (scope === 'none') return refuse(c, 403, EDITORS_ONLY);
    if (scope === 'no-organisation') return refuse(c, 403, NO_ORGANISATION);
    return formPage(c, { kind: 'new' }, {}, { existing: null });
  });

  app.post('/beheer/hulpwijzer', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await postedForm(c);
    if (!verifyCsrf(c, form.fields._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const scope = editorScope(session.user).kind;
    if (scope === 'none') return refuse(c, 403, EDITORS_ONLY);
    if (scope === 'no-organisation') return refuse(c, 403, NO_ORGANISATION);
    if (form.fields.actie === 'voorbeeld')
      return formPage(c, { kind: 'new' }, form.fields, { previewed: true, existing: null });
    const saved = await createListing(db, session.user, form);
    if (saved.ok)
      return c.redirect(
        `/beheer/hulpwijzer/${saved.value.id}?melding=${saved.value.reviewStatus}`,
        303,
      );
    if (typeof saved.error === 'string') return refuseError(c, saved.error);
    return formPage(c, { kind: 'new' }, form.fields, {
      errors: saved.error.errors,
      existing: null,
    });
  });

  // The live preview's card (the script in listing-form.tsx); the same card as the page's.
  app.post('/beheer/hulpwijzer/voorbeeld', async (c) => {
    const session = c.get('session');
    if (!session) return c.text('Log opnieuw in.', 401);
    const form = await postedForm(c);
    if (!verifyCsrf(c, form.fields._csrf)) return c.text(CSRF_MESSAGE, 403);
    if (editorScope(session.user).kind === 'none') return c.text(EDITORS_ONLY, 403);
    const id = form.fields.dienst ?? '';
    const existing = id ? await listingForEditor(db, session.user, id) : null;
    if (existing && !existing.ok)
      return c.text(NOT_FOUND, existing.error === 'NotFound' ? 404 : 403);
    const { card } = await previewFor(
      db,
      session.user,
      form.fields,
      existing?.value.listing ?? null,
    );
    // It replaces the card under the preview's h2 ("Zo zien inwoners deze vermelding").
    return c.html(<ServiceCard service={card} headingId="voorbeeld-kaart-titel" level={3} />);
  });

  app.get(`/beheer/hulpwijzer/:id${ID}`, async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (editorScope(session.user).kind === 'none') return refuse(c, 403, EDITORS_ONLY);
    const page = await listingForEditor(db, session.user, c.req.param('id'));
    if (!page.ok) return refuseError(c, page.error);
    return c.html(
      <ListingPage
        ctx={await pageContext(c)}
        data={page.value}
        card={await savedCard(db, session.user, page.value.listing)}
        csrf={session.csrfToken}
        notice={NOTICES[c.req.query('melding') ?? '']}
      />,
    );
  });

  app.get(`/beheer/hulpwijzer/:id${ID}/bewerken`, async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (editorScope(session.user).kind === 'none') return refuse(c, 403, EDITORS_ONLY);
    const page = await listingForEditor(db, session.user, c.req.param('id'));
    if (!page.ok) return refuseError(c, page.error);
    const { listing } = page.value;
    const mode = {
      kind: 'edit',
      id: listing.id,
      name: listing.name,
      reviewStatus: listing.review_status,
    } as const;
    return formPage(c, mode, listingFormValues(listing), { existing: listing });
  });

  app.post(`/beheer/hulpwijzer/:id${ID}`, async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await postedForm(c);
    if (!verifyCsrf(c, form.fields._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    if (editorScope(session.user).kind === 'none') return refuse(c, 403, EDITORS_ONLY);
    const page = await listingForEditor(db, session.user, c.req.param('id'));
    if (!page.ok) return refuseError(c, page.error);
    const { listing } = page.value;
    const mode = {
      kind: 'edit',
      id: listing.id,
      name: listing.name,
      reviewStatus: listing.review_status,
    } as const;
    if (form.fields.actie === 'voorbeeld')
      return formPage(c, mode, form.fields, { previewed: true, existing: listing });
    const saved = await updateListing(db, session.user, listing.id, form);
    if (saved.ok)
      return c.redirect(
        `/beheer/hulpwijzer/${listing.id}?melding=${saved.value.reviewStatus}`,
        303,
      );
    if (typeof saved.error === 'string') return refuseError(c, saved.error);
    return formPage(c, mode, form.fields, { errors: saved.error.errors, existing: listing });
  });

  /** The one-click actions on a listing: checked, end, offer again. */
  const action = (run: typeof verifyListing, notice: string) => async (c: C) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await postedForm(c);
    if (!verifyCsrf(c, form.fields._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    if (editorScope(session.user).kind === 'none') return refuse(c, 403, EDITORS_ONLY);
    const done = await run(db, session.user, c.req.param('id') ?? '');
    if (!done.ok)
      return typeof done.error === 'string'
        ? refuseError(c, done.error)
        : refuse(c, 400, NOT_FOUND);
    const back =
      form.fields.terug === 'overzicht'
        ? `/beheer/hulpwijzer?melding=${notice}`
        : `/beheer/hulpwijzer/${done.value.id}?melding=${notice}`;
    return c.redirect(back, 303);
  };
  app.post(`/beheer/hulpwijzer/:id${ID}/gecontroleerd`, action(verifyListing, 'gecontroleerd'));
  app.post(
    `/beheer/hulpwijzer/:id${ID}/beeindigen`,
    action((d, u, id) => setListingStatus(d, u, id, 'inactive'), 'beeindigd'),
  );
  app.post(
    `/beheer/hulpwijzer/:id${ID}/heropenen`,
    action((d, u, id) => setListingStatus(d, u, id, 'active'), 'heropend'),
  );

  return app;
}
