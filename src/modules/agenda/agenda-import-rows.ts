/**
 * The pure part of the werkagenda import (no database): check every row of an uploaded table and
 * collect all problems, and compare valid rows with the agenda as it is. Kept apart from the
 * service so the rules are easy to read and to test.
 */
import type { Table } from '../../lib/tabular.js';
import { csvCellText, parseGoalCode } from '../plan/index.js';
import {
  AGENDA_COLUMNS,
  type AgendaStatus,
  PERIOD_MESSAGE,
  PERIOD_PATTERN,
  PRIORITIES,
  PRIORITY_NAMES,
  type Priority,
  periodsInOrder,
  STATUS_NAMES,
  STATUSES,
} from './agenda.types.js';
import {
  type AgendaValues,
  type CellProblem,
  type FieldChange,
  IMPORT_FIELDS,
  type ImportField,
  type ImportRow,
} from './agenda-import.types.js';

/** What the checks need to know about the region: its operational goals and organisations. */
export type ImportContext = {
  goalCodes: ReadonlySet<string>;
  organisationSlugs: ReadonlySet<string>;
  /** CSV cells may carry the export's formula guard (a leading apostrophe); XLSX cells never do. */
  stripFormulaGuard: boolean;
};

/** updated_at and updated_by are known (the export writes them) but no import field reads them. */
const KNOWN_COLUMNS: ReadonlySet<string> = new Set(AGENDA_COLUMNS);

type Check<T> = { value: T } | { message: string };

/** One cell's rules: empty cells clear optional fields, so an unchanged export reads back as is. */
const CHECKS: { [F in ImportField]: (raw: string, ctx: ImportContext) => Check<AgendaValues[F]> } =
  {
    status: (raw) => {
      const value = raw.toLowerCase();
      return (STATUS_NAMES as string[]).includes(value)
        ? { value: value as AgendaStatus }
        : { message: `Onbekende status. Kies uit: ${STATUS_NAMES.join(', ')}.` };
    },
    priority: (raw) => {
      const value = raw.toLowerCase();
      if (value === '') return { value: null };
      return (PRIORITY_NAMES as string[]).includes(value)
        ? { value: value as Priority }
        : { message: `Onbekende prioriteit. Kies uit: ${PRIORITY_NAMES.join(', ')} of laat leeg.` };
    },
    progress: (raw) => {
      if (raw === '') return { value: 0 };
      if (!/^\d{1,3}$/.test(raw) || Number(raw) > 100)
        return { message: 'Voortgang moet een heel getal van 0 tot en met 100 zijn.' };
      return { value: Number(raw) };
    },
    phase: (raw) =>
      raw.length > 120
        ? { message: 'Een fase is hoogstens 120 tekens.' }
        : { value: raw === '' ? null : raw },
    planned_start: (raw) => period(raw),
    planned_end: (raw) => period(raw),
    owners: (raw, ctx) => {
      const slugs = [
        ...new Set(
          raw
            .split(';')
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean),
        ),
      ];
      const unknown = slugs.filter((s) => !ctx.organisationSlugs.has(s));
      if (unknown.length > 0)
        return {
          message: `Deze organisatie${unknown.length > 1 ? 's staan' : ' staat'} niet in het plan: ${unknown.join(', ')}. Gebruik de slug uit het adres van de organisatiepagina en scheid met ;.`,
        };
      return { value: slugs.sort() };
    },
  };

function period(raw: string): Check<string | null> {
  if (raw === '') return { value: null };
  return PERIOD_PATTERN.test(raw) ? { value: raw } : { message: PERIOD_MESSAGE };
}

