/**
 * Reads the map API's column sets back into one object per area, as a client would join them:
 * each area of `areas` with its figure from `figures` (by area code), the source resolved.
 */
import type { MapApiBody } from '../src/modules/datawerkplaats/index.js';

export type MapApiRow = {
  area_code: string;
  area_name: string;
  parent_code: string | null;
  rollup_code: string | null;
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

export function mapApiRows(body: MapApiBody): MapApiRow[] {
  const { areas, figures } = body;
  const lengths = [
    ...Object.values(areas).map((c) => c.length),
    ...Object.entries(figures)
      .filter(([name]) => name !== 'sources')
      .map(([, c]) => c.length),
  ];
  const expected = [
    ...Array(4).fill(areas.area_code.length),
    ...Array(10).fill(figures.area_code.length),
  ];
  if (lengths.join() !== expected.join()) throw new Error(`columns of unequal length: ${lengths}`);
  const at = new Map(figures.area_code.map((code, i) => [code, i]));
  // Every figure belongs to one of the areas: a figure outside them would escape every check
  // that reads the joined rows (the leak tests among them).
  const known = new Set(areas.area_code);
  const stray = figures.area_code.filter((code) => !known.has(code));
  if (stray.length > 0) throw new Error(`figures for areas not in areas: ${stray.join(', ')}`);
  if (at.size !== figures.area_code.length) throw new Error('an area has two figures');
  return areas.area_code.map((code, n) => {
    const i = at.get(code);
    const pick = <T>(column: T[]): T | null => (i === undefined ? null : (column[i] ?? null));
    const sourceIndex = pick(figures.source);
    return {
      area_code: code,
      area_name: areas.area_name[n] ?? '',
      parent_code: areas.parent_code[n] ?? null,
      rollup_code: areas.rollup_code[n] ?? null,
      has_figure: i !== undefined,
      value: pick(figures.value),
      missing_reason: pick(figures.missing_reason),
      numerator: pick(figures.numerator),
      denominator: pick(figures.denominator),
      sample_size: pick(figures.sample_size),
      ci_low: pick(figures.ci_low),
      ci_high: pick(figures.ci_high),
      source: sourceIndex === null ? null : (figures.sources[sourceIndex] ?? null),
      is_demo: pick(figures.is_demo),
    };
  });
}
