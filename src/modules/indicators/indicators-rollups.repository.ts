/** Reading and writing roll-up rows (see indicators.rollups.ts for the rule). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Rollup } from './indicators.rollups.js';

type Db = Kysely<Database>;

/** The cells roll-ups are computed from, per indicator. */
export function listRollupSources(db: Db, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measurement')
    .select([
      'indicator_id',
      'area_code',
      'period',
      'value',
      'numerator',
      'denominator',
      'sample_size',
      'data_source_id',
      'source',
      'is_demo',
      'is_projection',
      'rollup_children',
    ])
    .where('indicator_id', 'in', indicatorIds)
    .execute();
}

/** Replaces one indicator's roll-ups: stale ones deleted, the others written (never over an own figure). */
export async function storeRollups(db: Db, indicatorId: number, rollups: Rollup[]) {
  const keep = new Set(rollups.map((r) => `${r.areaCode}|${r.period}`));
  const stale = (
    await db
      .selectFrom('measurement')
      .select(['id', 'area_code', 'period'])
      .where('indicator_id', '=', indicatorId)
      .where('rollup_children', 'is not', null)
      .execute()
  ).filter((r) => !keep.has(`${r.area_code}|${r.period}`));
  if (stale.length > 0)
    await db
      .deleteFrom('measurement')
      .where(
        'id',
        'in',
        stale.map((r) => r.id),
      )
      .execute();
  for (let i = 0; i < rollups.length; i += 1000)
    await db
      .insertInto('measurement')
      .values(
        rollups.slice(i, i + 1000).map((r) => ({
          indicator_id: indicatorId,
          area_code: r.areaCode,
          period: r.period,
          value: r.value,
          missing_reason: null,
          numerator: r.numerator,
          denominator: r.denominator,
          sample_size: r.sampleSize,
          source: r.source,
          is_demo: r.isDemo,
          is_projection: r.isProjection,
          data_source_id: r.dataSourceId,
          rollup_children: r.children,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['indicator_id', 'area_code', 'period'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            numerator: eb.ref('excluded.numerator'),
            denominator: eb.ref('excluded.denominator'),
            sample_size: eb.ref('excluded.sample_size'),
            source: eb.ref('excluded.source'),
            is_demo: eb.ref('excluded.is_demo'),
            is_projection: eb.ref('excluded.is_projection'),
            data_source_id: eb.ref('excluded.data_source_id'),
            rollup_children: eb.ref('excluded.rollup_children'),
          }))
          .where('measurement.rollup_children', 'is not', null),
      )
      .execute();
}
