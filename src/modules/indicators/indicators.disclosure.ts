/**
 * Keeps `measurement.suppressed` right: after every change to an indicator's measurements (an
 * import, the seed) or to the areas, the disclosure module decides again over all areas of each
 * indicator and period, so every output (pages, API, CSV, snapshots) hides the same cells.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { seedFileChecksum, setSeedFileChecksum } from '../../db/seed-file.js';
import { type Area, areasChecksum, listAreas, subregionView } from '../areas/index.js';
import {
  areaPartitionGroups,
  DEFAULT_POLICY,
  discloseCells,
  type Group,
  periodGroups,
} from '../disclosure/index.js';
import { bumpDataVersion } from '../plan/index.js';
import { policiesById } from '../sources/index.js';
import * as repo from './indicators.repository.js';
import {
  computeRollups,
  type Partition,
  type RollupSource,
  subregionAreaCode,
} from './indicators.rollups.js';
import { listRollupSources, storeRollups } from './indicators-rollups.repository.js';

type Db = Kysely<Database>;
const num = (v: string | null): number | null => (v === null ? null : Number(v));

const PROVINCE_ALIKE = new Set(['ggd-regio', 'zorgkantoorregio']);

type Hierarchy = {
  /** An area's child areas, one list per level (its wijken; apart from them, its postcodes). */
  partitionsOf: (code: string) => ReadonlyArray<readonly string[]>;
  aliases: ReadonlyMap<string, string>;
};

/**
 * The area tree of a region (its own areas only: the other GGD regions and zorgkantoorregio's of
 * the national layers are no part of it). A GGD region or zorgkantoorregio of the region that no
 * area names as its parent is taken to cover the same gemeenten as the region's one province (so
 * it is the same sum): true for Drenthe (GGD Drenthe GG0706 and zorgkantoor Drenthe ZK06 are the
 * province). A region where that is not so must list the gemeenten under it in areas.csv.
 * In such a one-province region the country's total is no sum of the areas listed under it.
 * A gemeente divided into wijken and into postcode areas is two sums, each its own group.
 */
function hierarchyOf(areas: Area[], partitions: Partition[]): Hierarchy {
  const children = new Map<string, Map<string, string[]>>();
  for (const a of areas)
    if (a.parentCode) {
      const byLevel = children.get(a.parentCode) ?? new Map<string, string[]>();
      children.set(a.parentCode, byLevel);
      const list = byLevel.get(a.level);
      if (list) list.push(a.code);
      else byLevel.set(a.level, [a.code]);
    }
  const provinces = areas.filter((a) => a.level === 'provincie');
  const aliases = new Map<string, string>();
  const province = provinces.length === 1 ? provinces[0] : undefined;
  if (province)
    for (const a of areas) {
      if (PROVINCE_ALIKE.has(a.level) && a.inRegion && !children.has(a.code))
        aliases.set(a.code, province.code);
      // The country is not the sum of one province and its aliases: no group for it (a false
      // group would only hide figures for nothing).
      if (a.level === 'land') children.delete(a.code);
    }
  // A HEMA subregion is the sum of its gemeenten; the province is, separately, the sum of its
  // subregions and the gemeenten in none (else province − subregions = the gemeenten in none).
  for (const p of partitions) children.set(p.code, new Map([['gemeente', p.members]]));
  if (province && partitions.length > 0)
    children
      .get(province.code)
      ?.set('hema-subregio', subregionDivision(partitions, areas, province));
  return { partitionsOf: (code) => [...(children.get(code)?.values() ?? [])], aliases };
}

/** The province as subregions plus the gemeenten that belong to none of them. */
function subregionDivision(partitions: Partition[], areas: Area[], province: Area): string[] {
  const assigned = new Set(partitions.flatMap((p) => p.members));
  const unassigned = areas
    .filter(
      (a) => a.level === 'gemeente' && a.parentCode === province.code && !assigned.has(a.code),
    )
    .map((a) => a.code);
  return [...partitions.map((p) => p.code), ...unassigned];
}

