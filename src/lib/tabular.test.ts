import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  MAX_UPLOAD_BYTES,
  MAX_XLSX_UNPACKED_BYTES,
  readTable,
  readTableFile,
  writeXlsx,
} from './tabular.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readTable', () => {
  it('reads CSV with commas, with semicolons and with a BOM, lower-casing the header', async () => {
    const comma = await readTable('a.csv', bytes('Code,Status\n2.1.1.A,loopt\n'));
    const semi = await readTable('a.csv', bytes('\uFEFFcode;status\r\n2.1.1.A;"loopt, goed"\r\n'));
    expect(comma).toEqual({
      ok: true,
      value: {
        columns: ['code', 'status'],
        rows: [{ code: '2.1.1.A', status: 'loopt' }],
        rowNumbers: [2],
      },
    });
    expect(semi.ok && semi.value.rows[0]).toEqual({ code: '2.1.1.A', status: 'loopt, goed' });
  });

  it('keeps columns named like object internals as plain columns', async () => {
    const table = await readTable('x.csv', bytes('a,__proto__,constructor\n1,2,3'));
    // As JSON: an object literal with "__proto__" would set the prototype, not a key.
    expect(JSON.stringify(table.ok && table.value.rows[0])).toBe(
      '{"a":"1","__proto__":"2","constructor":"3"}',
    );
    expect(table.ok && Object.getPrototypeOf(table.value.rows[0])).toBe(Object.prototype);
    expect(table.ok && Object.keys(table.value.rows[0] ?? {})).toEqual([
      'a',
      '__proto__',
      'constructor',
    ]);
  });

  it('refuses a file with more columns than any real table, quickly', async () => {
    const header = Array.from({ length: 50_000 }, (_, i) => `k${i}`).join(',');
    const started = performance.now();
    const read = await readTable('breed.csv', new TextEncoder().encode(`${header}\n`));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain('hoogstens 1000');
    expect(performance.now() - started).toBeLessThan(2000);
    const twice = await readTable('dubbel.csv', new TextEncoder().encode('a,b,A\n1,2,3\n'));
    expect(twice.ok ? '' : twice.error).toBe('De kolom "a" staat twee keer in de kopregel.');
  });

  it('round-trips XLSX written by writeXlsx, keeping formula-like text as text', async () => {
    const file = await writeXlsx(
      'agenda',
      ['code', 'progress', 'note'],
      [
        { code: '2.1.1.A', progress: 40, note: '=1+1' },
        { code: '2.1.1.B', progress: '', note: null },
      ],
    );
    const table = await readTable('export.xlsx', file);
    expect(table.ok && table.value).toEqual({
      columns: ['code', 'progress', 'note'],
      rows: [
        { code: '2.1.1.A', progress: '40', note: '=1+1' },
        { code: '2.1.1.B', progress: '', note: '' },
      ],
      rowNumbers: [2, 3],
    });
  });

  it('numbers rows as a spreadsheet shows them, counting blank rows and multi-line cells', async () => {
    const csv = await readTable('a.csv', bytes('code,note\n1,a\n\n2,"twee\nregels"\n3,b\n'));
    expect(csv.ok && csv.value.rowNumbers).toEqual([2, 4, 5]);
    expect(csv.ok && csv.value.rows.map((r) => r.code)).toEqual(['1', '2', '3']);
  });

  it('refuses empty, oversized, header-less, duplicate-column and broken files in Dutch', async () => {
    expect(await readTable('a.csv', new Uint8Array())).toEqual({
      ok: false,
      error: 'Het bestand is leeg.',
    });
    const big = await readTable('a.csv', new Uint8Array(MAX_UPLOAD_BYTES + 1));
    expect(big.ok ? '' : big.error).toContain('groter dan 10 MB');
    const dup = await readTable('a.csv', bytes('code,code\n1,2\n'));
    expect(dup.ok ? '' : dup.error).toContain('"code" staat twee keer');
    const header = await readTable('a.csv', bytes(',,\n'));
    expect(header.ok ? '' : header.error).toContain('geen kopregel');
    const zip = await readTable('a.xlsx', bytes('PK\u0003\u0004 not really a zip'));
    expect(zip.ok ? '' : zip.error).toContain('kunnen we niet lezen');
    const latin1 = await readTable('a.csv', new Uint8Array([0x63, 0x0a, 0xe9, 0x0a]));
    expect(latin1.ok ? '' : latin1.error).toContain('CSV UTF-8');
  });

  it('refuses an XLSX that unpacks past the budget (a zip bomb) before exceljs reads it', async () => {
    // 101 MB of one repeated row compresses to a few hundred kB: well under the upload limit.
    const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>';
    const sheet = row.repeat(Math.ceil((MAX_XLSX_UNPACKED_BYTES + 1024 * 1024) / row.length));
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', sheet);
    const packed = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 1 },
    });
    expect(packed.byteLength).toBeLessThan(MAX_UPLOAD_BYTES);
    const started = performance.now();
    const bomb = await readTableFile('bom.xlsx', packed);
    expect(bomb.ok ? undefined : bomb.error).toMatchObject({
      kind: 'unreadable',
      message: expect.stringMatching(/pakt uit tot meer dan 100 MB.*Splits het bestand/),
    });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a row with more cells than the header, naming its row (nothing is dropped unseen)', async () => {
    const extra = await readTable('a.csv', bytes('code,note\n1,a\n2,b,extra\n\n3,c,,x\n'));
    expect(extra.ok ? '' : extra.error).toMatch(
      /^Rij 3 heeft meer cellen dan de kopregel \(3 in plaats van 2\): "extra"\..*Ook rij 5\.$/,
    );
    const detail = await readTableFile('a.csv', bytes('code,note\n1,a\n2,b,extra\n\n3,c,,x\n'));
    expect(detail.ok ? undefined : detail.error).toMatchObject({
      kind: 'extra-cells',
      cells: [
        { row: 3, count: 3, text: 'extra' },
        { row: 5, count: 4, text: 'x' },
      ],
    });
    // Empty cells past the header lose nothing: a spreadsheet that pads its rows still reads.
    const padded = await readTable('a.csv', bytes('code,note,\n1,a,\n2,b,,\n'));
    expect(padded.ok && padded.value).toEqual({
      columns: ['code', 'note'],
      rows: [
        { code: '1', note: 'a' },
        { code: '2', note: 'b' },
      ],
      rowNumbers: [2, 3],
    });
    // A short row still reads: its missing cells are empty.
    const short = await readTable('a.csv', bytes('code,note\n1\n'));
    expect(short.ok && short.value.rows).toEqual([{ code: '1', note: '' }]);
    // XLSX: a value in a column without a name in the header row.
    const sheet = await writeXlsx('s', ['code', 'note', 'x'], [{ code: '1', note: 'a', x: 'los' }]);
    const unnamed = await readTableFile('a.xlsx', await withoutHeaderCell(sheet));
    expect(unnamed.ok ? undefined : unnamed.error).toMatchObject({
      kind: 'extra-cells',
      cells: [{ row: 2, count: 3, text: 'los' }],
    });
  });

  it('refuses more rows than asked before parsing, quickly, by default too', async () => {
    const eleven = `code\n${'1\n'.repeat(11)}`;
    const limited = await readTableFile('a.csv', bytes(eleven), { maxRows: 10 });
    expect(limited.ok ? undefined : limited.error).toMatchObject({ kind: 'too-many-rows' });
    expect(limited.ok ? '' : limited.error.message).toMatch(/hoogstens 10 rijen/);
    expect((await readTable('a.csv', bytes(eleven), { maxRows: 11 })).ok).toBe(true);
    // Old Mac line ends are counted too.
    const cr = await readTable('a.csv', bytes(`code\r${'1\r'.repeat(11)}`), { maxRows: 10 });
    expect(cr.ok).toBe(false);
    // 4 million one-letter rows (8 MB) are refused by the default limit without being parsed.
    const started = performance.now();
    const tiny = await readTable('a.csv', bytes(`code\n${'x\n'.repeat(4_000_000)}`));
    expect(tiny.ok ? '' : tiny.error).toMatch(/hoogstens 500000 rijen/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

/** The sheet with the header cell of its third column emptied (a column without a name). */
async function withoutHeaderCell(file: Uint8Array): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  sheet.getCell('C1').value = null;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
