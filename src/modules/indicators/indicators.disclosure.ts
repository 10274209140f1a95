/**
 * Keeps `measurement.suppressed` right: after every change to an indicator's measurements (an
 * import, the seed) or to the areas, the disclosure module decides again over all areas of each
 * indicator and period, so every output (pages, API, CSV, snapshots) hides the same cells.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { listAreas } from '../areas/index.js';
import { DEFAULT_POLICY, disclose } from '../disclosure/index.js';
import { bumpDataVersion } from '../plan/index.js';
import * as repo from './indicators.repository.js';

type Db = Kysely<Database>;
const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** Recomputes suppression for these indicators (all of the region's when `indicatorIds` is absent). */
export async function refreshSuppression(
  db: Db,
  regionId: number,
  indicatorIds?: number[],
): Promise<{ hidden: number; changed: number }> {
  const ids = indicatorIds ?? (await repo.indicatorIdsOfRegion(db, regionId));
  const parents = new Map(
    (await listAreas(db, regionId)).map((a) => [a.code, a.parentCode] as const),
  );
  const parentOf = (code: string) => parents.get(code) ?? null;
  const rows = await repo.listCellsForDisclosure(db, ids);
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.indicator_id} ${row.period}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const changes: Array<{ id: string; suppressed: 'primary' | 'secondary' | null }> = [];
  let hidden = 0;
  for (const group of groups.values()) {
    const cells = group.map((row) => ({
      areaCode: row.area_code,
      value: num(row.value),
      numerator: num(row.numerator),
      denominator: num(row.denominator),
      sampleSize: row.sample_size,
      ciLow: null,
      ciHigh: null,
    }));
    const decided = disclose(cells, DEFAULT_POLICY, parentOf);
    decided.forEach((cell, i) => {
      const row = group[i];
      if (!row) return;
      if (cell.suppressed) hidden += 1;
      if (row.suppressed !== cell.suppressed)
        changes.push({ id: row.id, suppressed: cell.suppressed });
    });
  }
  await repo.setSuppression(db, changes);
  return { hidden, changed: changes.length };
}

/**
 * Bump when the disclosure rules change: every region's figures are then decided again on the
 * next start (also the first start after migration 0012 added the column).
 */
const DISCLOSURE_RULES = 'disclosure-rules-v1';

/**
 * On start: decides suppression again when the rules changed since this region was last decided,
 * or always with `force` (the areas changed, so other figures may be siblings now).
 */
export async function ensureSuppressionCurrent(
  db: Db,
  regionId: number,
  force = false,
): Promise<boolean> {
  const current = (await repo.seedChecksum(db, regionId, DISCLOSURE_RULES)) === DISCLOSURE_RULES;
  if (current && !force) return false;
  await db.transaction().execute(async (trx) => {
    await refreshSuppression(trx, regionId);
    await repo.setSeedChecksum(trx, regionId, DISCLOSURE_RULES, DISCLOSURE_RULES);
    await bumpDataVersion(trx);
  });
  return true;
}
