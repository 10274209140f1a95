/**
 * Signed-in: `/beheer/werkagenda/import` (upload, check, preview, apply, cancel). Beheerders only
 * (policy action `agenda:import`). The auth routes have loaded the session and applied the body
 * limit (10 MB for uploads) for `/beheer/*`.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { MAX_ROW_ID } from '../../db/ids.js';
import { htmlError } from '../../web/errors.js';
import type { AppDeps } from '../../web/types.js';
import {
  type AuthEnv,
  can,
  formFields,
  formWithUpload,
  signedInPageContext,
  verifyCsrf,
} from '../auth/index.js';
import {
  applyAgendaImport,
  cancelAgendaImport,
  checkAgendaFile,
  getImportPreview,
  listAgendaImports,
} from './agenda-import.service.js';
import {
  AgendaImportPage,
  AgendaImportPreviewPage,
  type ImportPageState,
} from './views/agenda-import.js';

type C = Context<AuthEnv>;
type Session = NonNullable<AuthEnv['Variables']['session']>;

const IMPORT_PATH = '/beheer/werkagenda/import';
const BatchId = z.coerce.number().int().positive().max(MAX_ROW_ID);
const Counts = z.object({
  gewijzigd: z.coerce.number().int().min(0),
  ongewijzigd: z.coerce.number().int().min(0),
});

/** Mounted before `/beheer/werkagenda/:code`, which would otherwise take "import" as a goal code. */
export function agendaImportRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = new Hono<AuthEnv>({ strict: false });
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 403 | 404 | 409 | 413, message: string) =>
    htmlError(c, await pageContext(c), status, message);
  const NOT_YOURS =
    'Deze controle bestaat niet (meer). Misschien is hij al toegepast, geannuleerd of ouder dan een dag. Lees het bestand opnieuw in.';

  /** The signed-in beheerder's session, or the response that refuses everyone else. */
  const guard = async (c: C): Promise<Session | Response> => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!can(session.user, 'agenda:import'))
      return refuse(c, 403, 'Alleen beheerders kunnen de werkagenda inlezen.');
    return session;
  };
  const csrfFailed = (c: C) =>
    refuse(c, 403, 'Dit formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw.');

  /** The upload page: plain, with a notice, or with the errors of the file just checked. */
  const importPage = async (
    c: C,
    session: Session,
    state: ImportPageState,
    status: 200 | 400 | 413,
  ) =>
    c.html(
      <AgendaImportPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        history={await listAgendaImports(db, session.user.regionId)}
        state={state}
      />,
      status,
    );

  app.get(IMPORT_PATH, async (c) => {
    const session = await guard(c);
    if (session instanceof Response) return session;
    const counts = Counts.safeParse(c.req.query());
    const notice = counts.success
      ? `Toegepast: ${counts.data.gewijzigd} ${counts.data.gewijzigd === 1 ? 'doel' : 'doelen'} gewijzigd, ${counts.data.ongewijzigd} ongewijzigd. De openbare werkagenda is bijgewerkt.`
      : c.req.query('geannuleerd')
        ? 'Geannuleerd. Er is niets opgeslagen.'
        : undefined;
    return importPage(c, session, { notice }, 200);
  });

  app.post(IMPORT_PATH, async (c) => {
    const session = await guard(c);
    if (session instanceof Response) return session;
    const { fields, file } = await formWithUpload(c);
    if (!verifyCsrf(c, fields._csrf)) return csrfFailed(c);
    const checked = await checkAgendaFile(db, session.user, file);
    if (!checked.ok)
      return importPage(
        c,
        session,
        { error: checked.error.message, problems: checked.error.problems, filename: file?.name },
        checked.error.status,
      );
    return c.redirect(`${IMPORT_PATH}/${checked.value.id}`, 303);
  });

  app.get(`${IMPORT_PATH}/:id`, async (c) => {
    const session = await guard(c);
    if (session instanceof Response) return session;
    const id = BatchId.safeParse(c.req.param('id'));
    const preview = id.success ? await getImportPreview(db, session.user, id.data) : undefined;
    if (!preview?.ok) return refuse(c, 404, NOT_YOURS);
    return c.html(
      <AgendaImportPreviewPage
        ctx={await pageContext(c)}
        csrf={session.csrfToken}
        preview={preview.value}
      />,
    );
  });

  app.post(`${IMPORT_PATH}/:id/toepassen`, async (c) => {
    const session = await guard(c);
    if (session instanceof Response) return session;
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return csrfFailed(c);
    const id = BatchId.safeParse(c.req.param('id'));
    if (!id.success) return refuse(c, 404, NOT_YOURS);
    const applied = await applyAgendaImport(db, session.user, id.data, {
      allowDuplicate: form.opnieuw === '1',
    });
    if (applied.ok)
      return c.redirect(
        `${IMPORT_PATH}?gewijzigd=${applied.value.changed}&ongewijzigd=${applied.value.unchanged}`,
        303,
      );
    const failure = applied.error;
    if (failure === 'AlreadyApplied')
      return refuse(c, 409, 'Dit bestand is al toegepast. U ziet het bij "Eerder ingelezen".');
    if (failure === 'NotFound') return refuse(c, 404, NOT_YOURS);
    if (failure === 'Duplicate') {
      const preview = await getImportPreview(db, session.user, id.data);
      if (!preview.ok) return refuse(c, 404, NOT_YOURS);
      return c.html(
        <AgendaImportPreviewPage
          ctx={await pageContext(c)}
          csrf={session.csrfToken}
          preview={preview.value}
          error="Dit bestand is al eens toegepast. Vink aan dat u het opnieuw wilt toepassen, of annuleer."
        />,
        400,
      );
    }
    // A row failed while applying (the plan changed since the check): all was rolled back.
    await cancelAgendaImport(db, session.user, id.data);
    return importPage(
      c,
      session,
      {
        error: `Toepassen is afgebroken bij rij ${failure.row}: ${failure.message} Er is niets opgeslagen. Lees het bestand opnieuw in.`,
        problems: [failure],
      },
      400,
    );
  });

  app.post(`${IMPORT_PATH}/:id/annuleren`, async (c) => {
    const session = await guard(c);
    if (session instanceof Response) return session;
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf)) return csrfFailed(c);
    const id = BatchId.safeParse(c.req.param('id'));
    const cancelled = id.success ? await cancelAgendaImport(db, session.user, id.data) : undefined;
    if (!cancelled?.ok) return refuse(c, 404, NOT_YOURS);
    return c.redirect(`${IMPORT_PATH}?geannuleerd=1`, 303);
  });

  return app;
}
