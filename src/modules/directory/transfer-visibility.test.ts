/**
 * What an import says about visibility (ADR 0020): a service new to the directory counts its
 * check from the day it came in when the file gives no check date (it does not vanish because
 * the file's last_modified is old), and every added or changed service that residents will not
 * see after all (check date over 15 months old, not active) is named in the report at its row,
 * instead of "approved and visible".
 */
import { beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { signInAs } from '../../../test/session.js';
import { stableId } from './directory-ids.js';
import { importDirectory, publicDirectory } from './transfer.service.js';
import {
  beheerder,
  csvFiles,
  drenthe,
  exportCsvs,
  records,
  withNewService,
  zipOf,
} from './transfer.test-helpers.js';

const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');
const UNCHECKED = stableId('test', 'nieuw, nooit gecontroleerd');
const OLD_CHECK = stableId('test', 'nieuw, lang geleden gecontroleerd');
const INACTIVE = stableId('test', 'nieuw, niet actief');

describeEachDatabase('Hulpwijzer import: what residents will see', (get) => {
  let base: Map<string, string>;
  beforeAll(async () => {
    base = await exportCsvs(get().db);
  });

  it('a new service without a check date is visible, however old its last_modified', async () => {
    const db = get().db;
    const files = withNewService(base, MARKEHUIS, UNCHECKED, (row) => {
      row.name = 'Nieuw, nooit gecontroleerd';
      row.assured_date = '';
      row.last_modified = '2001-01-01T00:00:00.000Z';
    });
    const imported = await importDirectory(db, await beheerder(db), csvFiles(files));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    expect(imported.value.counts.service.added).toBe(1);
    const region = await drenthe(db);
    const open = await publicDirectory(db, region.id);
    expect(open.service.has(UNCHECKED)).toBe(true);
    expect(imported.value.hidden).toEqual([]);
    // The file's change time is kept (an export gives it back); the check counts from today.
    expect(open.service.get(UNCHECKED)?.last_modified).toBe('2001-01-01T00:00:00.000Z');
    const row = await db
      .selectFrom('hsds_service')
      .select('created_at')
      .where('id', '=', UNCHECKED)
      .executeTakeFirstOrThrow();
    expect(Date.now() - new Date(row.created_at).getTime()).toBeLessThan(60 * 60 * 1000);
  });

  it('a service checked over 15 months ago, or not active, is named in the report at its row', async () => {
    const db = get().db;
    const now = await exportCsvs(db);
    let files = withNewService(now, MARKEHUIS, OLD_CHECK, (row) => {
      row.name = 'Nieuw, lang geleden gecontroleerd';
      row.assured_date = '2020-01-15';
    });
    files = withNewService(files, MARKEHUIS, INACTIVE, (row) => {
      row.name = 'Nieuw, niet actief';
      row.status = 'inactive';
    });
    const services = records(files.get('services.csv') ?? '');
    const rowOf = (id: string) => services.findIndex((s) => s.id === id) + 2;
    const imported = await importDirectory(db, await beheerder(db), csvFiles(files));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    expect(imported.value.counts.service.added).toBe(2);
    expect(imported.value.hidden).toEqual([
      {
        file: 'services.csv',
        row: rowOf(OLD_CHECK),
        id: OLD_CHECK,
        name: 'Nieuw, lang geleden gecontroleerd',
        message: expect.stringMatching(
          /^Laatst gecontroleerd op 15 januari 2020: langer dan 15 maanden geleden/,
        ),
      },
      {
        file: 'services.csv',
        row: rowOf(INACTIVE),
        id: INACTIVE,
        name: 'Nieuw, niet actief',
        message: expect.stringMatching(/de status is "inactive"/),
      },
    ]);
    const open = await publicDirectory(db, (await drenthe(db)).id);
    expect([open.service.has(OLD_CHECK), open.service.has(INACTIVE)]).toEqual([false, false]);
  });

  it('the page tells the beheerder which approved services stay hidden', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const files = await exportCsvs(get().db);
    const changed = withNewService(files, MARKEHUIS, stableId('test', 'op de pagina'), (row) => {
      row.name = 'Oud gecontroleerd op de pagina';
      row.assured_date = '2019-05-01';
    });
    const body = new FormData();
    body.set('_csrf', admin.csrf);
    const zip = await zipOf(new Map([...changed].filter(([n]) => n.endsWith('.csv'))));
    body.append('bestand', new Blob([zip]), 'hulpwijzer.zip');
    const res = await app.request('/beheer/hulpwijzer/import', {
      method: 'POST',
      body,
      headers: { cookie: admin.cookie },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('1 daarvan zien inwoners niet');
    expect(html).toContain('id="verborgen"');
    expect(html).toContain('Oud gecontroleerd op de pagina');
    expect(html).toContain('Laatst gecontroleerd op 1 mei 2019');
    expect(html).not.toContain('meteen goedgekeurd en zichtbaar voor inwoners');
  });
});
