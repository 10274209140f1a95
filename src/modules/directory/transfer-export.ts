/**
 * The directory as an HSDS 3.0 Tabular Data Package (ADR 0020): one CSV per table with exactly
 * the columns the import reads (the spec's, in its order, empty where Marke keeps nothing), and
 * a `datapackage.json` describing them, packed in one zip.
 */
import { stringify } from 'csv-stringify/sync';
import JSZip from 'jszip';
import { csvCell } from '../plan/index.js';
import {
  type Column,
  type ColumnType,
  EXPORT_TABLES,
  type HsdsTable,
  TABLES,
} from './hsds-tables.js';
import type { Snapshot } from './transfer-snapshot.js';

/**
 * One table as CSV text (UTF-8 with BOM, so spreadsheet programs read the accents). A cell that a
 * spreadsheet would run as a formula gets Marke's guard (csvCell: a leading apostrophe, which the
 * import takes off again); numbers go as numbers, so -1 stays -1.
 */
export function tableCsv(snapshot: Snapshot, table: HsdsTable): string {
  const columns = TABLES[table].columns;
  const rows = [...snapshot[table].values()]
    .sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''))
    .map((row) => columns.map((c) => csvCell(cellValue(c, row[c.name] ?? null))));
  return `\uFEFF${stringify([columns.map((c) => c.name), ...rows])}`;
}

const cellValue = (column: Column, value: string | null) =>
  value !== null && (column.type === 'number' || column.type === 'integer') ? Number(value) : value;

const FIELD_TYPE: Record<ColumnType, { type: string; format?: string }> = {
  text: { type: 'string' },
  uuid: { type: 'string', format: 'uuid' },
  email: { type: 'string', format: 'email' },
  uri: { type: 'string', format: 'uri' },
  date: { type: 'date' },
  datetime: { type: 'datetime' },
  time: { type: 'time' },
  integer: { type: 'number' },
  number: { type: 'number' },
};

/** The package descriptor: the spec's resource names, paths and field types for these files. */
export function dataPackage(regionName: string) {
  return {
    name: 'human_services_data',
    title: `Hulpwijzer ${regionName}`,
    profile: 'tabular-data-package',
    version: '3.0.0',
    homepage: 'http://docs.openreferral.org',
    resources: EXPORT_TABLES.map((table) => ({
      name: table,
      path: TABLES[table].file,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: TABLES[table].columns.map((c) => ({
          name: c.name,
          ...FIELD_TYPE[c.type],
          constraints: { required: c.required, ...(c.values ? { enum: c.values } : {}) },
        })),
        primaryKey: 'id',
      },
    })),
  };
}

/** The zip with every table's CSV and the descriptor. */
export async function tabularZip(snapshot: Snapshot, regionName: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2020, 0, 1));
  zip.file('datapackage.json', `${JSON.stringify(dataPackage(regionName), null, 2)}\n`, { date });
  for (const table of EXPORT_TABLES)
    zip.file(TABLES[table].file, tableCsv(snapshot, table), { date });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
