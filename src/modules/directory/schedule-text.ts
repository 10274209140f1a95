/**
 * HSDS schedules (RFC 5545 fields: freq, interval, byday, bymonthday, opens_at …) in plain Dutch
 * for the resident card: "maandag en woensdag 9.00–12.00", "de eerste dinsdag van de maand".
 * Only what a row holds is said; a row with a description alone shows that description.
 */

import type { HsdsScheduleTable } from '../../db/schema-directory.js';
import { dutchDate } from '../../lib/dutch-date.js';

/** The schedule fields a card reads (the rest say nothing a resident needs). */
export const SCHEDULE_FIELDS = [
  'freq',
  'interval',
  'byday',
  'bymonthday',
  'byweekno',
  'byyearday',
  'opens_at',
  'closes_at',
  'valid_from',
  'valid_to',
  'dtstart',
  'until',
  'count',
  'description',
  'notes',
  'attending_type',
  'schedule_link',
] as const satisfies readonly (keyof HsdsScheduleTable)[];

export type ScheduleFields = Pick<HsdsScheduleTable, (typeof SCHEDULE_FIELDS)[number]>;

/** One line under "Wanneer", with the schedule's own link (booking, sessions) if it has one. */
export type ScheduleLine = { text: string; link: string | null };

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES: Record<string, string> = {
  MO: 'maandag',
  TU: 'dinsdag',
  WE: 'woensdag',
  TH: 'donderdag',
  FR: 'vrijdag',
  SA: 'zaterdag',
  SU: 'zondag',
};
const ORDINALS: Record<string, string> = {
  '1': 'eerste',
  '2': 'tweede',
  '3': 'derde',
  '4': 'vierde',
  '5': 'vijfde',
  '-1': 'laatste',
  '-2': 'op één na laatste',
};
/** "a", "a en b", "a, b en c". */
export function dutchList(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
}

const split = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((p) => p.trim().toUpperCase())
    .filter(Boolean);

/** Plain weekdays in week order, runs of three or more as "maandag tot en met vrijdag". */
function weekdays(codes: string[]): string | null {
  const indexes = [...new Set(codes.map((c) => DAYS.indexOf(c as (typeof DAYS)[number])))];
  if (indexes.some((i) => i < 0)) return null;
  indexes.sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const i of indexes) {
    const run = runs.at(-1);
    if (run && run.at(-1) === i - 1) run.push(i);
    else runs.push([i]);
  }
  const name = (i: number | undefined) => DAY_NAMES[DAYS[i ?? 0] ?? ''] ?? '';
  return dutchList(
    runs.flatMap((run) =>
      run.length >= 3 ? [`${name(run[0])} tot en met ${name(run.at(-1))}`] : run.map(name),
    ),
  );
}

/** "2MO,4MO" → "de tweede en vierde maandag van de maand"; null when a part is not RFC 5545. */
function monthlyDays(codes: string[]): string | null {
  const byDay = new Map<string, string[]>();
  for (const code of codes) {
    const match = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(code);
    const ordinal = match?.[1] ? ORDINALS[match[1].replace('+', '')] : undefined;
    if (!match?.[2] || (match[1] && !ordinal)) return null;
    const list = byDay.get(match[2]) ?? [];
    byDay.set(match[2], [...list, ordinal ?? 'elke']);
  }
  return dutchList(
    [...byDay].map(([day, ordinals]) =>
      ordinals.includes('elke')
        ? `elke ${DAY_NAMES[day]}`
        : `de ${dutchList(ordinals)} ${DAY_NAMES[day]} van de maand`,
    ),
  );
}

function monthDays(value: string | null): string | null {
  const days = split(value).map((d) =>
    d === '-1' ? 'de laatste dag' : `de ${d.replace('+', '')}e`,
  );
  return days.length > 0 ? `op ${dutchList(days)} van de maand` : null;
}

/** "09:00", "09:00:00", "09:00+01:00" → "9.00"; another UTC offset is said; other text as is. */
export function clockTime(value: string): string {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(value.trim());
  if (!match) return value.trim();
  const time = `${Number(match[1])}.${match[2]}`;
  const zone = match[3];
  // Dutch local time is UTC+1 or UTC+2; those (and no zone) are what a resident's clock says.
  if (!zone || /^\+0[12](:?00)?$/.test(zone)) return time;
  return `${time} (${zone === 'Z' ? 'UTC' : `UTC${zone}`})`;
}

function hours(opens: string | null, closes: string | null): string | null {
  if (opens && closes) return `${clockTime(opens)}–${clockTime(closes)}`;
  if (opens) return `vanaf ${clockTime(opens)}`;
  if (closes) return `tot ${clockTime(closes)}`;
  return null;
}

/** A date as residents write it: "5 januari 2026". */
function dateText(value: string | null): string | null {
  return value ? dutchDate(value) : value;
}

