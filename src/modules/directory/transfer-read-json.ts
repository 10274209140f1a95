/**
 * Reads HSDS 3.0 JSON for the directory import (ADR 0020): a `Page` of services as the export
 * and the API's `/services` give it (`contents`), a bare list of services, or one service. The
 * nested objects are laid out into the same rows per table as the tabular format, each with the
 * path it was found at, so one checker serves both formats.
 */
import { err, ok, type Result } from '../../lib/result.js';
import { type HsdsTable, TABLES } from './hsds-tables.js';
import {
  type ImportRefusal,
  MAX_ROWS,
  ownerKey,
  type Problem,
  type RawRow,
  type Upload,
} from './transfer.types.js';
import { emptyRows } from './transfer-read.js';

/**
 * What an object may hold besides its columns: a list of owned rows (the child gets the parent's
 * id in `fk`), or one referenced object (the parent gets its id in `ref`). HSDS objects Marke
 * does not store are read past and reported (`skip`).
 */
type Nested =
  | { table: HsdsTable; fk: string }
  | { table: HsdsTable; ref: string }
  | { skip: string };

const attributes: Nested = { table: 'attribute', fk: 'link_id' };
const metadata: Nested = { skip: 'wijzigingsgeschiedenis (metadata)' };
const NESTED: Record<HsdsTable, Record<string, Nested>> = {
  organization: {
    contacts: { table: 'contact', fk: 'organization_id' },
    phones: { table: 'phone', fk: 'organization_id' },
    locations: { table: 'location', fk: 'organization_id' },
    funding: { skip: 'financiering' },
    programs: { skip: "programma's" },
    organization_identifiers: { skip: 'registratienummers' },
    attributes,
    metadata,
  },
  service: {
    phones: { table: 'phone', fk: 'service_id' },
    schedules: { table: 'schedule', fk: 'service_id' },
    service_areas: { table: 'service_area', fk: 'service_id' },
    service_at_locations: { table: 'service_at_location', fk: 'service_id' },
    languages: { table: 'language', fk: 'service_id' },
    organization: { table: 'organization', ref: 'organization_id' },
    funding: { skip: 'financiering' },
    cost_options: { table: 'cost_option', fk: 'service_id' },
    program: { skip: "programma's" },
    required_documents: { skip: 'benodigde documenten' },
    contacts: { table: 'contact', fk: 'service_id' },
    attributes,
    metadata,
  },
  location: {
    languages: { table: 'language', fk: 'location_id' },
    addresses: { table: 'address', fk: 'location_id' },
    contacts: { table: 'contact', fk: 'location_id' },
    accessibility: { table: 'accessibility', fk: 'location_id' },
    phones: { table: 'phone', fk: 'location_id' },
    schedules: { table: 'schedule', fk: 'location_id' },
    attributes,
    metadata,
  },
  service_at_location: {
    contacts: { table: 'contact', fk: 'service_at_location_id' },
    phones: { table: 'phone', fk: 'service_at_location_id' },
    schedules: { table: 'schedule', fk: 'service_at_location_id' },
    location: { table: 'location', ref: 'location_id' },
    attributes,
    metadata,
  },
  contact: { phones: { table: 'phone', fk: 'contact_id' }, attributes, metadata },
  phone: { languages: { table: 'language', fk: 'phone_id' }, attributes, metadata },
  address: { attributes, metadata },
  schedule: { attributes, metadata },
  service_area: { attributes, metadata },
  language: { attributes, metadata },
  accessibility: { attributes, metadata },
  cost_option: { attributes, metadata },
  attribute: { taxonomy_term: { table: 'taxonomy_term', ref: 'taxonomy_term_id' }, metadata },
  taxonomy: { metadata },
  taxonomy_term: { taxonomy_detail: { table: 'taxonomy', ref: 'taxonomy_id' }, metadata },
};

/** Fields of the API's `Page` around the services (`contents`). */
const PAGE_FIELDS = [
  'total_items',
  'total_pages',
  'page_number',
  'size',
  'first_page',
  'last_page',
  'empty',
];

type Walk = {
  file: string;
  rows: Record<HsdsTable, RawRow[]>;
  owners: Set<string>;
  problems: Problem[];
  skipped: Map<string, number>;
  count: number;
};

const refuse = (message: string, problems: Problem[] = [], status: 400 | 413 = 400) =>
  err<ImportRefusal>({ status, message, problems });

