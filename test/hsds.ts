/**
 * Helpers for the HSDS API tests: a validator holding every vendored HSDS 3.0 schema
 * (test/fixtures/hsds-3.0) and the page schemas the spec's openapi.json defines, fixture rows
 * for the nested parts the seed has none of, and a walker over all pages of a list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';

const DIR = path.resolve('test/fixtures/hsds-3.0');
const SPEC_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

type Json = Record<string, unknown>;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** The schema files, keyed by file name (lists/ included), as the spec's relative $refs expect. */
export function schemaFiles(): Map<string, Json> {
  const files = new Map<string, Json>();
  for (const sub of ['', 'lists'])
    for (const name of readdirSync(path.join(DIR, sub)).filter((f) => f.endsWith('.json')))
      if (name !== 'openapi.json') files.set(name, readJson(path.join(DIR, sub, name)));
  return files;
}

/** The spec's reference (raw.githubusercontent…/compiled/service.json) as a local key. */
export function localKey(ref: string): string {
  if (ref === '#/components/schemas/Page') return 'Page';
  return path.basename(ref.replace(SPEC_URL, ''));
}

function localised(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(localised);
  if (schema && typeof schema === 'object')
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? localKey(v) : localised(v),
      ]),
    );
  return schema;
}

/** The OpenAPI document of the spec (test/fixtures/hsds-3.0/openapi.json). */
export const SPEC_OPENAPI = readJson(path.join(DIR, 'openapi.json')) as {
  paths: Record<
    string,
    { get: { responses: { 200: { content: Record<string, { schema: Json }> } } } }
  >;
  components: { schemas: { Page: Json } };
};

/** The 200 body schema the spec gives a path, with its $refs pointing at the local files. */
export function specResponseSchema(specPath: string): Json {
  const schema =
    SPEC_OPENAPI.paths[specPath]?.get.responses[200].content['application/json']?.schema;
  if (!schema) throw new Error(`no 200 schema for ${specPath}`);
  return localised(schema) as Json;
}

/** An Ajv (JSON Schema 2020-12, the spec's dialect) holding every HSDS schema and the Page. */
export function hsdsValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [name, schema] of schemaFiles()) ajv.addSchema(schema, name);
  ajv.addSchema(SPEC_OPENAPI.components.schemas.Page, 'Page');
  /** Validation errors of `value` against a schema key or schema; [] when valid. */
  return (schema: string | Json, value: unknown): string[] => {
    const validate = typeof schema === 'string' ? ajv.getSchema(schema) : ajv.compile(schema);
    if (!validate) throw new Error(`unknown schema ${String(schema)}`);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
}

/** Every key anywhere in a JSON value. */
export function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysDeep(v, into);
    }
  return into;
}

export type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Json[];
};

/** Every item of a paged list, page by page (per_page 100), with each page's body. */
export async function walkPages(
  request: (url: string) => Response | Promise<Response>,
  url: string,
): Promise<{ items: Json[]; pages: Page[] }> {
  const pages: Page[] = [];
  for (let page = 1; ; page++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await request(`${url}${sep}per_page=100&page=${page}`);
    if (res.status !== 200) throw new Error(`${url} page ${page}: ${res.status}`);
    const body = (await res.json()) as Page;
    pages.push(body);
    if (body.last_page || page > 1000) break;
  }
  return { items: pages.flatMap((p) => p.contents), pages };
}

/** Strings that only moderation fields and change records hold: none may reach an answer. */
export const PRIVATE_MARKERS = [
  'indiener@example.nl',
  'beoordelaar@example.nl',
  'Interne notitie: niet publiceren',
  'controleur@example.nl',
  'redacteur@example.nl',
];

/**
 * Gives one service every nested part HSDS has (the seed has no locations, phones or times):
 * a location with address, accessibility, languages, times, phones and a contact, at the
 * service; service phones, times, languages, a cost and a contact; organization contact and
 * phone; change records (one naming a person, one of a moderation field); and the moderation
 * fields set to PRIVATE_MARKERS. Test data only.
 */
