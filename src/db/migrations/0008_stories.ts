/**
 * Qualitative monitoring (issue 3, section 4): stories from residents, professionals and
 * mantelzorgers (no names, consent recorded), process-evaluation notes, and citizens' panel
 * results as aggregates per area and period (never individual answers).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table story (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      organisation_id int references organisation(id) on delete set null,
      text text not null check (length(text) between 1 and 4000),
      role text not null check (role in ('inwoner', 'professional', 'mantelzorger')),
      told_on text not null check (told_on ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$'),
      area_code text not null,
      opgave_slugs jsonb not null default '[]',
      goal_codes jsonb not null default '[]',
      target_groups jsonb not null default '[]',
      consent_by text not null check (consent_by in ('verteller', 'vertegenwoordiger')),
      consent_method text not null check (consent_method in ('mondeling', 'schriftelijk', 'digitaal')),
      consent_recorded_by text not null check (length(consent_recorded_by) between 1 and 200),
      consent_on text not null check (consent_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      privacy_confirmed boolean not null default false,
      status text not null default 'concept' check (status in ('concept', 'ingediend', 'gepubliceerd', 'afgewezen')),
      rejection_reason text,
      published_by text,
      published_at timestamptz,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      is_demo boolean not null default false
    );
    create index story_region_status on story (region_id, status, told_on desc);
    create table process_note (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      noted_on text not null check (noted_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      subject_kind text not null check (subject_kind in ('opgave', 'governance', 'samenwerking')),
      subject_key text,
      text text not null check (length(text) between 1 and 8000),
      is_public boolean not null default false,
      written_by text not null,
      author_name text not null,
      created_at timestamptz not null default now(),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      check ((subject_kind = 'samenwerking') = (subject_key is null))
    );
    create index process_note_region on process_note (region_id, noted_on desc);
    create table panel_question (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      question text not null check (length(question) between 1 and 500),
      options jsonb not null,
      source text not null check (length(source) between 1 and 200),
      published boolean not null default false,
      is_demo boolean not null default false,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table panel_result (
      question_id int not null references panel_question(id) on delete cascade,
      period text not null check (period ~ '^20[0-9]{2}(-(H[12]|Q[1-4]|[01][0-9]))?$'),
      area_code text not null,
      option text not null,
      count int not null check (count >= 0),
      primary key (question_id, period, area_code, option)
    );
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'drop table if exists panel_result, panel_question, process_note, story cascade;\n',
  );
}
