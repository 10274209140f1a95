/** The CSV appendix of a report: every figure in it, one row each, with its source. */
import { stringify } from 'csv-stringify/sync';
import { csvCell } from '../plan/index.js';
import type { RoundView } from './rounds.service.js';

export const REPORT_COLUMNS = [
  'onderdeel',
  'code',
  'naam',
  'gebied',
  'periode',
  'waarde',
  'eenheid',
  'streefwaarde',
  'status',
  'soort',
  'bron',
] as const;

export function reportCsv(view: RoundView): string {
  const rows: Array<Record<(typeof REPORT_COLUMNS)[number], unknown>> = [
    ...view.indicators.map((i) => ({
      onderdeel: 'indicator',
      code: i.indicator_code,
      naam: i.indicator_name,
      gebied: i.area_code,
      periode: i.period ?? '',
      waarde: i.value ?? '',
      eenheid: i.unit,
      streefwaarde: i.target_text,
      status: i.status,
      soort: i.is_demo ? 'voorbeelddata' : i.is_projection ? 'prognose' : 'meting',
      bron: i.source,
    })),
    ...view.agenda.map((a) => ({
      onderdeel: 'werkagenda',
      code: a.goal_code,
      naam: `voortgang (${a.status}${a.priority ? `, ${a.priority}` : ''})`,
      gebied: '',
      periode: new Date(view.round.started_at).toISOString().slice(0, 10),
      waarde: a.progress,
      eenheid: '%',
      streefwaarde: '',
      status: a.status,
      soort: 'stand werkagenda',
      bron: 'Werkagenda in Marke bij de start van de ronde',
    })),
  ];
  const body = stringify(
    rows.map((row) => REPORT_COLUMNS.map((c) => csvCell(row[c]))),
    { header: true, columns: [...REPORT_COLUMNS], record_delimiter: '\r\n' },
  );
  return `\uFEFF${body}`;
}
