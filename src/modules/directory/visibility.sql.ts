/**
 * Which services residents may see, as one SQL condition shared by the resident search, the
 * HSDS API and the directory export, so "published" cannot mean two things.
 */
import { type RawBuilder, sql } from 'kysely';

/** A listing not checked for this long is hidden (issue 5 §3: 15 months). */
export const HIDDEN_AFTER_MONTHS = 15;

/**
 * True for a service residents may see: approved by a beheerder, active, and checked (or, never
 * checked, created) less than HIDDEN_AFTER_MONTHS ago. `alias` names hsds_service in the query.
 */
export function isVisibleService(alias: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${column('review_status')} = 'goedgekeurd'
    and ${column('status')} = 'active'
    and coalesce(${column('assured_date')}, ${column('created_at')}::date)
      > current_date - make_interval(months => ${sql.lit(HIDDEN_AFTER_MONTHS)}))`;
}
