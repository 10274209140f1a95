/** createApp: middleware, region resolution and every module's routes. No listening here. */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import { withSharedDataVersion } from './db/memo.js';
import type { Database } from './db/schema.js';
import {
  agendaAdminRoutes,
  agendaApi,
  agendaForPlan,
  agendaRoutes,
} from './modules/agenda/index.js';
import {
  boundaryYearRoutes,
  subregionAdminRoutes,
  subregionPublicRoutes,
} from './modules/areas/index.js';
import { authRoutes } from './modules/auth/index.js';
import { datawerkplaatsApi, datawerkplaatsRoutes } from './modules/datawerkplaats/index.js';
import {
  directoryEditorRoutes,
  directoryExportRoutes,
  directoryReviewRoutes,
  directoryRoutes,
  directoryTransferAdminRoutes,
  directoryWorkspaceNotices,
  HSDS_QUERY_RULES,
  hsdsApi,
} from './modules/directory/index.js';
import {
  indicatorAdminRoutes,
  indicatorRoutes,
  indicatorsApi,
  measurementAdminRoutes,
  refreshSuppression,
} from './modules/indicators/index.js';
import { monitoringRoutes, roundAdminRoutes } from './modules/monitoring/index.js';
import { organisationRoutes } from './modules/organisations/index.js';
import {
  currentDataVersion,
  getRegion,
  listRegions,
  planApi,
  planRoutes,
} from './modules/plan/index.js';
import { sourceAdminRoutes, sourcePublicRoutes } from './modules/sources/index.js';
import {
  panelAdminRoutes,
  processNoteRoutes,
  storiesApi,
  storyAdminRoutes,
  storyPublicRoutes,
} from './modules/stories/index.js';
import { type Asset, buildScript, buildStylesheet } from './web/assets.js';
import { encodedBody, pickEncoding } from './web/compression.js';
import type { PageContext } from './web/context.js';
import { htmlError, problem } from './web/errors.js';
import { OpenDataPage } from './web/open-data.js';
import { openApiDocument } from './web/openapi.js';
import { PageCache, pageCacheMiddleware, SHARED_PAGE } from './web/page-cache.js';
import { strictQuery, withoutTrackingParameters } from './web/params.js';
import { securityHeaders } from './web/security.js';
import type { AppDeps, AppEnv } from './web/types.js';

export type CreateAppOptions = { db: Kysely<Database>; config: Config };
export type MarkeApp = { app: Hono<AppEnv>; cache: PageCache; stylesheet: Asset };

function serveAsset(asset: Asset) {
  return (c: Context) => {
    const { body, header } = encodedBody(asset, pickEncoding(c.req.header('accept-encoding')));
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: asset.etag,
      vary: 'Accept-Encoding',
    };
    if (header) headers['content-encoding'] = header;
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(body), 200, headers);
  };
}

/** Resolves the region from `/regio/:region` or the default, and builds the page context. */
function regionContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const code = c.req.param('region') ?? deps.config.defaultRegion;
    const region = await getRegion(deps.db, code);
    const fallback: PageContext = {
      base: '',
      region: { id: 0, code: deps.config.defaultRegion, name: 'Marke' },
      stylesheet: deps.stylesheetPath,
      brand: 'Marke',
    };
    if (!region.ok) {
      if (c.req.path.startsWith('/api/'))
        return problem(c, 404, 'Onbekende regio', `Regio "${code}" bestaat niet.`);
      return htmlError(c, fallback, 404, `Regio "${code}" bestaat niet in Marke.`);
    }
    const base = c.req.param('region') ? `/regio/${code}` : '';
    // Public pages and API answers never read the session: signed-in users get the same bytes.
    if (c.get(SHARED_PAGE) !== false) c.set(SHARED_PAGE, true);
    c.set('ctx', {
      base,
      region: region.value,
      stylesheet: deps.stylesheetPath,
      brand: region.value.brand ?? 'Marke',
    });
    await next();
  };
}

