/**
 * Werkagenda import and XLSX export through app.request(): round trip unchanged (CSV and XLSX),
 * a changed file with audit rows, every bad row listed, all-or-nothing, the same file twice and
 * another user's preview. Access (roles, CSRF, oversize) is in agenda-import-access.test.ts.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, postUpload, signInAs, type TestSession } from '../../../test/session.js';
import { readTable, writeXlsx } from '../../lib/tabular.js';
import { currentDataVersion } from '../plan/index.js';
import { AGENDA_COLUMNS } from './agenda.types.js';

type App = ReturnType<typeof testApp>['app'];
const API = '/api/v1/regions/drenthe';
const IMPORT = '/beheer/werkagenda/import';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function upload(app: App, s: TestSession, name: string, bytes: Uint8Array | string) {
  return postUpload(app, IMPORT, { _csrf: s.csrf }, { name, bytes }, s.cookie);
}

function open(app: App, s: TestSession, path: string) {
  return app.request(path, { headers: { cookie: s.cookie } });
}

function send(
  app: App,
  s: TestSession,
  id: number,
  step: string,
  extra: Record<string, string> = {},
) {
  return postForm(app, `${IMPORT}/${id}/${step}`, { _csrf: s.csrf, ...extra }, s.cookie);
}

/** The preview id from the redirect after a successful check. */
function previewId(res: Response): number {
  const match = /\/beheer\/werkagenda\/import\/(\d+)$/.exec(res.headers.get('location') ?? '');
  if (res.status !== 303 || !match) throw new Error(`geen voorbeeld: ${res.status}`);
  return Number(match[1]);
}

async function exportCsv(app: App): Promise<string> {
  return (await app.request(`${API}/agenda.csv`)).text();
}

/** The export as records, changed by `edit`, written back as CSV. */
function editCsv(csv: string, edit: (rows: Array<Record<string, string>>) => void): string {
  const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Array<
    Record<string, string>
  >;
  edit(rows);
  return stringify(rows, { header: true, columns: [...AGENDA_COLUMNS] });
}

/** [row, column] of every line of the problem table. */
function problemCells(html: string): Array<[number, string]> {
  const table =
    /<table class="utrecht-table" id="fouten">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [
    ...table.matchAll(
      /<tr class="utrecht-table__row"><td class="utrecht-table__cell">(\d+)<\/td><td class="utrecht-table__cell"><code>([^<]*)<\/code>/g,
    ),
  ].map((m) => [Number(m[1]), m[2] ?? '']);
}

