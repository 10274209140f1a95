/** Signed-in: `/beheer/rondes` (list, start) and `/beheer/rondes/:code` (the four steps, report). */
import { type Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { htmlError } from '../../web/errors.js';
import { htmlToPdf, pdfAvailable } from '../../web/pdf.js';
import type { AppDeps } from '../../web/types.js';
import {
  type AuthEnv,
  can,
  type FieldErrors,
  fieldErrors,
  type SessionUser,
  signedInPageContext,
  verifyCsrf,
  withoutNul,
} from '../auth/index.js';
import { getRegionById, goalIndex } from '../plan/index.js';
import { checkPrivacy, hasBlockingFlags, listPublishedStories } from '../stories/index.js';
import { reportCsv } from './report.service.js';
import {
  addDecision,
  addDialogue,
  addInterpretation,
  closeRound,
  getRound,
  listRounds,
  type RoundView,
  startRound,
} from './rounds.service.js';
import {
  CloseForm,
  DecisionForm,
  DialogueForm,
  InterpretationForm,
  RoundForm,
} from './rounds.types.js';
import { ReportPage } from './views/report.js';
import { RoundListPage, RoundPage } from './views/round.js';

type C = Context<AuthEnv>;

/** Round texts end up in the report: no e-mail addresses, phone numbers or addresses in them. */
const CONTACT_DETAILS =
  'Haal e-mailadressen, telefoonnummers en adressen weg: deze tekst komt in het rapport.';
const hasContactDetails = (...texts: string[]) =>
  texts.some((text) => hasBlockingFlags(checkPrivacy(text.slice(0, 8000))));
const CODE = ':code{20[0-9]{2}(?:-(?:H[12]|Q[1-4]))?}';

/** Text fields once, and every value of repeated fields (checkbox groups) joined by newlines. */
async function postedForm(c: C): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  return Object.fromEntries(
    Object.entries(body).flatMap(([k, v]) => {
      const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
      return values.length ? [[k, withoutNul(values.join('\n'))]] : [];
    }),
  );
}

async function formOptions(db: Kysely<Database>, user: SessionUser, view: RoundView) {
  const goals = await goalIndex(db, user.regionId);
  const opgaven = new Map([...goals.values()].map((g) => [g.opgaveSlug, g.opgaveName]));
  const subjects: Array<[string, string]> = [
    ...[...opgaven].map(([slug, name]): [string, string] => [`opgave:${slug}`, `Opgave: ${name}`]),
    ...[...goals.values()].map((g): [string, string] => [`doel:${g.code}`, `Doel ${g.code}`]),
    ...view.indicators.map((i): [string, string] => [
      `indicator:${i.indicator_code}`,
      `Indicator: ${i.indicator_name}`,
    ]),
  ];
  const operational = [...goals.values()]
    .filter((g) => g.kind === 'operational')
    .map((g): [string, string] => [g.code, `${g.code} ${g.text.slice(0, 70)}`]);
  const stories = (await listPublishedStories(db, user.regionId, { limit: 30 })).map(
    (st): [string, string] => [
      String(st.id),
      `${st.roleLabel}, ${st.area.name}: ${st.text.slice(0, 80)}`,
    ],
  );
  return { subjects, goals: operational, stories };
}

