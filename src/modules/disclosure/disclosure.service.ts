/**
 * The one disclosure module every output goes through (pages, maps, tables, API, CSV, GeoJSON,
 * search). It works on all areas of one indicator and period at once, so every output of that
 * figure hides the same cells:
 *
 * 1. primary suppression: a figure based on fewer observations than the source's threshold;
 * 2. secondary suppression: a parent and its children are one sum, so when exactly one of them
 *    is hidden it can be recomputed from the others; another one is hidden too (repeated until
 *    no parent-with-children group has a single hidden member);
 * 3. rounding per source (values to decimals, counts to a base).
 *
 * A suppressed cell loses its value, counts and confidence interval, not only its value.
 */
import type { Cell, DisclosedCell, DisclosurePolicy, Suppression } from './disclosure.types.js';

/** The number of observations a figure rests on, or null when the source does not say. */
export function observations(cell: Cell): number | null {
  return cell.sampleSize ?? cell.denominator;
}

function roundTo(value: number | null, decimals: number | undefined): number | null {
  if (value === null || decimals === undefined) return value;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function roundCount(value: number | null, base: number | undefined): number | null {
  if (value === null || !base || base <= 1) return value;
  return Math.round(value / base) * base;
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

function round<C extends Cell>(cell: C, policy: DisclosurePolicy): DisclosedCell<C> {
  return {
    ...cell,
    value: roundTo(cell.value, policy.decimals),
    ciLow: roundTo(cell.ciLow, policy.decimals),
    ciHigh: roundTo(cell.ciHigh, policy.decimals),
    numerator: roundCount(cell.numerator, policy.countBase),
    denominator: roundCount(cell.denominator, policy.countBase),
    sampleSize: roundCount(cell.sampleSize, policy.countBase),
    suppressed: null,
  };
}

/** Children per parent, among the areas that have a figure. */
function groupsOf(codes: Set<string>, parentOf: (code: string) => string | null) {
  const groups = new Map<string, string[]>();
  for (const code of codes) {
    const parent = parentOf(code);
    if (!parent || !codes.has(parent)) continue;
    groups.set(parent, [...(groups.get(parent) ?? []), code]);
  }
  return groups;
}

/** Smallest number of observations first (hiding the least information), then by code. */
function bySize(cells: Map<string, Cell>) {
  const size = (code: string) => {
    const cell = cells.get(code);
    return (cell && observations(cell)) ?? Number.POSITIVE_INFINITY;
  };
  return (a: string, b: string) => size(a) - size(b) || a.localeCompare(b);
}

/**
 * Secondary suppression. A parent and its children form one equation (parent = sum of
 * children), so a group with exactly one hidden member gives that member away. Until no group
 * has exactly one, hide one more member: the smallest shown child, or else the parent.
 */
function protectGroups(
  cells: Map<string, Cell>,
  hidden: Map<string, Suppression>,
  parentOf: (code: string) => string | null,
): void {
  const groups = groupsOf(new Set(cells.keys()), parentOf);
  const smallestFirst = bySize(cells);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [parent, children] of groups) {
      const members = [parent, ...children];
      if (members.filter((m) => hidden.has(m)).length !== 1) continue;
      const next = children.filter((c) => !hidden.has(c)).sort(smallestFirst)[0] ?? parent;
      hidden.set(next, 'secondary');
      changed = true;
    }
  }
}

/**
 * Applies disclosure control to all figures of one indicator and period. `parentOf` gives an
 * area's parent in the hierarchy (gemeente → GGD-regio, wijk → gemeente, buurt → wijk).
 */
export function disclose<C extends Cell>(
  cells: readonly C[],
  policy: DisclosurePolicy,
  parentOf: (code: string) => string | null,
): Array<DisclosedCell<C>> {
  const byCode = new Map<string, Cell>(cells.map((c) => [c.areaCode, c]));
  const hidden = new Map<string, Suppression>();
  for (const cell of cells) {
    const n = observations(cell);
    if (n !== null && n < policy.threshold) hidden.set(cell.areaCode, 'primary');
  }
  // Only cells with a value can give a hidden sibling away; empty cells take no part.
  const withValue = new Map(
    [...byCode].filter(([, c]) => c.value !== null || hidden.has(c.areaCode)),
  );
  protectGroups(withValue, hidden, parentOf);
  return cells.map((cell) => {
    const reason = hidden.get(cell.areaCode);
    return reason ? hide(cell, reason) : round(cell, policy);
  });
}
