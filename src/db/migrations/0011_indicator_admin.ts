/**
 * Indicators managed in the browser next to the plan file. One row per indicator code that
 * `indicators.yaml` defines: the checksum of its entry as last loaded, and since when (and by whom)
 * it is managed in beheer instead. The row outlives a deleted indicator, so a file change never
 * brings back an indicator a data steward removed.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table indicator_seed (
      region_id int not null references region(id) on delete cascade,
      code text not null,
      checksum text not null,
      loaded_at timestamptz not null default now(),
      managed_here_at timestamptz,
      managed_here_by text,
      primary key (region_id, code)
    )
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table if exists indicator_seed;\n');
}
