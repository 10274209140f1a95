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

/** /export/:file takes the entity from the URL; this guard admits only entities we export. */
export function isExportEntity(name: string): name is ExportEntity {
  return (EXPORT_ENTITIES as readonly string[]).includes(name);
}

/** Every entity of the region as arrays of plain rows. */
export async function exportPlan(db: Kysely<Database>, region: Region): Promise<PlanExport> {
  return exportRows(db, region.id);
}

/**
 * The columns of each entity, in order: the same in the JSON export, the CSV header (also when an
 * entity has no rows) and what an import will take. A test checks them against the queries.
 */
export const EXPORT_COLUMNS: Record<ExportEntity, readonly string[]> = {
  plan: [
    'region',
    'region_name',
    'cbs_code',
    'title',
    'subtitle',
    'brand',
    'version',
    'published_on',
    'source',
    'ambition_name',
    'ambition_horizon',
    'ambition_text',
    'overarching_title',
    'overarching_blocks',
    'checksum',
  ],
  themes: ['number', 'slug', 'name', 'motto', 'ambition_2040'],
  guiding_threads: ['position', 'slug', 'name'],
  opgaven: [
    'number',
    'letter',
    'slug',
    'name',
    'slogan',
    'keywords',
    'why',
    'focus',
    'strategic_intro',
    'extra_sections',
    'chapter2_intro',
    'chapter2_sections',
  ],
  strategic_goals: ['code', 'chapter1_code', 'opgave', 'text_chapter1', 'text_chapter2'],
  operational_goals: [
    'code',
    'strategic_goal',
    'kind',
    'label',
    'text',
    'text_missing',
    'details',
    'planning',
    'deadline_year',
    'deadline_note',
    'target',
    'inspiration_tbd',
    'initiators_tbd',
  ],
  goal_relations: ['source_code', 'target_code'],
  initiatives: ['slug', 'name', 'aliases', 'description'],
  goal_initiatives: ['goal', 'position', 'initiative', 'label'],
  goal_initiators: ['goal', 'position', 'name', 'note', 'organisation', 'sector'],
  sectors: ['position', 'slug', 'name'],
  organisations: ['slug', 'name', 'short_name', 'aliases', 'is_group', 'sector', 'description'],
  coalition_memberships: ['organisation', 'sector', 'coalition'],
  programmes: ['number', 'slug', 'name', 'objective', 'context', 'contribution', 'more_info'],
  programme_partners: ['programme', 'position', 'name', 'note', 'organisation', 'sector'],
  programme_contributions: ['programme', 'target_kind', 'target_code'],
  governance_bodies: ['slug', 'name', 'kind', 'theme', 'motto', 'description', 'work_agenda'],
  governance_roles: [
    'body',
    'position',
    'role',
    'organisation',
    'name',
    'person',
    'function',
    'note',
  ],
  glossary: ['kind', 'slug', 'term', 'definition'],
  sections: ['slug', 'chapter', 'title', 'blocks'],
};

/**
 * Characters that make spreadsheet programs treat a cell as a formula (CSV injection), also
 * behind apostrophes: a text that itself starts with "'=" is guarded too, so that taking one
 * apostrophe off on import always gives back exactly what was exported.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Structured values (text blocks, lists) go into a cell as JSON, everything else as text. A cell
 * that would start a formula gets a leading apostrophe (OWASP advice); an import reads it back
 * with csvCellText.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, not formulas: -3.5 stays -3.5 so a file can be read back in.
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text csvCell wrote a cell for: its formula guard (one apostrophe) taken off again. */
export function csvCellText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One entity as CSV with a header row; RFC 4180 quoting, UTF-8 with BOM for spreadsheet programs. */
export function toCsv(entity: ExportEntity, rows: ReadonlyArray<Record<string, unknown>>): string {
  const columns = [...EXPORT_COLUMNS[entity]];
  const body = stringify(
    rows.map((row) => columns.map((c) => csvCell(row[c]))),
    { header: true, columns, record_delimiter: '\r\n' },
  );
  return `\uFEFF${body}`;
}