/** Problems with the header row: a missing code column and columns the import does not know. */
function headerProblems(table: Table): CellProblem[] {
  const problems: CellProblem[] = [];
  if (!table.columns.includes('code'))
    problems.push({
      row: 1,
      column: 'code',
      value: '',
      message: 'De kolom code ontbreekt. Zonder code weten we niet over welk doel een rij gaat.',
    });
  table.columns.forEach((column, index) => {
    if (KNOWN_COLUMNS.has(column)) return;
    if (column === '' && table.rows.every((r) => (r[column] ?? '') === '')) return;
    problems.push({
      row: 1,
      column: column === '' ? `kolom ${index + 1}` : column,
      value: column,
      message:
        column === ''
          ? 'Deze kolom heeft geen naam in de kopregel maar wel waarden.'
          : `Onbekende kolom. De kolommen zijn: ${AGENDA_COLUMNS.join(', ')}.`,
    });
  });
  return problems;
}

/** The goal code of a row, or why it cannot be used. */
function checkCode(raw: string, ctx: ImportContext): Check<string> {
  if (raw === '') return { message: 'Vul de code van het doel in.' };
  const parsed = parseGoalCode(raw);
  if (!parsed) return { message: 'Dit is geen doelcode. Een doelcode ziet eruit als 2.1.1. A.' };
  if (parsed.kind !== 'operational')
    return {
      message: `${parsed.code} is een strategisch doel. Alleen operationele doelen (zoals ${parsed.code}. A) staan op de werkagenda.`,
    };
  if (!ctx.goalCodes.has(parsed.code))
    return { message: `Doel ${parsed.code} staat niet in het plan.` };
  return { value: parsed.code };
}

/**
 * Checks every row and collects every problem (row, column, value, message); only a file without
 * any problem yields rows. Columns absent from the file leave those fields as they are.
 */
export function checkAgendaTable(
  table: Table,
  ctx: ImportContext,
): { ok: true; rows: ImportRow[] } | { ok: false; problems: CellProblem[] } {
  const problems = headerProblems(table);
  if (!table.columns.includes('code')) return { ok: false, problems };
  const fields = IMPORT_FIELDS.filter((f) => table.columns.includes(f));
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers?.[index] ?? index + 2;
    const cell = (column: string) => {
      const raw = (cells[column] ?? '').trim();
      // The export writes `'=…` for a cell a spreadsheet would run as a formula; undone here.
      return ctx.stripFormulaGuard ? csvCellText(raw) : raw;
    };
    const problem = (column: string, message: string) =>
      problems.push({ row, column, value: cells[column] ?? '', message });
    const code = checkCode(cell('code'), ctx);
    if ('message' in code) problem('code', code.message);
    else if (seen.has(code.value))
      problem(
        'code',
        `Dit doel staat ook in rij ${seen.get(code.value)}. Zet elk doel één keer in het bestand.`,
      );
    else seen.set(code.value, row);
    const values: ImportRow['values'] = {};
    for (const field of fields) {
      const checked = CHECKS[field](cell(field), ctx);
      if ('message' in checked) problem(field, checked.message);
      else Object.assign(values, { [field]: checked.value });
    }
    if (!periodsInOrder(values.planned_start ?? undefined, values.planned_end ?? undefined))
      problem('planned_end', 'Het gepland einde ligt vóór het gepland begin.');
    if ('value' in code) rows.push({ row, code: code.value, values });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** How a value reads in the preview: the Dutch name of a status or priority, "(leeg)" for none. */
export function showValue(field: ImportField, value: AgendaValues[ImportField]): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return '(leeg)';
  if (field === 'status') return STATUSES[value as AgendaStatus];
  if (field === 'priority') return PRIORITIES[value as Priority];
  if (field === 'progress') return `${value}%`;
  return Array.isArray(value) ? value.join('; ') : String(value);
}

function same(a: AgendaValues[ImportField], b: AgendaValues[ImportField]): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.join(';') === b.join(';') : a === b;
}

/** The fields of a row that differ from the item as it is now. */
export function changesOf(row: ImportRow, current: AgendaValues): FieldChange[] {
  return IMPORT_FIELDS.flatMap((field) => {
    const next = row.values[field];
    if (next === undefined || same(next, current[field])) return [];
    return [{ field, before: showValue(field, current[field]), after: showValue(field, next) }];
  });
}
