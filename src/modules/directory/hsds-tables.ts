/**
 * The HSDS 3.0 tables as the import and export of the whole directory see them (ADR 0020): file
 * names and columns of the spec's Tabular Data Package (`datapackage.json` of
 * openreferral/specification 279fd2e), in the spec's order, so what Marke writes is what it
 * reads. Each column says its type, whether the spec or Marke's database requires it, and
 * whether Marke stores it (a column it does not store is read, reported and left out).
 */

export type ColumnType =
  | 'text'
  | 'uuid'
  | 'email'
  | 'uri'
  | 'date'
  | 'datetime'
  | 'time'
  | 'integer'
  | 'number';

export type Column = {
  name: string;
  type: ColumnType;
  required: boolean;
  /** False: an HSDS column Marke has no place for; a value in it is reported as not read. */
  stored: boolean;
  /** Marke writes it itself (last_modified): read back without a message, never compared. */
  derived?: boolean;
  values?: readonly string[];
  pattern?: RegExp;
  min?: number;
  max?: number;
};

const col = (name: string, type: ColumnType = 'text', extra: Partial<Column> = {}): Column => ({
  name,
  type,
  required: false,
  stored: true,
  ...extra,
});
const req = (name: string, type: ColumnType = 'text', extra: Partial<Column> = {}) =>
  col(name, type, { required: true, ...extra });
const notStored = (name: string, type: ColumnType = 'text') => col(name, type, { stored: false });
const id = req('id', 'uuid');

/** The tables Marke stores, in the order they are written (a row's parents come first). */
export const STORED_TABLES = [
  'organization',
  'location',
  'service',
  'service_at_location',
  'contact',
  'phone',
  'address',
  'schedule',
  'service_area',
  'language',
  'accessibility',
  'cost_option',
  'attribute',
] as const;
export type StoredTable = (typeof STORED_TABLES)[number];
/** The database tables a bulk change of the directory writes: tidied after it (ADR 0022). */
export const DIRECTORY_TABLES: readonly string[] = [
  ...STORED_TABLES.map((table) => `hsds_${table}`),
  'hsds_metadata',
  'hsds_search_entry',
];
/** The profile's tables: read to check references, never changed by an import. */
export type ReferenceTable = 'taxonomy' | 'taxonomy_term';
export type HsdsTable = StoredTable | ReferenceTable;

/** Entities an attribute may describe in Marke (migration 0021's check on link_entity). */
export const LINK_ENTITIES = [
  'organization',
  'service',
  'location',
  'service_at_location',
  'service_area',
] as const;

export type TableDef = { file: string; columns: readonly Column[] };

