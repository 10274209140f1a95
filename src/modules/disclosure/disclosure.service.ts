/**
 * The one disclosure module every output goes through (pages, maps, tables, API, CSV, GeoJSON,
 * search). It decides over all figures of one indicator at once (every area and period), so
 * every output of that indicator hides the same cells:
 *
 * 1. primary suppression: a figure based on fewer observations than the source's threshold;
 * 2. secondary suppression: a total and its parts are one sum (a gemeente and its wijken, a
 *    region and the gemeenten it covers, a year and its quarters). When exactly one member of
 *    such a group is unknown, it can be worked out from the others, so one more member is
 *    hidden, repeated until no group has exactly one unknown member. Unknown means hidden,
 *    not published (no value, e.g. the source's own "x") or absent from the data altogether;
 * 3. rounding per source (values to decimals, counts to a base), see `roundCell`.
 *
 * Groups only bind figures that add up, i.e. sets that carry counts (numerator, denominator or
 * sample size); percentages without counts cannot be recombined and have no groups.
 * A suppressed cell loses its value, counts and confidence interval, not only its value.
 */
import type { Cell, DisclosedCell, DisclosurePolicy, Suppression } from './disclosure.types.js';

/** A total and the parts it is the sum of, by cell key. */
export type Group = { total: string; parts: string[] };

/** The number of observations a figure rests on, or null when the source does not say. */
export function observations(cell: Cell): number | null {
  return cell.sampleSize ?? cell.denominator;
}

const hasCounts = (cell: Cell) =>
  cell.numerator !== null || cell.denominator !== null || cell.sampleSize !== null;

function roundTo(value: number | null, decimals: number | undefined): number | null {
  if (value === null || decimals === undefined) return value;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function roundCount(value: number | null, base: number | undefined): number | null {
  if (value === null || !base || base <= 1) return value;
  return Math.round(value / base) * base;
}

/** Rounds a shown figure as its source prescribes (values to decimals, counts to a base). */
export function roundCell<C extends Cell>(cell: C, policy: DisclosurePolicy): C {
  return {
    ...cell,
    value: roundTo(cell.value, policy.decimals),
    ciLow: roundTo(cell.ciLow, policy.decimals),
    ciHigh: roundTo(cell.ciHigh, policy.decimals),
    numerator: roundCount(cell.numerator, policy.countBase),
    denominator: roundCount(cell.denominator, policy.countBase),
    sampleSize: roundCount(cell.sampleSize, policy.countBase),
  };
}

function hide<C extends Cell>(cell: C, reason: Suppression): DisclosedCell<C> {
  return {
    ...cell,
    value: null,
    numerator: null,
    denominator: null,
    sampleSize: null,
    ciLow: null,
    ciHigh: null,
    suppressed: reason,
  };
}

/**
 * Until no group has exactly one unknown member: hide the smallest shown part of such a group
 * (least information lost), or else its total.
 */
function protectGroups(
  cells: Map<string, Cell>,
  hidden: Map<string, Suppression>,
  groups: Group[],
): void {
  const shown = (key: string) => !hidden.has(key) && (cells.get(key)?.value ?? null) !== null;
  const size = (key: string) => {
    const cell = cells.get(key);
    return (cell && observations(cell)) ?? Number.POSITIVE_INFINITY;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of groups) {
      if (parts.length === 0) continue;
      const members = [total, ...parts];
      if (members.filter((m) => !shown(m)).length !== 1) continue;
      const next =
        parts.filter(shown).sort((a, b) => size(a) - size(b) || a.localeCompare(b))[0] ?? total;
      hidden.set(next, 'secondary');
      changed = true;
    }
  }
}

/**
 * The decision alone, per cell in the order given (null: may be shown), for callers that store
 * it (the refresh after an import decides over 200 000 cells and needs no rounded copies).
 */
export function decideSuppression<C extends Cell>(
  cells: readonly C[],
  policy: DisclosurePolicy | ((cell: C) => DisclosurePolicy),
  groups: Group[],
  keyOf: (cell: C) => string,
): Array<Suppression | null> {
  const policyOf = typeof policy === 'function' ? policy : () => policy;
  const byKey = new Map<string, Cell>();
  const hidden = new Map<string, Suppression>();
  for (const cell of cells) {
    const key = keyOf(cell);
    byKey.set(key, cell);
    // Each figure follows the rules of its own source (threshold, rounding).
    const n = observations(cell);
    if (n !== null && n < policyOf(cell).threshold) hidden.set(key, 'primary');
  }
  if (cells.some(hasCounts)) protectGroups(byKey, hidden, groups);
  return cells.map((cell) => hidden.get(keyOf(cell)) ?? null);
}

