/** Helpers for the directory import/export tests: zips, CSV tables and row counts. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SessionUser } from '../auth/index.js';
import { stableId } from './directory-ids.js';
import { STORED_TABLES } from './hsds-tables.js';
import { publicDirectory } from './transfer.service.js';
import { tabularZip } from './transfer-export.js';
import type { UploadFile } from './transfer-read.js';

type Db = Kysely<Database>;

/** Every column of an `hsds_schedule` row empty: spread it, then give the id and what matters. */
export const EMPTY_SCHEDULE = {
  service_id: null,
  location_id: null,
  service_at_location_id: null,
  valid_from: null,
  valid_to: null,
  dtstart: null,
  timezone: null,
  until: null,
  count: null,
  wkst: null,
  freq: null,
  interval: null,
  byday: null,
  byweekno: null,
  bymonthday: null,
  byyearday: null,
  description: null,
  opens_at: null,
  closes_at: null,
  schedule_link: null,
  attending_type: null,
  notes: null,
} as const;

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

/**
 * The exported files with one service more: a copy of `source` under `newId`, with copies of its
 * attributes and areas (new ids), and `change` applied to its row of services.csv.
 */
export function withNewService(
  files: Map<string, string>,
  source: string,
  newId: string,
  change: (row: Record<string, string>) => void = () => {},
): Map<string, string> {
  const out = new Map(files);
  const edit = (file: string, add: (rows: Array<Record<string, string>>) => void) => {
    const rows = records(files.get(file) ?? '');
    add(rows);
    out.set(file, toCsv(header(files.get(file) ?? ''), rows));
  };
  const copyId = (id: string | undefined) => stableId('test-copy', newId, id ?? '');
  const areas = new Map<string, string>();
  edit('services.csv', (rows) => {
    const row = rows.find((r) => r.id === source);
    if (!row) throw new Error(`no service ${source}`);
    const copy = { ...row, id: newId };
    change(copy);
    rows.push(copy);
  });
  edit('service_areas.csv', (rows) => {
    for (const row of rows.filter((r) => r.service_id === source)) {
      areas.set(row.id ?? '', copyId(row.id));
      rows.push({ ...row, id: copyId(row.id), service_id: newId });
    }
  });
  edit('attributes.csv', (rows) => {
    for (const row of rows.filter((r) => r.link_id === source || areas.has(r.link_id ?? '')))
      rows.push({
        ...row,
        id: copyId(row.id),
        link_id: row.link_id === source ? newId : (areas.get(row.link_id ?? '') ?? ''),
      });
  });
  return out;
}

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

/**
 * Gives one seeded service a place, an address, phones, a contact, opening times, a language and
 * a cost, so exports and round trips cover every table (the seeds invent none of these; the
 * values are made up for the test only).
 */
export async function addRichListing(db: Db, serviceId: string): Promise<void> {
  const service = await db
    .selectFrom('hsds_service')
    .select(['region_id', 'organization_id'])
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow();
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  await db
    .insertInto('hsds_location')
    .values({
      id: id(1),
      region_id: service.region_id,
      organization_id: service.organization_id,
      location_type: 'physical',
      name: 'Testlocatie',
      latitude: 52.98,
      longitude: 6.56,
      area_code: 'GM1680',
      url: null,
      alternate_name: null,
      description: null,
      transportation: 'Bus 21',
      external_identifier: null,
      external_identifier_type: null,
    })
    .execute();
  await db
    .insertInto('hsds_address')
    .values({
      id: id(2),
      location_id: id(1),
      attention: null,
      address_1: 'Teststraat 1',
      address_2: null,
      city: 'Testdorp',
      region: 'Drenthe',
      state_province: 'Drenthe',
      postal_code: '9400 AA',
      country: 'NL',
      address_type: 'physical',
    })
    .execute();
  await db
    .insertInto('hsds_accessibility')
    .values({
      id: id(3),
      location_id: id(1),
      description: 'Rolstoeltoegankelijk',
      details: null,
      url: null,
    })
    .execute();
  await db
    .insertInto('hsds_service_at_location')
    .values({ id: id(4), service_id: serviceId, location_id: id(1), description: 'Op dinsdag' })
    .execute();
  await db
    .insertInto('hsds_phone')
    .values({
      id: id(5),
      service_id: serviceId,
      number: '0592 000 000',
      extension: 12,
      type: 'voice',
      description: 'Test',
      location_id: null,
      organization_id: null,
      contact_id: null,
      service_at_location_id: null,
    })
    .execute();
  await db
    .insertInto('hsds_contact')
    .values({
      id: id(6),
      service_id: serviceId,
      name: 'Balie',
      title: null,
      department: 'Ontvangst',
      email: 'balie@example.org',
      organization_id: null,
      service_at_location_id: null,
      location_id: null,
    })
    .execute();
  await db
    .insertInto('hsds_phone')
    .values({
      id: id(7),
      contact_id: id(6),
      number: '0592 000 001',
      extension: null,
      type: null,
      description: null,
      location_id: null,
      service_id: null,
      organization_id: null,
      service_at_location_id: null,
    })
    .execute();
  await db
    .insertInto('hsds_schedule')
    .values({
      ...EMPTY_SCHEDULE,
      id: id(8),
      service_id: serviceId,
      freq: 'WEEKLY',
      byday: 'TU',
      opens_at: '09:30',
      closes_at: '12:00',
      valid_from: '2026-01-01',
      timezone: '1',
      description: 'Dinsdagochtend',
    })
    .execute();
  await db
    .insertInto('hsds_language')
    .values({
      id: id(9),
      service_id: serviceId,
      name: 'Drents',
      code: 'drt',
      note: null,
      location_id: null,
      phone_id: null,
    })
    .execute();
  await db
    .insertInto('hsds_cost_option')
    .values({
      id: id(10),
      service_id: serviceId,
      option: 'Lidmaatschap',
      currency: 'EUR',
      amount: '12.50',
      amount_description: 'per jaar',
      valid_from: null,
      valid_to: '2026-12-31',
    })
    .execute();
}
