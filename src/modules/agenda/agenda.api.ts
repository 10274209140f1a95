/** Agenda in the API: JSON rows and the CSV export with the columns a later import takes. */
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
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
  return app;
}
