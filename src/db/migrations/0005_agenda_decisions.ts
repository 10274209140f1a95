/** Decisions on agenda items live on the same dated timeline as progress updates, marked as such. */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    "alter table agenda_update add column kind text not null default 'update' check (kind in ('update', 'besluit'));\n",
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'alter table agenda_update drop column kind;\n');
}
