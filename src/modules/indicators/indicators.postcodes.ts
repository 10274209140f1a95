/**
 * Population per 4-digit postcode and age group (the `postcode_datasets` of the indicator files):
 * one row per postcode × age group, as CBS 83502NED comes from the certegis package. The file
 * becomes postcode areas (`PC7705`, under the gemeente the file names) and figures per postcode:
 * counts of an age range, and shares of all inhabitants as teller / noemer × 100, also summed to
 * the gemeenten and the province when asked. Pure, so any region's PC4 file is read the same way.
 *
 * Disclosure: every figure of an area rests on that area's inhabitants (the sample size of a
 * count, the noemer of a share), so all figures of a postcode fall under the threshold together
 * and are protected in the same groups; one figure never gives away a hidden other one.
 */
import { readTable } from '../../lib/tabular.js';
import { type Area, type AreaInput, postcodeAreaCode } from '../areas/index.js';
import type * as repo from './indicators.repository.js';
import type { PostcodeDatasetSeedT } from './indicators.types.js';

type Measure = PostcodeDatasetSeedT['measures'][number];
type Table = { columns: string[]; rows: Array<Record<string, string>>; rowNumbers?: number[] };

export const POSTCODE_COLUMNS = ['postcode', 'plaats', 'gemeente', 'leeftijd', 'inwoners'] as const;
const MAX_PROBLEMS = 20;

/** An age group as the file writes it: "0-4", "90-94", "95+" (upper bound Infinity). */
export function parseAgeGroup(text: string): { from: number; to: number } | undefined {
  const range = /^([0-9]{1,3})\s*-\s*([0-9]{1,3})$/.exec(text.trim());
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    return from <= to ? { from, to } : undefined;
  }
  const open = /^([0-9]{1,3})\s*\+$/.exec(text.trim());
  return open ? { from: Number(open[1]), to: Number.POSITIVE_INFINITY } : undefined;
}

const inRange = (group: { from: number; to: number }, measure: Measure) =>
  group.from >= measure.min_age && group.to <= (measure.max_age ?? Number.POSITIVE_INFINITY);

type Postcode = {
  code: string;
  postcode: string;
  plaats: string;
  gemeente: string;
  line: number;
  counts: Map<string, number>;
};

export type PostcodeFigures = {
  /** The postcode areas, each under the gemeente the file names. */
  areas: AreaInput[];
  /** Figures per indicator code. */
  rows: Map<string, repo.MeasurementInsert[]>;
  problems: string[];
};

/** The area of `level` that `code` is or lies in, by walking up the parents. */
function ancestorAt(code: string, level: string, areas: ReadonlyMap<string, Area>) {
  let current = areas.get(code);
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.level === level) return current.code;
    current = current.parentCode ? areas.get(current.parentCode) : undefined;
  }
  return undefined;
}

/** Reads the rows: one postcode per PC4 with its counts per age group, or row problems. */
function readPostcodes(table: Table, gemeenten: Map<string, string>, problems: string[]) {
  const postcodes = new Map<string, Postcode>();
  const groups = new Map<string, { from: number; to: number }>();
  const unknown = new Set<string>();
  table.rows.forEach((row, i) => {
    const line = table.rowNumbers?.[i] ?? i + 2;
    const at = (message: string): void => {
      problems.push(`rij ${line}: ${message}`);
    };
    const code = postcodeAreaCode(row.postcode ?? '');
    const plaats = (row.plaats ?? '').trim();
    const gemeenteName = (row.gemeente ?? '').trim();
    const gemeente = gemeenten.get(gemeenteName.toLowerCase());
    const label = (row.leeftijd ?? '').replace(/\s+/g, '');
    const group = parseAgeGroup(label);
    const raw = (row.inwoners ?? '').trim();
    const before = problems.length;
    if (!code) at(`"${row.postcode ?? ''}" is geen postcode van vier cijfers (zoals 7705).`);
    if (plaats === '') at('De plaats ontbreekt.');
    // An unknown name is said once (at its first row), not for each of its age groups.
    if (!gemeente && !unknown.has(gemeenteName)) {
      unknown.add(gemeenteName);
      at(`Gemeente "${gemeenteName}" staat niet in areas.csv.`);
    }
    if (!group) at(`"${row.leeftijd ?? ''}" is geen leeftijdsgroep (zoals 0-4, 5-9 of 95+).`);
    if (!/^[0-9]{1,9}$/.test(raw))
      at(`"${raw}" is geen aantal inwoners (een heel getal, 0 of meer).`);
    if (problems.length > before || !code || !gemeente || !group) return;
    groups.set(label, group);
    const known = postcodes.get(code);
    if (known && (known.plaats !== plaats || known.gemeente !== gemeente)) {
      at(
        `Postcode ${code.slice(2)} staat in rij ${known.line} bij ${known.plaats} (${known.gemeente}), hier bij ${plaats} (${gemeente}).`,
      );
      return;
    }
    const entry = known ?? {
      code,
      postcode: code.slice(2),
      plaats,
      gemeente,
      line,
      counts: new Map(),
    };
    if (entry.counts.has(label)) {
      at(`Postcode ${entry.postcode}, leeftijd ${label} staat twee keer in het bestand.`);
      return;
    }
    entry.counts.set(label, Number(raw));
    postcodes.set(code, entry);
  });
  return { postcodes, groups };
}

