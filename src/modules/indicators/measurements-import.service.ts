/**
 * Importing measurements (long format: one row per indicator × area × period). Every row is
 * checked and every problem listed with its row number; a valid file is staged as a preview
 * (old → new per cell) and applied all-or-nothing by the same user.
 */
import type { Kysely } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { readTable, type Table } from '../../lib/tabular.js';
import { areaIndex } from '../areas/index.js';
import type { SessionUser, Upload } from '../auth/index.js';
import {
  applyStaged,
  findPersonLevel,
  type PreviousImport,
  stageImport,
} from '../imports/index.js';
import { bumpDataVersion } from '../plan/index.js';
import { listSources, saveImportMapping } from '../sources/index.js';
import { decideWhileWriting } from './indicators.disclosure.js';
import * as repo from './indicators.repository.js';
import {
  type CellProblem,
  MEASUREMENT_COLUMNS,
  type MeasurementRow,
  REQUIRED_MEASUREMENT_COLUMNS,
} from './indicators.types.js';
import { checkRow, type RowContext } from './measurement-rows.js';
import { packImport, unpackImport, type ValidatedImport } from './measurements-payload.js';
import { cellsAfterImport, summariseChanges } from './measurements-preview.service.js';
import { looksLong, wideFigureKey } from './measurements-wide.js';
import { stageWideUpload } from './measurements-wide.service.js';

export { markerForReason, missingReason, parseNumber } from './measurement-rows.js';
export { unpackImport, type ValidatedImport } from './measurements-payload.js';
export { type PreviewRow, previewMeasurements } from './measurements-preview.service.js';

type Db = Kysely<Database>;
export const MEASUREMENT_IMPORT = 'measurements';

function checkColumns(table: Table): CellProblem[] {
  const problems: CellProblem[] = [];
  for (const column of REQUIRED_MEASUREMENT_COLUMNS)
    if (!table.columns.includes(column))
      problems.push({
        row: 1,
        column,
        value: '',
        message: `De kolom "${column}" ontbreekt in de kopregel.`,
      });
  for (const column of table.columns)
    if (column !== '' && !(MEASUREMENT_COLUMNS as readonly string[]).includes(column))
      problems.push({
        row: 1,
        column,
        value: column,
        message: `Onbekende kolom "${column}". Toegestaan: ${MEASUREMENT_COLUMNS.join(', ')}.`,
      });
  return problems;
}

/** All problems of a file, or its rows ready to stage. */
export async function validateMeasurements(
  db: Db,
  regionId: number,
  upload: Upload,
  defaultSource: string,
): Promise<Result<ValidatedImport, CellProblem[]>> {
  const table = await readTable(upload.name, upload.bytes);
  if (!table.ok) return err([{ row: 0, column: '', value: '', message: table.error }]);
  return validateLongTable(db, regionId, table.value, defaultSource);
}