type Row = Awaited<ReturnType<typeof repo.listCellsForDisclosure>>[number];
const keyOf = (area: string, period: string) => `${area}|${period}`;

/** The sums among one indicator's figures: per period over the area tree, per area over time. */
function groupsOf(rows: Row[], hierarchy: Hierarchy): Group[] {
  const areasByPeriod = new Map<string, string[]>();
  const periodsByArea = new Map<string, string[]>();
  // Push, not spread: copying the list per row was quadratic (a minute per indicator at 14 500
  // buurten × 10 years, see BENCHMARKS.md).
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const r of rows) {
    add(areasByPeriod, r.period, r.area_code);
    add(periodsByArea, r.area_code, r.period);
  }
  return [
    ...[...areasByPeriod].flatMap(([period, codes]) =>
      areaPartitionGroups(
        codes,
        hierarchy.partitionsOf,
        (code) => keyOf(code, period),
        hierarchy.aliases,
      ),
    ),
    ...[...periodsByArea].flatMap(([area, periods]) =>
      periodGroups(periods, (period) => keyOf(area, period)),
    ),
  ];
}

/** Recomputes the roll-ups of these indicators (parents without a figure, from their children). */
async function refreshRollups(db: Db, ids: number[], areas: Area[], partitions: Partition[]) {
  const rows = await listRollupSources(db, ids);
  const byIndicator = new Map<number, RollupSource[]>(ids.map((id) => [id, []]));
  for (const row of rows) byIndicator.get(row.indicator_id)?.push(row);
  for (const [id, cells] of byIndicator)
    await storeRollups(db, id, computeRollups(cells, areas, partitions));
}

/** The HEMA subregions with at least one gemeente, as groupings of gemeenten. */
async function subregionPartitions(db: Db, regionId: number): Promise<Partition[]> {
  const view = await subregionView(db, regionId);
  return view.subregions
    .filter((s) => s.gemeenten.length > 0)
    .map((s) => ({ code: subregionAreaCode(s.code), members: s.gemeenten.map((g) => g.code) }));
}

/** Recomputes suppression for these indicators (all of the region's when `indicatorIds` is absent). */
export async function refreshSuppression(
  db: Db,
  regionId: number,
  indicatorIds?: number[],
): Promise<{ hidden: number; changed: number }> {
  // One decision at a time per region: two imports committing side by side must not each decide
  // without seeing the other's figures (PostgreSQL, READ COMMITTED).
  await repo.lockDisclosure(db, regionId);
  const ids = indicatorIds ?? (await repo.indicatorIdsOfRegion(db, regionId));
  // The area tree and the subregions, read once for the roll-ups and for the groups.
  const [areas, partitions] = await Promise.all([
    listAreas(db, regionId),
    subregionPartitions(db, regionId),
  ]);
  // Roll-ups first: they are figures too, decided together with their children.
  await refreshRollups(db, ids, areas, partitions);
  const hierarchy = hierarchyOf(areas, partitions);
  const policies = await policiesById(db, regionId);
  const rows = await repo.listCellsForDisclosure(db, ids);
  const byIndicator = new Map<number, Row[]>();
  for (const row of rows) {
    const list = byIndicator.get(row.indicator_id);
    if (list) list.push(row);
    else byIndicator.set(row.indicator_id, [row]);
  }
  const changes: Array<{ id: string; suppressed: 'primary' | 'secondary' | null }> = [];
  let hidden = 0;
  for (const group of byIndicator.values()) {
    const cells = group.map((row) => ({
      key: keyOf(row.area_code, row.period),
      sourceId: row.data_source_id,
      areaCode: row.area_code,
      value: num(row.value),
      numerator: num(row.numerator),
      denominator: num(row.denominator),
      sampleSize: row.sample_size,
      ciLow: null,
      ciHigh: null,
    }));
    const decided = discloseCells(
      cells,
      (cell) =>
        (cell.sourceId === null ? undefined : policies.get(cell.sourceId)) ?? DEFAULT_POLICY,
      groupsOf(group, hierarchy),
      (c) => c.key,
    );
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
