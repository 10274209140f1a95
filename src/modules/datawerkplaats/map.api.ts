/**
 * A map's figures as JSON: `GET /api/v1/regions/{region}/datawerkplaats/kaart/{code}` with
 * `niveau`, `periode` and `binnen` as on the page. Every area of the level (inside `binnen`)
 * with its figure and the gemeente it lies in, and the gemeenten's own stored figures (the
 * roll-up). The figures come through the same presenter as the page: a hidden figure is null
 * with its reason ("te weinig waarnemingen …"), its counts and interval null too.
 */
import { Hono } from 'hono';
import { problem } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import type { Area } from '../areas/index.js';
import { type Measurement, publicScope } from '../indicators/index.js';
import { MAP_CODE, MAP_ERRORS, parseMapQuery } from './map.params.js';
import { mapFigures } from './map.service.js';

type MapFigures = Extract<Awaited<ReturnType<typeof mapFigures>>, { ok: true }>['value'];

/** What an area without any row for this period shows (as the map's CSV download says it). */
const NO_FIGURE = 'geen cijfer';

/** One figure, as the other outputs name its fields (indicators API, map CSV). */
function figure(m: Measurement | undefined) {
  return {
    value: m?.value ?? null,
    missing_reason: m ? m.missingReason : NO_FIGURE,
    numerator: m?.numerator ?? null,
    denominator: m?.denominator ?? null,
    sample_size: m?.sampleSize ?? null,
    ci_low: m?.ciLow ?? null,
    ci_high: m?.ciHigh ?? null,
    source: m?.source ?? null,
    is_demo: m?.isDemo ?? false,
  };
}

function place(area: Area, m: Measurement | undefined) {
  return { area_code: area.code, area_name: area.name, level: area.level, ...figure(m) };
}

/** The response body: indicator, choices, the areas with figures and the roll-up. */
export function presentMap(view: MapFigures) {
  const reference = view.reference;
  return {
    indicator: {
      code: view.indicator.code,
      name: view.indicator.name,
      unit: view.indicator.unit,
      decimals: view.indicator.decimals,
      source: view.indicator.source,
      is_demo: view.indicator.is_demo,
    },
    level: view.level,
    period: view.period,
    levels: view.levels,
    periods: view.periods,
    within: view.within ? place(view.within, view.withinFigure) : null,
    reference: reference
      ? {
          area_code: reference.areaCode,
          area_name: reference.areaName,
          level: reference.areaLevel,
          ...figure(reference),
        }
      : null,
    areas: view.areas.map(({ area, measurement, rollupCode }) => ({
      area_code: area.code,
      area_name: area.name,
      parent_code: area.parentCode,
      rollup_code: rollupCode ?? null,
      ...figure(measurement),
    })),
    rollup: view.rollup
      ? {
          level: view.rollup.level,
          areas: view.rollup.areas.map(({ area, measurement }) => place(area, measurement)),
        }
      : null,
  };
}

/** Mounted at `/api/v1/regions/:region`. */
export function datawerkplaatsApi({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/datawerkplaats/kaart/:code', async (c) => {
    const code = c.req.param('code');
    if (!MAP_CODE.test(code)) return problem(c, 404, 'Niet gevonden', MAP_ERRORS.NotFound);
    const query = parseMapQuery((name) => c.req.query(name));
    if (!query.ok)
      return problem(
        c,
        400,
        'Ongeldige parameter',
        'niveau is gemeente, wijk of buurt; periode zoals 2024 of 2024-Q3; binnen een CBS-code zoals GM0106.',
      );
    const view = await mapFigures(db, publicScope(c.get('ctx')), code, query.value);
    if (!view.ok) return problem(c, 404, 'Niet gevonden', MAP_ERRORS[view.error]);
    return c.json(presentMap(view.value));
  });
  return app;
}
