/**
 * Each measurement keeps its figure as the map API shows it (ADR 0015): `shown_figure`, a JSON
 * array after disclosure control, computed by a trigger the disclosure module defines and
 * `migrateToLatest` installs right after the migrations (it follows that module's code, so it is
 * not a snapshot here; installing it computes every existing row). The map index now carries that
 * array instead of the ten columns it was made from (migration 0019): a national buurt map strings
 * 14 500 arrays together from the index alone, grouped by source.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table measurement add column shown_figure text;
    drop index if exists measurement_area_period;
    create index measurement_area_period on measurement (indicator_id, period, area_code)
      include (source, is_demo, shown_figure)
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop trigger if exists measurement_shown_figure on measurement;
    drop trigger if exists data_source_shown_figures on data_source;
    drop function if exists marke_shown_figure();
    drop function if exists marke_source_rules_changed();
    drop index if exists measurement_area_period;
    alter table measurement drop column if exists shown_figure;
    create index measurement_area_period on measurement (indicator_id, period, area_code)
      include (value, missing_reason, numerator, denominator, sample_size, ci_low, ci_high,
               source, is_demo, suppressed, data_source_id)
  `,
  );
}