/** The age groups must cover every age once (0 up to an open group such as 95+). */
function checkGroups(groups: Map<string, { from: number; to: number }>, problems: string[]) {
  const sorted = [...groups].sort(([, a], [, b]) => a.from - b.from);
  let next = 0;
  for (const [label, group] of sorted) {
    if (group.from !== next) {
      problems.push(
        `De leeftijdsgroepen sluiten niet op elkaar aan bij ${label} (verwacht vanaf ${next}).`,
      );
      return;
    }
    next = group.to + 1;
  }
  if (sorted.length > 0 && Number.isFinite(next))
    problems.push(`De oudste leeftijdsgroep moet open zijn (zoals 95+), niet tot ${next - 1}.`);
}

function checkMeasures(
  dataset: PostcodeDatasetSeedT,
  groups: Map<string, { from: number; to: number }>,
  problems: string[],
) {
  const starts = new Set([...groups.values()].map((g) => g.from));
  const ends = new Set([...groups.values()].map((g) => g.to));
  for (const m of dataset.measures) {
    if (!starts.has(m.min_age))
      problems.push(
        `${m.indicator}: ${m.min_age} is geen begin van een leeftijdsgroep in het bestand.`,
      );
    if (m.max_age !== undefined && !ends.has(m.max_age))
      problems.push(
        `${m.indicator}: ${m.max_age} is geen einde van een leeftijdsgroep in het bestand.`,
      );
  }
}

/** Figures of one area: its inhabitants and the count of each measure's age range. */
type Totals = { total: number; byMeasure: number[] };

function figureRow(
  dataset: PostcodeDatasetSeedT,
  dataSourceId: number,
  measure: Measure,
  areaCode: string,
  totals: Totals,
  count: number,
): repo.MeasurementInsert {
  const base = {
    indicatorId: 0,
    indicator: measure.indicator,
    areaCode,
    period: dataset.period,
    ciLow: null,
    ciHigh: null,
    source: dataset.source,
    note: '',
    dataSourceId,
  };
  if (!measure.share)
    // A count of people rests on all inhabitants of the area, as its share does.
    return {
      ...base,
      value: count,
      missingReason: null,
      numerator: null,
      denominator: null,
      sampleSize: totals.total,
    };
  if (totals.total === 0)
    return {
      ...base,
      value: null,
      missingReason: 'geen inwoners',
      numerator: null,
      denominator: null,
      sampleSize: 0,
    };
  return {
    ...base,
    value: Math.round((count / totals.total) * 100 * 10_000) / 10_000,
    missingReason: null,
    numerator: count,
    denominator: totals.total,
    sampleSize: null,
  };
}

/**
 * The postcode areas and figures of one population file, or the problems (row and message).
 * `areas` are the region's areas (gemeenten are found by name); `indicatorCodes` the indicators
 * the files define.
 */
