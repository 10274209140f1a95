/**
 * Wide files (one row per area, one column per indicator — CBS Kerncijfers wijken en buurten,
 * the Gezondheidsmonitor with its `Marges` rows) turned into long rows, so that the long import's
 * checks, preview, disclosure and audit apply unchanged. What ties a column to an indicator is
 * the mapping, saved per data source and offered again for the next file of that source.
 */
import { z } from 'zod';
import type { Table } from '../../lib/tabular.js';
import type { CellProblem } from './indicators.types.js';

export const WideMapping = z.object({
  /** The column with CBS area codes (GM0106, WK010600; CBS pads them with spaces). */
  areaColumn: z.string().min(1),
  /** One period for the whole file (2024), unless a period column is named. */
  period: z.string().default(''),
  /** A column with periods, plain (2024, 2024-Q3) or as CBS writes them (2024JJ00, 2024KW03). */
  periodColumn: z.string().default(''),
  /** CBS `Marges`: MW00000 is the value, MOG0095 / MBG0095 the bounds of the 95% interval. */
  marginColumn: z.string().default(''),
  /** Only rows with these values (e.g. `persoonskenmerken` = T009002, the total). */
  filters: z.record(z.string(), z.string()).default({}),
  /** File column → indicator code; columns not named here are not read. */
  columns: z.record(z.string(), z.string()).default({}),
});
export type WideMappingT = z.infer<typeof WideMapping>;

/** A long-format row made from one area × column cell, with where it came from in the file. */
export type WideCell = { line: number; column: string; row: Record<string, string> };

// A Map, so a cell such as "constructor" is not found on Object's prototype.
const MARGINS: ReadonlyMap<string, 'value' | 'ci_low' | 'ci_high'> = new Map([
  ['mw00000', 'value'],
  ['mog0095', 'ci_low'],
  ['mbg0095', 'ci_high'],
]);

/** A record's own value for a key that comes from a file (never one from Object's prototype). */
export function ownValue(record: Record<string, string>, key: string): string {
  return Object.hasOwn(record, key) ? (record[key] ?? '') : '';
}

/** CBS period codes to ours: 2024JJ00 → 2024, 2024KW03 → 2024-Q3, 2024MM05 → 2024-05. */
export function cbsPeriod(raw: string): string {
  const text = raw.trim();
  const cbs = /^([0-9]{4})(JJ|KW|MM)([0-9]{2})$/i.exec(text);
  if (!cbs) return text;
  const [, year, kind, part] = cbs;
  const unit = kind?.toUpperCase();
  if (unit === 'JJ') return `${year}`;
  if (unit === 'KW') return `${year}-Q${Number(part)}`;
  return `${year}-${part}`;
}

/** A file with an `indicator` column is long (its other columns are checked as such); else wide. */
export function looksLong(table: Table): boolean {
  return table.columns.includes('indicator');
}

const AREA_COLUMNS = ['area_code', 'code', 'regios', 'gwb_code', 'gwb_code_10', 'wijkenenbuurten'];

/**
 * A first mapping for a file: the saved one of its source (for the columns the file still has),
 * otherwise a guess — the usual CBS column names, and indicators whose source says "kolom X".
 */
export function guessMapping(
  table: Table,
  indicators: ReadonlyArray<{ code: string; source: string }>,
  saved: WideMappingT | undefined,
): WideMappingT {
  const has = (c: string) => c !== '' && table.columns.includes(c);
  if (saved && has(saved.areaColumn)) {
    const columns = Object.fromEntries(Object.entries(saved.columns).filter(([c]) => has(c)));
    return {
      ...saved,
      // A new file is usually a new period: never offer last time's as if it were this one's.
      period: '',
      periodColumn: has(saved.periodColumn) ? saved.periodColumn : '',
      marginColumn: has(saved.marginColumn) ? saved.marginColumn : '',
      filters: Object.fromEntries(Object.entries(saved.filters).filter(([c]) => has(c))),
      columns,
    };
  }
  const byColumn = new Map<string, string>();
  for (const i of indicators) {
    const named = /kolom\s+([A-Za-z0-9_]+)/.exec(i.source)?.[1]?.toLowerCase();
    if (named && has(named) && !byColumn.has(named)) byColumn.set(named, i.code);
    if (has(i.code) && !byColumn.has(i.code)) byColumn.set(i.code, i.code);
  }
  return {
    areaColumn: AREA_COLUMNS.find(has) ?? table.columns[0] ?? '',
    period: '',
    periodColumn: has('perioden') ? 'perioden' : '',
    marginColumn: has('marges') ? 'marges' : '',
    filters: {},
    columns: Object.fromEntries(byColumn),
  };
}