/** Page context of the default region for pages outside any route (404), neutral if it is missing. */
async function defaultContext(deps: AppDeps, stylesheet: Asset): Promise<PageContext> {
  try {
    const region = await getRegion(deps.db, deps.config.defaultRegion);
    if (region.ok)
      return {
        base: '',
        region: region.value,
        stylesheet: stylesheet.path,
        brand: region.value.brand ?? 'Marke',
      };
  } catch {
    // The database may be what failed; the neutral context still renders.
  }
  return neutralContext(deps.config, stylesheet);
}

/** Page context for errors outside any region: neutral Marke branding, links to the site root. */
function neutralContext(config: Config, stylesheet: Asset): PageContext {
  return {
    base: '',
    region: { id: 0, code: config.defaultRegion, name: 'Marke' },
    stylesheet: stylesheet.path,
    brand: 'Marke',
  };
}

/** Builds the Hono app with all routes; the caller owns the database. */
export function createApp({ db, config }: CreateAppOptions): MarkeApp {
  const stylesheet = buildStylesheet();
  const previewScript = buildScript('hulpwijzer-voorbeeld.js');
  const deps: AppDeps = { db, config, stylesheetPath: stylesheet.path };
  // Statuses against targets depend on today's date (a target year passes), so a new day is a new
  // version of every page even when no data changed.
  const cache = new PageCache(
    async () => `${await currentDataVersion(db)}:${new Date().toISOString().slice(0, 10)}`,
    config.cacheCheckMs,
  );
  const app = new Hono<AppEnv>({ strict: false });

  app.use('*', securityHeaders());
  // A request that cannot write reads the data version once for all its memos (db/memo.ts).
  app.use('*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? withSharedDataVersion(next) : next(),
  );
  app.get(stylesheet.path, serveAsset(stylesheet));
  app.get(previewScript.path, serveAsset(previewScript));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.use('*', pageCacheMiddleware(cache));

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/v1/regions', async (c) =>
    c.json(
      (await listRegions(db)).map((r) => ({
        code: r.code,
        name: r.name,
        cbs_code: r.cbs_code,
        plan: r.plan_title,
      })),
    ),
  );
  const unknownParameter = (c: Context, unknown: string[]) =>
    problem(
      c,
      400,
      'Onbekende parameter',
      `Deze parameter(s) kent dit adres niet: ${unknown.join(', ')}.`,
    );
  const api = new Hono<AppEnv>({ strict: false });
  api.use('*', regionContext(deps));
  api.use(
    '*',
    strictQuery(
      [
        { suffix: '/search', allowed: ['q'] },
        { suffix: '/goals', allowed: ['kind', 'opgave'] },
        { suffix: '/stories', allowed: ['opgave', 'role'] },
        { pattern: /\/datawerkplaats\/kaart\/[^/]+$/, allowed: ['niveau', 'periode', 'binnen'] },
        { suffix: '/datawerkplaats/gebieden', allowed: ['niveau', 'binnen'] },
        ...HSDS_QUERY_RULES,
      ],
      unknownParameter,
    ),
  );
  api.route('/', planApi(deps));
  api.route('/', agendaApi(deps));
  api.route('/', indicatorsApi(deps));
  api.route('/', storiesApi(deps));
  api.route('/', datawerkplaatsApi(deps));
  api.route('/hsds', hsdsApi(deps));
  app.route('/api/v1/regions/:region', api);
  // The Hulpwijzer's HSDS 3.0 API of the default region, where HSDS clients look for it.
  const hsds = new Hono<AppEnv>({ strict: false });
  hsds.use('*', regionContext(deps));
  hsds.use('*', strictQuery(HSDS_QUERY_RULES, unknownParameter));
  hsds.route('/', hsdsApi(deps));
  app.route('/api/hsds', hsds);

  // Before the region sites: these routes take query strings (?token=) and set cookies.
  app.route('/', authRoutes({ ...deps, workspaceNotices: directoryWorkspaceNotices(db) }));
  app.route('/', agendaAdminRoutes(deps));
  app.route('/', measurementAdminRoutes(deps));
  app.route('/', indicatorAdminRoutes(deps));
  app.route('/', roundAdminRoutes(deps));
  app.route('/', storyAdminRoutes(deps));
  app.route('/', processNoteRoutes(deps));
  app.route('/', panelAdminRoutes(deps));
  // The import and review pages before the editor's /beheer/hulpwijzer/:id.
  app.route('/', directoryTransferAdminRoutes(deps));
  app.route('/', directoryReviewRoutes(deps));
  app.route('/', directoryEditorRoutes({ ...deps, previewScriptPath: previewScript.path }));
  app.route(
    '/',
    subregionAdminRoutes({
      ...deps,
      afterAssignmentChange: (trx, regionId) => refreshSuppression(trx, regionId),
    }),
  );
  app.route(
    '/',
    sourceAdminRoutes({
      ...deps,
      afterPolicyChange: (trx, regionId) => refreshSuppression(trx, regionId),
    }),
  );

  const site = new Hono<AppEnv>({ strict: false });
  // A shared link's fbclid or utm_source leads to the page without them, not to a 400; the API
  // stays strict (no one clicks an API address in a Facebook post).
  site.use('*', withoutTrackingParameters());
  site.use('*', regionContext(deps));
  site.use(
    '*',
    strictQuery(
      [
        { suffix: '/zoeken', allowed: ['q'] },
        { suffix: '/hulpwijzer', allowed: ['vraag', 'plaats', 'onderwerp', 'pagina'] },
        { suffix: '/hulpwijzer/begin', allowed: ['voor', 'over', 'plaats', 'wijzig'] },
        { suffix: '/hulpwijzer/voor-een-ander', allowed: ['voor', 'over', 'plaats', 'wijzig'] },
        {
          suffix: '/hulpwijzer/afdrukken',
          allowed: ['vraag', 'plaats', 'onderwerp', 'voor', 'over'],
        },
        { suffix: '/werkagenda', allowed: ['opgave', 'status', 'prioriteit', 'eigenaar', 'jaar'] },
        { suffix: '/verhalen', allowed: ['opgave', 'rol', 'pagina'] },
        {
          pattern: /\/datawerkplaats\/kaart\/[^/]+$/,
          allowed: ['niveau', 'periode', 'binnen', 'sorteer'],
        },
        { suffix: '/datawerkplaats/vergelijk', allowed: ['gebied', 'cijfer'] },
        { suffix: '/datawerkplaats/vergelijk.csv', allowed: ['gebied', 'cijfer'] },
        {
          pattern: /\/datawerkplaats\/ranglijst\/[^/]+$/,
          allowed: ['niveau', 'periode', 'binnen'],
        },
      ],
      (c, unknown) =>
        htmlError(
          c,
          c.get('ctx'),
          400,
          `Dit adres kent de volgende toevoeging niet: ${unknown.join(', ')}. Laat het deel na het vraagteken weg.`,
        ),
    ),
  );
  // The plan pages show werkagenda progress through a provider, so plan never imports agenda.
  site.route('/', planRoutes({ ...deps, agenda: agendaForPlan(db) }));
  site.route('/', organisationRoutes(deps));
  site.route('/', agendaRoutes(deps));
  site.route('/', indicatorRoutes(deps));
  site.route('/', monitoringRoutes(deps));
  site.route('/', storyPublicRoutes(deps));
  site.route('/', datawerkplaatsRoutes(deps));
  site.route('/', directoryRoutes(deps));
  site.route('/', directoryExportRoutes(deps));
  site.route('/', sourcePublicRoutes(deps));
  site.route('/', subregionPublicRoutes(deps));
  site.route('/', boundaryYearRoutes(deps));
  site.get('/open-data', (c) => c.html(<OpenDataPage ctx={c.get('ctx')} />));
  site.notFound((c) => htmlError(c, c.get('ctx'), 404, 'We kunnen deze pagina niet vinden.'));
  app.route('/regio/:region', site);
  app.route('/', site);

  app.notFound(async (c) => {
    if (c.req.path.startsWith('/api/'))
      return problem(c, 404, 'Niet gevonden', 'Dit adres bestaat niet in de API.');
    return htmlError(
      c,
      await defaultContext(deps, stylesheet),
      404,
      'We kunnen deze pagina niet vinden.',
    );
  });
  app.onError((error, c) => {
    console.error(error);
    if (c.req.path.startsWith('/api/'))
      return problem(c, 500, 'Interne fout', 'Er ging iets mis aan onze kant.');
    return htmlError(
      c,
      neutralContext(config, stylesheet),
      500,
      'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    );
  });
  return { app, cache, stylesheet };
}
