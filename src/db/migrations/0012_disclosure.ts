/**
 * Disclosure control stored with each measurement (issue 4 §4): `suppressed` says whether the
 * figure is hidden on every output, and why (too few observations, or to protect a hidden
 * sibling). It is recomputed for a whole indicator whenever its measurements or the areas change.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table measurement
      add column suppressed text check (suppressed in ('primary', 'secondary'));
    -- Until the first start decides again (secondary suppression too), at least the figures on
    -- too few observations stay hidden.
    update measurement set suppressed = 'primary'
      where coalesce(sample_size::numeric, denominator) < 10
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'alter table measurement drop column if exists suppressed;\n');
}
