/** Public indicator pages: `/indicatoren` and `/indicatoren/:code`. */
import { Hono } from 'hono';
import type { PageContext } from '../../web/context.js';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { getIndicator, listIndicatorSummaries } from './indicators.service.js';
import { IndicatorListPage, IndicatorPage } from './views/indicators.js';

/** The public sees only indicators marked public; region-wide figures use the region's CBS code. */
export function publicScope(ctx: PageContext) {
  return { regionId: ctx.region.id, regionAreaCode: ctx.region.cbsCode ?? '', publicOnly: true };
}

export function indicatorRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/indicatoren', async (c) => {
    const ctx = c.get('ctx');
    const indicators = await listIndicatorSummaries(db, publicScope(ctx));
    return c.html(<IndicatorListPage ctx={ctx} indicators={indicators} />);
  });
  app.get('/indicatoren/:code', async (c) => {
    const ctx = c.get('ctx');
    const code = c.req.param('code');
    if (!/^[a-z0-9-]{2,80}$/.test(code))
      return htmlError(c, ctx, 404, 'Deze indicator bestaat niet.');
    const detail = await getIndicator(db, publicScope(ctx), code);
    if (!detail.ok) return htmlError(c, ctx, 404, 'Deze indicator bestaat niet.');
    return c.html(<IndicatorPage ctx={ctx} detail={detail.value} />);
  });
  return app;
}
