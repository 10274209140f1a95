/**
 * Werkagenda import: the fields a file may set, the staged payload (validated again when it is
 * read back from the database), the problems reported per row, and the column explanation the
 * import page shows. The columns are AGENDA_COLUMNS, the same as the export.
 */
import { z } from 'zod';
import type { AgendaStatus, Priority } from '../../db/schema.js';
import {
  type AGENDA_COLUMNS,
  PERIOD_PATTERN,
  PRIORITY_NAMES,
  STATUS_NAMES,
} from './agenda.types.js';

/** Kind of the agenda's batches in `import_batch`. */
export const AGENDA_IMPORT_KIND = 'agenda';

/** Columns Marke writes itself; an import accepts them (so an export reads back) and ignores them. */
export const IGNORED_COLUMNS = ['updated_at', 'updated_by'] as const;

/** The fields an import row may change, in the order of the export. */
export const IMPORT_FIELDS = [
  'status',
  'priority',
  'progress',
  'phase',
  'planned_start',
  'planned_end',
  'owners',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** An item as the import compares it: empty values are null, owners are sorted slugs. */
export type AgendaValues = {
  status: AgendaStatus;
  priority: Priority | null;
  progress: number;
  phase: string | null;
  planned_start: string | null;
  planned_end: string | null;
  owners: string[];
};

const periodValue = z.string().regex(PERIOD_PATTERN).nullable();

/** One valid row: its spreadsheet row number, the goal code and the values of the file's columns. */
export const ImportRow = z.object({
  row: z.number().int().positive(),
  code: z.string().min(1),
  values: z
    .object({
      status: z.enum(STATUS_NAMES as [AgendaStatus, ...AgendaStatus[]]),
      priority: z.enum(PRIORITY_NAMES as [Priority, ...Priority[]]).nullable(),
      progress: z.number().int().min(0).max(100),
      phase: z.string().max(120).nullable(),
      planned_start: periodValue,
      planned_end: periodValue,
      owners: z.array(z.string()),
    })
    .partial(),
});
export type ImportRow = z.infer<typeof ImportRow>;

/** What waits in `import_batch.payload` between preview and apply. */
export const ImportPayload = z.object({
  checksum: z.string(),
  rows: z.array(ImportRow),
});
export type ImportPayload = z.infer<typeof ImportPayload>;

/** One problem in an uploaded file; row 1 is the header, as in a spreadsheet program. */
export type { CellProblem } from '../imports/index.js';

/** One field that an import row changes. */
export type FieldChange = { field: ImportField; before: string; after: string };

/** A row of the preview: the goal and what changes (nothing: "ongewijzigd"). */
export type PreviewRow = { row: number; code: string; label: string; changes: FieldChange[] };

/** Column explanation on the import page: what a cell means and what an empty cell does. */
export const COLUMN_HELP: Record<(typeof AGENDA_COLUMNS)[number], [string, string]> = {
  code: ['Code van het operationele doel, bijvoorbeeld 2.1.1. A of 2.1.1.a. Verplicht.', '–'],
  status: [`Een van: ${STATUS_NAMES.join(', ')}.`, 'Niet toegestaan: vul een status in.'],
  priority: [`Een van: ${PRIORITY_NAMES.join(', ')}.`, 'Geen prioriteit.'],
  progress: ['Voortgang in procenten: een heel getal van 0 tot en met 100.', '0%.'],
  phase: ['Vrije tekst, hoogstens 120 tekens.', 'Geen fase.'],
  planned_start: ['Een jaar (2025) of een kwartaal (2025-Q3).', 'Geen gepland begin.'],
  planned_end: ['Een jaar of kwartaal, niet vóór het begin.', 'Geen gepland einde.'],
  owners: [
    'Slugs van de eigenaar-organisaties, gescheiden door ; (bijvoorbeeld ggd-drenthe;cosis).',
    'Geen eigenaren.',
  ],
  updated_at: ['Schrijft Marke zelf. Wordt bij inlezen overgeslagen.', '–'],
  updated_by: ['Schrijft Marke zelf. Wordt bij inlezen overgeslagen.', '–'],
};
