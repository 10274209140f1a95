/**
 * The workplace holds aggregates only. A file that looks like data about individual people is
 * refused before anything is stored or staged, with an explanation that never repeats a value:
 * a column of citizen-service-number-like values (nine digits passing the "elfproef"), a column
 * of full dates or named like a date of birth, or many more rows than there are figures.
 */
import type { Table } from '../../lib/tabular.js';

const PERSONAL_HEADER =
  /(bsn|burgerservice|sofinummer|geboorte|birth|\bdob\b|pati[eë]ntnummer|cli[eë]ntnummer|persoonsnummer)/i;
const FULL_DATE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$/;
/** Share of a column's filled cells that must look personal before the file is refused. */
const SHARE = 0.8;
const MIN_VALUES = 3;

/** The Dutch citizen service number check: 9 digits, weighted sum (last weight −1) divisible by 11. */
export function passesElfproef(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce((total, d, i) => total + d * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0 && value !== '000000000';
}

function mostly(values: string[], test: (v: string) => boolean): boolean {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  return filled.length >= MIN_VALUES && filled.filter(test).length / filled.length >= SHARE;
}

export type PersonLevelFinding = { column: string; message: string };

/**
 * Why a table looks person-level, or undefined. `figureKey` names the figure a row is about
 * (indicator, area, period); many rows per figure means rows are people, not totals.
 */
export function findPersonLevel(
  table: Table,
  figureKey?: (row: Record<string, string>) => string,
): PersonLevelFinding | undefined {
  const aggregatesOnly =
    'De datawerkplaats bewaart alleen totalen per gebied en periode, nooit gegevens over personen. Er is niets opgeslagen. Maak eerst totalen (bijvoorbeeld aantallen en percentages per wijk) en lees die in.';
  for (const column of table.columns) {
    const values = table.rows.map((r) => r[column] ?? '');
    if (PERSONAL_HEADER.test(column))
      return {
        column,
        message: `De kolom "${column}" lijkt over personen te gaan (zoals een burgerservicenummer of geboortedatum). ${aggregatesOnly}`,
      };
    if (mostly(values, passesElfproef))
      return {
        column,
        message: `De kolom "${column}" bevat getallen van negen cijfers die op burgerservicenummers lijken. ${aggregatesOnly}`,
      };
    if (mostly(values, (v) => FULL_DATE.test(v)))
      return {
        column,
        message: `De kolom "${column}" bevat volledige datums, zoals geboortedatums. ${aggregatesOnly}`,
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