export function postcodeFigures(
  table: Table,
  dataset: PostcodeDatasetSeedT,
  areas: ReadonlyMap<string, Area>,
  indicatorCodes: ReadonlySet<string>,
  dataSourceId: number,
): PostcodeFigures {
  const problems: string[] = [];
  const missing = POSTCODE_COLUMNS.filter((c) => !table.columns.includes(c));
  if (missing.length > 0)
    return {
      areas: [],
      rows: new Map(),
      problems: [`Deze kolommen ontbreken: ${missing.join(', ')}.`],
    };
  for (const m of dataset.measures)
    if (!indicatorCodes.has(m.indicator))
      problems.push(`${m.indicator}: deze indicator staat in geen indicatorbestand.`);
  const gemeenten = new Map(
    [...areas.values()]
      .filter((a) => a.level === 'gemeente' && a.inRegion)
      .map((a) => [a.name.toLowerCase(), a.code]),
  );
  const { postcodes, groups } = readPostcodes(table, gemeenten, problems);
  checkGroups(groups, problems);
  for (const p of postcodes.values())
    for (const label of groups.keys())
      if (!p.counts.has(label))
        problems.push(`Postcode ${p.postcode} mist leeftijdsgroep ${label}.`);
  checkMeasures(dataset, groups, problems);
  const levelsUp = dataset.sum_to.map((level) => ({ level, of: new Map<string, string>() }));
  for (const p of postcodes.values())
    for (const up of levelsUp) {
      const code = ancestorAt(p.gemeente, up.level, areas);
      if (code) up.of.set(p.code, code);
      else problems.push(`Postcode ${p.postcode}: geen ${up.level} boven gemeente ${p.gemeente}.`);
    }
  if (problems.length > 0)
    return { areas: [], rows: new Map(), problems: problems.slice(0, MAX_PROBLEMS) };

  // Per area (postcodes, then the sums above them): inhabitants and each measure's count.
  const totals = new Map<string, Totals>();
  const add = (code: string, total: number, byMeasure: number[]) => {
    const known = totals.get(code) ?? { total: 0, byMeasure: byMeasure.map(() => 0) };
    known.total += total;
    byMeasure.forEach((n, i) => {
      known.byMeasure[i] = (known.byMeasure[i] ?? 0) + n;
    });
    totals.set(code, known);
  };
  for (const p of postcodes.values()) {
    const sum = (keep: (g: { from: number; to: number }) => boolean) =>
      [...p.counts].reduce((s, [label, n]) => {
        const group = groups.get(label);
        return group && keep(group) ? s + n : s;
      }, 0);
    const total = sum(() => true);
    const byMeasure = dataset.measures.map((m) => sum((g) => inRange(g, m)));
    add(p.code, total, byMeasure);
    for (const up of levelsUp) add(up.of.get(p.code) ?? '', total, byMeasure);
  }
  const rows = new Map<string, repo.MeasurementInsert[]>();
  dataset.measures.forEach((measure, i) => {
    const list = [...totals].map(([code, t]) =>
      figureRow(dataset, dataSourceId, measure, code, t, t.byMeasure[i] ?? 0),
    );
    rows.set(measure.indicator, [...(rows.get(measure.indicator) ?? []), ...list]);
  });
  return {
    areas: [...postcodes.values()].map((p) => ({
      code: p.code,
      name: `${p.postcode} ${p.plaats}`,
      level: 'postcode' as const,
      parent_code: p.gemeente,
    })),
    rows,
    problems: [],
  };
}

/** Every population file of the indicator files: areas, figures per indicator, and problems. */
export async function postcodeDatasetRows(
  datasets: PostcodeDatasetSeedT[],
  files: Map<string, Uint8Array>,
  indicatorCodes: ReadonlySet<string>,
  areas: ReadonlyMap<string, Area>,
  sources: Map<string, number>,
): Promise<PostcodeFigures> {
  const all: PostcodeFigures = { areas: [], rows: new Map(), problems: [] };
  for (const dataset of datasets) {
    const where = `postcode_datasets › ${dataset.file}`;
    const dataSourceId = sources.get(dataset.source_code);
    if (dataSourceId === undefined) {
      all.problems.push(`${where}: bron ${dataset.source_code} staat niet in sources.yaml.`);
      continue;
    }
    const table = await readTable(dataset.file, files.get(dataset.file) ?? new Uint8Array());
    if (!table.ok) {
      all.problems.push(`${where}: ${table.error}`);
      continue;
    }
    const found = postcodeFigures(table.value, dataset, areas, indicatorCodes, dataSourceId);
    all.problems.push(...found.problems.map((p) => `${where}, ${p}`));
    all.areas.push(...found.areas);
    for (const [code, rows] of found.rows)
      all.rows.set(code, [...(all.rows.get(code) ?? []), ...rows]);
  }
  return all;
}
