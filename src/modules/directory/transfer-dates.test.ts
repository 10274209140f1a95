/**
 * Dates an import cannot store (issue 5: "malformed HSDS files — a clear Dutch message, never a
 * 500"): PostgreSQL keeps the years 1 to 9999 in the ISO form Marke writes, so a check date, a
 * change time, an opening-hours or cost date outside them is refused at its row and column, and
 * nothing changes. A time zone can push a change time over either edge.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { stableId } from './directory-ids.js';
import { publicDirectoryJson } from './open-data.service.js';
import { importDirectory } from './transfer.service.js';
import {
  addRichListing,
  beheerder,
  csvFiles,
  drenthe,
  exportCsvs,
  header,
  records,
  rowCounts,
  toCsv,
  withNewService,
} from './transfer.test-helpers.js';
import type { UploadFile } from './transfer-read.js';

const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');
const NEW = stableId('test', 'nieuwe dienst');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const RANGE = /van 1 tot en met 9999/;

describeEachDatabase('Hulpwijzer import: dates outside what PostgreSQL holds', (get) => {
  let base: Map<string, string>;
  beforeAll(async () => {
    await addRichListing(get().db, MARKEHUIS);
    base = await exportCsvs(get().db);
  });

  async function refused(files: UploadFile[]) {
    const db = get().db;
    const before = await rowCounts(db);
    const result = await importDirectory(db, await beheerder(db), files);
    if (result.ok) throw new Error('accepted');
    expect(result.error.status).toBe(400);
    expect(await rowCounts(db)).toEqual(before);
    return result.error;
  }
  const edit = (
    files: Map<string, string>,
    file: string,
    change: (rows: Array<Record<string, string>>) => void,
  ) => {
    const rows = records(files.get(file) ?? '');
    change(rows);
    files.set(file, toCsv(header(files.get(file) ?? ''), rows));
  };

  it('a new service whose last_modified lands after 9999 or before the year 1 (time zone)', async () => {
    for (const value of ['9999-12-31T23:59:59-01:00', '0001-01-01T00:00:00+01:00']) {
      const files = withNewService(base, MARKEHUIS, NEW, (row) => {
        row.last_modified = value;
      });
      const row = records(files.get('services.csv') ?? '').findIndex((r) => r.id === NEW) + 2;
      const error = await refused(csvFiles(files));
      expect(error.problems).toEqual([
        expect.objectContaining({
          file: 'services.csv',
          row,
          column: 'last_modified',
          value,
          message: expect.stringMatching(RANGE),
        }),
      ]);
    }
  });

  it('every date column: the year 0000 is refused at its row, with the years Marke keeps', async () => {
    const files = new Map(base);
    const rowOf = (file: string, rowId: string) =>
      records(base.get(file) ?? '').findIndex((r) => r.id === rowId) + 2;
    edit(files, 'services.csv', (rows) => {
      const row = rows.find((r) => r.id === MARKEHUIS);
      if (row) row.assured_date = '0000-06-01';
    });
    edit(files, 'schedules.csv', (rows) => {
      const row = rows.find((r) => r.id === id(8));
      if (row) Object.assign(row, { valid_from: '0000-01-01', valid_to: '0000-01-02' });
      if (row) Object.assign(row, { dtstart: '0000-01-03', until: '0000-01-04' });
    });
    edit(files, 'cost_options.csv', (rows) => {
      const row = rows.find((r) => r.id === id(10));
      if (row) Object.assign(row, { valid_from: '0000-02-01', valid_to: '0000-12-31' });
    });
    const error = await refused(csvFiles(files));
    const expected = [
      ['services.csv', MARKEHUIS, 'assured_date'],
      ['schedules.csv', id(8), 'valid_from'],
      ['schedules.csv', id(8), 'valid_to'],
      ['schedules.csv', id(8), 'dtstart'],
      ['schedules.csv', id(8), 'until'],
      ['cost_options.csv', id(10), 'valid_from'],
      ['cost_options.csv', id(10), 'valid_to'],
    ] as const;
    for (const [file, rowId, column] of expected)
      expect(error.problems).toContainEqual(
        expect.objectContaining({
          file,
          row: rowOf(file, rowId),
          column,
          message: expect.stringMatching(RANGE),
        }),
      );
    expect(error.problems).toHaveLength(expected.length);
  });

  it('in JSON too: a change time past 9999 is refused at its path', async () => {
    const db = get().db;
    const page = JSON.parse(await publicDirectoryJson(db, (await drenthe(db)).id));
    page.contents[1].last_modified = '9999-12-31T23:30:00-00:45';
    const error = await refused([
      { name: 'h.json', bytes: new TextEncoder().encode(JSON.stringify(page)) },
    ]);
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: 'contents[1]',
        column: 'last_modified',
        message: expect.stringMatching(RANGE),
      }),
    ]);
  });
});
