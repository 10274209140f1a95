/**
 * CSV downloads of a trend and of a comparison: one row per area, indicator and period, read
 * from the same disclosed figures as the pages (a hidden figure has no value and says why).
 */
import { stringify } from 'csv-stringify/sync';
import type { IndicatorSummary, Measurement } from '../indicators/index.js';
import { csvCell } from '../plan/index.js';

/** The map download's columns, with is_projection instead of the boundary year. */
export const FIGURE_EXPORT_COLUMNS = [
  'area_code',
  'area_name',
  'level',
  'indicator',
  'period',
  'value',
  'unit',
  'missing_reason',
  'source',
  'is_projection',
  'is_demo',
] as const;

export type ExportFigure = { indicator: IndicatorSummary; m: Measurement };

/** UTF-8 with BOM for spreadsheet programs, CRLF, fixed columns. */
export function figuresCsv(figures: ExportFigure[]): string {
  const rows = figures.map(({ indicator, m }) => {
    const record: Record<(typeof FIGURE_EXPORT_COLUMNS)[number], string | number | null> = {
      area_code: m.areaCode,
      area_name: m.areaName,
      level: m.areaLevel,
      indicator: indicator.code,
      period: m.period,
      value: m.value,
      unit: indicator.unit,
      missing_reason: m.value === null ? (m.missingReason ?? 'geen waarde') : null,
      source: m.source,
      is_projection: m.isProjection ? 'ja' : 'nee',
      is_demo: m.isDemo ? 'ja' : 'nee',
    };
    return FIGURE_EXPORT_COLUMNS.map((c) => csvCell(record[c]));
  });
  const body = stringify(rows, {
    header: true,
    columns: [...FIGURE_EXPORT_COLUMNS],
    record_delimiter: '\r\n',
  });
  return `\uFEFF${body}`;
}
