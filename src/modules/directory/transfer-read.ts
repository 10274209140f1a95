/**
 * Reads an upload for the directory import (ADR 0020): one HSDS JSON file, or the tabular
 * package's CSV files, chosen one by one or packed in a zip. Everything is checked for size
 * before it is unpacked or parsed, so a huge or hostile file is refused with a Dutch message.
 */
import JSZip from 'jszip';
import { err, ok, type Result } from '../../lib/result.js';
import { type ExtraCells, readTableFile } from '../../lib/tabular.js';
import { readCapped } from '../../lib/zip-capped.js';
import { csvCellText } from '../plan/index.js';
import { type HsdsTable, TABLES, tableOfFile, UNSTORED_FILES } from './hsds-tables.js';
import {
  type ImportRefusal,
  MAX_FILES,
  MAX_ROWS,
  MAX_UNPACKED_BYTES,
  MAX_UPLOAD_BYTES,
  type Problem,
  type RawRow,
  type Upload,
} from './transfer.types.js';
import { readJsonUpload } from './transfer-read-json.js';

export type UploadFile = { name: string; bytes: Uint8Array };

const TOO_LARGE =
  'Het bestand is groter dan 10 MB. Splits het in delen (bijvoorbeeld per organisatie) en lees ze na elkaar in. Er is niets opgeslagen.';
/** The JSON export of a large Hulpwijzer passes 10 MB; the same data as zip is ten times smaller. */
const JSON_TOO_LARGE =
  'Het bestand is groter dan 10 MB. Een HSDS JSON-bestand is ongeveer tien keer zo groot als dezelfde gegevens in het tabelformaat: download de Hulpwijzer als zip (Tabelformaat) en lees die zip in, of splits het bestand in delen. Er is niets opgeslagen.';

const refuse = (message: string, problems: Problem[] = [], status: 400 | 413 = 400) =>
  err<ImportRefusal>({ status, message, problems });

const isZip = (f: UploadFile) =>
  (f.bytes[0] === 0x50 && f.bytes[1] === 0x4b) || f.name.toLowerCase().endsWith('.zip');
const isJson = (f: UploadFile) => f.name.toLowerCase().endsWith('.json');
const isCsv = (f: UploadFile) => f.name.toLowerCase().endsWith('.csv');

/** The upload as rows per HSDS table, or why it cannot be read. */
export async function readUpload(files: UploadFile[]): Promise<Result<Upload, ImportRefusal>> {
  if (files.length === 0)
    return refuse(
      'Kies een bestand: een HSDS JSON-bestand, een zip met CSV-bestanden of de CSV-bestanden zelf.',
    );
  const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (total > MAX_UPLOAD_BYTES)
    return refuse(files.some(isJson) ? JSON_TOO_LARGE : TOO_LARGE, [], 413);
  if (files.length > MAX_FILES) return refuse(`Kies hoogstens ${MAX_FILES} bestanden tegelijk.`);
  const zips = files.filter(isZip);
  if (zips.length > 0) {
    if (files.length > 1)
      return refuse('Kies één zip-bestand, of de CSV-bestanden zelf, maar niet allebei.');
    const unpacked = await unzip(zips[0] as UploadFile);
    if (!unpacked.ok) return unpacked;
    return readFiles(unpacked.value);
  }
  return readFiles(files);
}

async function readFiles(files: UploadFile[]): Promise<Result<Upload, ImportRefusal>> {
  const json = files.filter(isJson);
  if (json.length > 0) {
    const [first] = json;
    if (files.length > 1 || !first)
      return refuse(
        'Kies één HSDS JSON-bestand, of de CSV-bestanden van het tabelformaat, niet allebei.',
      );
    return readJsonUpload(first.name, first.bytes);
  }
  const wrong = files.filter((f) => !isCsv(f));
  if (wrong.length > 0)
    return refuse(
      `Dit soort bestand kan Marke niet inlezen: ${wrong.map((f) => f.name).join(', ')}. Kies een .json-, .zip- of .csv-bestand.`,
    );
  return readCsvFiles(files);
}

/** Unpacks a zip's CSV files, stopping as soon as they would unpack to too much (zip bomb). */
async function unzip(file: UploadFile): Promise<Result<UploadFile[], ImportRefusal>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file.bytes);
  } catch {
    return refuse(
      `${file.name} is geen geldig zip-bestand (beschadigd of van een ander soort). Maak de zip opnieuw of kies de CSV-bestanden zelf.`,
    );
  }
  const entries = Object.values(zip.files).filter(
    (e) => !e.dir && !e.name.startsWith('__MACOSX/') && !baseName(e.name).startsWith('.'),
  );
  if (entries.length > MAX_FILES)
    return refuse(
      `De zip bevat ${entries.length} bestanden; een HSDS-pakket heeft er hoogstens ${MAX_FILES}.`,
    );
  const out: UploadFile[] = [];
  let budget = MAX_UNPACKED_BYTES;
  for (const entry of entries) {
    const name = baseName(entry.name);
    if (name === 'datapackage.json') continue;
    const read = await readCapped(entry, budget);
    if (!read)
      return refuse(
        `De zip pakt uit tot meer dan ${MAX_UNPACKED_BYTES / 1024 / 1024} MB. Zo groot is geen Hulpwijzer; lees hem in delen in. Er is niets opgeslagen.`,
        [],
        413,
      );
    budget -= read.size;
    out.push({ name, bytes: read.bytes });
  }
  if (out.length === 0)
    return refuse('De zip bevat geen CSV-bestanden van HSDS (organizations.csv, services.csv …).');
  return ok(out);
}

