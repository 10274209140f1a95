/**
 * Roll-ups: a parent area without a figure of its own gets one recomputed from its child areas'
 * numerators and denominators (Σ teller / Σ noemer — never an average of percentages), when
 * *every* child has both. Stored as a measurement (`rollup_children` = how many children), so
 * disclosure control decides over it together with its children, and every output says so in
 * the source text. Recomputed at each disclosure refresh, bottom-up (buurt → wijk → gemeente →
 * provincie), so a gemeente can be the sum of wijk roll-ups.
 */
import type { Area } from '../areas/index.js';

/** Child level → parent level, bottom-up. A gemeente may have two partitions (wijken, postcodes). */
const ROLLUP_STEPS: ReadonlyArray<[string, string]> = [
  ['buurt', 'wijk'],
  ['wijk', 'gemeente'],
  ['postcode', 'gemeente'],
  ['gemeente', 'provincie'],
];
const LEVEL_NAMES_PLURAL: Record<string, string> = {
  buurt: 'buurten',
  wijk: 'wijken',
  postcode: 'postcodegebieden',
  gemeente: 'gemeenten',
};

/**
 * A grouping of gemeenten that is not in the CBS tree: a HEMA subregion (`hema-<code>`), whose
 * gemeenten a beheerder assigns. Summed after the gemeenten, like any parent.
 */
export type Partition = { code: string; members: string[] };

/** The measurement area code of a HEMA subregion: lower case, so it never looks like a CBS code. */
export function subregionAreaCode(subregionCode: string): string {
  return `hema-${subregionCode}`;
}

export type RollupSource = {
  area_code: string;
  period: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  sample_size: number | null;
  data_source_id: number | null;
  source: string;
  is_demo: boolean;
  is_projection: boolean;
  rollup_children: number | null;
};

export type Rollup = {
  areaCode: string;
  period: string;
  value: number;
  numerator: number;
  denominator: number;
  sampleSize: number | null;
  dataSourceId: number | null;
  source: string;
  isDemo: boolean;
  isProjection: boolean;
  children: number;
};

/** A summable figure; `raw` is its value as stored (its decimals tell how it was rounded). */
type Cell = Omit<Rollup, 'children' | 'value'> & { value: number | null; raw: string | null };
const num = (v: string | null) => (v === null ? null : Number(v));

const SCALES = [1, 10, 100, 1000, 10_000, 100_000];

/** Half a unit of the last decimal the value was given with: 27.1 → 0.05, 27 → 0.5. */
function roundingOf(raw: string): number {
  const point = raw.indexOf('.');
  let end = raw.length;
  if (point >= 0) while (end > point + 1 && raw[end - 1] === '0') end -= 1;
  const decimals = point >= 0 ? end - point - 1 : 0;
  return 0.5 * 10 ** -decimals + 1e-9;
}

/**
 * value = numerator / denominator × scale: the scale (1, 100, 1000 …) that every child's value
 * fits, within the rounding of that value (1/150 given as 0.7 is 0.67 × 100). No single scale:
 * no roll-up (the figure is no plain ratio). All children zero: any scale gives zero.
 */
function scaleOf(cells: Cell[]): number | undefined {
  let candidates = SCALES;
  for (const c of cells) {
    if (c.raw === null) continue;
    const value = Number(c.raw);
    const tolerance = roundingOf(c.raw);
    candidates = candidates.filter(
      (scale) => Math.abs(value - (c.numerator / c.denominator) * scale) <= tolerance,
    );
  }
  if (candidates.length === 1) return candidates[0];
  return cells.every((c) => c.numerator === 0) ? 1 : undefined;
}

/** A child's source without the "Opgeteld uit …; bron: " of a roll-up (kept per text: one regex per source, not per cell). */
function originalSource(source: string, memo: Map<string, string>): string {
  let text = memo.get(source);
  if (text === undefined) {
    text = source.replace(/^Opgeteld uit .*?; bron: /, '');
    memo.set(source, text);
  }
  return text;
}

