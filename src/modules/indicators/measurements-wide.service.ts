/**
 * The wide import, step by step: the uploaded file is kept as a staged upload; the data steward
 * ties its columns to indicators (pre-filled with the mapping saved for the source); the cells
 * then become long rows, checked and previewed exactly like a long file. Applying the preview
 * saves the mapping with the source for the next file.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { Table } from '../../lib/tabular.js';
import { areaIndex } from '../areas/index.js';
import type { SessionUser, Upload } from '../auth/index.js';
import {
  checksumOf,
  discardStaged,
  findPersonLevel,
  loadStaged,
  type PreviousImport,
  stageImport,
} from '../imports/index.js';
import { importMappingOf } from '../sources/index.js';
import * as repo from './indicators.repository.js';
import type { CellProblem, MeasurementRow } from './indicators.types.js';
import { checkRow, type RowContext } from './measurement-rows.js';
import { packImport } from './measurements-payload.js';
import {
  checkMapping,
  guessMapping,
  ownValue,
  splittingColumns,
  WideMapping,
  type WideMappingT,
  wideToLong,
} from './measurements-wide.js';

type Db = Kysely<Database>;
export const WIDE_UPLOAD = 'measurements-wide';

/** What waits between the upload and the mapping step. */
type WideUpload = { table: Table; dataSourceId: number; source: string; checksum: string };

/** Keeps a wide file (already refused if it looks person-level) for the mapping step. */
export async function stageWideUpload(
  db: Db,
  user: SessionUser,
  upload: Upload,
  table: Table,
  dataSourceId: number,
  source: string,
) {
  const payload: WideUpload = { table, dataSourceId, source, checksum: checksumOf(upload.bytes) };
  return stageImport(db, user, {
    kind: WIDE_UPLOAD,
    filename: upload.name,
    bytes: upload.bytes,
    rowCount: table.rows.length,
    payload,
  });
}

/** The user's own staged wide file, with the mapping to start from and the choices. */
export async function loadWideUpload(db: Db, user: SessionUser, id: number) {
  const staged = await loadStaged(db, user, WIDE_UPLOAD, id);
  if (!staged.ok) return staged;
  const upload = staged.value.payload as WideUpload;
  const [indicators, saved] = await Promise.all([
    repo.indicatorChoices(db, user.regionId),
    importMappingOf(db, user.regionId, upload.dataSourceId),
  ]);
  const parsedSaved = WideMapping.safeParse(saved);
  const mapping = guessMapping(
    upload.table,
    indicators,
    parsedSaved.success ? parsedSaved.data : undefined,
  );
  return ok({
    filename: staged.value.filename,
    previous: staged.value.previous,
    upload,
    indicators,
    mapping,
    // The saved mapping is only used when this file has its area column (see guessMapping).
    fromSaved: parsedSaved.success && upload.table.columns.includes(parsedSaved.data.areaColumn),
    lastPeriod: parsedSaved.success ? parsedSaved.data.period : '',
    splitting: splittingColumns(upload.table, mapping),
  });
}

export type WideStaged = { id: number; previous: PreviousImport | undefined };
export type WideRejected = { problems: CellProblem[]; mapping: WideMappingT };

