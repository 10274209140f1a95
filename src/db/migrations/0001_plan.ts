/** The plan model: region, plan, themes, opgaven, goals, initiatives, programmes, organisations, governance. */
import { type Kysely, sql } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this first: the plan model, on PGlite and on a PostgreSQL server. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table region (
      id serial primary key,
      code text not null unique,
      name text not null,
      cbs_code text,
      created_at timestamptz not null default now()
    );
    create table plan (
      id serial primary key,
      region_id int not null unique references region(id) on delete cascade,
      title text not null,
      subtitle text,
      brand text,
      version text not null,
      published_on text,
      source text not null,
      ambition_name text not null,
      ambition_text text not null,
      ambition_horizon int not null,
      overarching_title text,
      overarching_blocks jsonb not null default '[]',
      checksum text not null,
      imported_at timestamptz not null default now()
    );
    create table theme (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      number int not null,
      slug text not null,
      name text not null,
      motto text,
      ambition_2040 jsonb not null,
      unique (region_id, slug)
    );
    create table guiding_thread (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      position int not null,
      slug text not null,
      name text not null,
      unique (region_id, slug)
    );
    create table opgave (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      number int not null,
      letter text not null,
      slug text not null,
      name text not null,
      slogan text not null,
      keywords jsonb not null,
      why jsonb not null,
      strategic_intro jsonb not null,
      focus jsonb not null,
      extra_sections jsonb not null,
      chapter2_intro text not null,
      chapter2_sections jsonb not null,
      unique (region_id, slug),
      unique (region_id, number)
    );
    create table strategic_goal (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      opgave_id int not null references opgave(id) on delete cascade,
      code text not null,
      chapter1_code text not null,
      text_chapter1 text not null,
      text_chapter2 text not null,
      notes jsonb not null,
      position int not null,
      unique (region_id, code)
    );
    create table operational_goal (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      strategic_goal_id int not null references strategic_goal(id) on delete cascade,
      code text not null,
      kind text not null check (kind in ('operationeel_doel', 'oplossingsrichting')),
      label text,
      text text,
      text_missing boolean not null default false,
      details jsonb not null,
      planning jsonb not null,
      deadline_year int,
      deadline_note text,
      target text,
      inspiration_tbd boolean not null default false,
      initiators_tbd boolean not null default false,
      position int not null,
      unique (region_id, code)
    );
    create table goal_relation (
      region_id int not null references region(id) on delete cascade,
      source_code text not null,
      target_code text not null,
      primary key (region_id, source_code, target_code)
    );
    create index goal_relation_target on goal_relation (region_id, target_code);
    create table initiative (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      slug text not null,
      name text not null,
      aliases jsonb not null,
      description jsonb not null,
      unique (region_id, slug)
    );
    create table operational_goal_initiative (
      operational_goal_id int not null references operational_goal(id) on delete cascade,
      position int not null,
      initiative_id int not null references initiative(id) on delete cascade,
      label text not null,
      primary key (operational_goal_id, position)
    );
    create index operational_goal_initiative_initiative on operational_goal_initiative (initiative_id);
    create table sector (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      slug text not null,
      name text not null,
      position int not null,
      unique (region_id, slug)
    );
    create table organisation (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      slug text not null,
      name text not null,
      short_name text,
      aliases jsonb not null,
      is_group boolean not null default false,
      sector_id int references sector(id) on delete set null,
      description text,
      unique (region_id, slug)
    );
    create table coalition_membership (
      organisation_id int not null references organisation(id) on delete cascade,
      sector_id int not null references sector(id) on delete cascade,
      coalition text not null check (coalition in ('leidend', 'breed')),
      primary key (organisation_id, sector_id, coalition)
    );
    create table operational_goal_initiator (
      operational_goal_id int not null references operational_goal(id) on delete cascade,
      position int not null,
      name text not null,
      note text,
      organisation_id int references organisation(id) on delete set null,
      primary key (operational_goal_id, position)
    );
    create index operational_goal_initiator_organisation on operational_goal_initiator (organisation_id);
    create table programme (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      number int not null,
      slug text not null,
      name text not null,
      objective jsonb not null,
      context jsonb not null,
      contribution jsonb not null,
      more_info text,
      unique (region_id, slug)
    );
    create table programme_partner (
      programme_id int not null references programme(id) on delete cascade,
      position int not null,
      name text not null,
      note text,
      organisation_id int references organisation(id) on delete set null,
      primary key (programme_id, position)
    );
    create table programme_contribution (
      programme_id int not null references programme(id) on delete cascade,
      target_kind text not null check (target_kind in ('goal', 'opgave')),
      target_code text not null,
      primary key (programme_id, target_kind, target_code)
    );
    create table governance_body (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      slug text not null,
      name text not null,
      kind text not null,
      theme_id int references theme(id) on delete set null,
      motto text,
      description jsonb not null,
      work_agenda jsonb not null,
      position int not null,
      unique (region_id, slug)
    );
    create table governance_role (
      body_id int not null references governance_body(id) on delete cascade,
      position int not null,
      role text not null,
      organisation_id int references organisation(id) on delete set null,
      name text,
      person text,
      function text,
      note text,
      primary key (body_id, position)
    );
    create index governance_role_organisation on governance_role (organisation_id);
    create table glossary_entry (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      kind text not null check (kind in ('begrip', 'afkorting')),
      slug text not null,
      term text not null,
      definition jsonb not null,
      position int not null,
      unique (region_id, kind, slug)
    );
    create table plan_section (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      slug text not null,
      chapter text not null,
      title text not null,
      blocks jsonb not null,
      position int not null,
      unique (region_id, slug)
    );
    create table search_document (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      entity_type text not null,
      entity_key text not null,
      title text not null,
      summary text not null,
      body text not null,
      url_path text not null,
      document tsvector generated always as (
        setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', body), 'B')
      ) stored,
      unique (region_id, entity_type, entity_key)
    );
    create index search_document_document on search_document using gin (document);
    create table plan_import (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      checksum text not null,
      actor text not null,
      counts jsonb not null,
      imported_at timestamptz not null default now()
    );
    create table audit_log (
      id bigserial primary key,
      occurred_at timestamptz not null default now(),
      actor text not null,
      action text not null,
      entity_type text not null,
      entity_key text not null,
      region_id int references region(id) on delete set null,
      before jsonb,
      after jsonb
    );
    create index audit_log_entity on audit_log (entity_type, entity_key);
    create table data_version (
      id int primary key check (id = 1),
      version bigint not null,
      changed_at timestamptz not null default now()
    );
    insert into data_version (id, version) values (1, 1);
  `,
  );
}

/** Kysely's Migrator calls this on migrateDown; Marke itself only migrates up so far. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists data_version, audit_log, plan_import, search_document, plan_section,
      glossary_entry, governance_role, governance_body, programme_contribution, programme_partner,
      programme, operational_goal_initiator, coalition_membership, organisation, sector,
      operational_goal_initiative, initiative, goal_relation, operational_goal, strategic_goal,
      opgave, guiding_thread, theme, plan, region cascade
  `.execute(db);
}
