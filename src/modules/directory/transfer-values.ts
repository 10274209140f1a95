/**
 * Checks each value of an uploaded row against its HSDS column (type, required, allowed values)
 * and writes it in one canonical text form, so a value read from CSV, from JSON and from the
 * database compare equal when they mean the same (ADR 0020).
 */
import { emailOrNull } from './hsds-format.js';
import { type Column, type HsdsTable, TABLES } from './hsds-tables.js';
import {
  type CheckedRow,
  MAX_TEXT,
  type Problem,
  type RawRow,
  type Row,
} from './transfer.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339 as HSDS asks (a space for the T, and no zone, read leniently as spreadsheets write). */
const DATETIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]\d{2}:\d{2})?$/;
const INTEGER = /^-?\d{1,15}$/;

const TYPE_HINT: Record<Column['type'], string> = {
  text: '',
  uuid: 'Een id is een UUID, zoals 3f2c1a9e-5b7d-4c1e-9a2b-1c3d5e7f9a0b.',
  email: 'Geen geldig e-mailadres.',
  uri: 'Geen geldig webadres; begin met https:// of http://.',
  date: 'Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-31.',
  datetime: 'Schrijf datum en tijd als JJJJ-MM-DDTuu:mm:ssZ, bijvoorbeeld 2026-03-31T12:00:00Z.',
  time: 'Schrijf de tijd als uu:mm, bijvoorbeeld 09:30.',
  integer: 'Hier hoort een heel getal.',
  number: 'Hier hoort een getal, met een punt voor decimalen (52.99).',
};

/** A column's value in canonical form, or a Dutch message why it is not valid. */
export function canonical(column: Column, text: string): { value: string } | { error: string } {
  if (text.length > MAX_TEXT) return { error: `Te lang: hoogstens ${MAX_TEXT} tekens.` };
  const value = typedValue(column, text);
  if (value === undefined) return { error: TYPE_HINT[column.type] };
  if (typeof value === 'object') return value;
  if (column.values && !column.values.includes(value))
    return { error: `Kies een van: ${column.values.join(', ')}.` };
  if (column.pattern && !column.pattern.test(value))
    return {
      error:
        column.name === 'country'
          ? 'Gebruik de landcode van twee hoofdletters, zoals NL.'
          : 'Gebruik de code van drie hoofdletters, zoals EUR.',
    };
  if (column.min !== undefined || column.max !== undefined) {
    const n = Number(value);
    if (
      (column.min !== undefined && n < column.min) ||
      (column.max !== undefined && n > column.max)
    )
      return { error: `Kies een getal van ${column.min} tot en met ${column.max}.` };
  }
  return { value };
}

/**
 * PostgreSQL keeps dates from 4713 BC, but not the year 0 nor the six-digit years that JavaScript
 * writes past 9999; Marke writes ISO dates, so it keeps the years 1 to 9999 (a 500 otherwise).
 */
const YEAR_RANGE: Record<'date' | 'datetime', string> = {
  date: 'Deze datum kan Marke niet bewaren: het jaar moet van 1 tot en met 9999 zijn.',
  datetime:
    'Deze datum en tijd kan Marke niet bewaren: het jaar moet (omgerekend naar UTC) van 1 tot en met 9999 zijn.',
};
const inYearRange = (date: Date) => date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999;

function typedValue(column: Column, text: string): string | { error: string } | undefined {
  switch (column.type) {
    case 'text':
      return text;
    case 'uuid':
      return UUID.test(text) ? text.toLowerCase() : undefined;
    case 'email':
      // The pattern the spec's `format: email` is checked with, so an export never drops it.
      return emailOrNull(text) ?? undefined;
    case 'uri':
      return isWebAddress(text) ? text : undefined;
    case 'date': {
      const date = dateOf(text);
      if (!date) return undefined;
      return inYearRange(date) ? text : { error: YEAR_RANGE.date };
    }
    case 'datetime': {
      const ms = DATETIME.test(text) ? Date.parse(text) : Number.NaN;
      if (Number.isNaN(ms)) return undefined;
      const date = new Date(ms);
      return inYearRange(date) ? date.toISOString() : { error: YEAR_RANGE.datetime };
    }
    case 'time':
      return TIME.test(text) ? text : undefined;
    case 'integer':
      return INTEGER.test(text) ? String(Number(text)) : undefined;
    case 'number': {
      const n = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
      return Number.isFinite(n) ? String(n) : undefined;
    }
  }
}

function isWebAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

/** The day a YYYY-MM-DD text names, or undefined when there is no such day (2026-02-30). */
function dateOf(text: string): Date | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: that reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month - 1, day);
  const same =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return same ? date : undefined;
}

/** The canonical form of a value read from the database (numbers, dates, timestamps). */
export function fromDatabase(column: Column, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date)
    return column.type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (column.type === 'number' || column.type === 'integer') return String(Number(value));
  if (column.type === 'datetime') return new Date(String(value)).toISOString();
  return String(value);
}

/**
 * The rows of one table checked value by value. Values in columns Marke does not store are
 * counted in `unstored`, so the user hears that they were not read.
 */
export function checkValues(
  table: HsdsTable,
  rows: RawRow[],
  problems: Problem[],
  unstored: Map<string, number>,
): CheckedRow[] {
  const columns = TABLES[table].columns;
  return rows.map(({ place, values }) => {
    const row: Row = {};
    for (const column of columns) {
      const text = values[column.name];
      if (text === undefined || text === '') {
        row[column.name] = null;
        if (column.required)
          problems.push({
            ...place,
            column: column.name,
            value: '',
            message: 'Verplicht: vul dit in.',
          });
        continue;
      }
      if (!column.stored) {
        const key = `${TABLES[table].file} › ${column.name}`;
        unstored.set(key, (unstored.get(key) ?? 0) + 1);
        row[column.name] = null;
        continue;
      }
      const checked = canonical(column, text);
      if ('error' in checked) {
        problems.push({
          ...place,
          column: column.name,
          value: text.slice(0, 200),
          message: checked.error,
        });
        row[column.name] = null;
      } else row[column.name] = checked.value;
    }
    return { place, row };
  });
}
