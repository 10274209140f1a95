/**
 * Bad HSDS files (issue 5: "malformed HSDS files — a clear Dutch message, never a 500"): each is
 * refused with a Dutch message naming the file, row or path and column, and nothing changes
 * (every HSDS table, the change history and the audit trail counted before and after).
 */
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { stableId } from './directory-ids.js';
import { importDirectory } from './transfer.service.js';
import {
  beheerder,
  csvFiles,
  exportCsvs,
  header,
  records,
  rowCounts,
  toCsv,
} from './transfer.test-helpers.js';
import { MAX_ROWS, type Problem } from './transfer.types.js';
import type { UploadFile } from './transfer-read.js';

const text = (name: string, content: string): UploadFile => ({
  name,
  bytes: new TextEncoder().encode(content),
});
const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');

describeEachDatabase('Hulpwijzer import: bad files change nothing', (get) => {
  let base: Map<string, string>;
  beforeAll(async () => {
    base = await exportCsvs(get().db);
  });

  /** Imports, expects a refusal with this status, and that nothing changed; returns it. */
  async function refused(files: UploadFile[], status: 400 | 413 = 400) {
    const db = get().db;
    const before = await rowCounts(db);
    const result = await importDirectory(db, await beheerder(db), files);
    if (result.ok) throw new Error('accepted');
    expect(result.error.status).toBe(status);
    expect(await rowCounts(db)).toEqual(before);
    return result.error;
  }
  /** The export with one table changed. */
  const withTable = (file: string, change: (rows: Array<Record<string, string>>) => void) => {
    const rows = records(base.get(file) ?? '');
    change(rows);
    const files = new Map(base);
    files.set(file, toCsv(header(base.get(file) ?? ''), rows));
    return csvFiles(files);
  };
  const problem = (problems: Problem[], column: string) =>
    problems.find((p) => p.column === column);

  it('no file, an empty file, and a file of another kind', async () => {
    expect((await refused([])).message).toMatch(/^Kies een bestand/);
    expect((await refused([text('leeg.json', '')])).message).toBe('Het bestand is leeg.');
    const empty = await refused([text('services.csv', '')]);
    expect(empty.problems[0]).toMatchObject({
      file: 'services.csv',
      row: 0,
      message: 'Het bestand is leeg.',
    });
    expect((await refused([text('lijst.xlsx', 'x')])).message).toMatch(
      /kan Marke niet inlezen: lijst\.xlsx/,
    );
  });

  it('JSON that is broken, not HSDS, not UTF-8, or has unknown or missing fields', async () => {
    expect((await refused([text('h.json', '{"contents": [')])).message).toMatch(
      /^Dit is geen geldige JSON/,
    );
    expect((await refused([text('h.json', '{"foo": 1}')])).message).toMatch(
      /^Dit is geen HSDS-bestand/,
    );
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"id": "caf'), 0xe9, 0x22, 0x7d]);
    expect((await refused([{ name: 'h.json', bytes: latin1 }])).message).toMatch(/niet in UTF-8/);
    const service = {
      id: MARKEHUIS,
      name: 'X',
      status: 'active',
      organization_id: stableId('x'),
      nmae: 'typo',
      phones: [{ id: stableId('p') }],
    };
    const error = await refused([text('h.json', JSON.stringify({ contents: [service] }))]);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'contents[0]',
          column: 'nmae',
          message: 'Onbekend veld voor service in HSDS 3.0.',
        }),
        expect.objectContaining({
          path: 'contents[0].phones[0]',
          column: 'number',
          message: 'Verplicht: vul dit in.',
        }),
      ]),
    );
  });

  it('CSV that is not UTF-8, or has unknown or missing columns (row 1)', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('id,name\n1,Caf'), 0xe9, 0x0a]);
    const encoding = await refused([{ name: 'services.csv', bytes: latin1 }]);
    expect(encoding.problems[0]?.message).toMatch(/niet in UTF-8/);
    const columns = header(base.get('services.csv') ?? '');
    const wrong = toCsv(
      [...columns.filter((c) => c !== 'status'), 'naam'],
      records(base.get('services.csv') ?? ''),
    );
    const error = await refused([text('services.csv', wrong)]);
    expect(problem(error.problems, 'naam')).toMatchObject({
      file: 'services.csv',
      row: 1,
      message: expect.stringMatching(/^Onbekende kolom/),
    });
    expect(problem(error.problems, 'status')).toMatchObject({
      row: 1,
      message: expect.stringMatching(/ontbreken/),
    });
    const unknownFile = await refused([text('diensten.csv', 'id\n')]);
    expect(unknownFile.problems[0]?.message).toMatch(/geen bestand van het HSDS-tabelformaat/);
  });

  it('a bad value is reported at its spreadsheet row and column', async () => {
    const error = await refused(
      withTable('services.csv', (rows) => {
        const [, second, third] = rows;
        if (!second || !third) throw new Error('too few');
        second.email = 'geen-adres';
        third.assured_date = '31-12-2026';
        third.url = 'javascript:alert(1)';
        third.minimum_age = '200';
      }),
    );
    expect(error.message).toMatch(/niet ingelezen: 4 problemen\. Er is niets veranderd\./);
    expect(problem(error.problems, 'email')).toMatchObject({
      file: 'services.csv',
      row: 3,
      value: 'geen-adres',
      message: 'Geen geldig e-mailadres.',
    });
    expect(problem(error.problems, 'assured_date')).toMatchObject({
      row: 4,
      message: 'Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-31.',
    });
    expect(problem(error.problems, 'url')).toMatchObject({
      row: 4,
      message: expect.stringMatching(/https:\/\//),
    });
    expect(problem(error.problems, 'minimum_age')).toMatchObject({
      row: 4,
      message: 'Kies een getal van 0 tot en met 130.',
    });
  });

  it('an id twice, an unknown id format, a missing required field', async () => {
    const error = await refused(
      withTable('services.csv', (rows) => {
        const [first, second, third] = rows;
        if (!first || !second || !third) throw new Error('too few');
        second.id = first.id ?? '';
        third.id = '12345';
        first.name = '';
      }),
    );
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 3,
          column: 'id',
          message: expect.stringMatching(/staat al eerder in het bestand \(services\.csv rij 2\)/),
        }),
        expect.objectContaining({ row: 4, column: 'id', message: expect.stringMatching(/UUID/) }),
        expect.objectContaining({ row: 2, column: 'name', message: 'Verplicht: vul dit in.' }),
      ]),
    );
  });

  it('references: an organization, a term, an area, a goal that do not exist', async () => {
    const services = await refused(
      withTable('services.csv', (rows) => {
        if (rows[0]) rows[0].organization_id = stableId('nergens');
      }),
    );
    expect(services.problems[0]).toMatchObject({
      row: 2,
      column: 'organization_id',
      message: expect.stringMatching(/Er is geen organization met dit id/),
    });
    const attributes = records(base.get('attributes.csv') ?? '');
    const rowOf = (pick: (a: Record<string, string>) => boolean) => attributes.findIndex(pick) + 2;
    const areaRow = rowOf(
      (a) => a.link_type === 'cbs-gebiedscode' && /^(GM|WK)/.test(a.value ?? ''),
    );
    const goalRow = rowOf((a) => a.link_type === 'regioplan-doel');
    const needRow = rowOf((a) => a.link_type === 'hulpvraag');
    const error = await refused(
      withTable('attributes.csv', (rows) => {
        const set = (row: number, field: string, value: string) => {
          const target = rows[row - 2];
          if (target) target[field] = value;
        };
        set(areaRow, 'value', 'GM0363');
        set(goalRow, 'value', '9.9.9. Z');
        set(needRow, 'taxonomy_term_id', stableId('verzonnen term'));
      }),
    );
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: areaRow,
          column: 'value',
          message: 'Gebied GM0363 hoort niet bij deze regio.',
        }),
        expect.objectContaining({
          row: goalRow,
          column: 'value',
          message: 'Doel 9.9.9. Z staat niet in het regioplan.',
        }),
        expect.objectContaining({
          row: needRow,
          column: 'taxonomy_term_id',
          message: expect.stringMatching(/^Onbekende term/),
        }),
      ]),
    );
  });

  it('a service without a ladder step is refused at the service row', async () => {
    const attributes = records(base.get('attributes.csv') ?? '');
    const files = new Map(base);
    files.set(
      'attributes.csv',
      toCsv(
        header(base.get('attributes.csv') ?? ''),
        attributes.filter((a) => !(a.link_id === MARKEHUIS && a.link_type === 'hulpladder')),
      ),
    );
    const error = await refused(csvFiles(files));
    const row = records(base.get('services.csv') ?? '').findIndex((s) => s.id === MARKEHUIS) + 2;
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: 'services.csv',
        row,
        column: 'attributes',
        message: expect.stringMatching(/geen trede van de hulpladder/),
      }),
    ]);
  });

  it('a check date in the future is refused at its row', async () => {
    const error = await refused(
      withTable('services.csv', (rows) => {
        const [first] = rows;
        if (!first) throw new Error('too few');
        first.assured_date = '2099-01-01';
      }),
    );
    expect(problem(error.problems, 'assured_date')).toMatchObject({
      file: 'services.csv',
      row: 2,
      value: '2099-01-01',
      message: expect.stringMatching(/in de toekomst/),
    });
  });

  it('an id that belongs to another region cannot be taken over', async () => {
    const db = get().db;
    await sql`insert into region (code, name) values ('elders', 'Elders')`.execute(db);
    const other = await db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'elders')
      .executeTakeFirstOrThrow();
    const orgId = stableId('organization', 'elders', 'x');
    await db
      .insertInto('hsds_organization')
      .values({
        id: orgId,
        region_id: other.id,
        name: 'Elders',
        description: 'Elders',
        alternate_name: null,
        email: null,
        website: null,
        year_incorporated: null,
        legal_status: null,
        logo: null,
        uri: null,
        parent_organization_id: null,
        plan_organisation_id: null,
        seeded_from: null,
        last_modified: new Date().toISOString(),
      })
      .execute();
    const error = await refused(
      withTable('organizations.csv', (rows) => {
        if (rows[0]) rows[0].id = orgId;
      }),
    );
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 2,
          column: 'id',
          message: expect.stringMatching(/andere regio/),
        }),
      ]),
    );
  });

  it('garbage zip, a zip bomb, too many rows, more than 10 MB', async () => {
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect((await refused([{ name: 'h.zip', bytes: garbage }])).message).toMatch(
      /geen geldig zip-bestand/,
    );
    // 101 MB of zeros deflate to about 100 kB: the unpacking stops at the limit.
    const zeros = deflateRawSync(Buffer.alloc(101 * 1024 * 1024));
    const bomb = new JSZip();
    bomb.file('services.csv', zeros, { compression: 'STORE', binary: true });
    const stored = await bomb.generateAsync({ type: 'uint8array' });
    // Mark the stored entry as deflated, as a hostile zip would (method 8 in both headers).
    const patched = patchMethod(stored);
    expect((await refused([{ name: 'bomb.zip', bytes: patched }], 413)).message).toMatch(
      /pakt uit tot meer dan 100 MB/,
    );
    const columns = header(base.get('services.csv') ?? '');
    const line = columns.map((c) => (c === 'status' ? 'active' : '')).join(',');
    const many = `${columns.join(',')}\n${`${line}\n`.repeat(MAX_ROWS + 1)}`;
    expect((await refused([text('services.csv', many)], 413)).message).toMatch(/hoogstens 100000/);
    // Millions of one-letter rows are refused before they are parsed (in well under a second).
    const started = performance.now();
    const tiny = `${columns.join(',')}\n${'x\n'.repeat(4_000_000)}`;
    expect((await refused([text('schedules.csv', tiny)], 413)).message).toMatch(/hoogstens/);
    expect(performance.now() - started).toBeLessThan(5_000);
    // A spreadsheet named .csv (it could unpack past the zip limit) is not opened.
    const sheet = new JSZip();
    sheet.file('xl/workbook.xml', '<workbook/>');
    const disguised = await sheet.generateAsync({ type: 'uint8array' });
    const inZip = new JSZip();
    inZip.file('services.csv', disguised);
    const error = await refused([
      { name: 'pakket.zip', bytes: await inZip.generateAsync({ type: 'uint8array' }) },
    ]);
    expect(error.problems).toEqual([
      expect.objectContaining({ file: 'services.csv', message: expect.stringMatching(/geen CSV/) }),
    ]);
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    // A JSON file that large is pointed to the zip of the same data, ten times smaller.
    expect((await refused([{ name: 'h.json', bytes: huge }], 413)).message).toMatch(
      /groter dan 10 MB.*download de Hulpwijzer als zip \(Tabelformaat\)/,
    );
    const hugeCsv = await refused([{ name: 'services.csv', bytes: huge }], 413);
    expect(hugeCsv.message).toMatch(/groter dan 10 MB/);
    expect(hugeCsv.message).not.toMatch(/zip/);
  });
});

/** Sets the compression method of every entry to deflate (8), keeping the stored bytes. */
function patchMethod(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint16(i + 8, 8, true);
    if (signature === 0x02014b50) view.setUint16(i + 10, 8, true);
  }
  return out;
}
