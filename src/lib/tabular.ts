/**
 * Reads an uploaded table (CSV or XLSX) into header + rows of strings, and writes rows back as
 * XLSX. Imports of the werkagenda and of measurements share this, so both accept the same files.
 * Parsing is left to csv-parse and exceljs (ADR 0007); this file only normalises their output.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { err, ok, type Result } from './result.js';

/** exceljs is large; it is loaded on the first XLSX, not at every start of the server. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** Uploads larger than this are refused before parsing (issue 3: "uploads over 10 MB"). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** More columns than any real table (CBS Kerncijfers has about 120); each becomes a form field. */
export const MAX_COLUMNS = 1000;

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

/** XLSX files are zip archives: they start with "PK". */
export function detectFormat(filename: string, bytes: Uint8Array): TableFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  return filename.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
}

/** Parses the first sheet (XLSX) or the text (CSV; `,` or `;`, UTF-8 with or without BOM). */
export async function readTable(
  filename: string,
  bytes: Uint8Array,
): Promise<Result<Table, string>> {
  if (bytes.byteLength === 0) return err('Het bestand is leeg.');
  if (bytes.byteLength > MAX_UPLOAD_BYTES)
    return err('Het bestand is groter dan 10 MB. Splits het bestand of laat kolommen weg.');
  try {
    return detectFormat(filename, bytes) === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return err(`Dit bestand kunnen we niet lezen als CSV of XLSX (${reason}).`);
  }
}

function readCsv(bytes: Uint8Array): Result<Table, string> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return err('Dit CSV-bestand is niet in UTF-8 opgeslagen. Kies in Excel "CSV UTF-8".');
  }
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0);
  const records: string[][] = parse(text, {
    delimiter: delimiter ? ';' : ',',
    relax_column_count: true,
    // Blank lines stay as records, so a record's index + 1 is its spreadsheet row number.
    skip_empty_lines: false,
    trim: true,
  });
  return toTable(records.map((values, index) => ({ number: index + 1, values })));
}

async function readXlsx(bytes: Uint8Array): Promise<Result<Table, string>> {
  const workbook = new (await loadExcel()).Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return err('Het XLSX-bestand heeft geen werkblad.');
  const records: NumberedRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) values.push(cellText(row.getCell(i).value));
    records.push({ number: row.number, values });
  });
  return toTable(records);
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

function toTable(records: NumberedRecord[]): Result<Table, string> {
  const [header, ...body] = records.filter((r) => r.values.some((v) => v.trim() !== ''));
  if (!header) return err('Het bestand heeft geen kopregel.');
  const columns = header.values.map((h) => h.replaceAll('\0', '').trim().toLowerCase());
  if (columns.length > MAX_COLUMNS)
    return err(
      `Het bestand heeft ${columns.length} kolommen; Marke leest er hoogstens ${MAX_COLUMNS}. Splits het bestand.`,
    );
  // A Set, not indexOf per column: that took seconds for a file of many thousand columns.
  const seen = new Set<string>();
  const duplicate = columns.find((c) => c !== '' && (seen.has(c) || !seen.add(c)));
  if (duplicate) return err(`De kolom "${duplicate}" staat twee keer in de kopregel.`);
  const rows = body.map((r) => toRow(columns, r.values));
  return ok({ columns, rows, rowNumbers: body.map((r) => r.number) });
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
