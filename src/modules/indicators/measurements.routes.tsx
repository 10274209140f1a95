/** Signed-in: `/beheer/metingen/import` for data stewards and beheerders (policy measurements:import). */
import { type Context, Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps } from '../../web/types.js';
import { boundaryGapMessage, boundaryGaps } from '../areas/index.js';
import {
  type AuthEnv,
  can,
  formFields,
  formWithUpload,
  signedInPageContext,
  verifyCsrf,
} from '../auth/index.js';
import { discardStaged, listImports, loadStaged } from '../imports/index.js';
import { listSources, sourceIdsByCode } from '../sources/index.js';
import {
  applyMeasurements,
  MEASUREMENT_IMPORT,
  previewMeasurements,
  stageMeasurements,
  unpackImport,
} from './measurements-import.service.js';
import { mappingFromForm, splittingColumns } from './measurements-wide.js';
import {
  loadWideUpload,
  mapWideUpload,
  WIDE_UPLOAD,
  type WideRejected,
} from './measurements-wide.service.js';
import { MeasurementImportPage, MeasurementPreviewPage } from './views/measurement-import.js';
import { WideMappingPage } from './views/measurement-wide.js';

type C = Context<AuthEnv>;
const BASE = '/beheer/metingen/import';

export function measurementAdminRoutes({ db, config, stylesheetPath }: AppDeps) {
  const app = new Hono<AuthEnv>({ strict: false });
  const deps = { db, config, stylesheetPath };
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 403 | 404, message: string) =>
    htmlError(c, await pageContext(c), status, message);

  /** The session user when allowed; otherwise the response to send (login or 403). */
  const guard = async (c: C) => {
    const session = c.get('session');
    if (!session) return { response: c.redirect('/inloggen', 303) };
    if (!can(session.user, 'measurements:import'))
      return {
        response: await refuse(c, 403, 'Alleen databeheerders en beheerders lezen metingen in.'),
      };
    return { session };
  };
  const importPage = async (
    c: C,
    csrf: string,
    extra: Partial<Parameters<typeof MeasurementImportPage>[0]> = {},
    status: 200 | 400 = 200,
  ) => {
    const session = c.get('session');
    const regionId = session?.user.regionId ?? 0;
    const [history, sources] = await Promise.all([
      session ? listImports(db, regionId, MEASUREMENT_IMPORT) : [],
      listSources(db, regionId),
    ]);
    return c.html(
      <MeasurementImportPage
        ctx={await pageContext(c)}
        csrf={csrf}
        history={history}
        sources={sources}
        {...extra}
      />,
      status,
    );
  };
  const previewPage = async (c: C, csrf: string, id: number, error?: string) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const staged = await loadStaged(db, session.user, MEASUREMENT_IMPORT, id);
    if (!staged.ok)
      return refuse(c, 404, 'Deze voorvertoning bestaat niet (meer). Lees het bestand opnieuw in.');
    const { rows, lines, skippedAreas } = unpackImport(staged.value.payload);
    const preview = await previewMeasurements(db, session.user.regionId, rows, lines);
    // A figure whose code is not in its period's boundary year is stored, but said out loud.
    const gaps = await boundaryGaps(db, session.user.regionId, preview);
    const boundaryNotes = [
      ...new Set(
        gaps.filter((g) => g.knownArea).map((g) => `Rij ${g.row.line}: ${boundaryGapMessage(g)}`),
      ),
    ];
    return c.html(
      <MeasurementPreviewPage
        ctx={await pageContext(c)}
        csrf={csrf}
        id={id}
        filename={staged.value.filename}
        rows={preview}
        boundaryNotes={boundaryNotes}
        previous={staged.value.previous}
        skippedAreas={skippedAreas ?? []}
        error={error}
      />,
      error ? 400 : 200,
    );
  };

  app.get(BASE, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    const notice = c.req.query('klaar') ? 'De metingen zijn opgeslagen.' : undefined;
    return importPage(c, g.session.csrfToken, { notice });
  });

  app.post(BASE, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    const { fields, file } = await formWithUpload(c);
    if (!verifyCsrf(c, fields._csrf))
      return refuse(c, 403, 'Dit formulier is verlopen. Laad de pagina opnieuw.');
    const source = fields.source ?? '';
    const dataSource = fields.data_source ?? '';
    const sourceIds = await sourceIdsByCode(db, g.session.user.regionId);
    const dataSourceId = dataSource === '' ? null : sourceIds.get(dataSource);
    if (!file || dataSourceId === undefined)
      return importPage(
        c,
        g.session.csrfToken,
        {
          errors: file
            ? { data_source: 'Kies een bron uit de lijst.' }
            : { bestand: 'Kies een bestand.' },
          source,
          dataSource,
        },
        400,
      );
    const staged = await stageMeasurements(db, g.session.user, file, source, dataSourceId);
    if (!staged.ok)
      return importPage(
        c,
        g.session.csrfToken,
        {
          errors: { bestand: 'Het bestand heeft problemen; er is niets opgeslagen. Zie de tabel.' },
          problems: staged.error,
          source,
          dataSource,
        },
        400,
      );
    const step = staged.value.shape === 'wide' ? 'breed/' : '';
    return c.redirect(`${BASE}/${step}${staged.value.id}`, 303);
  });

  const mappingPage = async (c: C, csrf: string, id: number, rejected?: WideRejected) => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    const loaded = await loadWideUpload(db, session.user, id);
    // A file refused as person-level is closed at once: its reason goes on the upload page.
    if (!loaded.ok && rejected)
      return importPage(
        c,
        csrf,
        {
          errors: { bestand: 'Dit bestand is niet ingelezen. Zie de tabel.' },
          problems: rejected.problems,
        },
        400,
      );
    if (!loaded.ok)
      return refuse(c, 404, 'Dit bestand wacht niet (meer) op een koppeling. Lees het opnieuw in.');
    const { upload, mapping } = loaded.value;
    const shown = rejected?.mapping ?? mapping;
    return c.html(
      <WideMappingPage
        ctx={await pageContext(c)}
        csrf={csrf}
        id={id}
        filename={loaded.value.filename}
        columns={upload.table.columns}
        firstRow={upload.table.rows[0] ?? {}}
        rowCount={upload.table.rows.length}
        mapping={shown}
        fromSaved={loaded.value.fromSaved && !rejected}
        lastPeriod={loaded.value.lastPeriod}
        splitting={splittingColumns(upload.table, shown)}
        indicators={loaded.value.indicators}
        problems={rejected?.problems}
      />,
      rejected ? 400 : 200,
    );
  };

  app.get(`${BASE}/breed/:id{[0-9]{1,9}}`, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    return mappingPage(c, g.session.csrfToken, Number(c.req.param('id')));
  });

  app.post(`${BASE}/breed/:id{[0-9]{1,9}}`, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf))
      return refuse(c, 403, 'Dit formulier is verlopen. Laad de pagina opnieuw.');
    const id = Number(c.req.param('id'));
    const loaded = await loadWideUpload(db, g.session.user, id);
    if (!loaded.ok)
      return refuse(c, 404, 'Dit bestand wacht niet (meer) op een koppeling. Lees het opnieuw in.');
    const mapping = mappingFromForm(form, loaded.value.upload.table);
    const mapped = await mapWideUpload(db, g.session.user, id, mapping, MEASUREMENT_IMPORT);
    if (!mapped.ok) {
      if (mapped.error === 'NotFound')
        return refuse(
          c,
          404,
          'Dit bestand wacht niet (meer) op een koppeling. Lees het opnieuw in.',
        );
      return mappingPage(c, g.session.csrfToken, id, mapped.error);
    }
    return c.redirect(`${BASE}/${mapped.value.id}`, 303);
  });

  app.post(`${BASE}/breed/:id{[0-9]{1,9}}/annuleren`, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf))
      return refuse(c, 403, 'Dit formulier is verlopen. Laad de pagina opnieuw.');
    await discardStaged(db, g.session.user, WIDE_UPLOAD, Number(c.req.param('id')));
    return c.redirect(BASE, 303);
  });

  app.get(`${BASE}/:id{[0-9]{1,9}}`, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    return previewPage(c, g.session.csrfToken, Number(c.req.param('id')));
  });

  app.post(`${BASE}/:id{[0-9]{1,9}}/toepassen`, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf))
      return refuse(c, 403, 'Dit formulier is verlopen. Laad de pagina opnieuw.');
    const id = Number(c.req.param('id'));
    const applied = await applyMeasurements(db, g.session.user, id, form.opnieuw === 'ja');
    if (!applied.ok) {
      if (applied.error === 'Duplicate')
        return previewPage(
          c,
          g.session.csrfToken,
          id,
          'Dit bestand is al eerder ingelezen. Vink aan dat u het toch opnieuw wilt inlezen.',
        );
      if (applied.error === 'AlreadyApplied') return c.redirect(`${BASE}?klaar=1`, 303);
      if (applied.error === 'IndicatorGone')
        return htmlError(
          c,
          await pageContext(c),
          409,
          'Een indicator uit dit bestand is intussen verwijderd. Er is niets opgeslagen; lees het bestand opnieuw in.',
        );
      return refuse(c, 404, 'Deze voorvertoning bestaat niet (meer). Lees het bestand opnieuw in.');
    }
    return c.redirect(`${BASE}?klaar=1`, 303);
  });

  app.post(`${BASE}/:id{[0-9]{1,9}}/annuleren`, async (c) => {
    const g = await guard(c);
    if (!g.session) return g.response;
    const form = await formFields(c);
    if (!verifyCsrf(c, form._csrf))
      return refuse(c, 403, 'Dit formulier is verlopen. Laad de pagina opnieuw.');
    await discardStaged(db, g.session.user, MEASUREMENT_IMPORT, Number(c.req.param('id')));
    return c.redirect(BASE, 303);
  });
  return app;
}
