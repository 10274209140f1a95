/**
 * The map index carries what a map shows (issue 4, benchmark a; ADR 0014). A map reads one
 * indicator's figures in one period for every area of a level — 14 500 rows for the national
 * buurt layer. With only the key in the index, PostgreSQL fetched each row from the table (the
 * rows of one period lie spread over all pages of the indicator); with the shown columns
 * included it answers from the index alone. Same key, so it replaces the old index instead of
 * adding a second one for every import to maintain.
 *
 * A map of one level reads the codes of that level as a range of the index (`BU` ≤ code < `BV`:
 * the buurten) instead of joining `area`. That holds only while every area's code fits its
 * level, which the areas import checks; the constraint makes it a property of the table (a code
 * with a prefix no level has is refused too; `area_code_check` already allows none). It blocks
 * writes to measurement while the index is rebuilt: under a second for Drenthe, 12 s for the 9 M
 * rows of the benchmark set (development database).
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
               source, is_demo, suppressed, data_source_id);
    alter table area add constraint area_code_fits_level check (coalesce(level = case left(code, 2)
      when 'NL' then 'land' when 'PV' then 'provincie' when 'GG' then 'ggd-regio'
      when 'ZK' then 'zorgkantoorregio' when 'GM' then 'gemeente' when 'WK' then 'wijk'
      when 'BU' then 'buurt' when 'PC' then 'postcode' end, false))
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table area drop constraint if exists area_code_fits_level;
    drop index if exists measurement_area_period;
    create index measurement_area_period on measurement (indicator_id, period, area_code)
  `,
  );
}
