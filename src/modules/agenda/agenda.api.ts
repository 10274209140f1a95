/** Agenda in the API: JSON rows, and CSV and XLSX exports with exactly the columns the import takes. */
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { writeXlsx } from '../../lib/tabular.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { csvCell } from '../plan/index.js';
import { agendaExportRows } from './agenda.service.js';
import { AGENDA_COLUMNS } from './agenda.types.js';

/** Mounted at `/api/v1/regions/:region` beside the plan API. */
export function agendaApi({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/agenda', async (c) => c.json(await agendaExportRows(db, c.get('ctx').region.id)));
  app.get('/agenda.csv', async (c) => {
    const rows = await agendaExportRows(db, c.get('ctx').region.id);
    const body = stringify(
      rows.map((row) => AGENDA_COLUMNS.map((column) => csvCell(row[column]))),
      { header: true, columns: [...AGENDA_COLUMNS], record_delimiter: '\r\n' },
    );
    return c.body(`\uFEFF${body}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="marke-${c.get('ctx').region.code}-werkagenda.csv"`,
    });
  });
  app.get('/agenda.xlsx', async (c) => {
    const rows = await agendaExportRows(db, c.get('ctx').region.id);
    // String cells are never run as formulas, so XLSX needs no apostrophe guard (unlike CSV).
    const body = await writeXlsx('werkagenda', AGENDA_COLUMNS, rows);
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="marke-${c.get('ctx').region.code}-werkagenda.xlsx"`,
    });
  });
  return app;
}