function sumOf(
  children: Cell[],
  parent: string,
  period: string,
  childLevel: string,
  sourceMemo: Map<string, string>,
): Rollup | undefined {
  const scale = scaleOf(children);
  if (scale === undefined) return undefined;
  const numerator = children.reduce((s, c) => s + c.numerator, 0);
  const denominator = children.reduce((s, c) => s + c.denominator, 0);
  if (denominator <= 0) return undefined;
  const sizes = children.map((c) => c.sampleSize);
  const sources = new Set(children.map((c) => c.dataSourceId));
  const texts = [...new Set(children.map((c) => originalSource(c.source, sourceMemo)))];
  return {
    areaCode: parent,
    period,
    value: (numerator / denominator) * scale,
    numerator,
    denominator,
    sampleSize: sizes.every((n) => n !== null)
      ? sizes.reduce<number>((s, n) => s + (n ?? 0), 0)
      : null,
    // One source: its rules apply to the sum too; mixed sources: the default rules.
    dataSourceId: sources.size === 1 ? ([...sources][0] ?? null) : null,
    source:
      `Opgeteld uit de aantallen van ${children.length} ${LEVEL_NAMES_PLURAL[childLevel] ?? childLevel} (teller en noemer); bron: ${texts.join(', ')}`.slice(
        0,
        300,
      ),
    isDemo: children.some((c) => c.isDemo),
    isProjection: children.some((c) => c.isProjection),
    children: children.length,
  };
}

/** The roll-ups one indicator's figures allow (figures of its own are never replaced). */
export function computeRollups(
  rows: RollupSource[],
  areas: Area[],
  partitions: Partition[] = [],
): Rollup[] {
  const childrenByLevel = new Map<string, string[]>();
  for (const a of areas)
    if (a.parentCode) {
      const key = `${a.parentCode}|${a.level}`;
      const list = childrenByLevel.get(key);
      if (list) list.push(a.code);
      else childrenByLevel.set(key, [a.code]);
    }
  // Per period: the areas with a figure of their own (never replaced), and the figures that can
  // be summed (teller and noemer). Keyed by period, then code: no key string built per lookup.
  const present = new Map<string, Set<string>>();
  const summable = new Map<string, Map<string, Cell>>();
  for (const r of rows) {
    if (r.rollup_children !== null) continue;
    let codes = present.get(r.period);
    if (!codes) {
      codes = new Set();
      present.set(r.period, codes);
      summable.set(r.period, new Map());
    }
    codes.add(r.area_code);
    const numerator = num(r.numerator);
    const denominator = num(r.denominator);
    if (numerator === null || denominator === null) continue;
    summable.get(r.period)?.set(r.area_code, {
      areaCode: r.area_code,
      period: r.period,
      value: num(r.value),
      raw: r.value,
      numerator,
      denominator,
      sampleSize: r.sample_size,
      dataSourceId: r.data_source_id,
      source: r.source,
      isDemo: r.is_demo,
      isProjection: r.is_projection,
    });
  }
  const rollups: Rollup[] = [];
  const sourceMemo = new Map<string, string>();
  const tryParent = (
    parent: string,
    codes: readonly string[],
    childLevel: string,
    period: { present: Set<string>; summable: Map<string, Cell>; name: string },
  ) => {
    if (period.present.has(parent) || codes.length === 0) return;
    const cells: Cell[] = [];
    for (const code of codes) {
      const cell = period.summable.get(code);
      // One child without teller and noemer: no sum (it would be a sum of only some parts).
      if (!cell) return;
      cells.push(cell);
    }
    const rollup = sumOf(cells, parent, period.name, childLevel, sourceMemo);
    if (!rollup) return;
    rollups.push(rollup);
    // The sum counts as the parent's figure for the next step up.
    period.present.add(parent);
    // Its exact value as the raw text: a parent whose children are all roll-ups (a gemeente of
    // wijken that are sums of buurten) reads the scale from them like from stored figures.
    period.summable.set(parent, { ...rollup, raw: String(rollup.value) });
  };
  // Each step's parents with their children, looked up once rather than once per period.
  const steps = ROLLUP_STEPS.map(([childLevel, parentLevel]) => ({
    childLevel,
    parents: areas
      .filter((a) => a.level === parentLevel)
      .map((a) => ({
        code: a.code,
        children: childrenByLevel.get(`${a.code}|${childLevel}`) ?? [],
      })),
  }));
  for (const [name, codes] of present) {
    const period = { name, present: codes, summable: summable.get(name) ?? new Map() };
    for (const { childLevel, parents } of steps)
      for (const parent of parents) tryParent(parent.code, parent.children, childLevel, period);
    for (const partition of partitions)
      tryParent(partition.code, partition.members, 'gemeente', period);
  }
  return rollups;
}
