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
import { refreshSuppression } from './indicators.disclosure.js';
import * as repo from './indicators.repository.js';
import {
  type CellProblem,
  MEASUREMENT_COLUMNS,
  type MeasurementRow,
  REQUIRED_MEASUREMENT_COLUMNS,
} from './indicators.types.js';
import { checkRow, type RowContext } from './measurement-rows.js';
import { looksLong, wideFigureKey } from './measurements-wide.js';
import { stageWideUpload } from './measurements-wide.service.js';

export { markerForReason, missingReason, parseNumber } from './measurement-rows.js';

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

/** `lines[i]` is the spreadsheet row number of `rows[i]`, for the preview. */
export type ValidatedImport = {
  rows: MeasurementRow[];
  lines: number[];
  /** Wide files: area codes of other regions, skipped (listed in the preview). */
  skippedAreas?: string[];
  /** Wide files: the column mapping, saved with the source when the preview is applied. */
  mapping?: { sourceId: number; mapping: unknown };
};

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

export type PreviewRow = MeasurementRow & {
  line: number;
  before: number | null | undefined;
  /** The stored figure is hidden by disclosure control: shown as "afgeschermd", never its value. */
  beforeHidden: boolean;
  change: 'nieuw' | 'gewijzigd' | 'ongewijzigd';
};

type StoredCell = Awaited<ReturnType<typeof repo.listMeasurements>>[number];

/** Every stored field counts: a new n, interval or source is a change too (and audited). */
function sameCell(stored: StoredCell, row: MeasurementRow): boolean {
  const n = (v: string | null) => (v === null ? null : Number(v));
  return (
    n(stored.value) === row.value &&
    stored.missing_reason === row.missingReason &&
    n(stored.numerator) === row.numerator &&
    n(stored.denominator) === row.denominator &&
    stored.sample_size === row.sampleSize &&
    n(stored.ci_low) === row.ciLow &&
    n(stored.ci_high) === row.ciHigh &&
    stored.source === row.source &&
    stored.note === row.note &&
    stored.is_projection === (row.isProjection ?? false) &&
    stored.is_demo === (row.isDemo ?? false) &&
    // Another catalogue source means other disclosure rules: a change, previewed and audited.
    stored.data_source_id === (row.dataSourceId ?? null) &&
    // A figure of its own where a roll-up stood is a change too.
    stored.rollup_children === null
  );
}

/** Old → new per row: new cells, changed values and unchanged ones. */
export async function previewMeasurements(
  db: Db,
  regionId: number,
  rows: MeasurementRow[],
  lines: number[] = [],
): Promise<PreviewRow[]> {
  const indicators = new Map(
    (await repo.indicatorIdsByCode(db, regionId)).map((i) => [i.code, i.id]),
  );
  const ids = [...new Set(rows.map((r) => indicators.get(r.indicator) ?? 0))];
  const existing = await repo.listMeasurements(db, ids);
  const current = new Map(existing.map((m) => [`${m.indicator_id}|${m.area_code}|${m.period}`, m]));
  return rows.map((row, i) => {
    const key = `${indicators.get(row.indicator)}|${row.areaCode}|${row.period}`;
    const stored = current.get(key);
    const before = stored ? (stored.value === null ? null : Number(stored.value)) : undefined;
    const change = !stored ? 'nieuw' : sameCell(stored, row) ? 'ongewijzigd' : 'gewijzigd';
    // A hidden figure stays hidden here too: a test upload must not reveal what is stored.
    const beforeHidden = stored?.suppressed != null;
    return {
      ...row,
      line: lines[i] ?? i + 2,
      before: beforeHidden ? null : before,
      beforeHidden,
      change,
    };
  });
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
    payload: validated.value,
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
      const { rows } = payload as ValidatedImport;
      const preview = await previewMeasurements(trx, user.regionId, rows);
      const indicators = new Map(
        (await repo.indicatorIdsByCode(trx, user.regionId)).map((i) => [i.code, i.id]),
      );
      const inserts = rows.map((r) => {
        const indicatorId = indicators.get(r.indicator);
        // The indicator was checked at preview time; if it was deleted since, stop everything.
        if (indicatorId === undefined) throw new IndicatorGone(r.indicator);
        return { ...r, indicatorId };
      });
      await repo.upsertMeasurements(trx, inserts, id);
      await refreshSuppression(trx, user.regionId, [...new Set(inserts.map((r) => r.indicatorId))]);
      for (const code of new Set(rows.map((r) => r.indicator))) {
        const changed = preview.filter((p) => p.indicator === code && p.change !== 'ongewijzigd');
        if (changed.length === 0) continue;
        await writeAudit(trx, {
          actor: `user:${user.id}`,
          action: 'measurement.import',
          entityType: 'indicator',
          entityKey: code,
          regionId: user.regionId,
          before: changed
            .slice(0, 500)
            .map((p) => ({ area: p.areaCode, period: p.period, value: p.before ?? null })),
          after: changed
            .slice(0, 500)
            .map((p) => ({ area: p.areaCode, period: p.period, value: p.value })),
        });
      }
      const { mapping } = payload as ValidatedImport;
      if (mapping)
        await saveImportMapping(
          trx,
          user.regionId,
          mapping.sourceId,
          mapping.mapping,
          `user:${user.id}`,
        );
      await bumpDataVersion(trx);
      return {
        rows: rows.length,
        changed: preview.filter((p) => p.change === 'gewijzigd').length,
        added: preview.filter((p) => p.change === 'nieuw').length,
      };
    },
    { allowDuplicate },
  );
}
