/**
 * The tables' unique keys in the directory as an import leaves it (ADR 0020, migration 0021): a
 * service has an area once and is offered at a location once. A second one is reported where the
 * upload brought it in or changed it — an area at its CBS code (the attribute's `value`, where a
 * person types it), a place at its `location_id` — naming where the first one is. Pure.
 */
import type { Place, Problem, Row } from './transfer.types.js';
import type { Listings } from './transfer-diff.js';
import { AREA_TERM, type Snapshot } from './transfer-snapshot.js';

/** Where a row was read, or nowhere (a row of the region the upload does not hold). */
export const placeOf = (places: Map<string, Place>, id: string): Place =>
  places.get(id) ?? { file: '', row: 0 };

/** A place as a person finds it again: the JSON path, or file and spreadsheet row. */
export const describe = (place: Place) =>
  place.path ??
  (place.file ? `${place.file} rij ${place.row}` : 'in de Hulpwijzer, niet in dit bestand');

const KEYS = [
  { table: 'service_area', column: 'area_code' },
  { table: 'service_at_location', column: 'location_id' },
] as const;
type KeyedTable = (typeof KEYS)[number]['table'];

export type UniqueContext = {
  final: Snapshot;
  current: Snapshot;
  /** Listings the upload reaches: only their rows can have become duplicates. */
  touched: Listings;
  places: Map<string, Place>;
  byLink: Map<string, Row[]>;
};

/** Problems for each service+area and service+location that occurs twice. */
export function checkUniqueKeys(ctx: UniqueContext): Problem[] {
  const problems: Problem[] = [];
  for (const { table, column } of KEYS) {
    const seen = new Map<string, string>();
    for (const [id, row] of ctx.final[table]) {
      if (!ctx.touched.service.has(row.service_id ?? '')) continue;
      const key = `${row.service_id}|${row[column]}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, id);
        continue;
      }
      // At the one the upload brought to this key; the other one was there already.
      const moved = (rowId: string) => keyOf(ctx.current, table, column, rowId) !== key;
      const [at, other] = moved(id) || !moved(first) ? [id, first] : [first, id];
      const value = row[column] ?? '';
      const where = describe(source(ctx, table, other).place);
      const here = source(ctx, table, at);
      problems.push({
        ...here.place,
        column: here.column,
        value,
        message:
          table === 'service_area'
            ? `Deze dienst heeft gebied ${value} al (${where}).`
            : `Deze dienst staat al op deze locatie (${where}).`,
      });
    }
  }
  return problems;
}

function keyOf(state: Snapshot, table: KeyedTable, column: string, id: string) {
  const row = state[table].get(id);
  return row ? `${row.service_id}|${row[column]}` : undefined;
}

/**
 * The cell that gives a row its key in the upload: an area's code is its `cbs-gebiedscode`
 * attribute (when the upload has it), else the row's own service or location column.
 */
function source(
  ctx: UniqueContext,
  table: KeyedTable,
  id: string,
): { place: Place; column: string } {
  if (table === 'service_area') {
    const code = (ctx.byLink.get(id) ?? []).find((a) => a.taxonomy_term_id === AREA_TERM);
    if (code?.id && ctx.places.has(code.id))
      return { place: placeOf(ctx.places, code.id), column: 'value' };
  }
  return {
    place: placeOf(ctx.places, id),
    column: table === 'service_area' ? 'service_id' : 'location_id',
  };
}
