/**
 * Which services residents may see, as one SQL condition shared by the resident search, the
 * HSDS API and the directory export, so "published" cannot mean two things.
 */
import { type RawBuilder, sql } from 'kysely';

import { HIDDEN_AFTER_MONTHS } from './freshness.js';

/** The check ages live in freshness.ts (6, 12, 15 months), beside the editors' states. */
export { HIDDEN_AFTER_MONTHS };

/**
 * True for a service residents may see: approved by a beheerder, active, and checked (or, never
 * checked, created) less than HIDDEN_AFTER_MONTHS ago. `alias` names hsds_service in the query.
 */
export function isVisibleService(alias: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${column('review_status')} = 'goedgekeurd'
    and ${column('status')} = 'active'
    and least(coalesce(${column('assured_date')}, ${column('created_at')}::date), current_date)
      > current_date - make_interval(months => ${sql.lit(HIDDEN_AFTER_MONTHS)}))`;
}

/**
 * The same rule on a service's search row (`hsds_search_entry`, ADR 0017), whose `listed` and
 * `checked_on` the trigger of migration 0022 derives from the same columns; on the region too.
 * `directory-search.test.ts` checks that both select the same services.
 */
export function isVisibleEntry(alias: string, regionId: number): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${column('region_id')} = ${regionId}
    and ${column('listed')} and ${column('ladder_rank')} is not null
    and ${column('checked_on')}
      > current_date - make_interval(months => ${sql.lit(HIDDEN_AFTER_MONTHS)}))`;
}
