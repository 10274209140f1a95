/** Signed-in story pages under /beheer/verhalen: parse → policy → service → view. */
import { type Context, Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps } from '../../web/types.js';
import {
  type AuthEnv,
  type FieldErrors,
  formFields,
  signedInPageContext,
  verifyCsrf,
} from '../auth/index.js';
import { canCreateStory } from './stories.policy.js';
import {
  createStory,
  getStoryForUser,
  listStoriesForUser,
  publishStory,
  rejectStory,
  type StoryError,
  updateStory,
} from './stories.service.js';
import { AdminStoryFilter } from './stories.types.js';
import { loadStoryRefs } from './stories-form.service.js';
import { StoryListPage, StoryPage } from './views/story-admin.js';
import { type StoryFormMode, StoryFormPage, storyFormValues } from './views/story-form.js';

type C = Context<AuthEnv>;

export const CSRF_MESSAGE =
  'Dit formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw.';
const NO_ORGANISATION =
  'Uw account hoort nog niet bij een organisatie. Redacteuren schrijven verhalen voor hun organisatie. Vraag een beheerder om uw organisatie aan uw account toe te voegen.';

const NOTICES: Record<string, string> = {
  concept: 'Opgeslagen als concept.',
  ingediend: 'Ingediend. Een beheerder beoordeelt het verhaal.',
  gepubliceerd: 'Gepubliceerd. Het verhaal staat nu op de openbare pagina Verhalen.',
  afgewezen: 'Afgewezen. De schrijver ziet de reden.',
  bestaat: 'Dit verhaal was al gepubliceerd.',
};

