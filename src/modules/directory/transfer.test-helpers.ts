/** Helpers for the directory import/export tests: zips, CSV tables and row counts. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SessionUser } from '../auth/index.js';
import { STORED_TABLES } from './hsds-tables.js';
import { publicDirectory } from './transfer.service.js';
import { tabularZip } from './transfer-export.js';
import type { UploadFile } from './transfer-read.js';

type Db = Kysely<Database>;

export async function drenthe(db: Db) {
  return db
    .selectFrom('region')
    .select(['id', 'code', 'name'])
    .where('code', '=', 'drenthe')
    .executeTakeFirstOrThrow();
}

/** A beheerder of Drenthe as the service sees one (no account needed below the routes). */
export async function beheerder(db: Db): Promise<SessionUser> {
  const region = await drenthe(db);
  return {
    id: 1,
    email: 'b@example.org',
    name: 'B',
    role: 'beheerder',
    regionId: region.id,
    organisationId: null,
  };
}

/** The public tabular export of Drenthe as file name → CSV text (BOM removed). */
export async function exportCsvs(db: Db): Promise<Map<string, string>> {
  const region = await drenthe(db);
  return unzipTexts(await tabularZip(await publicDirectory(db, region.id), region.name));
}

export async function unzipTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const entry of Object.values(zip.files))
    out.set(entry.name, (await entry.async('string')).replace(/^\uFEFF/, ''));
  return out;
}

export async function zipOf(files: Map<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of files) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const csvFiles = (files: Map<string, string>): UploadFile[] =>
  [...files]
    .filter(([name]) => name.endsWith('.csv'))
    .map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) }));

/** A CSV text as records (header as keys). */
export function records(csv: string): Array<Record<string, string>> {
  return parse(csv, { columns: true }) as Array<Record<string, string>>;
}

/** Records back to CSV with the given header. */
export function toCsv(columns: string[], rows: Array<Record<string, string>>): string {
  return stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]);
}

export const header = (csv: string) => (parse(csv, { to_line: 1 }) as string[][])[0] ?? [];

/** Number of rows in every HSDS table plus audit rows: a refused import must leave all equal. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [...STORED_TABLES, 'metadata'] as const) {
    const name = `hsds_${table}` as const;
    const row = await db
      .selectFrom(name)
      .select(db.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  const audit = await db
    .selectFrom('audit_log')
    .select(db.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  out.audit = Number(audit.n);
  const services = await db
    .selectFrom('hsds_service')
    .select(['id', 'name', 'last_modified'])
    .orderBy('id')
    .execute();
  out.checksum = services.reduce(
    (sum, s) => sum + s.name.length + (new Date(s.last_modified).getTime() % 1000),
    0,
  );
  return out;
}