export function readJsonUpload(file: string, bytes: Uint8Array): Result<Upload, ImportRefusal> {
  if (bytes.byteLength === 0) return refuse('Het bestand is leeg.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return refuse(
      'Dit JSON-bestand is niet in UTF-8 opgeslagen. Sla het op als UTF-8 en probeer het opnieuw.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(
      `Dit is geen geldige JSON (${reason}). Controleer haakjes, komma's en aanhalingstekens.`,
    );
  }
  const services = servicesOf(data);
  if (!services)
    return refuse(
      'Dit is geen HSDS-bestand van diensten. Verwacht: een object met "contents" (een lijst diensten), een lijst diensten, of één dienst met "id" en "name".',
    );
  const walk: Walk = {
    file,
    rows: emptyRows(),
    owners: new Set(),
    problems: [],
    skipped: new Map(),
    count: 0,
  };
  services.list.forEach((service, i) => {
    visit(walk, 'service', service, `${services.path}[${i}]`, undefined);
  });
  if (walk.count > MAX_ROWS)
    return refuse(
      `Het bestand heeft ${walk.count} onderdelen; Marke leest er hoogstens ${MAX_ROWS} tegelijk. Lees het in delen in.`,
      [],
      413,
    );
  if (services.list.length === 0) return refuse('Het bestand bevat geen diensten.');
  const notices = [...walk.skipped].map(
    ([what, n]) => `${file}: ${n} × ${what} niet ingelezen; Marke bewaart die niet.`,
  );
  return ok({
    format: 'json',
    rows: walk.rows,
    complete: { kind: 'owners', keys: walk.owners },
    problems: walk.problems,
    notices,
  });
}

function servicesOf(data: unknown): { list: unknown[]; path: string } | undefined {
  if (Array.isArray(data)) return { list: data, path: '' };
  if (!isObject(data)) return undefined;
  if (Array.isArray(data.contents)) {
    const extra = Object.keys(data).filter((k) => k !== 'contents' && !PAGE_FIELDS.includes(k));
    return extra.length === 0 ? { list: data.contents, path: 'contents' } : undefined;
  }
  return 'id' in data && 'name' in data ? { list: [data], path: '' } : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lays out one object and what it holds; returns its id (empty when it has none). */
function visit(
  walk: Walk,
  table: HsdsTable,
  value: unknown,
  path: string,
  parent: { column: string; id: string; table: HsdsTable } | undefined,
): string {
  const place = { file: walk.file, row: 0, path: path || '(bestand)' };
  const problem = (column: string, text: string, message: string) =>
    walk.problems.push({ ...place, column, value: text.slice(0, 200), message });
  if (!isObject(value)) {
    problem('', '', 'Hier hoort een object ({ … }) te staan.');
    return '';
  }
  walk.count++;
  const columns = new Set(TABLES[table].columns.map((c) => c.name));
  const values: Record<string, string> = {};
  const later: Array<() => void> = [];
  for (const [key, field] of Object.entries(value)) {
    if (columns.has(key)) {
      const text = scalarText(field);
      if (text === undefined) problem(key, '', 'Hier hoort tekst of een getal te staan.');
      else if (text !== '') values[key] = text;
      continue;
    }
    const nested = NESTED[table][key];
    if (!nested) {
      problem(key, '', `Onbekend veld voor ${table} in HSDS 3.0.`);
      continue;
    }
    later.push(() => visitNested(walk, table, values, key, field, nested, `${path}.${key}`));
  }
  if (parent) {
    const given = values[parent.column];
    if (given !== undefined && given.toLowerCase() !== parent.id.toLowerCase())
      problem(
        parent.column,
        given,
        'Verwijst naar een ander object dan het object waar dit onder staat.',
      );
    values[parent.column] = parent.id;
    if (table === 'attribute' && !values.link_entity) values.link_entity = parent.table;
  }
  const id = values.id ?? '';
  for (const step of later) step();
  walk.rows[table].push({ place, values });
  return id;
}

function visitNested(
  walk: Walk,
  table: HsdsTable,
  values: Record<string, string>,
  key: string,
  field: unknown,
  nested: Nested,
  path: string,
): void {
  const place = { file: walk.file, row: 0, path };
  if ('skip' in nested) {
    const n = Array.isArray(field) ? field.length : field === null ? 0 : 1;
    if (n > 0) walk.skipped.set(nested.skip, (walk.skipped.get(nested.skip) ?? 0) + n);
    return;
  }
  if ('ref' in nested) {
    if (field === null || field === undefined) return;
    const id = visit(walk, nested.table, field, path, undefined);
    const given = values[nested.ref];
    if (given !== undefined && id && given.toLowerCase() !== id.toLowerCase())
      walk.problems.push({
        ...place,
        column: nested.ref,
        value: given,
        message: `${nested.ref} en het id van ${key} zijn niet gelijk.`,
      });
    else if (id) values[nested.ref] = id;
    return;
  }
  if (field === null) field = [];
  if (!Array.isArray(field)) {
    walk.problems.push({
      ...place,
      column: key,
      value: '',
      message: 'Hier hoort een lijst ([ … ]) te staan.',
    });
    return;
  }
  const ownerId = values.id ?? '';
  if (ownerId) walk.owners.add(ownerKey(nested.table, ownerId.toLowerCase()));
  field.forEach((child, i) => {
    visit(walk, nested.table, child, `${path}[${i}]`, { column: nested.fk, id: ownerId, table });
  });
}

/** A JSON scalar as text (numbers as written, null as empty); undefined for objects and lists. */
function scalarText(field: unknown): string | undefined {
  if (field === null || field === undefined) return '';
  if (typeof field === 'string') return field.replaceAll('\0', '').trim();
  if (typeof field === 'number' && Number.isFinite(field)) return String(field);
  return undefined;
}
