/**
 * The Hulpwijzer's directory on Open Referral HSDS 3.0 (issue 5, ADR 0016): the spec's tables
 * and field names with a `hsds_` prefix and uuid ids. Marke adds `region_id`, `is_demo`,
 * `area_code` (a service area or location as a CBS code, `regio` or `online`), the moderation
 * fields of a service and `seeded_from` (the region file a row came from; an editor's change
 * clears it, so a re-seed never overwrites people's work). Attributes point at any table (`link_entity`, `link_id`), so a trigger
 * removes an entity's attributes with it.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

const OWNED_BY_SERVICE = `references hsds_service(id) on delete cascade`;
const OWNED_BY_LOCATION = `references hsds_location(id) on delete cascade`;
const OWNED_BY_ORGANIZATION = `references hsds_organization(id) on delete cascade`;
const OWNED_BY_SERVICE_AT_LOCATION = `references hsds_service_at_location(id) on delete cascade`;

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table hsds_taxonomy (
      id uuid primary key,
      name text not null,
      description text not null,
      uri text,
      version text
    );
    create table hsds_taxonomy_term (
      id uuid primary key,
      taxonomy_id uuid not null references hsds_taxonomy(id) on delete cascade,
      code text not null,
      name text not null,
      description text not null,
      parent_id uuid references hsds_taxonomy_term(id) on delete set null,
      language text not null default 'nl',
      term_uri text,
      keywords jsonb not null default '[]',
      position int not null default 0,
      unique (taxonomy_id, code)
    );
    create table hsds_organization (
      id uuid primary key,
      region_id int not null references region(id) on delete cascade,
      name text not null,
      alternate_name text,
      description text not null,
      email text,
      website text,
      year_incorporated int,
      legal_status text,
      logo text,
      uri text,
      parent_organization_id uuid references hsds_organization(id) on delete set null,
      plan_organisation_id int references organisation(id) on delete set null,
      is_demo boolean not null default false,
      seeded_from text,
      created_at timestamptz not null default now(),
      last_modified timestamptz not null default now()
    );
    create index hsds_organization_region on hsds_organization (region_id);
    create table hsds_service (
      id uuid primary key,
      region_id int not null references region(id) on delete cascade,
      organization_id uuid not null ${OWNED_BY_ORGANIZATION},
      name text not null,
      alternate_name text,
      description text,
      url text,
      email text,
      status text not null default 'active'
        check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
      interpretation_services text,
      application_process text,
      fees_description text,
      eligibility_description text,
      minimum_age int check (minimum_age between 0 and 130),
      maximum_age int check (maximum_age between 0 and 130),
      assured_date date,
      assurer_email text,
      alert text,
      last_modified timestamptz not null default now(),
      is_demo boolean not null default false,
      review_status text not null default 'ingediend'
        check (review_status in ('ingediend', 'goedgekeurd', 'afgewezen')),
      review_note text,
      submitted_by text,
      reviewed_by text,
      reviewed_at timestamptz,
      seeded_from text,
      created_at timestamptz not null default now(),
      search_vector tsvector generated always as (
        to_tsvector('dutch'::regconfig, coalesce(name, '') || ' ' || coalesce(alternate_name, '')
          || ' ' || coalesce(description, '') || ' ' || coalesce(eligibility_description, ''))
      ) stored
    );
    create index hsds_service_region on hsds_service (region_id, review_status, status);
    create index hsds_service_organization on hsds_service (organization_id);
    create index hsds_service_modified on hsds_service (region_id, last_modified);
    create index hsds_service_search on hsds_service using gin (search_vector);
    create table hsds_location (
      id uuid primary key,
      region_id int not null references region(id) on delete cascade,
      organization_id uuid ${OWNED_BY_ORGANIZATION},
      location_type text not null check (location_type in ('physical', 'postal', 'virtual')),
      url text,
      name text,
      alternate_name text,
      description text,
      transportation text,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      external_identifier text,
      external_identifier_type text,
      area_code text check (area_code ~ '^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$'),
      is_demo boolean not null default false
    );
    create index hsds_location_region on hsds_location (region_id);
    create table hsds_service_at_location (
      id uuid primary key,
      service_id uuid not null ${OWNED_BY_SERVICE},
      location_id uuid not null ${OWNED_BY_LOCATION},
      description text,
      unique (service_id, location_id)
    );
    create index hsds_service_at_location_location on hsds_service_at_location (location_id);
    create table hsds_address (
      id uuid primary key,
      location_id uuid not null ${OWNED_BY_LOCATION},
      attention text,
      address_1 text not null,
      address_2 text,
      city text not null,
      region text,
      state_province text not null,
      postal_code text not null,
      country text not null check (country ~ '^[A-Z]{2}$'),
      address_type text not null check (address_type in ('physical', 'postal', 'virtual'))
    );
    create index hsds_address_location on hsds_address (location_id);
    create table hsds_contact (
      id uuid primary key,
      organization_id uuid ${OWNED_BY_ORGANIZATION},
      service_id uuid ${OWNED_BY_SERVICE},
      service_at_location_id uuid ${OWNED_BY_SERVICE_AT_LOCATION},
      location_id uuid ${OWNED_BY_LOCATION},
      name text,
      title text,
      department text,
      email text,
      check (num_nonnulls(organization_id, service_id, service_at_location_id, location_id) >= 1)
    );
    create index hsds_contact_service on hsds_contact (service_id);
    create table hsds_phone (
      id uuid primary key,
      location_id uuid ${OWNED_BY_LOCATION},
      service_id uuid ${OWNED_BY_SERVICE},
      organization_id uuid ${OWNED_BY_ORGANIZATION},
      contact_id uuid references hsds_contact(id) on delete cascade,
      service_at_location_id uuid ${OWNED_BY_SERVICE_AT_LOCATION},
      number text not null,
      extension int,
      type text,
      description text,
      check (num_nonnulls(location_id, service_id, organization_id, contact_id,
                          service_at_location_id) >= 1)
    );
    create index hsds_phone_service on hsds_phone (service_id);
    create index hsds_phone_organization on hsds_phone (organization_id);
    create table hsds_schedule (
      id uuid primary key,
      service_id uuid ${OWNED_BY_SERVICE},
      location_id uuid ${OWNED_BY_LOCATION},
      service_at_location_id uuid ${OWNED_BY_SERVICE_AT_LOCATION},
      valid_from date,
      valid_to date,
      dtstart date,
      timezone numeric,
      until date,
      count int,
      wkst text check (wkst in ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')),
      freq text check (freq in ('WEEKLY', 'MONTHLY')),
      interval int,
      byday text,
      byweekno text,
      bymonthday text,
      byyearday text,
      description text,
      opens_at text,
      closes_at text,
      schedule_link text,
      attending_type text,
      notes text,
      check (num_nonnulls(service_id, location_id, service_at_location_id) >= 1)
    );
    create index hsds_schedule_service on hsds_schedule (service_id);
    create table hsds_service_area (
      id uuid primary key,
      service_id uuid not null ${OWNED_BY_SERVICE},
      name text,
      description text,
      extent text,
      extent_type text,
      uri text,
      area_code text not null check (area_code ~ '^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}|regio|online)$'),
      unique (service_id, area_code)
    );
    create index hsds_service_area_code on hsds_service_area (area_code, service_id);
    create table hsds_language (
      id uuid primary key,
      service_id uuid ${OWNED_BY_SERVICE},
      location_id uuid ${OWNED_BY_LOCATION},
      phone_id uuid references hsds_phone(id) on delete cascade,
      name text,
      code text,
      note text,
      check (num_nonnulls(service_id, location_id, phone_id) >= 1)
    );
    create index hsds_language_service on hsds_language (service_id);
    create table hsds_accessibility (
      id uuid primary key,
      location_id uuid not null ${OWNED_BY_LOCATION},
      description text,
      details text,
      url text
    );
    create index hsds_accessibility_location on hsds_accessibility (location_id);
    create table hsds_cost_option (
      id uuid primary key,
      service_id uuid not null ${OWNED_BY_SERVICE},
      valid_from date,
      valid_to date,
      option text,
      currency text check (currency ~ '^[A-Z]{3}$'),
      amount numeric check (amount >= 0),
      amount_description text
    );
    create index hsds_cost_option_service on hsds_cost_option (service_id);
    create table hsds_attribute (
      id uuid primary key,
      link_id uuid not null,
      link_type text not null,
      link_entity text not null check (link_entity in
        ('organization', 'service', 'location', 'service_at_location', 'service_area')),
      taxonomy_term_id uuid not null references hsds_taxonomy_term(id) on delete cascade,
      value text
    );
    create index hsds_attribute_link on hsds_attribute (link_id);
    create index hsds_attribute_term on hsds_attribute (taxonomy_term_id, link_entity);
    create table hsds_metadata (
      id uuid primary key,
      resource_id uuid not null,
      resource_type text not null,
      last_action_date timestamptz not null default now(),
      last_action_type text not null check (last_action_type in ('create', 'update', 'delete')),
      field_name text not null,
      previous_value text not null,
      replacement_value text not null,
      updated_by text not null
    );
    create index hsds_metadata_resource on hsds_metadata (resource_id, last_action_date);
    create function hsds_drop_attributes() returns trigger language plpgsql
      as $$ begin delete from hsds_attribute where link_id = old.id; return old; end $$;
    create trigger hsds_organization_attributes after delete on hsds_organization
      for each row execute function hsds_drop_attributes();
    create trigger hsds_service_attributes after delete on hsds_service
      for each row execute function hsds_drop_attributes();
    create trigger hsds_location_attributes after delete on hsds_location
      for each row execute function hsds_drop_attributes();
    create trigger hsds_service_at_location_attributes after delete on hsds_service_at_location
      for each row execute function hsds_drop_attributes();
    create trigger hsds_service_area_attributes after delete on hsds_service_area
      for each row execute function hsds_drop_attributes()
  `,
  );
}

const TABLES = [
  'hsds_metadata',
  'hsds_attribute',
  'hsds_cost_option',
  'hsds_accessibility',
  'hsds_language',
  'hsds_service_area',
  'hsds_schedule',
  'hsds_phone',
  'hsds_contact',
  'hsds_address',
  'hsds_service_at_location',
  'hsds_location',
  'hsds_service',
  'hsds_organization',
  'hsds_taxonomy_term',
  'hsds_taxonomy',
];

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `${TABLES.map((table) => `drop table if exists ${table};`).join('\n')}
    drop function if exists hsds_drop_attributes();
  `,
  );
}
