/**
 * Shapes of the import and export of the whole directory as HSDS 3.0 (ADR 0020): the rows read
 * from an upload with where they came from, the problems reported per row, and the outcome.
 */
import type { HsdsTable, StoredTable } from './hsds-tables.js';

/** Where a region's site offers the directory as open data (public, no account). */
export const EXPORT_PATHS = {
  csv: '/hulpwijzer/open-data/hsds-tabel.zip',
  json: '/hulpwijzer/open-data/hsds.json',
} as const;

/** Uploads larger than this are refused before reading (the same 10 MB as every import). */
export { MAX_UPLOAD_BYTES } from '../../lib/tabular.js';
/** More rows than a region's directory will hold; a bigger upload is refused, not half read. */
export const MAX_ROWS = 100_000;
/** What a zip may unpack to in total: CSV packs about tenfold, so ten times the upload limit. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** More files than the spec has tables means it is not an HSDS package. */
export const MAX_FILES = 40;
/** Longer text than any listing needs; stops a cell from carrying a whole file. */
export const MAX_TEXT = 20_000;

/**
 * Where a row was read: the file and, for CSV, the row as a spreadsheet shows it (1 is the
 * header, 0 the file as a whole); for JSON the path of the object, e.g. `contents[2].phones[0]`.
 */
export type Place = { file: string; row: number; path?: string };

/** One problem in an upload, in plain Dutch, with the column or field it is about. */
export type Problem = Place & { column: string; value: string; message: string };

/** A row as read: text per column given (a JSON number becomes its text); empty is absent. */
export type RawRow = { place: Place; values: Record<string, string> };

/** A row after checking: canonical text per column (null: empty), ready to compare and write. */
export type Row = Record<string, string | null>;
export type CheckedRow = { place: Place; row: Row };

/**
 * Which rows of an owner the upload gives in full, so the ones it leaves out are removed:
 * CSV: every owner in the upload, for the tables whose file is there; JSON: per array given.
 */
export type Completeness =
  | { kind: 'tables'; tables: ReadonlySet<HsdsTable> }
  | { kind: 'owners'; keys: ReadonlySet<string> };

export const ownerKey = (table: HsdsTable, ownerId: string) => `${table}|${ownerId}`;

export type Upload = {
  format: 'json' | 'csv';
  rows: Record<HsdsTable, RawRow[]>;
  complete: Completeness;
  /** Problems found while reading (unknown JSON fields …), reported with the value problems. */
  problems: Problem[];
  /** Things read but not kept (tables and columns Marke does not store), told after success. */
  notices: string[];
};

export type TableCounts = { added: number; changed: number; unchanged: number; removed: number };

/** An added or changed service that residents will not see after all, at its row, and why. */
export type HiddenService = Place & { id: string; name: string; message: string };

export type ImportOutcome = {
  counts: Record<StoredTable, TableCounts>;
  notices: string[];
  /** Approved by the import but not visible (check date too old, not active): said per row. */
  hidden: HiddenService[];
};

/** Why an import was refused: 400 for problems in the file, 413 when it is too large. */
export type ImportRefusal = { status: 400 | 413; message: string; problems: Problem[] };
