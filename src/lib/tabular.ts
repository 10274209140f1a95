/**
 * Reads an uploaded table (CSV or XLSX) into header + rows of strings, and writes rows back as
 * XLSX. Every import shares this (werkagenda, measurements, panel, areas, the Hulpwijzer), so all
 * accept the same files and share the same protections: size, row count before parsing, and no
 * cell past the header dropped unseen. Parsing is left to csv-parse and exceljs (ADR 0007); this
 * file only normalises their output.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { err, ok, type Result } from './result.js';
import { unpacksWithin } from './zip-capped.js';

/** exceljs is large; it is loaded on the first XLSX, not at every start of the server. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** Uploads larger than this are refused before parsing (issue 3: "uploads over 10 MB"). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** More columns than any real table (CBS Kerncijfers has about 120); each becomes a form field. */
export const MAX_COLUMNS = 1000;
/**
 * Rows read unless a caller asks for fewer: above the largest real file (a measurements file of
 * 145 000 rows), far below the 5 million one-character lines 10 MB can hold, whose parsing would
 * fill the memory before any check saw them.
 */
export const DEFAULT_MAX_ROWS = 500_000;

export type ReadOptions = {
  /** Rows under the header at most; a CSV's lines are counted before it is parsed. */
  maxRows?: number;
};

/**
 * `rowNumbers[i]` is the row of `rows[i]` as a spreadsheet program shows it (header row included,
 * blank rows counted), so an import can name the row a person must fix.
 */
export type Table = {
  columns: string[];
  rows: Array<Record<string, string>>;
  rowNumbers?: number[];
};
export type TableFormat = 'csv' | 'xlsx';

/** A row with cells past the header's last column: its spreadsheet row, cell count, their text. */
export type ExtraCells = { row: number; count: number; text: string };

/** Why a table could not be read, for an importer that reports more than one sentence. */
export type TableProblem =
  | { kind: 'unreadable'; message: string }
  | { kind: 'too-many-rows'; message: string; rows: number }
  | { kind: 'extra-cells'; message: string; cells: ExtraCells[] };

/** XLSX files are zip archives: they start with "PK". */
export function detectFormat(filename: string, bytes: Uint8Array): TableFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  return filename.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
}

/** Parses the first sheet (XLSX) or the text (CSV; `,` or `;`, UTF-8 with or without BOM). */
export async function readTable(
  filename: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<Result<Table, string>> {
  const read = await readTableFile(filename, bytes, options);
  return read.ok ? read : err(read.error.message);
}

/** As readTable, with the kind of problem and its rows, for an import's row-level report. */
export async function readTableFile(
  filename: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<Result<Table, TableProblem>> {
  const unreadable = (message: string) => err<TableProblem>({ kind: 'unreadable', message });
  if (bytes.byteLength === 0) return unreadable('Het bestand is leeg.');
  if (bytes.byteLength > MAX_UPLOAD_BYTES)
    return unreadable('Het bestand is groter dan 10 MB. Splits het bestand of laat kolommen weg.');
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  try {
    return detectFormat(filename, bytes) === 'xlsx'
      ? await readXlsx(bytes, maxRows)
      : readCsv(bytes, maxRows);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return unreadable(`Dit bestand kunnen we niet lezen als CSV of XLSX (${reason}).`);
  }
}

function tooManyRows(rows: number, maxRows: number): Result<Table, TableProblem> {
  return err({
    kind: 'too-many-rows',
    rows,
    message: `Het bestand heeft ${rows} rijen; Marke leest er hoogstens ${maxRows} rijen tegelijk. Splits het bestand en lees de delen na elkaar in.`,
  });
}

/**
 * Line ends in the bytes (LF, CRLF or a lone CR), counted without decoding or parsing: at least
 * the rows the file holds (a line break inside a quoted cell counts too, so it may say more).
 */
function lineCount(bytes: Uint8Array): number {
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) lines++;
  }
  return lines;
}

function readCsv(bytes: Uint8Array, maxRows: number): Result<Table, TableProblem> {
  // Counted before parsing: millions of tiny rows would fill the memory first. The header's own
  // line end, and a last row without one, are allowed for.
  const lines = lineCount(bytes);
  if (lines > maxRows + 1) return tooManyRows(lines - 1, maxRows);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return err({
      kind: 'unreadable',
      message: 'Dit CSV-bestand is niet in UTF-8 opgeslagen. Kies in Excel "CSV UTF-8".',
    });
  }
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const semicolon = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0);
  const records: string[][] = parse(text, {
    delimiter: semicolon ? ';' : ',',
    // A blank line is one empty cell and a short row lacks its last cells: both read as empty.
    // A row with more cells than the header is refused in toTable, not cut off here.
    relax_column_count: true,
    // Blank lines stay as records, so a record's index + 1 is its spreadsheet row number.
    skip_empty_lines: false,
    trim: true,
  });
  return toTable(
    records.map((values, index) => ({ number: index + 1, values })),
    maxRows,
    semicolon ? 'puntkomma' : 'komma',
  );
}

/**
 * An XLSX is a zip of XML: 10 MB can unpack to gigabytes, which exceljs would hold in memory
 * whole before its row count can be asked. The parts are unpacked (and dropped) once with this
 * budget first; 100 MB of sheet XML is far more than the row limit's worth of real data.
 */
