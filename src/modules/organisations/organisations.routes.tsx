/** Public pages of the organisations module. */
import { Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { getGovernance, getOrganisation, listBySector } from './organisations.service.js';
import { GovernancePage, OrganisationPage, OrganisationsPage } from './views/organisations.js';

/** Mounted on every region's site: /organisaties, /organisaties/:slug and /governance. */
export function organisationRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/organisaties', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<OrganisationsPage ctx={ctx} data={await listBySector(db, ctx.region)} />);
  });
  app.get('/organisaties/:slug', async (c) => {
    const ctx = c.get('ctx');
    const result = await getOrganisation(db, ctx.region, c.req.param('slug'));
    if (!result.ok) return htmlError(c, ctx, 404, 'Deze organisatie staat niet in het plan.');
    return c.html(<OrganisationPage ctx={ctx} data={result.value} />);
  });
  app.get('/governance', async (c) => {
    const ctx = c.get('ctx');
    return c.html(<GovernancePage ctx={ctx} bodies={await getGovernance(db, ctx.region)} />);
  });
  return app;
}
