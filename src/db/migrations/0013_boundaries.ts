/**
 * Area boundaries per year (issue 4 §1): one GeoJSON geometry per area code and boundary year,
 * with its source. A measurement is drawn on the boundaries of its period's year (or the latest
 * earlier year); a code without a boundary in that year is reported, never joined silently.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table area_boundary (
      region_id int not null references region(id) on delete cascade,
      area_code text not null,
      year int not null check (year between 1900 and 2200),
      level text not null,
      name text not null,
      geometry jsonb not null,
      source text not null,
      primary key (region_id, area_code, year)
    );
    create index area_boundary_level_year on area_boundary (region_id, level, year)
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table if exists area_boundary;\n');
}
