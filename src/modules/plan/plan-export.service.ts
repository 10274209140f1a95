/**
 * Full export of a region's plan: JSON (one object, one array per entity type) and CSV (one file
 * per entity type). Both use the same column names, which are also what an import will take.
 */
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Region } from './plan.service.js';
import { exportRows } from './plan-export.repository.js';

export type PlanExport = Awaited<ReturnType<typeof exportRows>>;
export type ExportEntity = keyof PlanExport;

/** Entity names as they appear in export URLs and file names. */
export const EXPORT_ENTITIES = [
  'plan',
  'themes',
  'guiding_threads',
  'opgaven',
  'strategic_goals',
  'operational_goals',
  'goal_relations',
  'initiatives',
  'goal_initiatives',
  'goal_initiators',
  'sectors',
  'organisations',
  'coalition_memberships',
  'programmes',
  'programme_partners',
  'programme_contributions',
  'governance_bodies',
  'governance_roles',
  'glossary',
  'sections',
] as const satisfies readonly ExportEntity[];

export function isExportEntity(name: string): name is ExportEntity {
  return (EXPORT_ENTITIES as readonly string[]).includes(name);
}

/** Every entity of the region as arrays of plain rows. */
export async function exportPlan(db: Kysely<Database>, region: Region): Promise<PlanExport> {
  return exportRows(db, region.id);
}

/** Structured values (text blocks, lists) go into a CSV cell as JSON; everything else as text. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Column names of an entity: the keys of its rows (stable, from the select list). */
export function columnsOf(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  return rows[0] ? Object.keys(rows[0]) : [];
}

/** One entity as CSV with a header row; RFC 4180 quoting, UTF-8 with BOM for spreadsheet programs. */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>): string {
  const columns = columnsOf(rows);
  const body = stringify(
    rows.map((row) => columns.map((c) => cell(row[c]))),
    { header: true, columns, record_delimiter: '\r\n' },
  );
  return `\uFEFF${body}`;
}
