/**
 * File imports (werkagenda, measurements; later the datawerkplaats) are staged as a batch: the
 * parsed rows wait as a preview until the user confirms, then are applied in one transaction.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table import_batch (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      kind text not null,
      filename text not null,
      checksum text not null,
      row_count int not null,
      status text not null default 'preview' check (status in ('preview', 'applied', 'discarded')),
      payload jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      applied_at timestamptz,
      applied_by text
    );
    create index import_batch_applied on import_batch (region_id, kind, checksum) where status = 'applied';
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table if exists import_batch cascade;\n');
}
