/** Writing roll-up rows (see indicators.rollups.ts for the rule). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DecidedRollup } from './indicators.disclosure-plan.js';
import { writeMeasurements } from './measurements-write.repository.js';

type Db = Kysely<Database>;

/**
 * Writes one indicator's roll-ups with their disclosure decision: `added` are not stored yet
 * (plain insert; the caller holds the region's lock), `changed` replace stored roll-ups (never a
 * figure of its own). Deletes the stale ones (rows of roll-ups no longer computed).
 */
export async function storeRollups(
  db: Db,
  indicatorId: number,
  rollups: { added: readonly DecidedRollup[]; changed: readonly DecidedRollup[] },
  staleIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < staleIds.length; i += 5000)
    await db
      .deleteFrom('measurement')
      .where('id', 'in', staleIds.slice(i, i + 5000))
      .execute();
  const records = (list: readonly DecidedRollup[]) =>
    list.map((r) => ({
      indicator_id: indicatorId,
      area_code: r.areaCode,
      period: r.period,
      value: r.value,
      missing_reason: null,
      numerator: r.numerator,
      denominator: r.denominator,
      sample_size: r.sampleSize,
      ci_low: null,
      ci_high: null,
      source: r.source,
      note: '',
      is_demo: r.isDemo,
      is_projection: r.isProjection,
      import_batch_id: null,
      data_source_id: r.dataSourceId,
      rollup_children: r.children,
      suppressed: r.suppressed,
    }));
  await writeMeasurements(db, records(rollups.added), 'none');
  await writeMeasurements(db, records(rollups.changed), 'rollups-only');
}