describeEachDatabase('werkagenda import', (get) => {
  const count = async (table: 'import_batch' | 'agenda_item') =>
    Number(
      (
        await get()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const importAudits = () =>
    get()
      .db.selectFrom('audit_log')
      .select(['entity_key', 'before', 'after', 'actor'])
      .where('action', '=', 'agenda_item.import')
      .orderBy('id')
      .execute();
  const item = (code: string) =>
    get()
      .db.selectFrom('agenda_item as a')
      .innerJoin('operational_goal as g', 'g.id', 'a.operational_goal_id')
      .select(['a.status', 'a.progress', 'a.priority', 'a.phase'])
      .where('g.code', '=', code)
      .executeTakeFirst();

  it('exports XLSX with exactly the columns and rows of the CSV and JSON export', async () => {
    const { app } = testApp(get().db);
    const res = await app.request(`${API}/agenda.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    const xlsx = await readTable('a.xlsx', new Uint8Array(await res.arrayBuffer()));
    const csv = await readTable('a.csv', new TextEncoder().encode(await exportCsv(app)));
    const json = (await (await app.request(`${API}/agenda`)).json()) as Array<
      Record<string, unknown>
    >;
    if (!xlsx.ok || !csv.ok) throw new Error('onleesbaar');
    expect(xlsx.value.columns).toEqual([...AGENDA_COLUMNS]);
    expect(csv.value.columns).toEqual([...AGENDA_COLUMNS]);
    expect(xlsx.value.rows).toHaveLength(86);
    expect(xlsx.value.rows).toEqual(csv.value.rows);
    expect(xlsx.value.rows).toEqual(
      json.map((r) => Object.fromEntries(AGENDA_COLUMNS.map((c) => [c, String(r[c])]))),
    );
  });

  it('reads an unchanged export back as "ongewijzigd", as CSV and as XLSX', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const saved = await postForm(
      app,
      '/beheer/werkagenda/2.1.2.a',
      {
        _csrf: admin.csrf,
        status: 'risico',
        priority: 'should',
        progress: '35',
        phase: '-eerste verkenning',
        planned_start: '2025-Q3',
        planned_end: '2025',
        owners: 'ggd-drenthe, cosis',
      },
      admin.cookie,
    );
    expect(saved.status).toBe(303);
    const csv = await exportCsv(app);
    expect(csv).toContain("'-eerste verkenning");
    const xlsx = new Uint8Array(await (await app.request(`${API}/agenda.xlsx`)).arrayBuffer());
    for (const [name, bytes] of [
      ['werkagenda.csv', csv],
      ['werkagenda.xlsx', xlsx],
    ] as const) {
      const id = previewId(await upload(app, admin, name, bytes));
      const html = await (await open(app, admin, `${IMPORT}/${id}`)).text();
      expect(html, name).toContain('0 doelen gewijzigd, 86 ongewijzigd');
      expect(html.match(/>ongewijzigd</g), name).toHaveLength(86);
      const applied = await send(app, admin, id, 'toepassen');
      expect(applied.headers.get('location'), name).toBe(`${IMPORT}?gewijzigd=0&ongewijzigd=86`);
    }
    expect(await importAudits()).toEqual([]);
    expect(await item('2.1.2. A')).toEqual({
      status: 'risico',
      progress: 35,
      priority: 'should',
      phase: '-eerste verkenning',
    });
  });

  it('updates exactly the changed goals, with one audit row each and one data version', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const itemsBefore = await count('agenda_item');
    const file = editCsv(await exportCsv(app), (rows) => {
      const a = rows.find((r) => r.code === '2.3.1. A');
      const b = rows.find((r) => r.code === '2.3.1. B');
      if (!a || !b) throw new Error('doelen ontbreken');
      Object.assign(a, { status: 'loopt', progress: '30', owners: 'ggd-drenthe;cosis' });
      Object.assign(b, { priority: 'MUST', planned_start: '2026', planned_end: '2027-Q2' });
    });
    const id = previewId(await upload(app, admin, 'bijgewerkt.csv', file));
    const preview = await (await open(app, admin, `${IMPORT}/${id}`)).text();
    expect(preview).toContain('2 doelen gewijzigd, 84 ongewijzigd');
    expect(preview).toContain('Status: Niet gestart → <strong>Loopt</strong>');
    expect(preview).toContain('Eigenaren: (leeg) → <strong>cosis; ggd-drenthe</strong>');
    expect(preview).toContain('Prioriteit: (leeg) → <strong>Must have</strong>');
    expect(await item('2.3.1. A')).toBeUndefined();
    const version = await currentDataVersion(get().db);
    const applied = await send(app, admin, id, 'toepassen');
    expect(applied.headers.get('location')).toBe(`${IMPORT}?gewijzigd=2&ongewijzigd=84`);
    const page = await (await open(app, admin, applied.headers.get('location') ?? '')).text();
    expect(page).toContain('Toegepast: 2 doelen gewijzigd, 84 ongewijzigd.');
    expect(page).toContain('bijgewerkt.csv');
    expect(await count('agenda_item')).toBe(itemsBefore + 2);
    expect(Number(await currentDataVersion(get().db))).toBe(Number(version) + 1);
    const audits = await importAudits();
    expect(audits.map((a) => a.entity_key)).toEqual(['2.3.1. A', '2.3.1. B']);
    expect(audits[0]?.actor).toBe(`user:${admin.user.id}`);
    expect(audits[0]?.before).toBeNull();
    expect(audits[0]?.after).toMatchObject({
      status: 'loopt',
      progress: 30,
      owners: ['cosis', 'ggd-drenthe'],
    });
    const table = await (await app.request('/werkagenda?opgave=gezonde-leefomgeving')).text();
    expect(table).toContain('30%');
    const b = await item('2.3.1. B');
    expect(b?.priority).toBe('must');
    // A file with only some columns leaves the other fields as they are.
    const partial = previewId(await upload(app, admin, 'deel.csv', 'code,progress\n2.3.1.a,45\n'));
    await send(app, admin, partial, 'toepassen');
    expect(await item('2.3.1. A')).toMatchObject({ status: 'loopt', progress: 45 });
  });

  it('lists every problem of every row with its spreadsheet row number, and stores nothing', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const [batches, items] = [await count('import_batch'), await count('agenda_item')];
    const file = [
      'code,status,priority,progress,phase,planned_start,planned_end,owners,kleur',
      '2.4.1. A,loopt,must,40,,2025,2026,ggd-drenthe,',
      '2.4.1,loopt,,0,,,,,',
      '2.9.9. Z,loopt,,0,,,,,',
      '2.4.1.a,loopt,,0,,,,,',
      '2.4.1. B,klaar,urgent,150,,2025-Q5,,bestaat-niet,',
      '',
      '2.4.1. C,loopt,,50,,2026,2025,,rood',
      ',loopt,,0,,,,,',
      `2.4.2. A,loopt,,7%,${'x'.repeat(121)},,,ggd-drenthe;nergens,`,
    ].join('\n');
    const res = await upload(app, admin, 'fouten.csv', file);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Er is 1 fout');
    expect(html).toContain('Het bestand heeft 14 fouten in 8 rijen. Er is niets opgeslagen.');
    expect(html).toContain('U koos: fouten.csv.');
    expect(problemCells(html)).toEqual([
      [1, 'kleur'],
      [3, 'code'],
      [4, 'code'],
      [5, 'code'],
      [6, 'status'],
      [6, 'priority'],
      [6, 'progress'],
      [6, 'planned_start'],
      [6, 'owners'],
      [8, 'planned_end'],
      [9, 'code'],
      [10, 'progress'],
      [10, 'phase'],
      [10, 'owners'],
    ]);
    expect(html).toContain('2.4.1 is een strategisch doel.');
    expect(html).toContain('Doel 2.9.9. Z staat niet in het plan.');
    expect(html).toContain('Dit doel staat ook in rij 2.');
    expect(html).toContain('Onbekende status. Kies uit: niet_gestart, loopt, risico');
    expect(html).toContain('Deze organisatie staat niet in het plan: bestaat-niet.');
    expect(html).toContain('Het gepland einde ligt vóór het gepland begin.');
    expect(html).toContain('Vul de code van het doel in.');
    expect([await count('import_batch'), await count('agenda_item')]).toEqual([batches, items]);

    const noCode = await upload(app, admin, 'zonder-code.csv', 'status\nloopt\n');
    expect(noCode.status).toBe(400);
    expect(await noCode.text()).toContain('De kolom code ontbreekt.');
    const xlsx = await writeXlsx(
      'x',
      ['code', 'progress'],
      [
        { code: '2.4.1. A', progress: 10 },
        { code: '2.4.1. B', progress: 101 },
      ],
    );
    const bad = await upload(app, admin, 'fouten.xlsx', xlsx);
    expect(bad.status).toBe(400);
    expect(problemCells(await bad.text())).toEqual([[3, 'progress']]);
    const none = await postUpload(app, IMPORT, { _csrf: admin.csrf }, undefined, admin.cookie);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Kies een CSV- of XLSX-bestand.');
    expect(await count('import_batch')).toBe(batches);
  });

  it('rolls the whole import back when a row fails on apply (goal gone since the preview)', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const admin = await signInAs(app, db, 'beheerder');
    const id = previewId(
      await upload(
        app,
        admin,
        'a.csv',
        'code,status,progress\n2.5.1.a,loopt,20\n2.5.1.b,loopt,20\n',
      ),
    );
    const version = await currentDataVersion(db);
    await db
      .updateTable('operational_goal')
      .set({ code: '2.5.9. Z' })
      .where('code', '=', '2.5.1. B')
      .execute();
    try {
      const res = await send(app, admin, id, 'toepassen');
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(
        'Toepassen is afgebroken bij rij 3: Doel 2.5.1. B staat niet meer in het plan.',
      );
      expect(problemCells(html)).toEqual([[3, 'code']]);
    } finally {
      await db
        .updateTable('operational_goal')
        .set({ code: '2.5.1. B' })
        .where('code', '=', '2.5.9. Z')
        .execute();
    }
    expect(await item('2.5.1. A')).toBeUndefined();
    expect((await importAudits()).filter((a) => a.entity_key.startsWith('2.5.'))).toEqual([]);
    expect(await currentDataVersion(db)).toBe(version);
    const batch = await db
      .selectFrom('import_batch')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(batch?.status).toBe('discarded');
  });

  it('says when the same file was applied before, and applies it again only when confirmed', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const file = 'code,progress\n2.6.1.a,15\n';
    const first = previewId(await upload(app, admin, 'zelfde.csv', file));
    expect((await send(app, admin, first, 'toepassen')).status).toBe(303);
    const second = previewId(await upload(app, admin, 'zelfde-kopie.csv', file));
    const preview = await (await open(app, admin, `${IMPORT}/${second}`)).text();
    expect(preview).toContain('Dit bestand is al eens toegepast, op');
    expect(preview).toContain('door Test beheerder');
    expect(preview).toContain('name="opnieuw"');
    const refused = await send(app, admin, second, 'toepassen');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Vink aan dat u het opnieuw wilt toepassen');
    const again = await send(app, admin, second, 'toepassen', { opnieuw: '1' });
    expect(again.status).toBe(303);
    const twice = await send(app, admin, second, 'toepassen');
    expect(twice.status).toBe(409);
    const history = await (await open(app, admin, IMPORT)).text();
    expect(history).toContain('zelfde-kopie.csv');
    expect(history).toContain('zelfde.csv');
  });

  it("keeps another user's preview out of reach (404) and lets the owner cancel it", async () => {
    const { app } = testApp(get().db);
    const owner = await signInAs(app, get().db, 'beheerder');
    const other = await signInAs(app, get().db, 'beheerder');
    const id = previewId(await upload(app, owner, 'eigen.csv', 'code,progress\n2.6.2.a,60\n'));
    expect((await open(app, other, `${IMPORT}/${id}`)).status).toBe(404);
    expect((await send(app, other, id, 'toepassen')).status).toBe(404);
    expect((await send(app, other, id, 'annuleren')).status).toBe(404);
    expect((await open(app, owner, `${IMPORT}/onzin`)).status).toBe(404);
    const cancelled = await send(app, owner, id, 'annuleren');
    expect(cancelled.headers.get('location')).toBe(`${IMPORT}?geannuleerd=1`);
    expect((await open(app, owner, `${IMPORT}/${id}`)).status).toBe(404);
    expect(await item('2.6.2. A')).toBeUndefined();
  });
});
