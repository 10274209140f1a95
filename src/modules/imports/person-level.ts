/**
 * The workplace holds aggregates only. A file that looks like data about individual people is
 * refused before anything is stored or staged, with an explanation that never repeats a value:
 * a column of citizen-service-number-like values (nine digits passing the "elfproef"), a column
 * of full dates or named like a date of birth, or many more rows than there are figures.
 */
import type { Table } from '../../lib/tabular.js';

// "geboorte" alone is not personal: CBS publishes births per area (GeboorteTotaal_25).
const PERSONAL_HEADER =
  /(bsn|burgerservice|sofinummer|geboortedatum|geb_?datum|geboortejaar|date_?of_?birth|birth_?date|\bdob\b|pati[eë]ntnummer|cli[eë]ntnummer|persoonsnummer)/i;
const FULL_DATE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$/;
/** Share of a column's filled cells that must look personal before the file is refused. */
const SHARE = 0.8;
const MIN_VALUES = 3;

/**
 * The Dutch citizen service number check: 9 digits, weighted sum (last weight −1) divisible by 11.
 * Spreadsheets drop a leading zero, so 8 digits are tested as 0 + 8 digits.
 */
export function passesElfproef(raw: string): boolean {
  const value = /^\d{8}$/.test(raw) ? `0${raw}` : raw;
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce((total, d, i) => total + d * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0 && value !== '000000000';
}

/**
 * Whether at least SHARE of the filled cells pass `test`. Stops as soon as that can no longer
 * be so: an ordinary column of 145 000 figures is given up after a fifth of its cells.
 */
function mostly(values: string[], test: (v: string) => boolean): boolean {
  let filled = 0;
  for (const v of values) if (v.trim() !== '') filled += 1;
  if (filled < MIN_VALUES) return false;
  const needed = filled * SHARE;
  let misses = 0;
  for (const v of values) {
    const text = v.trim();
    if (text === '' || test(text)) continue;
    misses += 1;
    if (filled - misses < needed) return false;
  }
  return true;
}

export type PersonLevelFinding = { column: string; message: string };

/**
 * Why a table looks person-level, or undefined. `figureKey` names the figure a row is about
 * (indicator, area, period); many rows per figure means rows are people, not totals.
 */
export function findPersonLevel(
  table: Table,
  figureKey?: (row: Record<string, string>) => string,
  periodColumns: ReadonlySet<string> = new Set(['period', 'periode']),
): PersonLevelFinding | undefined {
  const aggregatesOnly =
    'De datawerkplaats bewaart alleen totalen per gebied en periode, nooit gegevens over personen. Er is niets opgeslagen. Maak eerst totalen (bijvoorbeeld aantallen en percentages per wijk) en lees die in.';
  for (const [index, column] of table.columns.entries()) {
    // A file without a header row has a person's values as "column names": never repeat those.
    const position = `kolom ${index + 1}`;
    const headerIsValue = passesElfproef(column.trim()) || FULL_DATE.test(column.trim());
    if (headerIsValue)
      return {
        column: position,
        message: `De kopregel (${position}) bevat een burgerservicenummer of een datum: het bestand lijkt gegevens over personen te bevatten. ${aggregatesOnly}`,
      };
    if (PERSONAL_HEADER.test(column))
      return {
        column,
        message: `De kolom "${column}" lijkt over personen te gaan (zoals een burgerservicenummer of geboortedatum). ${aggregatesOnly}`,
      };
    const values = table.rows.map((r) => r[column] ?? '');
    if (mostly(values, passesElfproef))
      return {
        column: position,
        message: `De kolom "${column}" (${position}) bevat getallen die op burgerservicenummers lijken. ${aggregatesOnly}`,
      };
    // The period column is checked by the import itself (a spreadsheet may turn 2024-05 into a date).
    if (!periodColumns.has(column) && mostly(values, (v) => FULL_DATE.test(v)))
      return {
        column: position,
        message: `De kolom "${column}" (${position}) bevat volledige datums, zoals geboortedatums. ${aggregatesOnly}`,
      };
  }
  if (figureKey && table.rows.length >= 20) {
    const figures = new Set(table.rows.map(figureKey)).size;
    if (table.rows.length > 2 * figures)
      return {
        column: '',
        message: `Het bestand heeft ${table.rows.length} rijen voor ${figures} cijfers: dat lijken rijen per persoon. ${aggregatesOnly}`,
      };
  }
  return undefined;
}
