/**
 * How a checked measurement file waits in `import_batch.payload` between preview and apply:
 * column by column, a column with one value for every row stored once. A national file of
 * 145 000 rows was 30 MB of JSON as row objects (each row repeating fifteen field names and the
 * same source text) and is about 5 MB this way: less to write on upload and to read on apply.
 * Payloads staged as row objects (before this format) are still read.
 */
import type { MeasurementRow } from './indicators.types.js';

/** The checked rows of a file and what the preview shows about them. */
export type ValidatedImport = {
  rows: MeasurementRow[];
  /** `lines[i]` is the spreadsheet row number of `rows[i]`, for the preview. */
  lines: number[];
  /** Wide files: area codes of other regions, skipped (listed in the preview). */
  skippedAreas?: string[];
  /** Wide files: the column mapping, saved with the source when the preview is applied. */
  mapping?: { sourceId: number; mapping: unknown };
};

const FIELDS = [
  'indicator',
  'areaCode',
  'period',
  'value',
  'missingReason',
  'numerator',
  'denominator',
  'sampleSize',
  'ciLow',
  'ciHigh',
  'source',
  'note',
  'isProjection',
  'isDemo',
  'dataSourceId',
] as const satisfies ReadonlyArray<keyof MeasurementRow>;

type Field = (typeof FIELDS)[number];
type Value = MeasurementRow[Field] | null;
/** One column: every row's value, or the one value all rows share. */
type Column = { all: Value } | { each: Value[] };

type Packed = {
  format: 'columns-v1';
  count: number;
  columns: Record<Field, Column>;
  /** Absent when the rows are lines 2, 3, 4 … of the file (a CSV without skipped lines). */
  lines?: number[];
  skippedAreas?: string[];
  mapping?: ValidatedImport['mapping'];
};

function packColumn(rows: readonly MeasurementRow[], field: Field): Column {
  const first = rows[0]?.[field] ?? null;
  if (rows.every((row) => (row[field] ?? null) === first)) return { all: first };
  return { each: rows.map((row) => row[field] ?? null) };
}

/** The payload to stage for a checked file. */
export function packImport(validated: ValidatedImport): Packed {
  const { rows, lines, skippedAreas, mapping } = validated;
  const sequential = lines.length === rows.length && lines.every((line, i) => line === i + 2);
  const columns = Object.fromEntries(FIELDS.map((f) => [f, packColumn(rows, f)]));
  return {
    format: 'columns-v1',
    count: rows.length,
    columns: columns as Record<Field, Column>,
    ...(sequential ? {} : { lines }),
    ...(skippedAreas ? { skippedAreas } : {}),
    ...(mapping ? { mapping } : {}),
  };
}

const isPacked = (payload: unknown): payload is Packed =>
  typeof payload === 'object' &&
  payload !== null &&
  (payload as { format?: unknown }).format === 'columns-v1';

/** The checked file back from its staged payload (either format). */
export function unpackImport(payload: unknown): ValidatedImport {
  if (!isPacked(payload)) return payload as ValidatedImport;
  const { count, columns } = payload;
  const cellOf = (field: Field, i: number): Value => {
    const column = columns[field];
    return 'all' in column ? column.all : (column.each[i] ?? null);
  };
  const rows: MeasurementRow[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, Value> = {};
    for (const field of FIELDS) row[field] = cellOf(field, i);
    rows.push(row as MeasurementRow);
  }
  return {
    rows,
    lines: payload.lines ?? rows.map((_, i) => i + 2),
    skippedAreas: payload.skippedAreas,
    mapping: payload.mapping,
  };
}
