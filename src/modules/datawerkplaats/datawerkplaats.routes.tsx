/** Public datawerkplaats pages: the list of figures per area and one indicator as map + table. */
import { Hono } from 'hono';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { AREA_CODE } from '../areas/index.js';
import { indicatorsWithFiguresAt, publicScope } from '../indicators/index.js';
import { MAP_LEVELS, mapData } from './map.service.js';
import { DataIndexPage, MapPage, type SortKey } from './views/map.js';

const PERIOD = /^20[0-9]{2}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
const MAP_ERRORS = {
  NotFound: 'Dit cijfer bestaat niet.',
  NoAreas: 'Van dit cijfer zijn er geen getallen per gemeente of wijk.',
  BadLevel: 'Van dit cijfer zijn er geen getallen op dit niveau.',
  BadPeriod: 'Van dit cijfer zijn er geen getallen voor deze periode.',
  BadWithin: 'Dit gebied kennen we niet.',
} as const;

export function datawerkplaatsRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/datawerkplaats', async (c) => {
    const ctx = c.get('ctx');
    const perArea = await indicatorsWithFiguresAt(db, publicScope(ctx), [...MAP_LEVELS]);
    return c.html(<DataIndexPage ctx={ctx} indicators={perArea} />);
  });
  app.get('/datawerkplaats/kaart/:code{[a-z0-9-]{1,80}}', async (c) => {
    const ctx = c.get('ctx');
    const level = c.req.query('niveau');
    const period = c.req.query('periode');
    const within = c.req.query('binnen');
    const sort = c.req.query('sorteer') ?? 'naam';
    // Checked before any query: odd values are a 404 page, not a 500, and not a new cache key.
    if (
      (level !== undefined && !(MAP_LEVELS as readonly string[]).includes(level)) ||
      (period !== undefined && !PERIOD.test(period)) ||
      (within !== undefined && !AREA_CODE.test(within)) ||
      (sort !== 'naam' && sort !== 'waarde')
    )
      return htmlError(
        c,
        ctx,
        404,
        'Deze kaart bestaat niet. Kies een niveau en periode op de pagina.',
      );
    const view = await mapData(db, publicScope(ctx), c.req.param('code'), {
      level,
      period,
      within,
    });
    if (!view.ok) return htmlError(c, ctx, 404, MAP_ERRORS[view.error]);
    return c.html(<MapPage ctx={ctx} view={view.value} sort={sort as SortKey} />);
  });
  return app;
}
