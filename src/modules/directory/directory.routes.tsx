/** Resident pages of the Hulpwijzer: search by question and place (/hulpwijzer). */
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { helpPageRoutes } from './help-pages.routes.js';
import { loadProfile } from './profile.js';
import { searchDirectory } from './search.service.js';
import { HulpwijzerPage } from './views/hulpwijzer-page.js';
import { needVocabulary } from './vocabulary.js';

/**
 * A search: something typed in either field, a topic, or a page of one. Its answer is neither
 * cached nor stored.
 */
const isSearch = (c: Context<AppEnv>) =>
  ['vraag', 'plaats', 'onderwerp', 'pagina'].some(
    (name) => (c.req.query(name) ?? '').trim() !== '',
  );

/** Mounted in each region's site. */
export function directoryRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = new Hono<AppEnv>();
  // A search is not cached (no-store), so it is compressed per response for slow connections;
  // the page without a question goes through the page cache, which compresses it once.
  const compressSearch = compress();
  app.use('/hulpwijzer', (c, next) => (isSearch(c) ? compressSearch(c, next) : next()));
  app.get('/hulpwijzer', async (c) => {
    const ctx = c.get('ctx');
    const question = c.req.query('vraag') ?? '';
    const place = c.req.query('plaats') ?? '';
    const topic = c.req.query('onderwerp');
    const pageNumber = c.req.query('pagina');
    const [outcome, { terms }] = await Promise.all([
      searchDirectory(db, ctx.region.id, { question, place, topic, page: pageNumber }),
      needVocabulary(db),
    ]);
    // A resident's question is theirs: no page cache, no browser or proxy cache.
    if (isSearch(c)) c.header('cache-control', 'no-store');
    const page = (
      <HulpwijzerPage
        ctx={ctx}
        outcome={outcome}
        needs={terms}
        crisisLines={loadProfile().profile.crisis.lines}
      />
    );
    return c.html(page, outcome.errors.length > 0 ? 400 : 200);
  });
  app.route('/', helpPageRoutes(deps));
  return app;
}
