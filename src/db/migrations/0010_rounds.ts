/**
 * Monitoring rounds: data (a frozen snapshot), duiden (interpretations), dialoog (sessions) and
 * doen (decisions that change the agenda). An agenda update made by a decision points back to it.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table monitoring_round (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      code text not null check (code ~ '^20[0-9]{2}(-(H[12]|Q[1-4]))?$'),
      title text not null,
      status text not null default 'open' check (status in ('open', 'afgesloten')),
      is_public boolean not null default false,
      summary text not null default '',
      started_at timestamptz not null default now(),
      started_by text not null,
      closed_at timestamptz,
      unique (region_id, code)
    );
    create table round_indicator_snapshot (
      round_id int not null references monitoring_round(id) on delete cascade,
      indicator_code text not null,
      indicator_name text not null,
      is_public boolean not null,
      unit text not null,
      decimals int not null,
      area_code text not null,
      area_name text not null,
      period text,
      value numeric,
      source text not null,
      target_text text not null,
      status text not null,
      status_reason text not null,
      is_projection boolean not null default false,
      is_demo boolean not null default false,
      goal_codes jsonb not null,
      primary key (round_id, indicator_code)
    );
    create table round_agenda_snapshot (
      round_id int not null references monitoring_round(id) on delete cascade,
      goal_code text not null,
      opgave_slug text not null,
      status text not null,
      priority text,
      progress int not null,
      planned_start text,
      planned_end text,
      primary key (round_id, goal_code)
    );
    create table round_interpretation (
      id serial primary key,
      round_id int not null references monitoring_round(id) on delete cascade,
      subject_kind text not null check (subject_kind in ('opgave', 'doel', 'indicator')),
      subject_key text not null,
      text text not null,
      author text not null,
      author_role text not null,
      created_at timestamptz not null default now()
    );
    create table round_dialogue (
      id serial primary key,
      round_id int not null references monitoring_round(id) on delete cascade,
      held_on text not null check (held_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      participants jsonb not null,
      notes text not null,
      story_ids jsonb not null default '[]',
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create table round_decision (
      id serial primary key,
      round_id int not null references monitoring_round(id) on delete cascade,
      goal_code text not null,
      reason text not null,
      changes jsonb not null,
      before jsonb not null,
      evidence jsonb not null,
      decided_on text not null,
      decided_by text not null,
      created_at timestamptz not null default now()
    );
    alter table agenda_update add column decision_id int references round_decision(id) on delete set null;
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table agenda_update drop column if exists decision_id;
    drop table if exists round_decision, round_dialogue, round_interpretation, round_agenda_snapshot, round_indicator_snapshot, monitoring_round cascade;
  `,
  );
}
