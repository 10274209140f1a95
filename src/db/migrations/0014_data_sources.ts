/**
 * The catalogue of data sources (issue 4 §2): who publishes a dataset, under which licence, how
 * often it is refreshed, and its disclosure rules (threshold, rounding). A measurement can name
 * its source, so disclosure control applies that source's rules.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table data_source (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      code text not null check (code ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
      provider text not null,
      dataset text not null,
      licence text not null,
      url text,
      description text not null default '',
      refresh text not null,
      threshold int not null default 10 check (threshold between 1 and 1000),
      decimals int check (decimals between 0 and 4),
      count_base int check (count_base between 1 and 100),
      is_demo boolean not null default false,
      updated_by text,
      updated_at timestamptz not null default now(),
      unique (region_id, code)
    );
    alter table measurement
      add column data_source_id int references data_source(id) on delete set null;
    create index measurement_data_source on measurement (data_source_id)
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'alter table measurement drop column if exists data_source_id;\ndrop table if exists data_source;\n',
  );
}
