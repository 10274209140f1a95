/**
 * An import compared with what is stored: per row new, changed or unchanged. The preview page
 * shows it row by row; applying needs only the counts, the audit sample and which indicators
 * changed, so it walks the rows without building a preview object per row.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { StoredCell as PlanCell } from './indicators.disclosure-plan.js';
import * as repo from './indicators.repository.js';
import type { MeasurementRow } from './indicators.types.js';

type Db = Kysely<Database>;

export type PreviewRow = MeasurementRow & {
  line: number;
  before: number | null | undefined;
  /** The stored figure is hidden by disclosure control: shown as "afgeschermd", never its value. */
  beforeHidden: boolean;
  change: 'nieuw' | 'gewijzigd' | 'ongewijzigd';
};

export type StoredCell = Awaited<ReturnType<typeof repo.listStoredCells>>[number];
const n = (v: string | null) => (v === null ? null : Number(v));

/** Every stored field counts: a new n, interval or source is a change too (and audited). */
function sameCell(stored: StoredCell, row: MeasurementRow): boolean {
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

type Compared = {
  change: PreviewRow['change'];
  /** The stored value, null when hidden (a test upload must not reveal what is stored). */
  before: number | null | undefined;
  beforeHidden: boolean;
};

/** A function that compares a row with its stored cell. */
function comparer(cells: readonly StoredCell[]) {
  const stored = new Map<string, StoredCell>();
  for (const cell of cells)
    stored.set(`${cell.indicator_id}|${cell.area_code}|${cell.period}`, cell);
  return (indicatorId: number | undefined, row: MeasurementRow): Compared => {
    const cell = stored.get(`${indicatorId}|${row.areaCode}|${row.period}`);
    if (!cell) return { change: 'nieuw', before: undefined, beforeHidden: false };
    const beforeHidden = cell.suppressed !== null;
    return {
      change: sameCell(cell, row) ? 'ongewijzigd' : 'gewijzigd',
      before: beforeHidden ? null : n(cell.value),
      beforeHidden,
    };
  };
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
  const ids = [...new Set(rows.flatMap((r) => indicators.get(r.indicator) ?? []))];
  const compare = comparer(await repo.listStoredCells(db, ids));
  return rows.map((row, i) => ({
    ...row,
    line: lines[i] ?? i + 2,
    ...compare(indicators.get(row.indicator), row),
  }));
}

/** How many audit entries per indicator an import keeps (before and after). */
const AUDIT_SAMPLE = 500;

type Row = MeasurementRow & { indicatorId: number };

export type ChangeSummary = {
  /** Rows not stored yet, and rows that replace a stored cell (unchanged rows are in neither). */
  added: Row[];
  changed: Row[];
  /** Indicators with at least one new or changed row: only their figures are decided again. */
  touched: Set<number>;
  /** Per indicator code: up to AUDIT_SAMPLE changed cells, before and after. */
  audit: Map<string, { before: unknown[]; after: unknown[] }>;
};

/** What applying these rows changes (`stored`: the cells of their indicators), without a preview object per row. */
export function summariseChanges(
  stored: readonly StoredCell[],
  rows: readonly Row[],
): ChangeSummary {
  const compare = comparer(stored);
  const summary: ChangeSummary = { added: [], changed: [], touched: new Set(), audit: new Map() };
  for (const row of rows) {
    const { change, before } = compare(row.indicatorId, row);
    if (change === 'ongewijzigd') continue;
    if (change === 'nieuw') summary.added.push(row);
    else summary.changed.push(row);
    summary.touched.add(row.indicatorId);
    let audit = summary.audit.get(row.indicator);
    if (!audit) {
      audit = { before: [], after: [] };
      summary.audit.set(row.indicator, audit);
    }
    if (audit.before.length >= AUDIT_SAMPLE) continue;
    audit.before.push({ area: row.areaCode, period: row.period, value: before ?? null });
    audit.after.push({ area: row.areaCode, period: row.period, value: row.value });
  }
  return summary;
}

const text = (v: number | null) => (v === null ? null : String(v));

/**
 * The cells of each changed indicator as they will be once the import is written: the stored
 * ones, with the new and changed rows in their place (a changed row keeps its stored decision
 * until the next decision; a new row has none).
 */
export function cellsAfterImport(
  stored: readonly StoredCell[],
  summary: ChangeSummary,
): Map<number, PlanCell[]> {
  const byKey = new Map<string, { indicatorId: number; cell: PlanCell }>();
  for (const cell of stored)
    if (summary.touched.has(cell.indicator_id))
      byKey.set(`${cell.indicator_id}|${cell.area_code}|${cell.period}`, {
        indicatorId: cell.indicator_id,
        cell,
      });
  for (const row of [...summary.added, ...summary.changed]) {
    const key = `${row.indicatorId}|${row.areaCode}|${row.period}`;
    const before = byKey.get(key)?.cell;
    const cell: PlanCell = {
      id: before?.id ?? null,
      area_code: row.areaCode,
      period: row.period,
      // As PostgreSQL will return them: the writer sends these numbers as String(number).
      value: text(row.value),
      numerator: text(row.numerator),
      denominator: text(row.denominator),
      sample_size: row.sampleSize,
      source: row.source,
      is_projection: row.isProjection ?? false,
      is_demo: row.isDemo ?? false,
      data_source_id: row.dataSourceId ?? null,
      rollup_children: null,
      suppressed: before?.suppressed ?? null,
    };
    byKey.set(key, { indicatorId: row.indicatorId, cell });
  }
  const cells = new Map<number, PlanCell[]>([...summary.touched].map((id) => [id, []]));
  for (const { indicatorId, cell } of byKey.values()) cells.get(indicatorId)?.push(cell);
  return cells;
}