export const TABLES: Record<HsdsTable, TableDef> = {
  organization: {
    file: 'organizations.csv',
    columns: [
      id,
      req('name'),
      col('alternate_name'),
      req('description'),
      col('email', 'email'),
      col('website', 'uri'),
      notStored('tax_status'),
      notStored('tax_id'),
      col('year_incorporated', 'integer', { min: 1000, max: 9999 }),
      col('legal_status'),
      col('logo'),
      col('uri', 'uri'),
      col('parent_organization_id', 'uuid'),
    ],
  },
  service: {
    file: 'services.csv',
    columns: [
      id,
      req('organization_id', 'uuid'),
      notStored('program_id', 'uuid'),
      req('name'),
      col('alternate_name'),
      col('description'),
      col('url', 'uri'),
      col('email', 'email'),
      req('status', 'text', { values: ['active', 'inactive', 'defunct', 'temporarily closed'] }),
      col('interpretation_services'),
      col('application_process'),
      col('fees_description'),
      notStored('wait_time'),
      notStored('fees'),
      notStored('accreditations'),
      col('eligibility_description'),
      col('minimum_age', 'integer', { min: 0, max: 130 }),
      col('maximum_age', 'integer', { min: 0, max: 130 }),
      col('assured_date', 'date'),
      // Who checked a listing is Marke-internal, like the moderation fields: not exported or read.
      notStored('assurer_email'),
      notStored('licenses'),
      col('alert'),
      col('last_modified', 'datetime', { derived: true }),
    ],
  },
  location: {
    file: 'locations.csv',
    columns: [
      id,
      req('location_type', 'text', { values: ['physical', 'postal', 'virtual'] }),
      col('url', 'uri'),
      col('organization_id', 'uuid'),
      col('name'),
      col('alternate_name'),
      col('description'),
      col('transportation'),
      col('latitude', 'number', { min: -90, max: 90 }),
      col('longitude', 'number', { min: -180, max: 180 }),
      col('external_identifier'),
      col('external_identifier_type'),
    ],
  },
  service_at_location: {
    file: 'service_at_location.csv',
    columns: [id, req('service_id', 'uuid'), req('location_id', 'uuid'), col('description')],
  },
  contact: {
    file: 'contacts.csv',
    columns: [
      id,
      col('organization_id', 'uuid'),
      col('service_id', 'uuid'),
      col('service_at_location_id', 'uuid'),
      col('location_id', 'uuid'),
      col('name'),
      col('title'),
      col('department'),
      col('email', 'email'),
    ],
  },
  phone: {
    file: 'phones.csv',
    columns: [
      id,
      col('location_id', 'uuid'),
      col('service_id', 'uuid'),
      col('organization_id', 'uuid'),
      col('contact_id', 'uuid'),
      col('service_at_location_id', 'uuid'),
      req('number'),
      col('extension', 'integer', { min: 0, max: 2147483647 }),
      col('type'),
      col('description'),
    ],
  },
  address: {
    file: 'addresses.csv',
    columns: [
      id,
      req('location_id', 'uuid'),
      col('attention'),
      req('address_1'),
      col('address_2'),
      req('city'),
      col('region'),
      req('state_province'),
      req('postal_code'),
      req('country', 'text', { pattern: /^[A-Z]{2}$/ }),
      req('address_type', 'text', { values: ['physical', 'postal', 'virtual'] }),
    ],
  },
  schedule: {
    file: 'schedules.csv',
    columns: [
      id,
      col('service_id', 'uuid'),
      col('location_id', 'uuid'),
      col('service_at_location_id', 'uuid'),
      col('valid_from', 'date'),
      col('valid_to', 'date'),
      col('dtstart', 'date'),
      col('timezone', 'number', { min: -14, max: 14 }),
      col('until', 'date'),
      col('count', 'integer', { min: 0, max: 100000 }),
      col('wkst', 'text', { values: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] }),
      col('freq', 'text', { values: ['WEEKLY', 'MONTHLY'] }),
      col('interval', 'integer', { min: 0, max: 100000 }),
      col('byday'),
      col('byweekno'),
      col('bymonthday'),
      col('byyearday'),
      col('description'),
      col('opens_at', 'time'),
      col('closes_at', 'time'),
      col('schedule_link', 'uri'),
      col('attending_type'),
      col('notes'),
    ],
  },
  service_area: {
    file: 'service_areas.csv',
    columns: [
      id,
      req('service_id', 'uuid'),
      col('name'),
      col('description'),
      col('extent'),
      col('extent_type'),
      col('uri', 'uri'),
    ],
  },
  language: {
    file: 'languages.csv',
    columns: [
      id,
      col('service_id', 'uuid'),
      col('location_id', 'uuid'),
      col('phone_id', 'uuid'),
      col('name'),
      col('code'),
      col('note'),
    ],
  },
  accessibility: {
    file: 'accessibility.csv',
    columns: [
      id,
      req('location_id', 'uuid'),
      col('description'),
      col('details'),
      col('url', 'uri'),
    ],
  },
  cost_option: {
    file: 'cost_options.csv',
    columns: [
      id,
      req('service_id', 'uuid'),
      col('valid_from', 'date'),
      col('valid_to', 'date'),
      col('option'),
      col('currency', 'text', { pattern: /^[A-Z]{3}$/ }),
      col('amount', 'number', { min: 0, max: 1e9 }),
      col('amount_description'),
    ],
  },
  attribute: {
    file: 'attributes.csv',
    columns: [
      id,
      req('link_id', 'uuid'),
      req('taxonomy_term_id', 'uuid'),
      col('link_type'),
      req('link_entity', 'text', { values: LINK_ENTITIES }),
      col('value'),
    ],
  },
  taxonomy: {
    file: 'taxonomies.csv',
    columns: [id, req('name'), req('description'), col('uri', 'uri'), col('version')],
  },
  taxonomy_term: {
    file: 'taxonomy_terms.csv',
    columns: [
      id,
      col('code'),
      req('name'),
      req('description'),
      col('parent_id', 'uuid'),
      col('taxonomy'),
      col('language'),
      col('taxonomy_id', 'uuid'),
      col('term_uri', 'uri'),
    ],
  },
};

/** Tables of the spec that Marke does not keep: their files are accepted and their rows reported. */
export const UNSTORED_FILES: Record<string, string> = {
  'programs.csv': "programma's",
  'funding.csv': 'financiering',
  'required_documents.csv': 'benodigde documenten',
  'organization_identifiers.csv': 'registratienummers van organisaties',
  'meta_table_descriptions.csv': 'tabelbeschrijvingen',
  'metadata.csv': 'wijzigingsgeschiedenis (Marke houdt die zelf bij)',
};

/** Every table in export order: the stored tables, then the profile they refer to. */
export const EXPORT_TABLES: readonly HsdsTable[] = [...STORED_TABLES, 'taxonomy', 'taxonomy_term'];

export function tableOfFile(file: string): HsdsTable | undefined {
  return (Object.keys(TABLES) as HsdsTable[]).find((t) => TABLES[t].file === file);
}

/**
 * Where a row hangs: the first of these references that is filled names its owner. An import
 * replaces an owner's rows of a table when both are in the upload (ADR 0020), and a changed row
 * marks its listing (organization, service or location) as changed by people.
 */
export const OWNER_COLUMNS: Record<StoredTable, readonly string[]> = {
  organization: [],
  location: [],
  service: [],
  service_at_location: ['service_id'],
  contact: ['service_at_location_id', 'service_id', 'location_id', 'organization_id'],
  phone: ['contact_id', 'service_at_location_id', 'service_id', 'location_id', 'organization_id'],
  address: ['location_id'],
  schedule: ['service_at_location_id', 'service_id', 'location_id'],
  service_area: ['service_id'],
  language: ['phone_id', 'service_id', 'location_id'],
  accessibility: ['location_id'],
  cost_option: ['service_id'],
  attribute: ['link_id'],
};

/** The table a reference column points into (attribute.link_id: see its link_entity). */
export const REFERENCES: Record<string, StoredTable | ReferenceTable> = {
  organization_id: 'organization',
  parent_organization_id: 'organization',
  service_id: 'service',
  location_id: 'location',
  service_at_location_id: 'service_at_location',
  contact_id: 'contact',
  phone_id: 'phone',
  taxonomy_term_id: 'taxonomy_term',
};

/** Listings: the rows with a region, which an import adds or changes but never removes. */
export const ROOT_TABLES = ['organization', 'service', 'location'] as const;
export type RootTable = (typeof ROOT_TABLES)[number];
export const isRootTable = (table: string): table is RootTable =>
  (ROOT_TABLES as readonly string[]).includes(table);
