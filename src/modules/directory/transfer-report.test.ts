/**
 * The row-level report of a refused import (ADR 0020, issue 5: "all-or-nothing with a row-level
 * report"): a row with more cells than the header is refused at its row instead of losing them;
 * problems name the row as a spreadsheet shows it and the file and column to change; JSON
 * problems come in the order of the file.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { importDirectory } from './transfer.service.js';
import { beheerder, csvFiles, exportCsvs, rowCounts } from './transfer.test-helpers.js';
import type { UploadFile } from './transfer-read.js';

describeEachDatabase('Hulpwijzer import: the report per row', (get) => {
  let base: Map<string, string>;
  beforeAll(async () => {
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

  /** The export with services.csv as cells, changed by `change` (row 0 is the header). */
  const withCells = (change: (cells: string[][]) => void) => {
    const cells = parse(base.get('services.csv') ?? '') as string[][];
    change(cells);
    const files = new Map(base);
    files.set('services.csv', stringify(cells));
    return csvFiles(files);
  };

  it('a row with more cells than the header is refused at its row, not cut off', async () => {
    const error = await refused(
      withCells((cells) => {
        cells[2]?.push('verloren tekst');
        cells[5]?.push('', 'ook weg');
      }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: 'services.csv',
        row: 3,
        column: '(na de laatste kolom)',
        value: 'verloren tekst',
        message: expect.stringMatching(/^Deze rij heeft meer cellen/),
      }),
      expect.objectContaining({ file: 'services.csv', row: 6, value: 'ook weg' }),
    ]);
  });

  it('empty cells past the header lose nothing and read as before', async () => {
    const db = get().db;
    const padded = withCells((cells) => {
      for (const row of cells) row.push('');
    });
    const result = await importDirectory(db, await beheerder(db), padded);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems.slice(0, 3)));
    expect(result.value.counts.service.changed).toBe(0);
  });
});
