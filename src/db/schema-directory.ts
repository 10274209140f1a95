/** Kysely table types of the Hulpwijzer's HSDS 3.0 tables (migration 0021, ADR 0016). */
import type { ColumnType, Generated } from 'kysely';
import type { Jsonb } from './schema.js';

type Timestamp = ColumnType<Date, string | undefined, string>;
/** A `date` column: read and written as 'YYYY-MM-DD' (database.ts sets both drivers' parser). */
type DateColumn = string;
/** `numeric`: the drivers read it as a string so no precision is lost. */
type NumericColumn = ColumnType<string, number | string, number | string>;

export interface HsdsTaxonomyTable {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
}

export interface HsdsTaxonomyTermTable {
  id: string;
  taxonomy_id: string;
  code: string;
  name: string;
  description: string;
  parent_id: string | null;
  language: Generated<string>;
  term_uri: string | null;
  keywords: Jsonb<string[]>;
  position: Generated<number>;
}

export interface HsdsOrganizationTable {
  id: string;
  region_id: number;
  name: string;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
  year_incorporated: number | null;
  legal_status: string | null;
  logo: string | null;
  uri: string | null;
  parent_organization_id: string | null;
  plan_organisation_id: number | null;
  is_demo: Generated<boolean>;
  seeded_from: string | null;
  created_at: Generated<Date>;
  last_modified: Timestamp;
}

export type ServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';
export type ReviewStatus = 'ingediend' | 'goedgekeurd' | 'afgewezen';

export interface HsdsServiceTable {
  id: string;
  region_id: number;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  interpretation_services: string | null;
  application_process: string | null;
  fees_description: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  assured_date: DateColumn | null;
  assurer_email: string | null;
  /** Marke: the name of the organisation that last checked the listing (migration 0023). */
  assured_by: string | null;
  alert: string | null;
  last_modified: Timestamp;
  is_demo: Generated<boolean>;
  review_status: ReviewStatus;
  review_note: string | null;
  submitted_by: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  /** Marke: an approved listing its organisation changed since a beheerder last looked (0023). */
  edited_since_review: Generated<boolean>;
  seeded_from: string | null;
  created_at: Generated<Date>;
  search_vector: ColumnType<string, never, never>;
}

export interface HsdsLocationTable {
  id: string;
  region_id: number;
  organization_id: string | null;
  location_type: 'physical' | 'postal' | 'virtual';
  url: string | null;
  name: string | null;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  external_identifier: string | null;
  external_identifier_type: string | null;
  area_code: string | null;
  is_demo: Generated<boolean>;
}

export interface HsdsServiceAtLocationTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface HsdsAddressTable {
  id: string;
  location_id: string;
  attention: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  region: string | null;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
}

export interface HsdsContactTable {
  id: string;
  organization_id: string | null;
  service_id: string | null;
  service_at_location_id: string | null;
  location_id: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
}

export interface HsdsPhoneTable {
  id: string;
  location_id: string | null;
  service_id: string | null;
  organization_id: string | null;
  contact_id: string | null;
  service_at_location_id: string | null;
  number: string;
  extension: number | null;
  type: string | null;
  description: string | null;
}

export interface HsdsScheduleTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  valid_from: DateColumn | null;
  valid_to: DateColumn | null;
  dtstart: DateColumn | null;
  timezone: NumericColumn | null;
  until: DateColumn | null;
  count: number | null;
  wkst: string | null;
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval: number | null;
  byday: string | null;
  byweekno: string | null;
  bymonthday: string | null;
  byyearday: string | null;
  description: string | null;
  opens_at: string | null;
  closes_at: string | null;
  schedule_link: string | null;
  attending_type: string | null;
  notes: string | null;
}

export interface HsdsServiceAreaTable {
  id: string;
  service_id: string;
  name: string | null;
  description: string | null;
  extent: string | null;
  extent_type: string | null;
  uri: string | null;
  area_code: string;
}

export interface HsdsLanguageTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  phone_id: string | null;
  name: string | null;
  code: string | null;
  note: string | null;
}

export interface HsdsAccessibilityTable {
  id: string;
  location_id: string;
  description: string | null;
  details: string | null;
  url: string | null;
}

export interface HsdsCostOptionTable {
  id: string;
  service_id: string;
  valid_from: DateColumn | null;
  valid_to: DateColumn | null;
  option: string | null;
  currency: string | null;
  amount: NumericColumn | null;
  amount_description: string | null;
}

export type AttributeLinkEntity =
  | 'organization'
  | 'service'
  | 'location'
  | 'service_at_location'
  | 'service_area';

export interface HsdsAttributeTable {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: AttributeLinkEntity;
  taxonomy_term_id: string;
  value: string | null;
}

export interface HsdsMetadataTable {
  id: string;
  resource_id: string;
  resource_type: string;
  last_action_date: Timestamp;
  last_action_type: 'create' | 'update' | 'delete';
  field_name: string;
  previous_value: string;
  replacement_value: string;
  updated_by: string;
}

/** A service's search row (migration 0022, ADR 0017), kept by triggers: read, never written. */
export interface HsdsSearchEntryTable {
  service_id: string;
  region_id: number;
  listed: boolean;
  checked_on: string;
  ladder_rank: number | null;
  ladder: string | null;
  need_codes: string[];
  area_codes: string[];
  /** Every `need@area` pair of the service. */
  match_keys: string[];
  /** [longitude, latitude] of each located place of the service. */
  points: [number, number][] | null;
  name: string;
}

/** The directory's change counter (migration 0024, ADR 0021), raised by triggers: read only. */
export interface HsdsDirectoryVersionTable {
  id: boolean;
  /** bigint: read it as `version::text`, the same on pg and PGlite. */
  version: string;
}

/** Merged into `Database` in schema.ts. */
export interface DirectoryTables {
  hsds_taxonomy: HsdsTaxonomyTable;
  hsds_taxonomy_term: HsdsTaxonomyTermTable;
  hsds_organization: HsdsOrganizationTable;
  hsds_service: HsdsServiceTable;
  hsds_location: HsdsLocationTable;
  hsds_service_at_location: HsdsServiceAtLocationTable;
  hsds_address: HsdsAddressTable;
  hsds_contact: HsdsContactTable;
  hsds_phone: HsdsPhoneTable;
  hsds_schedule: HsdsScheduleTable;
  hsds_service_area: HsdsServiceAreaTable;
  hsds_language: HsdsLanguageTable;
  hsds_accessibility: HsdsAccessibilityTable;
  hsds_cost_option: HsdsCostOptionTable;
  hsds_attribute: HsdsAttributeTable;
  hsds_metadata: HsdsMetadataTable;
  hsds_search_entry: HsdsSearchEntryTable;
  hsds_directory_version: HsdsDirectoryVersionTable;
}
