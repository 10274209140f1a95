/**
 * Issue 4 §2/§3: the column mapping of a wide import is saved per data source (reused next
 * time); indicators may describe a situation without a better direction ("neutraal"); a figure
 * recomputed from the numerators and denominators of its child areas says so (`rollup_children`).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table data_source add column import_mapping jsonb;
    alter table indicator drop constraint if exists indicator_direction_check;
    alter table indicator
      add constraint indicator_direction_check check (direction in ('hoger', 'lager', 'neutraal'));
    alter table measurement add column rollup_children int check (rollup_children > 0)
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table measurement drop column if exists rollup_children;
alter table data_source drop column if exists import_mapping;
`,
  );
}