/**
 * Columns that split the rows into groups, like CBS `Persoonskenmerken` (T009002 = totaal): 2 to
 * 20 different codes that repeat, at least one with a letter (so not a column of figures or row
 * numbers), not the area, period or margin column. The mapping may pick one value of each;
 * without a choice, two rows for the same area are reported.
 */
export function splittingColumns(table: Table, mapping: WideMappingT) {
  const reserved = new Set([mapping.areaColumn, mapping.periodColumn, mapping.marginColumn]);
  const result: Array<{ column: string; values: string[] }> = [];
  for (const column of table.columns) {
    if (column === '' || reserved.has(column) || Object.hasOwn(mapping.columns, column)) continue;
    const values = new Set<string>();
    for (const row of table.rows) {
      values.add((row[column] ?? '').trim());
      if (values.size > 20) break;
    }
    const repeats = values.size < table.rows.length;
    const codes = [...values].some((v) => /[A-Za-z]/.test(v));
    if (values.size >= 2 && values.size <= 20 && repeats && codes)
      result.push({ column, values: [...values].sort() });
  }
  return result;
}

/** Problems in the mapping itself (before any row is read). */
export function checkMapping(
  table: Table,
  mapping: WideMappingT,
  indicators: ReadonlySet<string>,
): CellProblem[] {
  const problems: CellProblem[] = [];
  const add = (column: string, message: string) =>
    problems.push({ row: 1, column, value: column, message });
  if (!table.columns.includes(mapping.areaColumn))
    add(mapping.areaColumn, 'Kies de kolom met de gebiedscodes.');
  if (mapping.periodColumn && !table.columns.includes(mapping.periodColumn))
    add(mapping.periodColumn, 'Deze periodekolom staat niet in het bestand.');
  if (!mapping.periodColumn && mapping.period.trim() === '')
    add('', 'Vul de periode in (bijvoorbeeld 2024) of kies een kolom met perioden.');
  if (mapping.marginColumn && !table.columns.includes(mapping.marginColumn))
    add(mapping.marginColumn, 'Deze margekolom staat niet in het bestand.');
  for (const column of Object.keys(mapping.filters))
    if (!table.columns.includes(column)) add(column, 'Deze kolom staat niet in het bestand.');
  const mapped = Object.entries(mapping.columns).filter(([, code]) => code !== '');
  if (mapped.length === 0) add('', 'Koppel ten minste één kolom aan een indicator.');
  for (const [column, code] of mapped) {
    if (!table.columns.includes(column)) add(column, 'Deze kolom staat niet in het bestand.');
    else if (!indicators.has(code)) add(column, `Onbekende indicator "${code}".`);
  }
  return problems;
}

type Group = { line: number; area: string; period: string; cells: Record<string, string[]> };

/** Rows of one area and period, merged over their margin rows (value, lower, upper bound). */
function groupRows(table: Table, mapping: WideMappingT, problems: CellProblem[]) {
  const groups = new Map<string, Group>();
  const lines = table.rowNumbers ?? table.rows.map((_, i) => i + 2);
  const mapped = Object.entries(mapping.columns).filter(([, code]) => code !== '');
  table.rows.forEach((row, index) => {
    const line = lines[index] ?? index + 2;
    if (Object.entries(mapping.filters).some(([c, v]) => ownValue(row, c).trim() !== v)) return;
    const area = ownValue(row, mapping.areaColumn).trim().toUpperCase();
    const period = mapping.periodColumn
      ? cbsPeriod(ownValue(row, mapping.periodColumn))
      : mapping.period.trim();
    const marginRaw = mapping.marginColumn ? ownValue(row, mapping.marginColumn).trim() : 'MW00000';
    const margin = MARGINS.get(marginRaw.toLowerCase());
    if (!margin) {
      problems.push({
        row: line,
        column: mapping.marginColumn,
        value: marginRaw,
        message: 'Onbekende marge: verwacht MW00000 (waarde), MOG0095 of MBG0095.',
      });
      return;
    }
    const key = `${area}|${period}`;
    const group = groups.get(key) ?? { line, area, period, cells: {} };
    groups.set(key, group);
    if (margin === 'value') group.line = line;
    for (const [column] of mapped) {
      const slot = `${column}|${margin}`;
      const before = group.cells[slot];
      if (before) {
        problems.push({
          row: line,
          column,
          value: `${area} ${period}`,
          message: `Dit gebied en deze periode staan ook in rij ${before[1]}. Kies hierboven welke rijen u wilt inlezen.`,
        });
        continue;
      }
      group.cells[slot] = [ownValue(row, column), String(line)];
    }
  });
  return groups;
}

