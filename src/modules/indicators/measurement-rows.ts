/**
 * One long-format measurement row (indicator, area_code, period, value, …) as strings → a checked
 * MeasurementRow, or problems per cell. Shared by the long and the wide import (which turns each
 * area × column cell into such a row first).
 */
import type { CellProblem, MeasurementRow } from './indicators.types.js';
import { FLAG_VALUES, MISSING_MARKERS, PERIOD } from './indicators.types.js';

/** A number as people write it: "27,1", "27.1", "1.700" is not accepted (ambiguous) unless "1700". */
export function parseNumber(raw: string): number | undefined {
  const text = raw.trim().replace(/\s/g, '');
  // At most 15 digits: beyond that a double is no longer exact, and 400 digits would be Infinity.
  if (!/^-?[0-9]{1,15}([.,][0-9]{1,15})?$/.test(text)) return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** CBS markers and "-99999999"-style placeholders mean "no value"; the reason is kept. */
export function missingReason(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return 'leeg in het bestand';
  const marker = text.toLowerCase();
  // Own keys only: a cell such as "constructor" is no marker.
  if (Object.hasOwn(MISSING_MARKERS, marker)) return MISSING_MARKERS[marker];
  if (/^-9{5,}$/.test(text)) return `geen waarde (${text})`;
  return undefined;
}

/**
 * The cell an export writes for a missing value, so that importing the export keeps the reason:
 * the CBS marker it came from, the placeholder itself, or "x" for our own suppression.
 */
export function markerForReason(reason: string | null, suppressed: (r: string) => boolean): string {
  if (!reason || reason === 'leeg in het bestand') return '';
  if (suppressed(reason)) return 'x';
  const marker = Object.entries(MISSING_MARKERS).find(([, text]) => text === reason)?.[0];
  if (marker) return marker;
  return /^geen waarde \((-9{5,})\)$/.exec(reason)?.[1] ?? '.';
}

export type RowContext = {
  indicators: Map<string, number>;
  areas: Set<string>;
  defaultSource: string;
};

function optionalNumber(
  row: Record<string, string>,
  column: string,
  line: number,
  problems: CellProblem[],
): number | null {
  const raw = row[column] ?? '';
  if (raw === '' || missingReason(raw) !== undefined) return null;
  const value = parseNumber(raw);
  if (value === undefined) {
    problems.push({ row: line, column, value: raw, message: 'Geen getal.' });
    return null;
  }
  return value;
}

/** A yes/no cell (empty is no); a problem for anything else. */
function flagOf(
  row: Record<string, string>,
  column: 'is_projection' | 'is_demo',
  line: number,
  problems: CellProblem[],
): boolean {
  const raw = (row[column] ?? '').trim().toLowerCase();
  // A Map, so a cell such as "constructor" is not found on Object's prototype.
  const flag = FLAG_VALUES.get(raw);
  if (flag === undefined)
    problems.push({ row: line, column, value: row[column] ?? '', message: 'Schrijf ja of nee.' });
  return flag ?? false;
}

/** One long-format row checked; problems are appended with the row's spreadsheet line. */
export function checkRow(
  row: Record<string, string>,
  line: number,
  context: RowContext,
  problems: CellProblem[],
): MeasurementRow | undefined {
  const before = problems.length;
  const indicator = row.indicator ?? '';
  if (!context.indicators.has(indicator))
    problems.push({
      row: line,
      column: 'indicator',
      value: indicator,
      message: 'Onbekende indicator.',
    });
  const areaCode = (row.area_code ?? '').toUpperCase();
  if (!context.areas.has(areaCode))
    problems.push({
      row: line,
      column: 'area_code',
      value: row.area_code ?? '',
      message: 'Onbekend gebied: gebruik een CBS-code zoals PV22, GM0106 of WK010600.',
    });
  const period = row.period ?? '';
  if (!PERIOD.test(period))
    problems.push({
      row: line,
      column: 'period',
      value: period,
      message: 'Periode als 2024, 2024-H1, 2024-Q3 of 2024-05.',
    });
  const rawValue = row.value ?? '';
  const reason = missingReason(rawValue);
  const value = reason === undefined ? parseNumber(rawValue) : null;
  if (value === undefined)
    problems.push({
      row: line,
      column: 'value',
      value: rawValue,
      message: 'Geen getal en geen bekende markering (., x, -, leeg).',
    });
  // Plain fields, not Object.fromEntries: this runs for every row of a 145 000-row file.
  const numbers = {
    numerator: optionalNumber(row, 'numerator', line, problems),
    denominator: optionalNumber(row, 'denominator', line, problems),
    sample_size: optionalNumber(row, 'sample_size', line, problems),
    ci_low: optionalNumber(row, 'ci_low', line, problems),
    ci_high: optionalNumber(row, 'ci_high', line, problems),
  };
  if (
    numbers.sample_size !== null &&
    (!Number.isInteger(numbers.sample_size) ||
      numbers.sample_size < 0 ||
      numbers.sample_size > 2_147_483_647)
  )
    problems.push({
      row: line,
      column: 'sample_size',
      value: row.sample_size ?? '',
      message: 'Aantal waarnemingen is een heel getal, 0 of meer.',
    });
  if (numbers.denominator === 0)
    problems.push({
      row: line,
      column: 'denominator',
      value: '0',
      message: 'De noemer kan geen 0 zijn.',
    });
  if (
    value !== null &&
    value !== undefined &&
    numbers.ci_low !== null &&
    numbers.ci_high !== null &&
    (numbers.ci_low > value || value > numbers.ci_high)
  )
    problems.push({
      row: line,
      column: 'ci_low',
      value: `${numbers.ci_low} – ${numbers.ci_high}`,
      message: 'De waarde ligt niet binnen het betrouwbaarheidsinterval.',
    });
  const source = (row.source ?? '').trim() || context.defaultSource;
  if (source === '')
    problems.push({
      row: line,
      column: 'source',
      value: '',
      message: 'Bron ontbreekt: vul de kolom source of het veld "Bron" in.',
    });
  const flags = {
    is_projection: flagOf(row, 'is_projection', line, problems),
    is_demo: flagOf(row, 'is_demo', line, problems),
  };
  if (problems.length > before) return undefined;
  return {
    indicator,
    areaCode,
    period,
    value: value ?? null,
    missingReason: reason ?? null,
    numerator: numbers.numerator,
    denominator: numbers.denominator,
    sampleSize: numbers.sample_size,
    ciLow: numbers.ci_low,
    ciHigh: numbers.ci_high,
    source: source.slice(0, 300),
    note: (row.note ?? '').slice(0, 500),
    isProjection: flags.is_projection,
    isDemo: flags.is_demo,
  };
}