/**
 * Applies disclosure control to all figures of one indicator. `keyOf` names a cell (area and
 * period); `groups` are the sums among those keys (see `areaGroups` and `periodGroups`).
 */
export function discloseCells<C extends Cell>(
  cells: readonly C[],
  policy: DisclosurePolicy | ((cell: C) => DisclosurePolicy),
  groups: Group[],
  keyOf: (cell: C) => string,
): Array<DisclosedCell<C>> {
  const policyOf = typeof policy === 'function' ? policy : () => policy;
  const decisions = decideSuppression(cells, policyOf, groups, keyOf);
  return cells.map((cell, i) => {
    const reason = decisions[i];
    return reason ? hide(cell, reason) : { ...roundCell(cell, policyOf(cell)), suppressed: null };
  });
}

/**
 * Groups of the area tree for one period: every area with a figure is the total of all its
 * child areas (also those without a figure, which count as unknown). `aliases` adds totals that
 * cover the same areas as another one (a GGD region that is exactly the province).
 */
export function areaGroups(
  present: Iterable<string>,
  childrenOf: (code: string) => readonly string[],
  keyOf: (code: string) => string = (code) => code,
  aliases: ReadonlyMap<string, string> = new Map(),
): Group[] {
  return areaPartitionGroups(present, (code) => [childrenOf(code)], keyOf, aliases);
}

/**
 * Like `areaGroups`, for areas divided in more than one way: a gemeente is the sum of its wijken
 * and, separately, the sum of its postcode areas. Each division is its own group. One mixed
 * group would be wrong both ways: its parts do not add up to the total (each person counted
 * twice), and the figures of the other division count as unknown parts, so a group never has
 * exactly one unknown member and a hidden figure is not protected.
 */
export function areaPartitionGroups(
  present: Iterable<string>,
  partitionsOf: (code: string) => ReadonlyArray<readonly string[]>,
  keyOf: (code: string) => string = (code) => code,
  aliases: ReadonlyMap<string, string> = new Map(),
): Group[] {
  const groups: Group[] = [];
  for (const code of present)
    for (const children of partitionsOf(aliases.get(code) ?? code))
      if (children.length > 0) groups.push({ total: keyOf(code), parts: children.map(keyOf) });
  return groups;
}

const HALVES: Record<string, string[]> = { H1: ['Q1', 'Q2'], H2: ['Q3', 'Q4'] };
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * Groups over time for one area: a year is the sum of its halves, of its quarters and of its
 * months, a half year of its two quarters. Only for periods present, with their parts as keys.
 */
export function periodGroups(
  periods: Iterable<string>,
  keyOf: (period: string) => string,
): Group[] {
  const groups: Group[] = [];
  const all = new Set(periods);
  const partsPresent = (parts: readonly string[]) => parts.some((p) => all.has(p));
  for (const period of all)
    for (const parts of periodPartitions(period))
      if (partsPresent(parts)) groups.push({ total: keyOf(period), parts: parts.map(keyOf) });
  return groups;
}

/** Kept per period: a national refresh asks for the same ten years once per area (18 000 ×). */
const partitionsByPeriod = new Map<string, ReadonlyArray<readonly string[]>>();

/** The ways a period divides into smaller periods (a year: halves, quarters, months). */
function periodPartitions(period: string): ReadonlyArray<readonly string[]> {
  const known = partitionsByPeriod.get(period);
  if (known) return known;
  const year = /^(20[0-9]{2}|19[0-9]{2})$/.exec(period)?.[1];
  const half = /^([0-9]{4})-(H[12])$/.exec(period);
  const partitions = year
    ? [
        [`${year}-H1`, `${year}-H2`],
        ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${year}-${q}`),
        MONTHS.map((m) => `${year}-${m}`),
      ]
    : half
      ? [(HALVES[half[2] ?? ''] ?? []).map((q) => `${half[1]}-${q}`)]
      : [];
  // Periods are checked strings (a year, half, quarter or month): a few hundred at most.
  if (partitionsByPeriod.size < 10_000) partitionsByPeriod.set(period, partitions);
  return partitions;
}

/**
 * One period's figures by area code, with the area tree given as parents (a convenience for
 * callers that hold only the figures: the children are the other figures' areas).
 */
export function disclose<C extends Cell>(
  cells: readonly C[],
  policy: DisclosurePolicy,
  parentOf: (code: string) => string | null,
): Array<DisclosedCell<C>> {
  const children = new Map<string, string[]>();
  for (const cell of cells) {
    const parent = parentOf(cell.areaCode);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), cell.areaCode]);
  }
  const groups = areaGroups(
    cells.map((c) => c.areaCode),
    (code) => children.get(code) ?? [],
  );
  return discloseCells(cells, policy, groups, (c) => c.areaCode);
}
