/**
 * A map's figures as JSON: `GET /api/v1/regions/{region}/datawerkplaats/kaart/{code}` with
 * `niveau`, `periode` and `binnen` as on the page. Column by column (ADR 0014), because a national
 * buurt map has 14 500 areas:
 * - `areas`: every area of the level (inside `binnen`) — `area_code`, `area_name`,
 *   `parent_code`, `rollup_code` (the gemeente it lies in), lists of equal length;
 * - `figures`: the areas that have a figure in this period — `area_code`, `value`,
 *   `missing_reason`, `numerator`, `denominator`, `sample_size`, `ci_low`, `ci_high`, `source`
 *   (a position in `figures.sources`) and `is_demo`. An area in `areas` but not in `figures` has
 *   no figure ("geen cijfer"). A hidden figure is null with its reason ("te weinig
 *   waarnemingen …"), its counts and interval null too;
 * - `within`, `reference` and `rollup` (the gemeenten's own figures) as one object per area.
 * The figures pass the same disclosure rules as the page (`toMeasurement`, in SQL for `figures`).
 */
import { Hono } from 'hono';
import { problem } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import type { Area } from '../areas/index.js';
import { type Measurement, publicScope } from '../indicators/index.js';
import { MAP_CODE, MAP_ERRORS, parseMapQuery } from './map.params.js';
import { mapFiguresJson } from './map.service.js';

type MapFigures = Extract<Awaited<ReturnType<typeof mapFiguresJson>>, { ok: true }>['value'];

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

/** The response apart from the two column sets: indicator, choices, reference and roll-up. */
export function presentMapHead(view: MapFigures) {
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
    rollup: view.rollup
      ? {
          level: view.rollup.level,
          areas: view.rollup.areas.map(({ area, measurement }) => place(area, measurement)),
        }
      : null,
  };
}

type Column<T> = T[];

/** The whole response, as a client reads it. */
export type MapApiBody = ReturnType<typeof presentMapHead> & {
  areas: {
    area_code: Column<string>;
    area_name: Column<string>;
    parent_code: Column<string | null>;
    rollup_code: Column<string | null>;
  };
  figures: {
    sources: string[];
    area_code: Column<string>;
    value: Column<number | null>;
    missing_reason: Column<string | null>;
    numerator: Column<number | null>;
    denominator: Column<number | null>;
    sample_size: Column<number | null>;
    ci_low: Column<number | null>;
    ci_high: Column<number | null>;
    source: Column<number>;
    is_demo: Column<boolean>;
  };
};

/** The body text: the head, with the two column sets (already JSON) put in as they are. */
export function mapBody(view: MapFigures): string {
  const head = JSON.stringify(presentMapHead(view));
  return `${head.slice(0, -1)},"areas":${view.areasJson},"figures":${view.figuresJson}}`;
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
    const view = await mapFiguresJson(db, publicScope(c.get('ctx')), code, query.value);
    if (!view.ok) return problem(c, 404, 'Niet gevonden', MAP_ERRORS[view.error]);
    return c.body(mapBody(view.value), 200, { 'content-type': 'application/json' });
  });
  return app;
}
