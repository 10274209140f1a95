/**
 * Keeps `measurement.suppressed` right: after every change to an indicator's measurements (an
 * import, the seed) or to the areas, the disclosure module decides again over all areas of each
 * indicator and period, so every output (pages, API, CSV, snapshots) hides the same cells.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { seedFileChecksum, setSeedFileChecksum } from '../../db/seed-file.js';
import { areasChecksum, listAreas, subregionView } from '../areas/index.js';
import { DEFAULT_POLICY } from '../disclosure/index.js';
import { bumpDataVersion } from '../plan/index.js';
import { policiesById } from '../sources/index.js';
import {
  type DisclosureContext,
  type DisclosurePlan,
  hierarchyOf,
  planIndicator,
  type StoredCell,
} from './indicators.disclosure-plan.js';
import * as repo from './indicators.repository.js';
import { type Partition, subregionAreaCode } from './indicators.rollups.js';
import { storeRollups } from './indicators-rollups.repository.js';
import { setSuppressionByKey } from './measurements-write.repository.js';

type Db = Kysely<Database>;
type Totals = { hidden: number; changed: number };

/** The HEMA subregions with at least one gemeente, as groupings of gemeenten. */
async function subregionPartitions(db: Db, regionId: number): Promise<Partition[]> {
  const view = await subregionView(db, regionId);
  return view.subregions
    .filter((s) => s.gemeenten.length > 0)
    .map((s) => ({ code: subregionAreaCode(s.code), members: s.gemeenten.map((g) => g.code) }));
}

/** The area tree, the subregions and the rules of a region, read once for all its indicators. */
async function disclosureContext(db: Db, regionId: number): Promise<DisclosureContext> {
  const [areas, partitions, policies] = await Promise.all([
    listAreas(db, regionId),
    subregionPartitions(db, regionId),
    policiesById(db, regionId),
  ]);
  return {
    areas,
    partitions,
    hierarchy: hierarchyOf(areas, partitions),
    policyOf: (sourceId) =>
      (sourceId === null ? undefined : policies.get(sourceId)) ?? DEFAULT_POLICY,
  };
}

/** Writes what a plan changed: roll-ups (with their decision), stale roll-ups, own decisions. */
async function storePlan(db: Db, plan: DisclosurePlan): Promise<void> {
  await storeRollups(db, plan.indicatorId, plan.rollups, plan.staleIds);
  await setSuppressionByKey(db, plan.indicatorId, plan.decisions);
}

const add = (totals: Totals, plan: DisclosurePlan) => {
  totals.hidden += plan.hidden;
  totals.changed += plan.changed;
};

/** Recomputes suppression for these indicators (all of the region's when `indicatorIds` is absent). */
export async function refreshSuppression(
  db: Db,
  regionId: number,
  indicatorIds?: number[],
): Promise<Totals> {
  // One decision at a time per region: two imports committing side by side must not each decide
  // without seeing the other's figures (PostgreSQL, READ COMMITTED).
  await repo.lockDisclosure(db, regionId);
  const ids = indicatorIds ?? (await repo.indicatorIdsOfRegion(db, regionId));
  const context = await disclosureContext(db, regionId);
  const totals = { hidden: 0, changed: 0 };
  // One indicator at a time: a national indicator is 180 000 rows, all of them 9 million.
  for (const id of ids) {
    const plan = planIndicator(id, await repo.listStoredCells(db, [id]), context);
    await storePlan(db, plan);
    add(totals, plan);
  }
  return totals;
}

/** Lets queries already sent go out before a long computation holds the event loop. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * For an import, under the region's lock (`lockDisclosure`, taken by the caller before it read
 * the stored cells): `write` stores the imported rows while the decision over the indicators'
 * cells as they will be (`cells()`: the stored ones with the imported ones in their place, built
 * once the write is under way) is computed in the meantime — the database writes on one core,
 * the decision runs on the other. Then the
 * decisions and roll-ups are stored. Same result as writing first and `refreshSuppression` after.
 */
export async function decideWhileWriting(
  db: Db,
  regionId: number,
  cells: () => ReadonlyMap<number, readonly StoredCell[]>,
  write: () => Promise<void>,
): Promise<Totals> {
  const context = await disclosureContext(db, regionId);
  const writing = write();
  // Awaited below; a failure before then must not count as unhandled.
  writing.catch(() => undefined);
  await yieldToIo();
  const plans = [...cells()].map(([id, list]) => planIndicator(id, list, context));
  await writing;
  const totals = { hidden: 0, changed: 0 };
  for (const plan of plans) {
    await storePlan(db, plan);
    add(totals, plan);
  }
  return totals;
}

/**
 * Bump when the disclosure rules change: every region's figures are then decided again on the
 * next start (also the first start after migration 0012 added the column).
 */
const DISCLOSURE_RULES = 'disclosure-rules-v3';

/**
 * On start: decides suppression again when the rules or the areas changed since this region was
 * last decided. The marker holds both, so a stop between loading new areas and deciding again is
 * caught on the next start.
 */
export async function ensureSuppressionCurrent(db: Db, regionId: number): Promise<boolean> {
  const marker = `${DISCLOSURE_RULES}:${(await areasChecksum(db, regionId)) ?? 'geen'}`;
  if ((await seedFileChecksum(db, regionId, DISCLOSURE_RULES)) === marker) return false;
  await db.transaction().execute(async (trx) => {
    await refreshSuppression(trx, regionId);
    await setSeedFileChecksum(trx, regionId, DISCLOSURE_RULES, marker);
    await bumpDataVersion(trx);
  });
  return true;
}