/**
 * Long rows for every mapped cell of the areas the region knows. Rows of other areas (a CBS file
 * covers the whole country) are skipped and listed, never guessed into a known area.
 */
export function wideToLong(
  table: Table,
  mapping: WideMappingT,
  areas: ReadonlySet<string>,
): { cells: WideCell[]; skippedAreas: string[]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const groups = groupRows(table, mapping, problems);
  const cells: WideCell[] = [];
  const skipped = new Set<string>();
  for (const group of groups.values()) {
    if (!areas.has(group.area)) {
      skipped.add(group.area === '' ? '(leeg)' : group.area);
      continue;
    }
    for (const [column, code] of Object.entries(mapping.columns)) {
      if (code === '') continue;
      const value = group.cells[`${column}|value`];
      if (!value) {
        if (group.cells[`${column}|ci_low`] || group.cells[`${column}|ci_high`])
          problems.push({
            row: group.line,
            column,
            value: group.area,
            message: 'Er is een marge, maar geen rij met de waarde (MW00000).',
          });
        continue;
      }
      cells.push({
        line: Number(value[1]),
        column,
        row: {
          indicator: code,
          area_code: group.area,
          period: group.period,
          value: value[0] ?? '',
          ci_low: group.cells[`${column}|ci_low`]?.[0] ?? '',
          ci_high: group.cells[`${column}|ci_high`]?.[0] ?? '',
        },
      });
    }
  }
  return { cells, skippedAreas: [...skipped].sort(), problems };
}

/**
 * The mapping as posted by the mapping form: `area_column`, `period`, `period_column`,
 * `margin_column`, `filter:<column>` and `col:<column>` (an indicator code or empty). Only
 * columns the file has are taken, so a crafted field cannot add others.
 */
export function mappingFromForm(fields: Record<string, string>, table: Table): WideMappingT {
  const known = (c: string | undefined) => (c && table.columns.includes(c) ? c : '');
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(fields)
        .filter(([key]) => key.startsWith(prefix) && known(key.slice(prefix.length)) !== '')
        .map(([key, value]) => [key.slice(prefix.length), value.trim()]),
    );
  return {
    areaColumn: known(fields.area_column),
    period: (fields.period ?? '').trim().slice(0, 20),
    periodColumn: known(fields.period_column),
    marginColumn: known(fields.margin_column),
    filters: Object.fromEntries(Object.entries(pick('filter:')).filter(([, v]) => v !== '')),
    columns: Object.fromEntries(
      Object.entries(pick('col:'))
        .filter(([, code]) => code !== '')
        .map(([c, code]) => [c, code.toLowerCase()]),
    ),
  };
}

const CODE_LIKE = /^[A-Z]{0,3}[0-9]{3,}$/;

/**
 * What one figure of a wide file is before any mapping: its area, period and margin, and the
 * breakdown columns that hold codes (CBS `Persoonskenmerken` = T009002). Words such as "vrouw"
 * or a diagnosis are no breakdown code: rows that differ only in those are rows about people,
 * so the person-level check counts them as rows of one figure.
 */
export function wideFigureKey(table: Table): (row: Record<string, string>) => string {
  const guess = guessMapping(table, [], undefined);
  const codes = splittingColumns(table, guess)
    .filter((s) => s.values.every((v) => CODE_LIKE.test(v)))
    .map((s) => s.column);
  const columns = [guess.areaColumn, guess.periodColumn, guess.marginColumn, ...codes].filter(
    (c) => c !== '',
  );
  return (row) => columns.map((c) => ownValue(row, c)).join('|');
}
