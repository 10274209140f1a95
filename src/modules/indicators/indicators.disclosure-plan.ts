/**
 * The disclosure decision over one indicator, as a plan without any database access: its roll-ups
 * recomputed from its own figures, one decision over own figures and roll-ups together (a sum is
 * protected with its parts), and what must be written for it. `indicators.disclosure.ts` reads
 * the cells and stores the plan; an import plans from the cells it is writing at that moment.
 */
import type { Area } from '../areas/index.js';
import {
  areaPartitionGroups,
  type Cell,
  type DisclosurePolicy,
  decideSuppression,
  type Group,
  periodGroups,
} from '../disclosure/index.js';
import {
  computeRollups,
  type Partition,
  type Rollup,
  type RollupSource,
} from './indicators.rollups.js';

type Suppressed = 'primary' | 'secondary' | null;
const num = (v: string | null): number | null => (v === null ? null : Number(v));
const keyOf = (area: string, period: string) => `${area}|${period}`;
const PROVINCE_ALIKE = new Set(['ggd-regio', 'zorgkantoorregio']);

/** A cell of an indicator as stored (numbers as PostgreSQL returns numeric: text). */
export type StoredCell = RollupSource & {
  /** Null for a row an import is writing in this same transaction. */
  id: string | null;
  suppressed: Suppressed;
};

type Hierarchy = {
  /** An area's child areas, one list per level (its wijken; apart from them, its postcodes). */
  partitionsOf: (code: string) => ReadonlyArray<readonly string[]>;
  aliases: ReadonlyMap<string, string>;
};

/** What a decision needs besides the cells: the area tree, subregions and each source's rules. */
export type DisclosureContext = {
  areas: Area[];
  partitions: Partition[];
  hierarchy: Hierarchy;
  policyOf: (sourceId: number | null) => DisclosurePolicy;
};

/** A roll-up as stored: its figure and the disclosure decision taken over it. */
export type DecidedRollup = Rollup & { suppressed: Suppressed };

export type DisclosurePlan = {
  indicatorId: number;
  /** Own figures whose decision differs from the stored one. */
  decisions: Array<{ areaCode: string; period: string; suppressed: Suppressed }>;
  rollups: { added: DecidedRollup[]; changed: DecidedRollup[] };
  /** Stored roll-ups no longer computed. */
  staleIds: string[];
  hidden: number;
  changed: number;
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
export function hierarchyOf(areas: Area[], partitions: Partition[]): Hierarchy {
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

/** The sums among one indicator's figures: per period over the area tree, per area over time. */
function groupsOf(
  cells: ReadonlyArray<{ areaCode: string; period: string }>,
  hierarchy: Hierarchy,
): Group[] {
  const areasByPeriod = new Map<string, string[]>();
  const periodsByArea = new Map<string, string[]>();
  // Push, not spread: copying the list per row was quadratic (a minute per indicator at 14 500
  // buurten × 10 years, see BENCHMARKS.md).
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const c of cells) {
    add(areasByPeriod, c.period, c.areaCode);
    add(periodsByArea, c.areaCode, c.period);
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

/** A stored roll-up that needs no write: the same sum, the same decision. */
function unchanged(stored: StoredCell, rollup: DecidedRollup): boolean {
  return (
    num(stored.value) === rollup.value &&
    num(stored.numerator) === rollup.numerator &&
    num(stored.denominator) === rollup.denominator &&
    stored.sample_size === rollup.sampleSize &&
    stored.source === rollup.source &&
    stored.is_demo === rollup.isDemo &&
    stored.is_projection === rollup.isProjection &&
    stored.data_source_id === rollup.dataSourceId &&
    stored.rollup_children === rollup.children &&
    stored.suppressed === rollup.suppressed
  );
}

type DecisionCell = Cell & { key: string; period: string; sourceId: number | null };

/** The cells to decide over: own figures, then roll-ups (built field by field: 200 000 of them). */
function decisionCells(own: readonly StoredCell[], rollups: readonly Rollup[]): DecisionCell[] {
  const cells: DecisionCell[] = own.map((row) => ({
    key: keyOf(row.area_code, row.period),
    areaCode: row.area_code,
    period: row.period,
    sourceId: row.data_source_id,
    value: num(row.value),
    numerator: num(row.numerator),
    denominator: num(row.denominator),
    sampleSize: row.sample_size,
    ciLow: null,
    ciHigh: null,
  }));
  for (const r of rollups)
    cells.push({
      key: keyOf(r.areaCode, r.period),
      areaCode: r.areaCode,
      period: r.period,
      sourceId: r.dataSourceId,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      sampleSize: r.sampleSize,
      ciLow: null,
      ciHigh: null,
    });
  return cells;
}

/** The plan for one indicator from all its cells (own figures and stored roll-ups). */
export function planIndicator(
  indicatorId: number,
  stored: readonly StoredCell[],
  context: DisclosureContext,
): DisclosurePlan {
  const own = stored.filter((row) => row.rollup_children === null);
  const storedRollups = new Map<string, StoredCell>();
  for (const row of stored)
    if (row.rollup_children !== null) storedRollups.set(keyOf(row.area_code, row.period), row);
  const rollups = computeRollups(own, context.areas, context.partitions);
  const cells = decisionCells(own, rollups);
  const decided = decideSuppression(
    cells,
    (cell) => context.policyOf(cell.sourceId),
    groupsOf(cells, context.hierarchy),
    (c) => c.key,
  );
  const at = (i: number): Suppressed => decided[i] ?? null;
  const plan: DisclosurePlan = {
    indicatorId,
    decisions: [],
    rollups: { added: [], changed: [] },
    staleIds: [],
    hidden: decided.filter((d) => d !== null).length,
    changed: 0,
  };
  own.forEach((row, i) => {
    if (row.suppressed !== at(i))
      plan.decisions.push({ areaCode: row.area_code, period: row.period, suppressed: at(i) });
  });
  rollups.forEach((rollup, i) => {
    const key = keyOf(rollup.areaCode, rollup.period);
    const before = storedRollups.get(key);
    storedRollups.delete(key);
    const next = { ...rollup, suppressed: at(own.length + i) };
    if ((before?.suppressed ?? null) !== next.suppressed) plan.changed += 1;
    if (!before) plan.rollups.added.push(next);
    else if (!unchanged(before, next)) plan.rollups.changed.push(next);
  });
  // What is left of the stored roll-ups is no longer computed: stale.
  for (const row of storedRollups.values()) if (row.id !== null) plan.staleIds.push(row.id);
  plan.changed += plan.decisions.length;
  return plan;
}