/** How often: "om de week", "elke 3 weken", "om de maand". */
function repeat(s: ScheduleFields): string | null {
  const n = s.interval ?? 1;
  if (n <= 1) return s.freq === 'MONTHLY' && !s.byday && !s.bymonthday ? 'elke maand' : null;
  if (s.freq === 'MONTHLY') return n === 2 ? 'om de maand' : `elke ${n} maanden`;
  return n === 2 ? 'om de week' : `elke ${n} weken`;
}

function days(s: ScheduleFields): string | null {
  const codes = split(s.byday);
  if (codes.length > 0) return weekdays(codes) ?? monthlyDays(codes) ?? s.byday;
  return s.freq === 'MONTHLY' ? monthDays(s.bymonthday) : null;
}

function period(s: ScheduleFields): string | null {
  const parts = [
    s.dtstart && (s.interval ?? 1) > 1 ? `te beginnen op ${dateText(s.dtstart)}` : null,
    s.valid_from ? `vanaf ${dateText(s.valid_from)}` : null,
    s.valid_to ? `tot en met ${dateText(s.valid_to)}` : null,
    s.until && s.until !== s.valid_to ? `laatste keer op ${dateText(s.until)}` : null,
    s.count ? `${s.count} keer` : null,
    split(s.byweekno).length > 0 ? `in week ${dutchList(split(s.byweekno))}` : null,
    split(s.byyearday).length > 0 ? `op dag ${dutchList(split(s.byyearday))} van het jaar` : null,
  ];
  const said = parts.filter((p): p is string => Boolean(p));
  return said.length > 0 ? `(${said.join(', ')})` : null;
}

/** The structured part of a row in words, or null when it holds no times or days. */
function structured(s: ScheduleFields): string | null {
  const often = repeat(s);
  const on = days(s);
  // "om de week op maandag", but "op de 1e van de maand" says its own "op".
  const daysText = often && on && !on.startsWith('op ') ? `op ${on}` : on;
  const when = [often, daysText, hours(s.opens_at, s.closes_at)].filter(Boolean);
  if (when.length === 0) return null;
  return [when.join(' '), period(s)].filter(Boolean).join(' ');
}

const sentence = (text: string) => text.trim().replace(/[.;,\s]+$/, '');

/** One row in words: its days and times, then its description, notes and way of attending. */
export function scheduleText(s: ScheduleFields): ScheduleLine | null {
  const parts = [structured(s), s.description, s.attending_type, s.notes]
    .map((p) => (p ? sentence(p) : ''))
    .filter(Boolean);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  const link = s.schedule_link && /^https?:\/\//i.test(s.schedule_link) ? s.schedule_link : null;
  if (unique.length === 0 && !link) return null;
  return { text: unique.join('. '), link };
}

/** The lines of a schedule given only as text (the editor's "wanneer"), as a card says them. */
export function describedSchedule(description: string): ScheduleLine[] {
  const fields = Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, null])) as ScheduleFields;
  return scheduleLines([{ ...fields, description }]);
}

/** Rows that differ only in their plain weekdays share one line: "maandag en woensdag 9.00–12.00". */
function mergeKey(s: ScheduleFields): string | null {
  const plain = split(s.byday).every((c) => DAYS.includes(c as (typeof DAYS)[number]));
  if (!s.byday || !plain || s.freq === 'MONTHLY') return null;
  return JSON.stringify(SCHEDULE_FIELDS.filter((f) => f !== 'byday').map((f) => s[f]));
}

/** The rows of one card in words, in week order, rows with the same hours merged; no repeats. */
export function scheduleLines(rows: ScheduleFields[]): ScheduleLine[] {
  const merged = new Map<string, ScheduleFields>();
  const rest: ScheduleFields[] = [];
  for (const row of rows) {
    const key = mergeKey(row);
    const same = key ? merged.get(key) : undefined;
    if (key && same) merged.set(key, { ...same, byday: `${same.byday},${row.byday}` });
    else if (key) merged.set(key, row);
    else rest.push(row);
  }
  const ordered = [...merged.values(), ...rest].sort(
    (a, b) => firstDay(a) - firstDay(b) || (a.opens_at ?? '').localeCompare(b.opens_at ?? ''),
  );
  const lines: ScheduleLine[] = [];
  for (const row of ordered) {
    const line = scheduleText(row);
    if (line && !lines.some((l) => l.text === line.text && l.link === line.link)) lines.push(line);
  }
  return lines;
}

function firstDay(s: ScheduleFields): number {
  const found = split(s.byday).map((c) => DAYS.indexOf(c.replace(/^[+-]?\d/, '') as 'MO'));
  const known = found.filter((i) => i >= 0);
  return known.length > 0 ? Math.min(...known) : DAYS.length;
}
