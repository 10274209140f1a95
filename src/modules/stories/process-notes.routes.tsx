/** Signed-in pages of process notes under /beheer/procesnotities. */
import { type Context, Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps } from '../../web/types.js';
import { type AuthEnv, formFields, signedInPageContext, verifyCsrf } from '../auth/index.js';
import {
  getProcessNote,
  listProcessNotes,
  noteSubjects,
  saveProcessNote,
} from './process-notes.service.js';
import { canReadMonitoring, canWriteNotes } from './stories.policy.js';
import { CSRF_MESSAGE } from './stories.routes.js';
import { NoteFormPage, NotesPage, noteFormValues } from './views/process-notes.js';

type C = Context<AuthEnv>;
const WRITE_ONLY = 'Alleen beheerders schrijven procesnotities.';

export function processNoteRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = new Hono<AuthEnv>({ strict: false });
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 403 | 404, message: string) =>
    htmlError(c, await pageContext(c), status, message);

  app.get('/beheer/procesnotities', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!canReadMonitoring(session.user)) return refuse(c, 403, 'U mag deze notities niet lezen.');
    const notes = await listProcessNotes(db, session.user.regionId);
    return c.html(
      <NotesPage
        ctx={await pageContext(c)}
        notes={notes}
        canWrite={canWriteNotes(session.user)}
        notice={c.req.query('opgeslagen') === '1' ? 'De notitie is opgeslagen.' : undefined}
      />,
    );
  });

  app.get('/beheer/procesnotities/nieuw', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!canWriteNotes(session.user)) return refuse(c, 403, WRITE_ONLY);
    return c.html(
      <NoteFormPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        subjects={await noteSubjects(db, session.user.regionId)}
      />,
    );
  });

  app.get('/beheer/procesnotities/:id{[0-9]{1,9}}/bewerken', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!canWriteNotes(session.user)) return refuse(c, 403, WRITE_ONLY);
    const id = Number(c.req.param('id'));
    const note = await getProcessNote(db, session.user, id);
    if (!note.ok) return refuse(c, 404, 'Deze notitie bestaat niet.');
    return c.html(
      <NoteFormPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        subjects={await noteSubjects(db, session.user.regionId)}
        id={id}
        values={noteFormValues(note.value)}
      />,
    );
  });

  const save = async (c: C, id?: number) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return refuse(c, 403, CSRF_MESSAGE);
    const saved = await saveProcessNote(db, session.user, form, id);
    if (saved.ok) return c.redirect('/beheer/procesnotities?opgeslagen=1', 303);
    if (saved.error === 'Forbidden') return refuse(c, 403, WRITE_ONLY);
    if (saved.error === 'NotFound') return refuse(c, 404, 'Deze notitie bestaat niet.');
    return c.html(
      <NoteFormPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        subjects={await noteSubjects(db, session.user.regionId)}
        id={id}
        values={form}
        errors={saved.error.errors}
      />,
      400,
    );
  };
  app.post('/beheer/procesnotities', (c) => save(c));
  app.post('/beheer/procesnotities/:id{[0-9]{1,9}}', (c) => save(c, Number(c.req.param('id'))));
  return app;
}