export function roundAdminRoutes({ db, config, stylesheetPath }: AppDeps) {
  const app = new Hono<AuthEnv>({ strict: false });
  const deps = { db, config, stylesheetPath };
  const pageContext = (c: C) => signedInPageContext(deps, c);
  const refuse = async (c: C, status: 403 | 404 | 409, message: string) =>
    htmlError(c, await pageContext(c), status, message);
  const reader = async (c: C) => {
    const session = c.get('session');
    if (!session) return { response: c.redirect('/inloggen', 303) };
    if (!can(session.user, 'monitoring:read'))
      return { response: await refuse(c, 403, 'Geen toegang.') };
    return { session };
  };
  const regionAreaCode = async (user: SessionUser) => {
    const region = await getRegionById(db, user.regionId);
    return region.ok ? (region.value.cbsCode ?? '') : '';
  };

  const listPage = async (
    c: C,
    user: SessionUser,
    csrf: string,
    values?: Record<string, string>,
    errors?: FieldErrors,
  ) =>
    c.html(
      <RoundListPage
        ctx={await pageContext(c)}
        rounds={await listRounds(db, user.regionId, false)}
        csrf={csrf}
        canManage={can(user, 'rounds:manage')}
        values={values}
        errors={errors}
      />,
      errors ? 400 : 200,
    );

  const roundPage = async (
    c: C,
    user: SessionUser,
    csrf: string,
    code: string,
    failed?: { form: string; values: Record<string, string>; errors: FieldErrors },
  ) => {
    const view = await getRound(db, user.regionId, code, false);
    if (!view.ok) return refuse(c, 404, 'Deze ronde bestaat niet.');
    const options = await formOptions(db, user, view.value);
    return c.html(
      <RoundPage
        ctx={await pageContext(c)}
        view={view.value}
        csrf={csrf}
        canContribute={can(user, 'rounds:contribute')}
        canManage={can(user, 'rounds:manage')}
        {...options}
        {...failed}
      />,
      failed ? 400 : 200,
    );
  };

  app.get('/beheer/rondes', async (c) => {
    const g = await reader(c);
    if (!g.session) return g.response;
    return listPage(c, g.session.user, g.session.csrfToken);
  });

  app.post('/beheer/rondes', async (c) => {
    const g = await reader(c);
    if (!g.session) return g.response;
    const form = await postedForm(c);
    if (!verifyCsrf(c, form._csrf))
      return refuse(c, 403, 'Dit formulier is verlopen. Laad de pagina opnieuw.');
    if (!can(g.session.user, 'rounds:manage'))
      return refuse(c, 403, 'Alleen beheerders starten een ronde.');
    const parsed = RoundForm.safeParse(form);
    if (!parsed.success)
      return listPage(c, g.session.user, g.session.csrfToken, form, fieldErrors(parsed.error));
    const started = await startRound(
      db,
      g.session.user,
      await regionAreaCode(g.session.user),
      parsed.data,
    );
    if (!started.ok)
      return listPage(c, g.session.user, g.session.csrfToken, form, {
        code: 'Deze ronde bestaat al.',
      });
    return c.redirect(`/beheer/rondes/${parsed.data.code}`, 303);
  });

  app.get(`/beheer/rondes/${CODE}`, async (c) => {
    const g = await reader(c);
    if (!g.session) return g.response;
    return roundPage(c, g.session.user, g.session.csrfToken, c.req.param('code'));
  });

  /** One step's form: CSRF, then the role (before any input is read), then the handler. */
  const step = (
    path: string,
    action: 'rounds:manage' | 'rounds:contribute',
    handle: (
      user: SessionUser,
      code: string,
      values: Record<string, string>,
    ) => Promise<FieldErrors | undefined | 'Forbidden' | 'NotFound' | 'Closed'>,
  ) =>
    app.post(`/beheer/rondes/${CODE}/${path}`, async (c) => {
      const g = await reader(c);
      if (!g.session) return g.response;
      const values = await postedForm(c);
      if (!verifyCsrf(c, values._csrf))
        return refuse(c, 403, 'Dit formulier is verlopen. Laad de pagina opnieuw.');
      if (!can(g.session.user, action))
        return refuse(c, 403, 'Uw rol mag dit niet in een monitoringsronde.');
      const code = c.req.param('code');
      const outcome = await handle(g.session.user, code, values);
      if (outcome === 'Forbidden')
        return refuse(c, 403, 'Uw rol mag dit niet in een monitoringsronde.');
      if (outcome === 'NotFound') return refuse(c, 404, 'Deze ronde bestaat niet.');
      if (outcome === 'Closed')
        return refuse(c, 409, 'Deze ronde is afgerond; er kan niets meer bij.');
      if (outcome)
        return roundPage(c, g.session.user, g.session.csrfToken, code, {
          form: path,
          values,
          errors: outcome,
        });
      return c.redirect(`/beheer/rondes/${code}#${path}`, 303);
    });

  step('duiding', 'rounds:contribute', async (user, code, values) => {
    const parsed = InterpretationForm.safeParse(values);
    if (!parsed.success) return fieldErrors(parsed.error);
    if (hasContactDetails(parsed.data.text)) return { text: CONTACT_DETAILS };
    const saved = await addInterpretation(db, user, code, parsed.data);
    if (saved.ok) return undefined;
    return saved.error === 'Invalid' || saved.error === 'Exists'
      ? { subject: 'Kies een opgave, doel of indicator uit de lijst.' }
      : saved.error;
  });

  step('dialoog', 'rounds:contribute', async (user, code, values) => {
    const parsed = DialogueForm.safeParse(values);
    if (!parsed.success) return fieldErrors(parsed.error);
    if (hasContactDetails(parsed.data.participants)) return { participants: CONTACT_DETAILS };
    if (hasContactDetails(parsed.data.notes)) return { notes: CONTACT_DETAILS };
    const storyIds = (values.story ?? '').split('\n').filter(Boolean).map(Number);
    const saved = await addDialogue(db, user, code, { ...parsed.data, storyIds });
    if (saved.ok) return undefined;
    return saved.error === 'Invalid' || saved.error === 'Exists'
      ? { story: 'Kies alleen gepubliceerde verhalen uit de lijst.' }
      : saved.error;
  });

  step('besluit', 'rounds:manage', async (user, code, values) => {
    const parsed = DecisionForm.safeParse(values);
    if (!parsed.success) return fieldErrors(parsed.error);
    if (hasContactDetails(parsed.data.reason)) return { reason: CONTACT_DETAILS };
    const refs = (values.evidence ?? '').split('\n').filter(Boolean);
    const saved = await addDecision(db, user, code, parsed.data, refs);
    if (saved.ok) return undefined;
    if (saved.error === 'UnknownGoal')
      return { goal: 'Dit operationele doel staat niet in het plan.' };
    if (saved.error === 'NoEvidence')
      return {
        evidence: 'Kies minstens één duiding, dialoog of indicator waar het besluit op rust.',
      };
    return saved.error === 'Invalid' || saved.error === 'Exists'
      ? { goal: 'Niet opgeslagen.' }
      : saved.error;
  });

  step('afronden', 'rounds:manage', async (user, code, values) => {
    const parsed = CloseForm.safeParse(values);
    if (!parsed.success) return fieldErrors(parsed.error);
    if (hasContactDetails(parsed.data.summary)) return { summary: CONTACT_DETAILS };
    const saved = await closeRound(db, user, code, {
      summary: parsed.data.summary,
      isPublic: parsed.data.is_public === 'ja',
    });
    return saved.ok
      ? undefined
      : saved.error === 'Invalid' || saved.error === 'Exists'
        ? { summary: 'Niet opgeslagen.' }
        : saved.error;
  });

  const reportView = async (c: C, user: SessionUser) => {
    const view = await getRound(db, user.regionId, c.req.param('code') ?? '', false);
    return view.ok ? view.value : undefined;
  };
  const reportHtml = async (c: C, view: RoundView) => (
    <ReportPage
      ctx={await pageContext(c)}
      view={view}
      csvHref={`/beheer/rondes/${view.round.code}/rapport.csv`}
      pdfHref={`/beheer/rondes/${view.round.code}/rapport.pdf`}
      publicVersion={false}
    />
  );

  app.get(`/beheer/rondes/${CODE}/rapport`, async (c) => {
    const g = await reader(c);
    if (!g.session) return g.response;
    const view = await reportView(c, g.session.user);
    return view ? c.html(await reportHtml(c, view)) : refuse(c, 404, 'Deze ronde bestaat niet.');
  });
  app.get(`/beheer/rondes/${CODE}/rapport.csv`, async (c) => {
    const g = await reader(c);
    if (!g.session) return g.response;
    const view = await reportView(c, g.session.user);
    if (!view) return refuse(c, 404, 'Deze ronde bestaat niet.');
    return c.body(reportCsv(view), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="marke-rapport-${view.round.code}.csv"`,
    });
  });
  app.get(`/beheer/rondes/${CODE}/rapport.pdf`, async (c) => {
    const g = await reader(c);
    if (!g.session) return g.response;
    const view = await reportView(c, g.session.user);
    if (!view) return refuse(c, 404, 'Deze ronde bestaat niet.');
    if (!pdfAvailable())
      return htmlError(
        c,
        await pageContext(c),
        503,
        'Op deze server is geen Chromium geïnstalleerd, dus er is geen PDF. Open het HTML-rapport en kies Afdrukken → Opslaan als PDF.',
      );
    const html = `<!DOCTYPE html>${(await reportHtml(c, view)).toString()}`;
    const pdf = await htmlToPdf(html);
    return c.body(pdf, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="marke-rapport-${view.round.code}.pdf"`,
    });
  });
  return app;
}
