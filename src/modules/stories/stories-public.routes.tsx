/** Public pages: /verhalen (published stories) and /panel (published panel results). */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { listPanelResults } from './panel-results.service.js';
import { PublicStoryFilter } from './stories.types.js';
import { publicStoriesPage } from './stories-view.service.js';
import { PublicPanelPage } from './views/public-panel.js';
import { PublicStoriesPage } from './views/public-stories.js';

/** Mounted in each region's site; the page cache refreshes when a story or result is published. */
export function storyPublicRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/verhalen', async (c) => {
    const ctx = c.get('ctx');
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const filter = PublicStoryFilter.safeParse(raw);
    const data = await publicStoriesPage(db, ctx.region.id, filter.success ? filter.data : {});
    if (!filter.success) {
      c.header('cache-control', 'no-store');
      return c.html(
        <PublicStoriesPage
          ctx={ctx}
          data={data}
          filter={{}}
          error={filter.error.issues[0]?.message ?? 'Ongeldig filter.'}
        />,
        400,
      );
    }
    return c.html(<PublicStoriesPage ctx={ctx} data={data} filter={filter.data} />);
  });
  app.get('/panel', async (c) => {
    const ctx = c.get('ctx');
    const questions = await listPanelResults(db, ctx.region.id, { publishedOnly: true });
    return c.html(<PublicPanelPage ctx={ctx} questions={questions} />);
  });
  return app;
}
