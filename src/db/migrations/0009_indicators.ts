/**
 * Indicators with their goals, targets and measurements (issue 3, section 3). A measurement
 * belongs to an area by CBS code and to a period; an import batch says where it came from.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table indicator (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      code text not null check (code ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
      name text not null,
      description text not null,
      numerator text,
      denominator text,
      unit text not null,
      decimals int not null default 1 check (decimals between 0 and 4),
      direction text not null check (direction in ('hoger', 'lager')),
      source text not null,
      area_levels jsonb not null default '[]',
      frequency text not null,
      track text not null check (track in ('2040', 'cyclus')),
      is_public boolean not null default true,
      is_demo boolean not null default false,
      updated_at timestamptz not null default now(),
      unique (region_id, code)
    );
    create table indicator_goal (
      indicator_id int not null references indicator(id) on delete cascade,
      goal_code text not null,
      contribution text not null default '',
      primary key (indicator_id, goal_code)
    );
    create index indicator_goal_code on indicator_goal (goal_code);
    create table indicator_target (
      id serial primary key,
      indicator_id int not null references indicator(id) on delete cascade,
      comparator text not null check (comparator in ('>=', '<=', '=', '>', '<')),
      kind text not null default 'absolute' check (kind in ('absolute', 'relative', 'change')),
      value numeric not null,
      baseline_period text,
      year int not null check (year between 2000 and 2100),
      area_code text not null,
      source text not null,
      note text not null default ''
    );
    create table measurement (
      id bigserial primary key,
      indicator_id int not null references indicator(id) on delete cascade,
      area_code text not null,
      period text not null check (period ~ '^[0-9]{4}(-(H[12]|Q[1-4]|[0-9]{2}))?$'),
      value numeric,
      missing_reason text,
      numerator numeric,
      denominator numeric,
      sample_size int,
      ci_low numeric,
      ci_high numeric,
      source text not null,
      note text not null default '',
      is_projection boolean not null default false,
      is_demo boolean not null default false,
      import_batch_id int references import_batch(id) on delete set null,
      unique (indicator_id, area_code, period)
    );
    create table seed_file (
      region_id int not null references region(id) on delete cascade,
      name text not null,
      checksum text not null,
      loaded_at timestamptz not null default now(),
      primary key (region_id, name)
    );
    create index measurement_area_period on measurement (indicator_id, period, area_code);
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'drop table if exists seed_file, measurement, indicator_target, indicator_goal, indicator cascade;\n',
  );
}