/** Long rows from the staged wide file with this mapping: checked like a long file, or problems. */
async function convert(db: Db, regionId: number, upload: WideUpload, mapping: WideMappingT) {
  const [indicators, areas] = await Promise.all([
    repo.indicatorIdsByCode(db, regionId),
    areaIndex(db, regionId),
  ]);
  const mappingProblems = checkMapping(
    upload.table,
    mapping,
    new Set(indicators.map((i) => i.code)),
  );
  if (mappingProblems.length > 0) return err(mappingProblems);
  // The rows this mapping reads, per figure (area, period, margin): more than one each means
  // rows about people, whatever breakdown was chosen.
  const chosen = {
    ...upload.table,
    rows: upload.table.rows.filter((r) =>
      Object.entries(mapping.filters).every(([c, v]) => ownValue(r, c).trim() === v),
    ),
  };
  const personal = findPersonLevel(
    chosen,
    (r) =>
      [mapping.areaColumn, mapping.periodColumn, mapping.marginColumn]
        .map((c) => (c ? ownValue(r, c) : ''))
        .join('|'),
    new Set(mapping.periodColumn ? [mapping.periodColumn] : []),
  );
  if (personal) return err({ personal });
  const { cells, skippedAreas, problems } = wideToLong(
    upload.table,
    mapping,
    new Set(areas.keys()),
  );
  const context: RowContext = {
    indicators: new Map(indicators.map((i) => [i.code, i.id])),
    areas: new Set(areas.keys()),
    defaultSource: upload.source.trim(),
  };
  const rows: MeasurementRow[] = [];
  const lines: number[] = [];
  const seen = new Map<string, string>();
  for (const cell of cells) {
    const before = problems.length;
    const row = checkRow(cell.row, cell.line, context, problems);
    // Problems name the file's own column, not the long-format field it became.
    for (const p of problems.slice(before)) if (p.column !== 'area_code') p.column = cell.column;
    if (!row) continue;
    const key = `${row.indicator}|${row.areaCode}|${row.period}`;
    const first = seen.get(key);
    if (first)
      problems.push({
        row: cell.line,
        column: cell.column,
        value: row.indicator,
        message: `De kolommen "${first}" en "${cell.column}" zijn aan dezelfde indicator gekoppeld.`,
      });
    else seen.set(key, cell.column);
    rows.push({ ...row, dataSourceId: upload.dataSourceId });
    lines.push(cell.line);
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({
      row: 0,
      column: mapping.areaColumn,
      value: '',
      message:
        'Geen enkele rij gaat over een gebied van deze regio. Kies de juiste kolom met gebiedscodes.',
    });
  return problems.length > 0 ? err(problems) : ok({ rows, lines, skippedAreas });
}

/**
 * The mapping to save: this file's choices, plus the saved columns and filters this file does not
 * have (a file with fewer columns must not make the source forget the others).
 */
function keptFromSaved(saved: WideMappingT, chosen: WideMappingT, table: Table): WideMappingT {
  const notInFile = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).filter(([c]) => !table.columns.includes(c)));
  return {
    ...chosen,
    filters: { ...notInFile(saved.filters), ...chosen.filters },
    columns: { ...notInFile(saved.columns), ...chosen.columns },
  };
}

/**
 * Applies the mapping: on success the long rows are staged as a measurement preview (same
 * checksum as the file, so a second import of it is detected) and the wide upload is closed.
 */
export async function mapWideUpload(
  db: Db,
  user: SessionUser,
  id: number,
  mapping: WideMappingT,
  measurementKind: string,
): Promise<Result<WideStaged, WideRejected | 'NotFound'>> {
  const staged = await loadStaged(db, user, WIDE_UPLOAD, id);
  if (!staged.ok) return err('NotFound');
  const upload = staged.value.payload as WideUpload;
  const converted = await convert(db, user.regionId, upload, mapping);
  if (!converted.ok) {
    const refused = converted.error;
    if (Array.isArray(refused)) return err({ problems: refused, mapping });
    // Rows about people are not kept waiting for another try: the upload is closed at once.
    await discardStaged(db, user, WIDE_UPLOAD, id);
    const { column, message } = refused.personal;
    return err({ problems: [{ row: 0, column, value: '', message }], mapping });
  }
  const { rows, lines, skippedAreas } = converted.value;
  const saved = WideMapping.safeParse(
    await importMappingOf(db, user.regionId, upload.dataSourceId),
  );
  const keep = saved.success ? keptFromSaved(saved.data, mapping, upload.table) : mapping;
  const measurementBatch = await stageImport(db, user, {
    kind: measurementKind,
    filename: staged.value.filename,
    bytes: { checksum: upload.checksum },
    rowCount: rows.length,
    payload: packImport({
      rows,
      lines,
      skippedAreas,
      mapping: { sourceId: upload.dataSourceId, mapping: keep },
    }),
  });
  await discardStaged(db, user, WIDE_UPLOAD, id);
  return ok(measurementBatch);
}
