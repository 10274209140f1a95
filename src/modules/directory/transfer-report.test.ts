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
import { stableId } from './directory-ids.js';
import { publicDirectoryJson } from './open-data.service.js';
import { importDirectory } from './transfer.service.js';
import {
  beheerder,
  csvFiles,
  drenthe,
  exportCsvs,
  header,
  records,
  rowCounts,
  toCsv,
} from './transfer.test-helpers.js';
import type { UploadFile } from './transfer-read.js';

const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');

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

  it('an area twice is reported where its code is, at the spreadsheet row, naming the first', async () => {
    const areas = records(base.get('service_areas.csv') ?? '');
    const attributes = records(base.get('attributes.csv') ?? '');
    const first = attributes.findIndex(
      (a) =>
        a.link_type === 'cbs-gebiedscode' &&
        areas.some((s) => s.id === a.link_id && s.service_id === MARKEHUIS),
    );
    expect(attributes[first]?.value).toBe('WK168020');
    const second = stableId('test', 'tweede gebied');
    const files = new Map(base);
    files.set(
      'service_areas.csv',
      toCsv(header(base.get('service_areas.csv') ?? ''), [
        ...areas,
        { id: second, service_id: MARKEHUIS, name: 'Grolloo nog eens' },
      ]),
    );
    const withCode = [
      ...attributes,
      {
        id: stableId('test', 'tweede gebied', 'code'),
        link_id: second,
        taxonomy_term_id: attributes[first]?.taxonomy_term_id ?? '',
        link_type: 'cbs-gebiedscode',
        link_entity: 'service_area',
        value: 'WK168020',
      },
    ];
    files.set('attributes.csv', toCsv(header(base.get('attributes.csv') ?? ''), withCode));
    const error = await refused(csvFiles(files));
    expect(error.problems).toEqual([
      {
        file: 'attributes.csv',
        row: withCode.length + 1,
        column: 'value',
        value: 'WK168020',
        message: `Deze dienst heeft gebied WK168020 al (attributes.csv rij ${first + 2}).`,
      },
    ]);
  });

  it('an area changed into one the service has: at the changed code, not at "rij 0"', async () => {
    const db = get().db;
    // A second area of Markehuis, in the database only; the upload is attributes.csv alone.
    const second = stableId('test', 'bestaand tweede gebied');
    await db
      .insertInto('hsds_service_area')
      .values({
        id: second,
        service_id: MARKEHUIS,
        name: null,
        description: null,
        extent: null,
        extent_type: null,
        uri: null,
        area_code: 'GM1680',
      })
      .execute();
    const now = await exportCsvs(db);
    const attributes = records(now.get('attributes.csv') ?? '');
    const changed = attributes.findIndex((a) => a.link_id === second);
    const seeded = records(now.get('service_areas.csv') ?? '').find(
      (a) => a.service_id === MARKEHUIS && a.id !== second,
    );
    const kept = attributes.findIndex(
      (a) => a.link_id === seeded?.id && a.link_type === 'cbs-gebiedscode',
    );
    const target = attributes[changed];
    if (!target || kept < 0) throw new Error('no area attributes');
    target.value = 'WK168020';
    const file = toCsv(header(now.get('attributes.csv') ?? ''), attributes);
    const error = await refused(csvFiles(new Map([['attributes.csv', file]])));
    expect(error.problems).toEqual([
      {
        file: 'attributes.csv',
        row: changed + 2,
        column: 'value',
        value: 'WK168020',
        message: `Deze dienst heeft gebied WK168020 al (attributes.csv rij ${kept + 2}).`,
      },
    ]);
    await db.deleteFrom('hsds_service_area').where('id', '=', second).execute();
  });

  it('JSON problems come in the order of the file: [2] before [10]', async () => {
    const db = get().db;
    const page = JSON.parse(await publicDirectoryJson(db, (await drenthe(db)).id));
    expect(page.contents.length).toBeGreaterThan(11);
    for (const i of [10, 2, 1]) page.contents[i].status = 'open';
    page.contents[2].phones = [{ id: stableId('test', 'telefoon'), number: '' }];
    const error = await refused([
      { name: 'h.json', bytes: new TextEncoder().encode(JSON.stringify(page)) },
    ]);
    expect(error.problems.map((p) => `${p.path} ${p.column}`)).toEqual([
      'contents[1] status',
      'contents[2] status',
      'contents[2].phones[0] number',
      'contents[10] status',
    ]);
  });
});
