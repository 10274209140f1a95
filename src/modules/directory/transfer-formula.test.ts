/**
 * The tabular export guards against spreadsheet formulas (CSV injection) as every Marke CSV
 * does (`csvCell` of the plan module): a cell starting with = + - @, a tab or a CR gets a leading
 * apostrophe. The import takes exactly that apostrophe off again, so what travels out comes back
 * exactly: a service named "=SOM(A1)", a phone "+31 …", a text that itself starts with "'=".
 * Numbers stay numbers (-1 is not a formula).
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { csvCell, csvCellText } from '../plan/index.js';
import { stableId } from './directory-ids.js';
import { importDirectory } from './transfer.service.js';
import {
  addRichListing,
  beheerder,
  csvFiles,
  drenthe,
  exportCsvs,
  records,
} from './transfer.test-helpers.js';

const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const FORMULA_START = /^[=+\-@\t\r]/;

describeEachDatabase('Hulpwijzer export: formula guard and exact round trip', (get) => {
  let first: Map<string, string>;
  beforeAll(async () => {
    const db = get().db;
    await addRichListing(db, MARKEHUIS);
    await sql`update hsds_service set name = '=SOM(A1)', alternate_name = '@markehuis',
      fees_description = '- gratis', alert = '''=al bewaakt',
      description = 'Zeg "hallo" \\ en {accolades}, ''quotes'''
      where id = ${MARKEHUIS}`.execute(db);
    await sql`update hsds_phone set number = '+31 592 000 000' where id = ${id(5)}`.execute(db);
    await sql`update hsds_schedule set timezone = -1 where id = ${id(8)}`.execute(db);
    first = await exportCsvs(db);
  });

  it('guards every cell a spreadsheet would run; numbers stay numbers', () => {
    const services = records(first.get('services.csv') ?? '');
    const markehuis = services.find((s) => s.id === MARKEHUIS);
    expect(markehuis).toMatchObject({
      name: "'=SOM(A1)",
      alternate_name: "'@markehuis",
      fees_description: "'- gratis",
      // Already starting with an apostrophe before the "=": one more, so the import can take one.
      alert: "''=al bewaakt",
    });
    expect(records(first.get('phones.csv') ?? '').find((p) => p.id === id(5))?.number).toBe(
      "'+31 592 000 000",
    );
    expect(records(first.get('schedules.csv') ?? '').find((s) => s.id === id(8))?.timezone).toBe(
      '-1',
    );
    for (const [file, text] of first) {
      if (!file.endsWith('.csv')) continue;
      for (const cells of parse(text) as string[][])
        for (const cell of cells)
          if (FORMULA_START.test(cell))
            expect({ file, cell }).toEqual({
              file,
              cell: expect.stringMatching(/^-?\d+(\.\d+)?$/),
            });
    }
  });

  it('the guard and its removal give back every text exactly', () => {
    const texts = ['=a', "'=a", "''+1", "'s-Hertogenbosch", '+31', '-', "'", "''", 'gewoon', '\tx'];
    for (const text of texts) expect(csvCellText(csvCell(text))).toBe(text);
  });

  it('reads its own guarded export back as unchanged', async () => {
    const db = get().db;
    const imported = await importDirectory(db, await beheerder(db), csvFiles(first));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    expect(imported.value.counts.service).toMatchObject({ changed: 0, added: 0 });
    expect(imported.value.counts.phone).toMatchObject({ changed: 0, added: 0 });
    expect(imported.value.counts.schedule).toMatchObject({ changed: 0, added: 0 });
  });

  it('round trip through an emptied directory: the same files and the exact values', async () => {
    const db = get().db;
    const region = await drenthe(db);
    for (const table of ['hsds_service', 'hsds_location', 'hsds_organization'] as const)
      await db.deleteFrom(table).where('region_id', '=', region.id).execute();
    const imported = await importDirectory(db, await beheerder(db), csvFiles(first));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    const again = await exportCsvs(db);
    for (const [name, text] of first)
      expect({ name, text: again.get(name) }).toEqual({ name, text });
    const service = await db
      .selectFrom('hsds_service')
      .select(['name', 'alternate_name', 'fees_description', 'alert', 'description'])
      .where('id', '=', MARKEHUIS)
      .executeTakeFirstOrThrow();
    expect(service).toEqual({
      name: '=SOM(A1)',
      alternate_name: '@markehuis',
      fees_description: '- gratis',
      alert: "'=al bewaakt",
      description: 'Zeg "hallo" \\ en {accolades}, \'quotes\'',
    });
    const phone = await db
      .selectFrom('hsds_phone')
      .select('number')
      .where('id', '=', id(5))
      .executeTakeFirstOrThrow();
    expect(phone.number).toBe('+31 592 000 000');
  });
});