function tooManyRows(count: number) {
  return refuse(
    `Het bestand heeft ${count} rijen; Marke leest er hoogstens ${MAX_ROWS} tegelijk. Lees het in delen in.`,
    [],
    413,
  );
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

async function readCsvFiles(files: UploadFile[]): Promise<Result<Upload, ImportRefusal>> {
  const rows = emptyRows();
  const problems: Problem[] = [];
  const notices: string[] = [];
  const present = new Set<HsdsTable>();
  let count = 0;
  const names = new Set<string>();
  for (const file of files) {
    const name = file.name.toLowerCase();
    const table = tableOfFile(name);
    if (names.has(name)) {
      problems.push(fileProblem(file.name, 'Dit bestand is twee keer gekozen.'));
      continue;
    }
    names.add(name);
    // A spreadsheet is a zip: inside a zip it would unpack past the size limit. Only CSV here.
    if (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b) {
      problems.push(fileProblem(file.name, 'Dit is geen CSV-bestand. Sla het op als "CSV UTF-8".'));
      continue;
    }
    // What the files before left of the limit; readTableFile counts the rows before parsing.
    const read = await readTableFile(file.name, file.bytes, { maxRows: MAX_ROWS - count });
    if (!read.ok) {
      const problem = read.error;
      if (problem.kind === 'too-many-rows') return tooManyRows(count + problem.rows);
      if (problem.kind === 'extra-cells')
        problems.push(...problem.cells.map((cells) => extraCellsProblem(file.name, cells)));
      else problems.push(fileProblem(file.name, problem.message));
      continue;
    }
    if (!table) {
      const kind = UNSTORED_FILES[name];
      if (kind) {
        if (read.value.rows.length > 0)
          notices.push(
            `${file.name}: ${read.value.rows.length} rijen niet ingelezen; Marke bewaart geen ${kind}.`,
          );
        continue;
      }
      problems.push(
        fileProblem(
          file.name,
          'Dit is geen bestand van het HSDS-tabelformaat. Gebruik de namen uit de export, zoals organizations.csv en services.csv.',
        ),
      );
      continue;
    }
    present.add(table);
    problems.push(...checkHeader(file.name, table, read.value.columns));
    const numbers = read.value.rowNumbers ?? [];
    read.value.rows.forEach((values, i) => {
      rows[table].push({
        place: { file: file.name, row: numbers[i] ?? i + 2 },
        values: nonEmpty(values),
      });
    });
    count += read.value.rows.length;
  }
  if (count > MAX_ROWS) return tooManyRows(count);
  if (problems.length > 0) return refuse('Het bestand kan zo niet worden ingelezen.', problems);
  if (present.size === 0)
    return refuse('Er staat geen tabel van de Hulpwijzer in (organizations.csv, services.csv …).');
  return ok({
    format: 'csv',
    rows,
    complete: { kind: 'tables', tables: present },
    problems: [],
    notices,
  });
}

/** The header must have exactly the export's columns (any order), so nothing is lost unseen. */
function checkHeader(file: string, table: HsdsTable, columns: string[]): Problem[] {
  const known = TABLES[table].columns.map((c) => c.name);
  const problems: Problem[] = [];
  for (const column of columns.filter((c) => !known.includes(c)))
    problems.push({
      file,
      row: 1,
      column: column || '(leeg)',
      value: column,
      message: `Onbekende kolom. ${TABLES[table].file} heeft deze kolommen: ${known.join(', ')}.`,
    });
  const missing = known.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    problems.push({
      file,
      row: 1,
      column: missing.join(', '),
      value: '',
      message:
        'Deze kolommen ontbreken. Laat een kolom die u niet gebruikt leeg, maar laat hem staan: dan is duidelijk dat hij leeg moet zijn.',
    });
  return problems;
}

function extraCellsProblem(file: string, extra: ExtraCells): Problem {
  return {
    file,
    row: extra.row,
    column: '(na de laatste kolom)',
    value: extra.text,
    message: `Deze rij heeft meer cellen (${extra.count}) dan de kopregel kolommen: wat erna staat, hoort bij geen kolom en zou verloren gaan. Haal het weg, of zet aanhalingstekens om een waarde met een komma erin.`,
  };
}

function fileProblem(file: string, message: string): Problem {
  return { file, row: 0, column: '', value: '', message };
}

/** A CSV row's filled cells, the export's formula guard taken off (csvCell, ADR 0020). */
function nonEmpty(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== '') out[k] = csvCellText(v);
  return out;
}

/** An empty list of rows for every table. */
export function emptyRows(): Record<HsdsTable, RawRow[]> {
  const rows = {} as Record<HsdsTable, RawRow[]>;
  for (const table of Object.keys(TABLES) as HsdsTable[]) rows[table] = [];
  return rows;
}
