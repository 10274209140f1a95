/**
 * Reads the map API back into one object per area, as a client would: the map's figures (rows
 * per source, places named by `fields`) joined by area code with the areas of its `areas_url`.
 */
import type {
  LevelAreasBody,
  MapApiBody,
  MapFigureGroups,
} from '../src/modules/datawerkplaats/index.js';
import type { Measurement } from '../src/modules/indicators/index.js';

export type MapApiRow = {
  area_code: string;
  area_name: string;
  parent_code: string | null;
  gemeente_code: string | null;
  /** False: the area has no figure in this period at all. */
  has_figure: boolean;
  value: number | null;
  missing_reason: string | null;
  numerator: number | null;
  denominator: number | null;
  sample_size: number | null;
  ci_low: number | null;
  ci_high: number | null;
  source: string | null;
  is_demo: boolean | null;
};

export type Figure = Omit<MapApiRow, 'area_name' | 'parent_code' | 'gemeente_code' | 'has_figure'>;

/**
 * What a figure of the page's presenter (`toMeasurement`) should be in the API, field by field:
 * the expectation the tests compare the SQL-made figures with, written apart from the API's code.
 */
export function figureOf(m: Measurement): Figure {
  return {
    area_code: m.areaCode,
    value: m.value,
    missing_reason: m.missingReason,
    numerator: m.numerator,
    denominator: m.denominator,
    sample_size: m.sampleSize,
    ci_low: m.ciLow,
    ci_high: m.ciHigh,
    source: m.source,
    is_demo: m.isDemo,
  };
}

/** Each row of a figure list as an object, its fields named as its `fields` says. */
export function mapApiFigures({ fields, groups }: MapFigureGroups): Figure[] {
  return groups.flatMap((group) =>
    group.rows.map((row) => {
      if (row.length > fields.length || row.length < 1 || row.at(-1) === null)
        throw new Error(`row of ${row.length} fields: ${JSON.stringify(row)}`);
      // A row leaves out its trailing nulls.
      const named = Object.fromEntries(fields.map((field, i) => [field, row[i] ?? null]));
      return { ...named, source: group.source, is_demo: group.is_demo } as Figure;
    }),
  );
}

/** Joins the map's figures to its areas; fails on a figure outside them or an area twice. */
export function mapApiRows(body: MapApiBody, areasBody: LevelAreasBody): MapApiRow[] {
  const { areas } = areasBody;
  const lengths = Object.values(areas).map((c) => c.length);
  if (new Set(lengths).size !== 1) throw new Error(`columns of unequal length: ${lengths}`);
  const figures = mapApiFigures(body.figures);
  const at = new Map(figures.map((f) => [f.area_code, f]));
  // Every figure belongs to one of the areas: a figure outside them would escape every check
  // that reads the joined rows (the leak tests among them).
  const known = new Set(areas.area_code);
  const stray = figures.filter((f) => !known.has(f.area_code)).map((f) => f.area_code);
  if (stray.length > 0) throw new Error(`figures for areas not in areas: ${stray.join(', ')}`);
  if (at.size !== figures.length) throw new Error('an area has two figures');
  return areas.area_code.map((code, n) => {
    const figure = at.get(code);
    return {
      area_code: code,
      area_name: areas.area_name[n] ?? '',
      parent_code: areas.parent_code[n] ?? null,
      gemeente_code: areas.gemeente_code[n] ?? null,
      has_figure: figure !== undefined,
      value: figure?.value ?? null,
      missing_reason: figure?.missing_reason ?? null,
      numerator: figure?.numerator ?? null,
      denominator: figure?.denominator ?? null,
      sample_size: figure?.sample_size ?? null,
      ci_low: figure?.ci_low ?? null,
      ci_high: figure?.ci_high ?? null,
      source: figure?.source ?? null,
      is_demo: figure?.is_demo ?? null,
    };
  });
}

type App = { request: (url: string) => Response | Promise<Response> };

/** GETs a map from the API and its areas, and joins them; the roll-up's figures as objects. */
export async function readMapApi(app: App, url: string) {
  const res = await app.request(url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  const body = (await res.json()) as MapApiBody;
  const areasRes = await app.request(body.areas_url);
  if (areasRes.status !== 200) throw new Error(`GET ${body.areas_url} answered ${areasRes.status}`);
  const areas = (await areasRes.json()) as LevelAreasBody;
  const rollup = body.rollup ? mapApiFigures(body.rollup.figures) : [];
  return { body, areas, rows: mapApiRows(body, areas), rollup };
}
