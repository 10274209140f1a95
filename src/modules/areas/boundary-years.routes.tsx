/** Public `/datawerkplaats/gebiedsindeling`: boundary years per level and the codes that changed. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { boundaryYearChanges } from './boundary-years.js';
import { BoundaryYearsPage } from './views/boundary-years.js';

export function boundaryYearRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/datawerkplaats/gebiedsindeling', async (c) => {
    const ctx = c.get('ctx');
    const levels = await boundaryYearChanges(db, ctx.region.id);
    return c.html(<BoundaryYearsPage ctx={ctx} levels={levels} />);
  });
  return app;
}
