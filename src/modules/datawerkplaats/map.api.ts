/**
 * A map's figures as JSON, for clients that draw or analyse maps themselves (ADR 0014, 0015):
 * - `GET /api/v1/regions/{region}/datawerkplaats/kaart/{code}` with `niveau`, `periode` and
 *   `binnen` as on the page: `figures` holds every area of the level (inside `binnen`) that has a
 *   figure in this period, one list per source — `fields` names the places in each row
 *   (`area_code`, `value`, `numerator`, `denominator`, `sample_size`, `ci_low`, `ci_high`,
 *   `missing_reason`; a row leaves out trailing nulls), `groups` gives per source (and demo
 *   flag) its `rows`. A hidden figure is null with its reason ("te weinig waarnemingen …"), its
 *   counts and interval null too. `rollup` gives the gemeenten' own figures the same way;
 *   `within` and `reference` come as one object per area.
 * - `GET /api/v1/regions/{region}/datawerkplaats/gebieden` with `niveau` and `binnen`: the areas
 *   of that level as columns (`area_code`, `area_name`, `parent_code`, `gemeente_code`). The same
 *   for every indicator and period, so a client fetches them once (`areas_url` in the map's
 *   answer); an area there without a row in `figures` has no figure ("geen cijfer").
 * The figures pass the same disclosure rules as the page (`toMeasurement`; for `figures` the
 * disclosure module's trigger, which writes each row's shown figure).
 */
import { Hono } from 'hono';
import { problem } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import type { Area } from '../areas/index.js';
import { type Measurement, publicScope } from '../indicators/index.js';
import { MAP_CODE, MAP_ERRORS, parseMapQuery } from './map.params.js';
import { levelAreasJson, MAP_LEVELS, mapFiguresJson } from './map.service.js';

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

/** The response apart from the figures: indicator, choices, `within` and the reference. */
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
  };
}

type Column<T> = T[];

/** One figure of `figures.groups[].rows`, in the order of `figures.fields`; trailing nulls left out. */
export type MapFigureRow = [
  area_code: string,
  value?: number | null,
  numerator?: number | null,
  denominator?: number | null,
  sample_size?: number | null,
  ci_low?: number | null,
  ci_high?: number | null,
  missing_reason?: string | null,
];

/** Figures as rows per source (and demo flag); `fields` names the places of a row. */
export type MapFigureGroups = {
  fields: string[];
  groups: Array<{ source: string; is_demo: boolean; rows: MapFigureRow[] }>;
};

/** The map's whole response, as a client reads it. */
export type MapApiBody = ReturnType<typeof presentMapHead> & {
  areas_url: string;
  /** The gemeenten' own figures (names at `areas_url` with niveau=gemeente); null on that level. */
  rollup: { level: string; figures: MapFigureGroups } | null;
  figures: MapFigureGroups;
};

/** The areas' response (`/datawerkplaats/gebieden`). */
export type LevelAreasBody = {
  level: string;
  within: string | null;
  areas: {
    area_code: Column<string>;
    area_name: Column<string>;
    parent_code: Column<string | null>;
    gemeente_code: Column<string | null>;
  };
};

/** Where a client finds the areas of this map. */
function areasUrl(region: string, view: MapFigures): string {
  const query = new URLSearchParams({ niveau: view.level });
  if (view.within) query.set('binnen', view.within.code);
  return `/api/v1/regions/${encodeURIComponent(region)}/datawerkplaats/gebieden?${query}`;
}

/** The body text: the head, with the roll-up and the figures (already JSON) put in as they are. */
export function mapBody(region: string, view: MapFigures): string {
  const head = JSON.stringify({ ...presentMapHead(view), areas_url: areasUrl(region, view) });
  const rollup =
    view.rollupLevel && view.rollupJson !== undefined
      ? `{"level":${JSON.stringify(view.rollupLevel)},"figures":${view.rollupJson}}`
      : 'null';
  return `${head.slice(0, -1)},"rollup":${rollup},"figures":${view.figuresJson}}`;
}

const BAD_QUERY =
  'niveau is gemeente, wijk of buurt; periode zoals 2024 of 2024-Q3; binnen een CBS-code zoals GM0106.';

/** Mounted at `/api/v1/regions/:region`. */
export function datawerkplaatsApi({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/datawerkplaats/kaart/:code', async (c) => {
    const code = c.req.param('code');
    if (!MAP_CODE.test(code)) return problem(c, 404, 'Niet gevonden', MAP_ERRORS.NotFound);
    const query = parseMapQuery((name) => c.req.query(name));
    if (!query.ok) return problem(c, 400, 'Ongeldige parameter', BAD_QUERY);
    const view = await mapFiguresJson(db, publicScope(c.get('ctx')), code, query.value);
    if (!view.ok) return problem(c, 404, 'Niet gevonden', MAP_ERRORS[view.error]);
    const body = mapBody(c.get('ctx').region.code, view.value);
    return c.body(body, 200, { 'content-type': 'application/json' });
  });
  app.get('/datawerkplaats/gebieden', async (c) => {
    const query = parseMapQuery((name) => c.req.query(name));
    const level = query.ok ? MAP_LEVELS.find((l) => l === query.value.level) : undefined;
    if (!query.ok || !level) return problem(c, 400, 'Ongeldige parameter', BAD_QUERY);
    const areas = await levelAreasJson(db, publicScope(c.get('ctx')), level, query.value.within);
    if (!areas.ok) return problem(c, 404, 'Niet gevonden', MAP_ERRORS[areas.error]);
    return c.body(areas.value, 200, { 'content-type': 'application/json' });
  });
  return app;
}