export async function addNestedParts(
  db: Kysely<Database>,
  ids: { service: string; organization: string; regionId: number; sal: string; location: string },
): Promise<void> {
  const { service, organization, regionId, sal, location } = ids;
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  await db
    .updateTable('hsds_service')
    .set({
      review_note: PRIVATE_MARKERS[2],
      submitted_by: PRIVATE_MARKERS[0],
      reviewed_by: PRIVATE_MARKERS[1],
      assurer_email: PRIVATE_MARKERS[3],
      url: 'https://example.nl/dienst',
      email: 'info@example.nl',
      minimum_age: 18,
      assured_date: new Date().toISOString().slice(0, 10),
    })
    .where('id', '=', service)
    .execute();
  await db
    .insertInto('hsds_location')
    .values({
      id: location,
      region_id: regionId,
      organization_id: organization,
      location_type: 'physical',
      name: 'Testlocatie',
      latitude: 52.99,
      longitude: 6.56,
      area_code: 'GM0106',
      is_demo: true,
    })
    .execute();
  await db
    .insertInto('hsds_service_at_location')
    .values({ id: sal, service_id: service, location_id: location, description: 'Op dinsdag' })
    .execute();
  await db
    .insertInto('hsds_address')
    .values({
      id: uuid(1),
      location_id: location,
      address_1: 'Teststraat 1',
      city: 'Assen',
      state_province: 'Drenthe',
      postal_code: '9401 AA',
      country: 'NL',
      address_type: 'physical',
    })
    .execute();
  await db
    .insertInto('hsds_accessibility')
    .values({ id: uuid(2), location_id: location, description: 'Drempelvrij', url: null })
    .execute();
  await db
    .insertInto('hsds_contact')
    .values([
      { id: uuid(3), service_id: service, name: 'Balie', email: 'balie@example.nl' },
      { id: uuid(4), organization_id: organization, name: 'Secretariaat', email: 'geen adres' },
      { id: uuid(5), location_id: location, name: 'Beheer locatie' },
    ])
    .execute();
  await db
    .insertInto('hsds_phone')
    .values([
      { id: uuid(10), service_id: service, number: '0592 000000', type: 'voice' },
      { id: uuid(11), location_id: location, number: '0592 000001' },
      { id: uuid(12), service_at_location_id: sal, number: '0592 000002' },
      { id: uuid(13), contact_id: uuid(3), number: '0592 000003', extension: 12 },
      { id: uuid(14), organization_id: organization, number: '0592 000004' },
    ])
    .execute();
  await db
    .insertInto('hsds_language')
    .values([
      { id: uuid(20), service_id: service, name: 'Nederlands', code: 'nl' },
      { id: uuid(21), location_id: location, name: 'Drents', code: 'drt' },
      { id: uuid(22), phone_id: uuid(10), name: 'Engels', code: 'en' },
    ])
    .execute();
  await db
    .insertInto('hsds_schedule')
    .values([
      {
        id: uuid(30),
        service_id: service,
        freq: 'WEEKLY',
        byday: 'TU',
        opens_at: '09:00',
        closes_at: '12:00',
        timezone: '1',
        valid_from: '2026-01-01',
      },
      { id: uuid(31), service_at_location_id: sal, description: 'Dinsdagochtend', wkst: 'MO' },
      {
        id: uuid(32),
        location_id: location,
        description: 'Open op werkdagen',
        schedule_link: 'niet een adres',
      },
    ])
    .execute();
  await db
    .insertInto('hsds_cost_option')
    .values({
      id: uuid(40),
      service_id: service,
      option: 'Per keer',
      currency: 'EUR',
      amount: '2.50',
      valid_from: '2026-01-01',
    })
    .execute();
  await db
    .insertInto('hsds_metadata')
    .values([
      {
        id: uuid(50),
        resource_id: service,
        resource_type: 'service',
        last_action_type: 'update',
        field_name: 'name',
        previous_value: 'Oude naam',
        replacement_value: 'Nieuwe naam',
        updated_by: PRIVATE_MARKERS[4] ?? '',
      },
      {
        id: uuid(51),
        resource_id: service,
        resource_type: 'service',
        last_action_type: 'update',
        field_name: 'review_note',
        previous_value: '',
        replacement_value: PRIVATE_MARKERS[2] ?? '',
        updated_by: PRIVATE_MARKERS[1] ?? '',
      },
    ])
    .execute();
}
