/**
 * The map index carries what a map shows (issue 4, benchmark a; ADR 0014). A map reads one
 * indicator's figures in one period for every area of a level — 14 500 rows for the national
 * buurt layer. With only the key in the index, PostgreSQL fetched each row from the table (the
 * rows of one period lie spread over all pages of the indicator); with the shown columns
 * included it answers from the index alone. Same key, so it replaces the old index instead of
 * adding a second one for every import to maintain.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop index if exists measurement_area_period;
    create index measurement_area_period on measurement (indicator_id, period, area_code)
      include (value, missing_reason, numerator, denominator, sample_size, ci_low, ci_high,
               source, is_demo, suppressed, data_source_id)
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop index if exists measurement_area_period;
    create index measurement_area_period on measurement (indicator_id, period, area_code)
  `,
  );
}
