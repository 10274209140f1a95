/**
 * Public pages that put figures side by side: the trend of one indicator in one area (page, CSV,
 * SVG), a comparison of 2–4 areas (page, CSV) and the ranked list of a map's areas. Parameters
 * are checked before any query; bad input gets a Dutch 400 or 404, never a 500.
 */
import { type Context, Hono } from 'hono';
import { encodeFor } from '../../web/compression.js';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { AREA_CODE } from '../areas/index.js';
import { publicScope } from '../indicators/index.js';
import { figuresCsv } from './analysis.export.js';
import { CompareQuery, checkSelection, compareAreas, compareChoices } from './compare.service.js';
import { MAP_CODE, MAP_ERRORS, parseMapQuery } from './map.params.js';
import { rankAreas } from './ranking.service.js';
import { areaTrend, type TrendError } from './trend.service.js';
import { ComparePage } from './views/compare.js';
import { RankingPage } from './views/ranking.js';
import { TrendPage, TrendSvg } from './views/trend.js';

const TREND_ERRORS: Record<TrendError, string> = {
  IndicatorNotFound: 'Dit cijfer bestaat niet.',
  AreaNotFound: 'Dit gebied kennen we niet.',
  NoFigures: 'Van dit gebied zijn er geen getallen voor dit cijfer.',
};

function download(c: Context<AppEnv>, body: string, type: string, name: string) {
  return c.body(body, 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"`,
  });
}

export function analysisRoutes({ db }: Pick<AppDeps, 'db'>) {
  const app = new Hono<AppEnv>();

  app.get('/datawerkplaats/trend/:code/:area', async (c) => {
    const ctx = c.get('ctx');
    const code = c.req.param('code');
    const [, areaCode = '', kind] =
      /^([A-Z0-9]{4,10})(?:\.(csv|svg))?$/.exec(c.req.param('area')) ?? [];
    if (!MAP_CODE.test(code) || !AREA_CODE.test(areaCode))
      return htmlError(c, ctx, 404, 'Deze trend bestaat niet. Kies een gebied op de kaart.');
    const trend = await areaTrend(db, publicScope(ctx), code, areaCode);
    if (!trend.ok) return htmlError(c, ctx, 404, TREND_ERRORS[trend.error]);
    const name = `marke-${ctx.region.code}-${code}-${areaCode}-trend`;
    if (kind === 'csv') {
      const { indicator, lines } = trend.value;
      const rows = lines.flatMap((l) => l.figures.map((m) => ({ indicator, m })));
      return download(c, figuresCsv(rows), 'text/csv; charset=utf-8', `${name}.csv`);
    }
    if (kind === 'svg') {
      const svg = (await (<TrendSvg trend={trend.value} />).toString()) || '';
      if (svg === '')
        return htmlError(c, ctx, 404, 'Er is geen getal om te tekenen: de tabel zegt waarom.');
      return download(
        c,
        `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`,
        'image/svg+xml',
        `${name}.svg`,
      );
    }
    return c.html(<TrendPage ctx={ctx} trend={trend.value} />);
  });

  /** The chosen areas and indicator, checked; the page and its CSV share this. */
  async function loadComparison(c: Context<AppEnv>) {
    const scope = publicScope(c.get('ctx'));
    const parsed = CompareQuery.safeParse({
      gebied: c.req.queries('gebied') ?? [],
      cijfer: c.req.query('cijfer'),
    });
    if (!parsed.success)
      return {
        ok: false as const,
        status: 400 as const,
        message: 'Deze keuze kunnen we niet lezen. Kies de gebieden opnieuw.',
      };
    const choices = await compareChoices(db, scope);
    const indicatorCode = parsed.data.cijfer || undefined;
    const indicator = choices.indicators.find((i) => i.code === indicatorCode);
    if (indicatorCode && !indicator)
      return {
        ok: false as const,
        status: 404 as const,
        message: 'Dit cijfer bestaat niet of heeft geen getallen.',
      };
    const selection = checkSelection(parsed.data.gebied, choices.areas);
    const form = {
      codes: selection.codes,
      indicatorCode: indicatorCode ?? '',
      errors: selection.errors,
    };
    const valid = Object.keys(selection.errors).length === 0 && selection.areas.length >= 2;
    const comparison = valid
      ? await compareAreas(db, scope, { areas: selection.areas, indicatorCode })
      : undefined;
    return {
      ok: true as const,
      status: Object.keys(selection.errors).length > 0 ? (400 as const) : (200 as const),
      choices,
      form,
      indicator,
      comparison: comparison?.ok ? comparison.value : undefined,
    };
  }

  app.get('/datawerkplaats/vergelijk', async (c) => {
    const ctx = c.get('ctx');
    const result = await loadComparison(c);
    if (!result.ok) return htmlError(c, ctx, result.status, result.message);
    const page = (
      <ComparePage
        ctx={ctx}
        form={result.form}
        choices={result.choices}
        comparison={result.comparison}
        indicator={result.indicator}
      />
    );
    if (result.status === 200) return c.html(page);
    // The form with its errors is not cached (so not compressed there); it is large enough to
    // compress here, for a slow phone connection.
    const { body, header } = encodeFor(await page.toString(), c.req.header('accept-encoding'));
    return c.body(new Uint8Array(body), result.status, {
      'content-type': 'text/html; charset=UTF-8',
      'cache-control': 'no-store',
      vary: 'Accept-Encoding',
      ...(header ? { 'content-encoding': header } : {}),
    });
  });

  app.get('/datawerkplaats/vergelijk.csv', async (c) => {
    const ctx = c.get('ctx');
    const result = await loadComparison(c);
    if (!result.ok) return htmlError(c, ctx, result.status, result.message);
    const first = Object.values(result.form.errors)[0];
    if (first) return htmlError(c, ctx, 400, first);
    if (!result.comparison) return htmlError(c, ctx, 400, 'Kies twee tot vier gebieden.');
    const rows = result.comparison.rows.flatMap((row) =>
      row.cells.flatMap((cell) => cell.series.map((m) => ({ indicator: row.indicator, m }))),
    );
    const codes = result.comparison.areas.map((a) => a.code).join('-');
    const name = `marke-${ctx.region.code}-vergelijking-${codes}${result.indicator ? `-${result.indicator.code}` : ''}.csv`;
    return download(c, figuresCsv(rows), 'text/csv; charset=utf-8', name);
  });

  app.get('/datawerkplaats/ranglijst/:code', async (c) => {
    const ctx = c.get('ctx');
    const code = c.req.param('code');
    const query = parseMapQuery((name) => c.req.query(name));
    if (!MAP_CODE.test(code) || !query.ok)
      return htmlError(
        c,
        ctx,
        404,
        'Deze ranglijst bestaat niet. Kies een niveau en periode op de pagina.',
      );
    const ranking = await rankAreas(db, publicScope(ctx), code, query.value);
    if (!ranking.ok) return htmlError(c, ctx, 404, MAP_ERRORS[ranking.error]);
    return c.html(<RankingPage ctx={ctx} ranking={ranking.value} />);
  });

  return app;
}