export const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<Result<Table, TableProblem>> {
  if (!(await unpacksWithin(await JSZip.loadAsync(bytes), MAX_XLSX_UNPACKED_BYTES)))
    return err({
      kind: 'unreadable',
      message: `Dit XLSX-bestand pakt uit tot meer dan ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB; zo veel leest Marke niet in één keer. Splits het bestand of sla het op als CSV.`,
    });
  const workbook = new (await loadExcel()).Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return err({ kind: 'unreadable', message: 'Het XLSX-bestand heeft geen werkblad.' });
  // exceljs has read the sheet by now; counted before a row of text is built from it.
  if (sheet.actualRowCount > maxRows + 1) return tooManyRows(sheet.actualRowCount - 1, maxRows);
  const records: NumberedRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) values.push(cellText(row.getCell(i).value));
    records.push({ number: row.number, values });
  });
  return toTable(records, maxRows);
}

/** A cell as the text a person sees: numbers plain, dates as yyyy-mm-dd, formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

type NumberedRecord = { number: number; values: string[] };

function toTable(
  records: NumberedRecord[],
  maxRows: number,
  separator?: 'komma' | 'puntkomma',
): Result<Table, TableProblem> {
  const unreadable = (message: string) => err<TableProblem>({ kind: 'unreadable', message });
  const [header, ...body] = records.filter((r) => r.values.some((v) => v.trim() !== ''));
  if (!header) return unreadable('Het bestand heeft geen kopregel.');
  if (body.length > maxRows) return tooManyRows(body.length, maxRows);
  const columns = header.values.map((h) => h.replaceAll('\0', '').trim().toLowerCase());
  // Empty names after the last named column are no columns: cells under them are "extra" (a
  // spreadsheet pads rows so; an XLSX row with a value further right than the header does).
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  if (columns.length > MAX_COLUMNS)
    return unreadable(
      `Het bestand heeft ${columns.length} kolommen; Marke leest er hoogstens ${MAX_COLUMNS}. Splits het bestand.`,
    );
  // A Set, not indexOf per column: that took seconds for a file of many thousand columns.
  const seen = new Set<string>();
  const duplicate = columns.find((c) => c !== '' && (seen.has(c) || !seen.add(c)));
  if (duplicate) return unreadable(`De kolom "${duplicate}" staat twee keer in de kopregel.`);
  const extra = extraCells(body, columns.length);
  if (extra.length > 0)
    return err({
      kind: 'extra-cells',
      cells: extra,
      message: extraCellsMessage(extra, columns.length, separator),
    });
  const rows = body.map((r) => toRow(columns, r.values));
  return ok({ columns, rows, rowNumbers: body.map((r) => r.number) });
}

/** Rows with text in cells past the header: that text would be lost without a word. */
function extraCells(body: NumberedRecord[], width: number): ExtraCells[] {
  const out: ExtraCells[] = [];
  for (const record of body) {
    if (record.values.length <= width) continue;
    const text = record.values
      .slice(width)
      .map((v) => v.replaceAll('\0', '').trim())
      .filter((v) => v !== '');
    if (text.length > 0)
      out.push({
        row: record.number,
        count: record.values.length,
        text: text.join(', ').slice(0, 200),
      });
  }
  return out;
}

function extraCellsMessage(
  extra: ExtraCells[],
  width: number,
  separator: 'komma' | 'puntkomma' | undefined,
): string {
  const [first, ...others] = extra;
  if (!first) return '';
  const shown = others.slice(0, 5).map((e) => e.row);
  const more = others.length - shown.length;
  const list =
    more > 0
      ? `${shown.join(', ')} en nog ${more} andere rijen`
      : shown.length > 1
        ? `${shown.slice(0, -1).join(', ')} en ${shown.at(-1)}`
        : `${shown[0]}`;
  const hint = separator
    ? ` Staat er een ${separator} in een waarde zonder aanhalingstekens eromheen?`
    : '';
  return (
    `Rij ${first.row} heeft meer cellen dan de kopregel (${first.count} in plaats van ${width}): "${first.text}". ` +
    `Geef die kolom een naam in de kopregel of haal de cellen weg.${hint}` +
    (shown.length > 0 ? ` Ook rij ${list}.` : '')
  );
}

/**
 * One record as column → text. Plain assignment, not Object.fromEntries: for 145 000 rows the
 * latter took a third of the reading time. A column named "__proto__" is defined, not assigned
 * (assignment would touch the prototype instead of adding the column).
 */
function toRow(columns: readonly string[], values: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] ?? '';
    const text = (values[i] ?? '').replaceAll('\0', '').trim();
    if (column === '__proto__')
      Object.defineProperty(row, column, { value: text, enumerable: true, writable: true });
    else row[column] = text;
  }
  return row;
}

/** One sheet with a header row; what an export offers next to CSV. */
export async function writeXlsx(
  sheetName: string,
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<Uint8Array> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...columns]);
  for (const row of rows) sheet.addRow(columns.map((c) => xlsxValue(row[c])));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Strings become string cells, which a spreadsheet never runs as a formula (unlike CSV). */
function xlsxValue(value: unknown): string | number {
  if (typeof value === 'number') return value;
  return value === null || value === undefined ? '' : String(value);
}