/** A long table (indicator, area_code, period, value, …) checked row by row. */
async function validateLongTable(
  db: Db,
  regionId: number,
  table: Table,
  defaultSource: string,
): Promise<Result<ValidatedImport, CellProblem[]>> {
  // First of all: a file about individual people is refused without repeating any of its values.
  const personal = findPersonLevel(
    table,
    (r) => `${r.indicator ?? ''}|${r.area_code ?? ''}|${r.period ?? ''}`,
  );
  if (personal)
    return err([{ row: 0, column: personal.column, value: '', message: personal.message }]);
  const columnProblems = checkColumns(table);
  if (columnProblems.length > 0) return err(columnProblems);
  if (table.rows.length === 0)
    return err([
      { row: 0, column: '', value: '', message: 'Het bestand heeft geen rijen onder de kopregel.' },
    ]);
  const [indicators, areas] = await Promise.all([
    repo.indicatorIdsByCode(db, regionId),
    areaIndex(db, regionId),
  ]);
  const context: RowContext = {
    indicators: new Map(indicators.map((i) => [i.code, i.id])),
    areas: new Set(areas.keys()),
    defaultSource: defaultSource.trim(),
  };
  const problems: CellProblem[] = [];
  const rows: MeasurementRow[] = [];
  const seen = new Map<string, number>();
  const lines = table.rowNumbers ?? table.rows.map((_, index) => index + 2);
  table.rows.forEach((raw, index) => {
    const line = lines[index] ?? index + 2;
    const row = checkRow(raw, line, context, problems);
    if (!row) return;
    const key = `${row.indicator}|${row.areaCode}|${row.period}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({
        row: line,
        column: 'indicator',
        value: key.replaceAll('|', ' '),
        message: `Deze indicator, dit gebied en deze periode staan ook in rij ${first}.`,
      });
    else seen.set(key, line);
    rows.push(row);
  });
  return problems.length > 0 ? err(problems) : ok({ rows, lines });
}

export type StagedUpload = {
  shape: 'long' | 'wide';
  id: number;
  previous: PreviousImport | undefined;
};

/**
 * Reads the file and stages it: a long file (indicator, area_code, period, value) as a preview
 * at once; a wide file (one column per indicator) for the mapping step, which needs its source.
 */
export async function stageMeasurements(
  db: Db,
  user: SessionUser,
  upload: Upload,
  defaultSource: string,
  dataSourceId: number | null = null,
): Promise<Result<StagedUpload, CellProblem[]>> {
  const table = await readTable(upload.name, upload.bytes);
  if (!table.ok) return err([{ row: 0, column: '', value: '', message: table.error }]);
  const source = await sourceTextFor(db, user.regionId, defaultSource, dataSourceId);
  if (!looksLong(table.value))
    return stageWide(db, user, upload, table.value, source, dataSourceId);
  const validated = await validateLongTable(db, user.regionId, table.value, source);
  if (!validated.ok) return validated;
  // Every row of the file comes from the chosen catalogue source (its rules apply).
  for (const row of validated.value.rows) row.dataSourceId = dataSourceId;
  const staged = await stageImport(db, user, {
    kind: MEASUREMENT_IMPORT,
    filename: upload.name,
    bytes: upload.bytes,
    rowCount: validated.value.rows.length,
    payload: packImport(validated.value),
  });
  return ok({ shape: 'long', ...staged });
}

/** Rows without a source of their own name the catalogue source the file comes from. */
async function sourceTextFor(
  db: Db,
  regionId: number,
  typed: string,
  dataSourceId: number | null,
): Promise<string> {
  if (typed.trim() !== '' || dataSourceId === null) return typed;
  const chosen = (await listSources(db, regionId)).find((s) => s.id === dataSourceId);
  return chosen ? chosen.dataset : '';
}

async function stageWide(
  db: Db,
  user: SessionUser,
  upload: Upload,
  table: Table,
  defaultSource: string,
  dataSourceId: number | null,
): Promise<Result<StagedUpload, CellProblem[]>> {
  const problem = (column: string, message: string) =>
    err([{ row: 0, column, value: '', message }]);
  // Before anything is staged or shown: a wide file with many rows per area is about people.
  const personal = findPersonLevel(table, wideFigureKey(table));
  if (personal) return problem(personal.column, personal.message);
  if (table.rows.length === 0)
    return problem('', 'Het bestand heeft geen rijen onder de kopregel.');
  if (dataSourceId === null)
    return problem(
      'data_source',
      'Dit bestand heeft één kolom per indicator (een breed bestand). Kies de bron van het bestand: per bron bewaart Marke welke kolom bij welke indicator hoort.',
    );
  const staged = await stageWideUpload(db, user, upload, table, dataSourceId, defaultSource);
  return ok({ shape: 'wide', ...staged });
}

/** Thrown inside the apply transaction (rolling it back) when an indicator was deleted since. */
class IndicatorGone extends Error {}

/** Applies a staged file in one transaction: values, one audit row per indicator, data version. */
export async function applyMeasurements(
  db: Db,
  user: SessionUser,
  batchId: number,
  allowDuplicate: boolean,
) {
  try {
    return await applyMeasurementBatch(db, user, batchId, allowDuplicate);
  } catch (error) {
    if (error instanceof IndicatorGone) return err('IndicatorGone' as const);
    throw error;
  }
}

function applyMeasurementBatch(
  db: Db,
  user: SessionUser,
  batchId: number,
  allowDuplicate: boolean,
) {
  return applyStaged(
    db,
    user,
    MEASUREMENT_IMPORT,
    batchId,
    async (trx, payload, id) => {
      const { rows, mapping } = unpackImport(payload);
      const indicators = new Map(
        (await repo.indicatorIdsByCode(trx, user.regionId)).map((i) => [i.code, i.id]),
      );
      // The indicator id set on each row itself: 145 000 copies of a row cost more than the write.
      const inserts = rows.map((r) => {
        const indicatorId = indicators.get(r.indicator);
        // The indicator was checked at preview time; if it was deleted since, stop everything.
        if (indicatorId === undefined) throw new IndicatorGone(r.indicator);
        return Object.assign(r, { indicatorId });
      });
      // The region's import lock first: no other import writes these cells until this one is
      // committed, so the rows found new here are still new when they are inserted.
      await repo.lockDisclosure(trx, user.regionId);
      const stored = await repo.listStoredCells(trx, [
        ...new Set(inserts.map((r) => r.indicatorId)),
      ]);
      const changes = summariseChanges(stored, inserts);
      // The cells-to-be are put together once the rows are on their way (they are only planned on).
      const after = () => cellsAfterImport(stored, changes);
      await decideWhileWriting(trx, user.regionId, after, async () => {
        await repo.upsertMeasurements(trx, changes.added, id, 'new');
        await repo.upsertMeasurements(trx, changes.changed, id);
      });
      for (const [code, audit] of changes.audit)
        await writeAudit(trx, {
          actor: `user:${user.id}`,
          action: 'measurement.import',
          entityType: 'indicator',
          entityKey: code,
          regionId: user.regionId,
          before: audit.before,
          after: audit.after,
        });
      if (mapping)
        await saveImportMapping(
          trx,
          user.regionId,
          mapping.sourceId,
          mapping.mapping,
          `user:${user.id}`,
        );
      await bumpDataVersion(trx);
      return { rows: rows.length, changed: changes.changed.length, added: changes.added.length };
    },
    { allowDuplicate },
  );
}
