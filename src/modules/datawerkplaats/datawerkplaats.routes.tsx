/** Public datawerkplaats pages: the list of figures per area and one indicator as map + table. */
import { type Context, Hono } from 'hono';
import { err } from '../../lib/result.js';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { AREA_CODE } from '../areas/index.js';
import { indicatorsWithFiguresAt, publicScope } from '../indicators/index.js';
import { analysisRoutes } from './analysis.routes.js';
import { mapCsv, mapGeoJson } from './map.export.js';
import { MAP_ERRORS, parseMapQuery } from './map.params.js';
import { MAP_LEVELS, mapData } from './map.service.js';
import { areaProfile } from './profile.service.js';
import { DataIndexPage, MapPage, MapSvg, type SortKey } from './views/map.js';
import { ProfilePage } from './views/profile.js';

export function datawerkplaatsRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();

  /** The map's figures for the query string; odd values are refused before any query. */
  async function loadView(c: Context<AppEnv>, code: string) {
    const query = parseMapQuery((name) => c.req.query(name));
    if (!query.ok) return err('Deze kaart bestaat niet. Kies een niveau en periode op de pagina.');
    const view = await mapData(db, publicScope(c.get('ctx')), code, query.value);
    return view.ok ? view : err(MAP_ERRORS[view.error]);
  }

  app.get('/datawerkplaats', async (c) => {
    const ctx = c.get('ctx');
    const perArea = await indicatorsWithFiguresAt(db, publicScope(ctx), [...MAP_LEVELS]);
    return c.html(<DataIndexPage ctx={ctx} indicators={perArea} />);
  });
  app.get('/datawerkplaats/kaart/:file{[a-z0-9-]{1,80}\\.(?:csv|geojson|svg)}', async (c) => {
    const ctx = c.get('ctx');
    const [code = '', kind] = c.req.param('file').split('.');
    const view = await loadView(c, code);
    if (!view.ok) return htmlError(c, ctx, 404, view.error);
    const name = `marke-${ctx.region.code}-${code}-${view.value.level}-${view.value.period}`;
    const download = (body: string, type: string) =>
      c.body(body, 200, {
        'content-type': type,
        'content-disposition': `attachment; filename="${name}.${kind}"`,
      });
    if (kind === 'csv') return download(mapCsv(view.value), 'text/csv; charset=utf-8');
    if (kind === 'geojson') return download(mapGeoJson(view.value), 'application/geo+json');
    const svg = await (<MapSvg view={view.value} regionName={ctx.region.name} />).toString();
    return download(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, 'image/svg+xml');
  });
  app.get('/datawerkplaats/gebied/:code', async (c) => {
    const ctx = c.get('ctx');
    const code = c.req.param('code');
    const profile = AREA_CODE.test(code)
      ? await areaProfile(db, publicScope(ctx), code)
      : undefined;
    if (!profile?.ok)
      return htmlError(
        c,
        ctx,
        404,
        'Van dit gebied is er geen profiel (alleen gemeenten, wijken en buurten).',
      );
    return c.html(<ProfilePage ctx={ctx} profile={profile.value} />);
  });
  app.get('/datawerkplaats/kaart/:code{[a-z0-9-]{1,80}}', async (c) => {
    const ctx = c.get('ctx');
    const view = await loadView(c, c.req.param('code'));
    if (!view.ok) return htmlError(c, ctx, 404, view.error);
    const sort = (c.req.query('sorteer') ?? 'naam') as SortKey;
    return c.html(<MapPage ctx={ctx} view={view.value} sort={sort} />);
  });
  app.route('/', analysisRoutes({ db }));
  return app;
}
