/** Signed-in panel pages under /beheer/panel: questions, results, upload → preview → apply. */
import { type Context, Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps } from '../../web/types.js';
import { areaIndex } from '../areas/index.js';
import {
  type AuthEnv,
  formFields,
  formWithUpload,
  signedInPageContext,
  verifyCsrf,
} from '../auth/index.js';
import {
  applyPanelUpload,
  checkPanelUpload,
  createPanelQuestion,
  discardPanelUpload,
  loadPanelPreview,
  previewSummary,
  setPanelQuestionPublished,
  stagePanelUpload,
} from './panel.service.js';
import { listPanelResults } from './panel-results.service.js';
import { canManagePanel, canReadMonitoring } from './stories.policy.js';
import { CSRF_MESSAGE } from './stories.routes.js';
import {
  PanelListPage,
  PanelPreviewPage,
  PanelQuestionFormPage,
  PanelQuestionPage,
  type UploadFeedback,
} from './views/panel-admin.js';

type C = Context<AuthEnv>;
const MANAGE_ONLY = 'Alleen beheerders en datastewards laden panelresultaten.';
const NOTICES: Record<string, string> = {
  toegevoegd: 'De vraag is toegevoegd. Lees nu de resultaten in.',
  ingelezen: 'De resultaten zijn opgeslagen.',
  openbaar: 'De vraag en de resultaten staan nu op de openbare pagina Burgerpanel.',
  verborgen: 'De vraag staat niet meer op de openbare pagina.',
  geannuleerd: 'De import is geannuleerd. Er is niets opgeslagen.',
};

export function panelAdminRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = new Hono<AuthEnv>({ strict: false });
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 403 | 404, message: string) =>
    htmlError(c, await pageContext(c), status, message);
  const findQuestion = async (regionId: number, id: number) =>
    (await listPanelResults(db, regionId, { questionId: id }))[0];

  const questionPage = async (c: C, id: number, feedback?: UploadFeedback) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!canReadMonitoring(session.user)) return refuse(c, 403, 'U mag dit niet lezen.');
    const question = await findQuestion(session.user.regionId, id);
    if (!question) return refuse(c, 404, 'Deze panelvraag bestaat niet.');
    return c.html(
      <PanelQuestionPage
        ctx={await pageContext(c)}
        question={question}
        csrf={session.csrfToken}
        canManage={canManagePanel(session.user)}
        notice={NOTICES[c.req.query('melding') ?? '']}
        feedback={feedback}
      />,
      feedback ? 400 : 200,
    );
  };

  app.get('/beheer/panel', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!canReadMonitoring(session.user)) return refuse(c, 403, 'U mag dit niet lezen.');
    return c.html(
      <PanelListPage
        ctx={await pageContext(c)}
        questions={await listPanelResults(db, session.user.regionId)}
        canManage={canManagePanel(session.user)}
      />,
    );
  });

  app.get('/beheer/panel/nieuw', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!canManagePanel(session.user)) return refuse(c, 403, MANAGE_ONLY);
    return c.html(<PanelQuestionFormPage ctx={await pageContext(c)} csrf={session.csrfToken} />);
  });

  app.post('/beheer/panel', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const created = await createPanelQuestion(db, session.user, form);
    if (created.ok) return c.redirect(`/beheer/panel/${created.value.id}?melding=toegevoegd`, 303);
    if (typeof created.error === 'string') return refuse(c, 403, MANAGE_ONLY);
    return c.html(
      <PanelQuestionFormPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        values={form}
        errors={created.error.errors}
      />,
      400,
    );
  });

  app.get('/beheer/panel/:id{[0-9]{1,9}}', (c) => questionPage(c, Number(c.req.param('id'))));

  app.post('/beheer/panel/:id{[0-9]{1,9}}/publiceren', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const id = Number(c.req.param('id'));
    const publish = form.publiceren === '1';
    const done = await setPanelQuestionPublished(db, session.user, id, publish);
    if (!done.ok)
      return done.error === 'NotFound'
        ? refuse(c, 404, 'Deze panelvraag bestaat niet.')
        : refuse(c, 403, MANAGE_ONLY);
    return c.redirect(`/beheer/panel/${id}?melding=${publish ? 'openbaar' : 'verborgen'}`, 303);
  });

  app.post('/beheer/panel/:id{[0-9]{1,9}}/upload', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const { fields, file } = await formWithUpload(c);
    if (!verifyCsrf(c, fields._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    if (!canManagePanel(session.user)) return refuse(c, 403, MANAGE_ONLY);
    const id = Number(c.req.param('id'));
    const question = await findQuestion(session.user.regionId, id);
    if (!question) return refuse(c, 404, 'Deze panelvraag bestaat niet.');
    if (!file)
      return questionPage(c, id, {
        fileError: 'Kies een bestand.',
        problems: [],
        ignoredColumns: [],
      });
    const checked = await checkPanelUpload(
      db,
      session.user.regionId,
      { id, options: question.options },
      file,
    );
    if (checked.fileError || checked.problems.length > 0) return questionPage(c, id, checked);
    const staged = await stagePanelUpload(db, session.user, id, file, checked.rows);
    return c.redirect(
      `/beheer/panel/import/${staged.id}${staged.previous ? '?dubbel=1' : ''}`,
      303,
    );
  });

  const preview = async (c: C, batchId: number, error?: string, duplicate = false) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!canManagePanel(session.user)) return refuse(c, 403, MANAGE_ONLY);
    const loaded = await loadPanelPreview(db, session.user, batchId);
    if (!loaded.ok)
      return refuse(c, 404, 'Dit voorbeeld bestaat niet (meer). Lees het bestand opnieuw in.');
    const { batch, question, rows } = loaded.value;
    return c.html(
      <PanelPreviewPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        question={question}
        batch={batch}
        rows={rows}
        summary={previewSummary(rows)}
        areas={await areaIndex(db, session.user.regionId)}
        duplicate={duplicate || c.req.query('dubbel') === '1'}
        error={error}
      />,
      error ? 400 : 200,
    );
  };

  app.get('/beheer/panel/import/:batch{[0-9]{1,9}}', (c) =>
    preview(c, Number(c.req.param('batch'))),
  );

  app.post('/beheer/panel/import/:batch{[0-9]{1,9}}/toepassen', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const batchId = Number(c.req.param('batch'));
    const applied = await applyPanelUpload(db, session.user, batchId, {
      allowDuplicate: form.toch === 'on',
    });
    if (applied.ok)
      return c.redirect(`/beheer/panel/${applied.value.questionId}?melding=ingelezen`, 303);
    if (applied.error === 'Forbidden') return refuse(c, 403, MANAGE_ONLY);
    if (applied.error === 'Duplicate')
      return preview(
        c,
        batchId,
        'Dit bestand is al eens ingelezen. Vink aan dat u het opnieuw wilt inlezen.',
        true,
      );
    return refuse(c, 404, 'Dit voorbeeld bestaat niet (meer) of is al opgeslagen.');
  });

  app.post('/beheer/panel/import/:batch{[0-9]{1,9}}/annuleren', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const done = await discardPanelUpload(db, session.user, Number(c.req.param('batch')));
    if (!done.ok)
      return done.error === 'Forbidden'
        ? refuse(c, 403, MANAGE_ONLY)
        : refuse(c, 404, 'Dit voorbeeld bestaat niet (meer).');
    return c.redirect('/beheer/panel', 303);
  });

  return app;
}
