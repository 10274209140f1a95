/**
 * Subregions inside a region (issue 4 §1: the HEMA subregions Hoogeveen, Emmen, Meppel and Assen
 * in Drenthe). Which gemeente belongs to which is configuration a beheerder keeps; a gemeente
 * belongs to at most one subregion.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table subregion (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      code text not null check (code ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
      name text not null,
      description text not null default '',
      unique (region_id, code)
    );
    create table subregion_member (
      region_id int not null references region(id) on delete cascade,
      gemeente_code text not null,
      subregion_id int not null references subregion(id) on delete cascade,
      primary key (region_id, gemeente_code)
    )
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'drop table if exists subregion_member;\ndrop table if exists subregion;\n',
  );
}