/** Mounted at the site root after the auth routes, which load the session for `/beheer/*`. */
export function storyAdminRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = new Hono<AuthEnv>({ strict: false });
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 400 | 403 | 404, message: string) =>
    htmlError(c, await pageContext(c), status, message);

  /** The form again (400) with the input, the errors and the privacy flags; or the refusal. */
  const formError = async (
    c: C,
    error: StoryError,
    form: Record<string, string>,
    mode: StoryFormMode,
  ) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (error === 'NotFound') return refuse(c, 404, 'Dit verhaal bestaat niet.');
    if (error === 'NoOrganisation') return refuse(c, 403, NO_ORGANISATION);
    if (typeof error === 'string') return refuse(c, 403, 'U mag dit verhaal niet wijzigen.');
    const refs = await loadStoryRefs(db, session.user.regionId);
    return c.html(
      <StoryFormPage
        ctx={await pageContext(c)}
        refs={refs}
        csrf={session.csrfToken}
        mode={mode}
        values={form}
        errors={error.errors}
        flags={error.flags}
      />,
      400,
    );
  };

  app.get('/beheer/verhalen', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const filter = AdminStoryFilter.safeParse(c.req.query());
    const status = filter.success ? filter.data.status : undefined;
    const { scope, stories } = await listStoriesForUser(db, session.user, status);
    return c.html(
      <StoryListPage
        ctx={await pageContext(c)}
        scope={scope}
        stories={stories}
        status={status}
        createRight={canCreateStory(session.user)}
        error={filter.success ? undefined : 'Onbekend filter; alle verhalen staan hieronder.'}
      />,
      filter.success ? 200 : 400,
    );
  });

  app.get('/beheer/verhalen/nieuw', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const right = canCreateStory(session.user);
    if (right === 'no-organisation') return refuse(c, 403, NO_ORGANISATION);
    if (right !== 'ok')
      return refuse(c, 403, 'Alleen redacteuren en beheerders voegen verhalen toe.');
    const refs = await loadStoryRefs(db, session.user.regionId);
    return c.html(
      <StoryFormPage
        ctx={await pageContext(c)}
        refs={refs}
        csrf={session.csrfToken}
        mode={{ kind: 'new' }}
      />,
    );
  });

  app.post('/beheer/verhalen', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const saved = await createStory(db, session.user, form);
    if (!saved.ok) return formError(c, saved.error, form, { kind: 'new' });
    return c.redirect(`/beheer/verhalen/${saved.value.id}?melding=${saved.value.status}`, 303);
  });

  app.get('/beheer/verhalen/:id{[0-9]{1,9}}', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const page = await getStoryForUser(db, session.user, Number(c.req.param('id')));
    if (!page.ok)
      return page.error === 'Forbidden'
        ? refuse(c, 403, 'Dit verhaal is van een andere organisatie of nog niet ingediend.')
        : refuse(c, 404, 'Dit verhaal bestaat niet.');
    return c.html(
      <StoryPage
        ctx={await pageContext(c)}
        data={page.value}
        csrf={session.csrfToken}
        notice={NOTICES[c.req.query('melding') ?? '']}
      />,
    );
  });

  app.get('/beheer/verhalen/:id{[0-9]{1,9}}/bewerken', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const id = Number(c.req.param('id'));
    const page = await getStoryForUser(db, session.user, id);
    if (!page.ok && page.error === 'NotFound') return refuse(c, 404, 'Dit verhaal bestaat niet.');
    if (!page.ok || !page.value.canEdit)
      return refuse(
        c,
        403,
        'U mag dit verhaal niet wijzigen. Een gepubliceerd verhaal wijzigt een beheerder.',
      );
    const refs = await loadStoryRefs(db, session.user.regionId);
    return c.html(
      <StoryFormPage
        ctx={await pageContext(c)}
        refs={refs}
        csrf={session.csrfToken}
        mode={{ kind: 'edit', id, status: page.value.story.status }}
        values={storyFormValues(page.value.story)}
      />,
    );
  });

  app.post('/beheer/verhalen/:id{[0-9]{1,9}}', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const id = Number(c.req.param('id'));
    const saved = await updateStory(db, session.user, id, form);
    if (!saved.ok) {
      const current = await getStoryForUser(db, session.user, id);
      const status = current.ok ? current.value.story.status : 'concept';
      return formError(c, saved.error, form, { kind: 'edit', id, status });
    }
    return c.redirect(`/beheer/verhalen/${id}?melding=${saved.value.status}`, 303);
  });

  app.post('/beheer/verhalen/:id{[0-9]{1,9}}/publiceren', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const id = Number(c.req.param('id'));
    const done = await publishStory(db, session.user, id);
    if (!done.ok) {
      if (done.error === 'NotFound') return refuse(c, 404, 'Dit verhaal bestaat niet.');
      if (done.error === 'AlreadyPublished')
        return c.redirect(`/beheer/verhalen/${id}?melding=bestaat`, 303);
      return refuse(c, 403, 'Alleen beheerders publiceren verhalen.');
    }
    return c.redirect(`/beheer/verhalen/${id}?melding=gepubliceerd`, 303);
  });

  app.post('/beheer/verhalen/:id{[0-9]{1,9}}/afwijzen', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const id = Number(c.req.param('id'));
    const done = await rejectStory(db, session.user, id, form);
    if (done.ok) return c.redirect(`/beheer/verhalen/${id}?melding=afgewezen`, 303);
    if (done.error === 'NotFound') return refuse(c, 404, 'Dit verhaal bestaat niet.');
    if (done.error === 'AlreadyRejected') return refuse(c, 400, 'Dit verhaal is al afgewezen.');
    if (typeof done.error === 'string')
      return refuse(c, 403, 'Alleen beheerders wijzen verhalen af.');
    return rejectAgain(c, id, done.error.errors, form.reason);
  });

  async function rejectAgain(c: C, id: number, errors: FieldErrors, reason?: string) {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const page = await getStoryForUser(db, session.user, id);
    if (!page.ok) return refuse(c, 404, 'Dit verhaal bestaat niet.');
    return c.html(
      <StoryPage
        ctx={await pageContext(c)}
        data={page.value}
        csrf={session.csrfToken}
        errors={errors}
        reason={reason}
      />,
      400,
    );
  }

  return app;
}
