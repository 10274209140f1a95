/** Public pages of the plan module: parse → service → view. No SQL here. */
import { Hono } from 'hono';
import { z } from 'zod';
import { href } from '../../web/context.js';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { goalCodeToSegment, parseGoalCode } from './goal-codes.js';
import * as plan from './plan.service.js';
import type { AgendaProvider } from './plan.types.js';
import * as content from './plan-content.service.js';
import { searchPlan } from './plan-search.service.js';
import { OperationalGoalPage, StrategicGoalPage } from './views/goal.js';
import { HomePage } from './views/home.js';
import {
  GoalsPage,
  InitiativePage,
  InitiativesPage,
  ProgrammePage,
  ProgrammesPage,
} from './views/lists.js';
import { OpgavePage } from './views/opgave.js';
import { GlossaryPage, SearchPage, SectionPage, SectionsPage } from './views/texts.js';
import { ThemePage } from './views/theme.js';

const SearchQuery = z.object({
  q: z.string().max(200, 'Uw zoekvraag is te lang (meer dan 200 tekens).').optional(),
});
const NOT_FOUND =
  'We kunnen deze pagina niet vinden. Misschien is de code of het adres verkeerd overgetypt.';

/**
 * Routes for one region's public site; mounted at `/` (default region) and `/regio/:region`.
 * `agenda` is injected by the app (composition root) rather than imported: the agenda module
 * imports this module, so importing it back would be a cycle. Without it the goal and opgave
 * pages leave the werkagenda out, and the plan module stands on its own.
 */
export function planRoutes({ db, agenda }: AppDeps & { agenda?: AgendaProvider }) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const ctx = c.get('ctx');
    const data = await plan.getOverview(db, ctx.region);
    if (!data.ok) return htmlError(c, ctx, 404, 'Voor deze regio is nog geen plan geladen.');
    return c.html(<HomePage ctx={ctx} data={data.value} />);
  });

  app.get('/opgaven/:slug', async (c) => {
    const ctx = c.get('ctx');
    const result = await plan.getOpgave(db, ctx.region, c.req.param('slug'));
    if (!result.ok) return htmlError(c, ctx, 404, NOT_FOUND);
    if ('redirect' in result.value)
      return c.redirect(href(ctx, `/opgaven/${result.value.redirect}`), 301);
    const progress = await agenda?.opgave(ctx.region.id, result.value.opgave.slug);
    return c.html(<OpgavePage ctx={ctx} data={result.value} agenda={progress} />);
  });

  app.get('/doelen', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<GoalsPage ctx={ctx} data={await plan.listGoals(db, ctx.region)} />);
  });

  app.get('/doelen/:code', async (c) => {
    const ctx = c.get('ctx');
    const raw = c.req.param('code');
    const parsed = parseGoalCode(raw);
    if (!parsed)
      return htmlError(
        c,
        ctx,
        404,
        `"${raw}" is geen doelcode. Een doelcode ziet eruit als 2.1.1 of 2.1.1.a.`,
      );
    const canonical = goalCodeToSegment(parsed.code);
    if (raw !== canonical) return c.redirect(href(ctx, `/doelen/${canonical}`), 301);
    const result = await plan.getGoal(db, ctx.region, raw);
    if (!result.ok)
      return htmlError(
        c,
        ctx,
        404,
        `Doel ${parsed.code} staat niet in het plan van ${ctx.region.name}.`,
      );
    const data = result.value;
    if (data.kind === 'strategic') {
      const progress = await agenda?.strategicGoal(ctx.region.id, data.goal.code);
      return c.html(<StrategicGoalPage ctx={ctx} data={data} agenda={progress} />);
    }
    const item = await agenda?.operationalGoal(ctx.region.id, data.goal.code);
    return c.html(<OperationalGoalPage ctx={ctx} data={data} agenda={item} />);
  });

  app.get('/programmas', async (c) => {
    const ctx = c.get('ctx');
    return c.html(
      <ProgrammesPage ctx={ctx} programmes={await content.listProgrammes(db, ctx.region)} />,
    );
  });

  app.get('/programmas/:slug', async (c) => {
    const ctx = c.get('ctx');
    const result = await content.getProgramme(db, ctx.region, c.req.param('slug'));
    if (!result.ok) return htmlError(c, ctx, 404, NOT_FOUND);
    return c.html(<ProgrammePage ctx={ctx} data={result.value} />);
  });

  app.get('/initiatieven', async (c) => {
    const ctx = c.get('ctx');
    return c.html(
      <InitiativesPage ctx={ctx} initiatives={await content.listInitiatives(db, ctx.region)} />,
    );
  });

  app.get('/initiatieven/:slug', async (c) => {
    const ctx = c.get('ctx');
    const result = await content.getInitiative(db, ctx.region, c.req.param('slug'));
    if (!result.ok) return htmlError(c, ctx, 404, NOT_FOUND);
    return c.html(<InitiativePage ctx={ctx} data={result.value} />);
  });

  app.get('/themas/:slug', async (c) => {
    const ctx = c.get('ctx');
    const result = await content.getTheme(db, ctx.region, c.req.param('slug'));
    if (!result.ok) return htmlError(c, ctx, 404, NOT_FOUND);
    return c.html(<ThemePage ctx={ctx} data={result.value} />);
  });

  app.get('/begrippen', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<GlossaryPage ctx={ctx} entries={await content.listGlossary(db, ctx.region)} />);
  });

  app.get('/plan', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<SectionsPage ctx={ctx} sections={await content.listSections(db, ctx.region)} />);
  });

  app.get('/plan/:slug', async (c) => {
    const ctx = c.get('ctx');
    const result = await content.getSection(db, ctx.region, c.req.param('slug'));
    if (!result.ok) return htmlError(c, ctx, 404, NOT_FOUND);
    return c.html(<SectionPage ctx={ctx} section={result.value} />);
  });

  app.get('/zoeken', async (c) => {
    const ctx = c.get('ctx');
    const parsed = SearchQuery.safeParse(c.req.query());
    if (!parsed.success) {
      c.header('cache-control', 'no-store');
      return c.html(
        <SearchPage
          ctx={ctx}
          query=""
          results={null}
          error={parsed.error.issues[0]?.message ?? 'Ongeldige zoekvraag.'}
        />,
        400,
      );
    }
    const query = (parsed.data.q ?? '').trim();
    if (!query) return c.html(<SearchPage ctx={ctx} query="" results={null} />);
    const result = await searchPlan(db, ctx.region, query);
    if (!result.ok) {
      const message =
        result.error === 'QueryTooLong'
          ? 'Uw zoekvraag is te lang.'
          : 'Typ minstens één woord van twee letters of meer.';
      c.header('cache-control', 'no-store');
      return c.html(<SearchPage ctx={ctx} query={query} results={null} error={message} />, 400);
    }
    return c.html(<SearchPage ctx={ctx} query={query} results={result.value} />);
  });

  return app;
}
