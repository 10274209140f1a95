/** Public monitoring pages: the provincial overview and the evidence cards. */
import { Hono } from 'hono';
import { href } from '../../web/context.js';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { publicScope } from '../indicators/index.js';
import { goalCodeToSegment } from '../plan/index.js';
import { evidenceForGoal, evidenceForOpgave, provincialOverview } from './evidence.service.js';
import { reportCsv } from './report.service.js';
import { getRound, listRounds } from './rounds.service.js';
import { EvidencePage, OverviewPage } from './views/evidence.js';
import { ReportListPage, ReportPage } from './views/report.js';

export function monitoringRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/voortgang', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<OverviewPage ctx={ctx} data={await provincialOverview(db, publicScope(ctx))} />);
  });
  app.get('/voortgang/opgaven/:slug', async (c) => {
    const ctx = c.get('ctx');
    const slug = c.req.param('slug');
    const evidence = /^[a-z0-9-]{1,80}$/.test(slug)
      ? await evidenceForOpgave(db, publicScope(ctx), slug)
      : undefined;
    if (!evidence?.ok) return htmlError(c, ctx, 404, 'Deze opgave bestaat niet.');
    return c.html(
      <EvidencePage ctx={ctx} evidence={evidence.value} backHref={href(ctx, `/opgaven/${slug}`)} />,
    );
  });
  app.get('/voortgang/doelen/:code', async (c) => {
    const ctx = c.get('ctx');
    const evidence = await evidenceForGoal(db, publicScope(ctx), c.req.param('code'));
    if (!evidence.ok) return htmlError(c, ctx, 404, 'Dit doel bestaat niet.');
    const segment = goalCodeToSegment(evidence.value.code);
    return c.html(
      <EvidencePage
        ctx={ctx}
        evidence={evidence.value}
        backHref={href(ctx, `/doelen/${segment}`)}
      />,
    );
  });
  app.get('/rapporten', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<ReportListPage ctx={ctx} rounds={await listRounds(db, ctx.region.id, true)} />);
  });
  app.get('/rapporten/:code{20[0-9]{2}(?:-(?:H[12]|Q[1-4]))?}', async (c) => {
    const ctx = c.get('ctx');
    const view = await getRound(db, ctx.region.id, c.req.param('code'), true);
    if (!view.ok) return htmlError(c, ctx, 404, 'Dit rapport bestaat niet of is niet openbaar.');
    const csvHref = href(ctx, `/rapporten/${view.value.round.code}/bijlage.csv`);
    return c.html(<ReportPage ctx={ctx} view={view.value} csvHref={csvHref} publicVersion />);
  });
  app.get('/rapporten/:code{20[0-9]{2}(?:-(?:H[12]|Q[1-4]))?}/bijlage.csv', async (c) => {
    const ctx = c.get('ctx');
    const view = await getRound(db, ctx.region.id, c.req.param('code'), true);
    if (!view.ok) return htmlError(c, ctx, 404, 'Dit rapport bestaat niet of is niet openbaar.');
    return c.body(reportCsv(view.value), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="marke-rapport-${view.value.round.code}.csv"`,
    });
  });
  return app;
}
