/**
 * The Hulpwijzer's other ways in (issue 5 §2): the guided path, help for someone else, the print
 * version of a result and a page per gemeente. Pages with a resident's answers in the URL are
 * neither cached nor stored (no-store), as the search is, and compressed per response.
 */
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { isSlug } from '../../lib/slug.js';
import { href } from '../../web/context.js';
import { htmlError } from '../../web/errors.js';
import { originOf } from '../../web/origin.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { pathStatus, walkPath } from './help-path.service.js';
import { isCarer, type PathKind, RELATION_WORDS } from './help-path.types.js';
import { type HelpPlan, planForQuestion } from './help-plan.service.js';
import { gemeenteOverview, regionGemeenten } from './local-help.service.js';
import { loadProfile } from './profile.js';
import { GemeentenPage, GemeentePage, UnknownGemeentePage } from './views/gemeente-pages.js';
import { query } from './views/help-parts.js';
import { PATH_URL, PathPage } from './views/path-page.js';
import { PrintPage } from './views/print-page.js';

const PRINT_URL = '/hulpwijzer/afdrukken';
const GEMEENTE_CODE = /^GM[0-9]{4}$/;

/** Any answer in the URL is the resident's own: not cached, not stored. */
const hasInput = (c: Context<AppEnv>) => Object.keys(c.req.queries()).length > 0;

const crisisLines = () => loadProfile().profile.crisis.lines;

/** Today in the Netherlands as YYYY-MM-DD (the date a resident prints on). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format();

/** Mounted in each region's site, by the directory routes. */
export function helpPageRoutes({ db, config }: AppDeps) {
  const app = new Hono<AppEnv>();
  const compressInput = compress();
  for (const path of [PATH_URL.begin, PATH_URL.ander, PRINT_URL])
    app.use(path, (c, next) => (hasInput(c) ? compressInput(c, next) : next()));

  for (const kind of ['begin', 'ander'] as const)
    app.get(PATH_URL[kind], async (c) => {
      const ctx = c.get('ctx');
      const state = await walkPath(db, ctx.region.id, kind, {
        voor: c.req.query('voor'),
        over: c.req.query('over'),
        plaats: c.req.query('plaats'),
        wijzig: c.req.query('wijzig'),
      });
      if (hasInput(c)) c.header('cache-control', 'no-store');
      return c.html(
        <PathPage ctx={ctx} state={state} crisisLines={crisisLines()} />,
        pathStatus(state.view),
      );
    });

  app.get(PRINT_URL, async (c) => {
    const ctx = c.get('ctx');
    const [vraag, plaats, onderwerp, voor, over] = [
      'vraag',
      'plaats',
      'onderwerp',
      'voor',
      'over',
    ].map((name) => c.req.query(name));
    if (!vraag?.trim() && !plaats?.trim() && !onderwerp?.trim() && over === undefined)
      return c.redirect(href(ctx, '/hulpwijzer'), 302);
    c.header('cache-control', 'no-store');
    const printed = await printPlan(c, { vraag, plaats, onderwerp, voor, over });
    if (!printed.ok) return htmlError(c, ctx, 400, printed.message);
    const { plan, heading, person, path } = printed;
    return c.html(
      <PrintPage
        ctx={ctx}
        plan={plan}
        heading={heading}
        person={person}
        crisisLines={crisisLines()}
        printedOn={today()}
        pageUrl={`${originOf(c, config)}${href(ctx, path)}`}
      />,
    );
  });

  app.get('/hulpwijzer/gemeenten', async (c) => {
    const ctx = c.get('ctx');
    const gemeenten = await regionGemeenten(db, ctx.region.id);
    return c.html(<GemeentenPage ctx={ctx} gemeenten={gemeenten} crisisLines={crisisLines()} />);
  });

  app.get('/hulpwijzer/gemeente/:code', async (c) => {
    const ctx = c.get('ctx');
    const code = c.req.param('code');
    const gemeenten = await regionGemeenten(db, ctx.region.id);
    // A name or a lowercase code finds the gemeente too; the address shown is its CBS code.
    const known = gemeenten.find(
      (g) => g.code === code.toUpperCase() || (isSlug(code) && g.slug === code),
    );
    if (known && known.code !== code)
      return c.redirect(href(ctx, `/hulpwijzer/gemeente/${known.code}`), 301);
    const overview = GEMEENTE_CODE.test(code)
      ? await gemeenteOverview(db, ctx.region.id, code)
      : null;
    if (!overview?.ok) {
      c.header('cache-control', 'no-store');
      return c.html(
        <UnknownGemeentePage ctx={ctx} gemeenten={gemeenten} crisisLines={crisisLines()} />,
        404,
      );
    }
    return c.html(<GemeentePage ctx={ctx} overview={overview.value} crisisLines={crisisLines()} />);
  });
  return app;

  /**
   * The plan a print URL asks for: a path's answers (`over`), or a search: a free question
   * (`vraag`) or a topic (`onderwerp`).
   */
  async function printPlan(
    c: Context<AppEnv>,
    q: { vraag?: string; plaats?: string; onderwerp?: string; voor?: string; over?: string },
  ): Promise<
    | { ok: true; plan: HelpPlan; heading: string; person: string | null; path: string }
    | { ok: false; message: string }
  > {
    const regionId = c.get('ctx').region.id;
    if (q.over !== undefined) {
      if (q.vraag !== undefined || q.onderwerp !== undefined)
        return { ok: false, message: 'Druk een vraag óf een onderwerp af, niet allebei.' };
      const answers = { voor: q.voor ?? 'mezelf', over: q.over, plaats: q.plaats ?? '' };
      const kind: PathKind = answers.voor === 'mezelf' ? 'begin' : 'ander';
      const state = await walkPath(db, regionId, kind, answers);
      if (state.view.step !== 'klaar')
        return {
          ok: false,
          message: `Deze pagina kunnen we niet afdrukken. ${Object.values(state.view.errors).join(' ') || 'Er ontbreekt een antwoord.'} Kies opnieuw in de Hulpwijzer.`,
        };
      const { plan } = state.view;
      const voor = state.answers.voor;
      const place = plan.outcome.place?.label ?? '';
      return {
        ok: true,
        plan,
        person: isCarer(voor) ? RELATION_WORDS[voor] : null,
        heading: isCarer(voor)
          ? `Hulp voor ${RELATION_WORDS[voor]} en voor jou, in ${place}`
          : `Hulp in ${place}: ${plan.path?.need.name ?? ''}`,
        path: `${PATH_URL[kind]}${query({ voor, over: state.answers.over, plaats: place })}`,
      };
    }
    if (q.voor !== undefined)
      return { ok: false, message: 'Bij een eigen vraag hoort geen keuze "voor wie".' };
    const plan = await planForQuestion(db, regionId, {
      question: q.vraag ?? '',
      place: q.plaats ?? '',
      topic: q.onderwerp,
    });
    const { outcome } = plan;
    if (outcome.errors.length > 0)
      return { ok: false, message: outcome.errors.map((e) => e.message).join(' ') };
    const place = outcome.place;
    const where = place
      ? `Hulp in ${place.label}`
      : outcome.question !== '' && outcome.sections.length === 0
        ? 'Gevonden in de hele regio'
        : 'Hulp in de regio en online';
    return {
      ok: true,
      plan,
      person: null,
      heading: outcome.topic ? `${where}: ${outcome.topic.name}` : where,
      path: `/hulpwijzer${query({
        vraag: outcome.topic ? undefined : outcome.question,
        onderwerp: outcome.topic?.code,
        plaats: place?.label ?? '',
      })}`,
    };
  }
}
