/**
 * Citizens' panel: disclosure control (pure), and through app.request() the question form, the
 * staged upload (row errors, preview, apply all-or-nothing, oversize) and what HTML, JSON and CSV
 * show once published: never a distribution of fewer than 10 answers.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, postUpload, signInAs, type TestSession } from '../../../test/session.js';
import { writeXlsx } from '../../lib/tabular.js';
import { applyDisclosureControl } from './panel.disclosure.js';

const parents: Record<string, string> = {
  GM0106: 'PV22',
  GM0109: 'PV22',
  GM0114: 'PV22',
  WK011440: 'GM0114',
  WK010910: 'GM0109',
};
const parentOf = (code: string) => parents[code];

describe('disclosure control', () => {
  it('hides fewer than 10 answers, and the smallest sibling that would give them away', () => {
    const checked = applyDisclosureControl(
      [
        { period: '2025', areaCode: 'PV22', counts: [60, 40] },
        { period: '2025', areaCode: 'GM0106', counts: [12, 8] },
        { period: '2025', areaCode: 'GM0109', counts: [9, 6] },
        { period: '2025', areaCode: 'GM0114', counts: [3, 4] },
        { period: '2025', areaCode: 'WK011440', counts: [2, 1] },
      ],
      parentOf,
    );
    const by = Object.fromEntries(checked.map((d) => [d.areaCode, [d.suppressed, d.reason, d.n]]));
    expect(by).toEqual({
      PV22: [false, null, 100],
      GM0106: [false, null, 20],
      GM0109: [true, 'herleidbaar', 15],
      GM0114: [true, 'te-weinig', 7],
      WK011440: [true, 'te-weinig', 3],
    });
  });

  it('leaves siblings alone when the hidden ones together have 10 or more, or no parent is shown', () => {
    const two = applyDisclosureControl(
      [
        { period: '2025', areaCode: 'PV22', counts: [50, 50] },
        { period: '2025', areaCode: 'GM0106', counts: [5, 4] },
        { period: '2025', areaCode: 'GM0109', counts: [4, 4] },
        { period: '2025', areaCode: 'GM0114', counts: [30, 9] },
      ],
      parentOf,
    );
    expect(two.filter((d) => d.suppressed).map((d) => d.areaCode)).toEqual(['GM0106', 'GM0109']);
    const noParent = applyDisclosureControl(
      [
        { period: '2025', areaCode: 'GM0106', counts: [5, 4] },
        { period: '2025', areaCode: 'GM0109', counts: [40, 4] },
      ],
      parentOf,
    );
    expect(noParent.filter((d) => d.suppressed).map((d) => d.areaCode)).toEqual(['GM0106']);
    const otherPeriod = applyDisclosureControl(
      [
        { period: '2024', areaCode: 'PV22', counts: [50, 50] },
        { period: '2025', areaCode: 'GM0106', counts: [5, 4] },
        { period: '2025', areaCode: 'GM0109', counts: [40, 4] },
      ],
      parentOf,
    );
    expect(otherPeriod.filter((d) => d.suppressed).map((d) => d.areaCode)).toEqual(['GM0106']);
  });

  it('hides a child of a hidden parent when all children are shown, so the parent cannot be summed', () => {
    const checked = applyDisclosureControl(
      [
        { period: '2025', areaCode: 'PV22', counts: [50, 50] },
        { period: '2025', areaCode: 'GM0114', counts: [3, 3] },
        { period: '2025', areaCode: 'GM0109', counts: [20, 20] },
        { period: '2025', areaCode: 'WK010910', counts: [20, 20] },
      ],
      parentOf,
    );
    expect(checked.map((d) => [d.areaCode, d.reason])).toEqual([
      ['PV22', null],
      ['GM0114', 'te-weinig'],
      ['GM0109', 'herleidbaar'],
      ['WK010910', 'herleidbaar'],
    ]);
  });
});

const GOOD = `period,area_code,option,count
2025,PV22,Ja,60
2025,PV22,Nee,40
2025,GM0106,Ja,12
2025,GM0106,Nee,8
2025,GM0109,Ja,9
2025,GM0109,Nee,6
2025,GM0114,Ja,3
2025,GM0114,Nee,4
`;

describeEachDatabase('panel results', (get) => {
  const results = async () =>
    get()
      .db.selectFrom('panel_result')
      .selectAll()
      .orderBy('area_code')
      .orderBy('option')
      .execute();
  const batches = async () =>
    (await get().db.selectFrom('import_batch').select('id').where('kind', '=', 'panel').execute())
      .length;

  async function addQuestion(app: ReturnType<typeof testApp>['app'], s: TestSession) {
    const res = await postForm(
      app,
      '/beheer/panel',
      {
        _csrf: s.csrf,
        question: 'Voelt u zich betrokken bij uw buurt?',
        options: 'Ja\nNee',
        source: 'Drents Panel (Trendbureau Drenthe)',
        is_demo: 'on',
      },
      s.cookie,
    );
    expect(res.status).toBe(303);
    return Number(/\/beheer\/panel\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
  }

  it('adds a question only with valid input and only for beheerders and data stewards', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const bad = await postForm(
      app,
      '/beheer/panel',
      { _csrf: data.csrf, question: 'Vraag?', options: 'Ja\nja', source: '' },
      data.cookie,
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Elke antwoordmogelijkheid mag maar één keer voorkomen.');
    expect(html).toContain('Vul de bron in');
    expect(html).toContain('>Vraag?</textarea>');
    const trekker = await signInAs(app, get().db, 'trekker');
    const refused = await postForm(
      app,
      '/beheer/panel',
      { _csrf: trekker.csrf, question: 'Een vraag hier', options: 'Ja\nNee', source: 'Panel' },
      trekker.cookie,
    );
    expect(refused.status).toBe(403);
    expect(
      (await app.request('/beheer/panel/nieuw', { headers: { cookie: trekker.cookie } })).status,
    ).toBe(403);
    expect(await get().db.selectFrom('panel_question').select('id').execute()).toHaveLength(0);
  });

  it('lists every bad row of an upload and saves nothing', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const id = await addQuestion(app, data);
    const file = `period,area_code,option,count
2025,PV22,Ja,10
2025,GM9999,Ja,5
2025,GM0106,Misschien,5
2025-X,GM0106,Ja,5
2025,GM0106,Nee,vijf
2025,PV22,ja,3
`;
    const before = await batches();
    const res = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: data.csrf },
      { name: 'panel.csv', bytes: file },
      data.cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Het bestand is niet ingelezen. Er is niets opgeslagen.');
    expect(html).toContain('Rij 3: Gebied &quot;GM9999&quot; kennen we niet in deze regio.');
    expect(html).toContain(
      'Rij 4: Antwoord &quot;Misschien&quot; hoort niet bij deze vraag. Kies uit: Ja, Nee.',
    );
    expect(html).toContain('Rij 5: Periode is een jaar (2025)');
    expect(html).toContain('Rij 6: Aantal is een heel getal van 0 of meer.');
    expect(html).toContain('Rij 7: Dezelfde periode, gebied en antwoord staan ook op rij 2.');
    expect(html).not.toContain('Rij 2:');
    expect(await batches()).toBe(before);
    expect(await results()).toEqual([]);
    const columns = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: data.csrf },
      { name: 'panel.csv', bytes: 'periode,gebied,antwoord,aantal\n2025,PV22,Ja,1\n' },
      data.cookie,
    );
    expect(columns.status).toBe(400);
    expect(await columns.text()).toContain(
      'Deze kolommen ontbreken: period, area_code, option, count.',
    );
    const empty = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: data.csrf },
      undefined,
      data.cookie,
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Kies een bestand.');
  });

  it('refuses uploads over 10 MB, a forged form and a lezer', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const id = await addQuestion(app, data);
    const big = new Uint8Array(11 * 1024 * 1024).fill(65);
    const res = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: data.csrf },
      { name: 'groot.csv', bytes: big },
      data.cookie,
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Dit bestand is groter dan 10 MB.');
    const forged = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: 'x' },
      { name: 'p.csv', bytes: GOOD },
      data.cookie,
    );
    expect(forged.status).toBe(403);
    const reader = await signInAs(app, get().db, 'lezer');
    const lezer = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: reader.csrf },
      { name: 'p.csv', bytes: GOOD },
      reader.cookie,
    );
    expect(lezer.status).toBe(403);
    expect(await results()).toEqual([]);
  });

  it('previews, applies all rows at once, and publishes with suppression in HTML, JSON and CSV', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const boss = await signInAs(app, db, 'beheerder');
    const id = await addQuestion(app, boss);
    const staged = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: boss.csrf },
      { name: 'panel.csv', bytes: GOOD },
      boss.cookie,
    );
    expect(staged.status).toBe(303);
    const previewUrl = staged.headers.get('location') ?? '';
    expect(previewUrl).toMatch(/^\/beheer\/panel\/import\/\d+$/);
    const preview = await (
      await app.request(previewUrl, { headers: { cookie: boss.cookie } })
    ).text();
    expect(preview).toContain('8 rijen, 4 verdelingen');
    expect(preview).toContain('1 verdelingen hebben minder dan 10 antwoorden.');
    expect(preview).toContain('Emmen (GM0114)');
    expect(await results()).toEqual([]);
    const other = await signInAs(app, db, 'beheerder');
    expect((await app.request(previewUrl, { headers: { cookie: other.cookie } })).status).toBe(404);

    const applied = await postForm(
      app,
      `${previewUrl}/toepassen`,
      { _csrf: boss.csrf },
      boss.cookie,
    );
    expect(applied.status).toBe(303);
    expect(await results()).toHaveLength(8);
    const again = await postForm(app, `${previewUrl}/toepassen`, { _csrf: boss.csrf }, boss.cookie);
    expect(again.status).toBe(404);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'panel_question')
      .where('entity_key', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['panel_question.create', 'panel_result.import']);
    expect((audit[1]?.after as { results: unknown[] } | undefined)?.results).toHaveLength(8);

    expect(await (await app.request('/panel')).text()).not.toContain('Voelt u zich betrokken');
    const published = await postForm(
      app,
      `/beheer/panel/${id}/publiceren`,
      { _csrf: boss.csrf, publiceren: '1' },
      boss.cookie,
    );
    expect(published.status).toBe(303);

    const html = await (await app.request('/panel')).text();
    expect(html).toContain('Voelt u zich betrokken bij uw buurt?');
    expect(html).toContain('Drents Panel (Trendbureau Drenthe)');
    expect(html).toContain('voorbeelddata');
    expect(html).toMatch(
      /GM0114<\/span><\/th><td class="utrecht-table__cell marke-muted" colspan="3">te weinig antwoorden<\/td>/,
    );
    expect(html).toMatch(
      /GM0109<\/span><\/th><td class="utrecht-table__cell marke-muted" colspan="3">verborgen om een klein aantal elders te beschermen<\/td>/,
    );
    expect(html).toMatch(
      /GM0106<\/span><\/th><td class="utrecht-table__cell">20<\/td><td class="utrecht-table__cell">60% \(12\)<\/td>/,
    );
    expect(html).not.toContain('43% (3)');
    expect(html).toContain('<title id="vraag-');

    const json = (await (await app.request('/api/v1/regions/drenthe/panel')).json()) as Array<{
      id: number;
      distributions: Array<{
        area_code: string;
        status: string;
        n: number | null;
        counts: Array<{ count: number | null }>;
      }>;
    }>;
    const q = json.find((x) => x.id === id);
    const emmen = q?.distributions.find((d) => d.area_code === 'GM0114');
    expect(emmen).toEqual({
      period: '2025',
      area_code: 'GM0114',
      area_name: 'Emmen',
      status: 'te weinig antwoorden',
      n: null,
      counts: [
        { option: 'Ja', count: null, percent: null },
        { option: 'Nee', count: null, percent: null },
      ],
    });
    expect(q?.distributions.find((d) => d.area_code === 'PV22')?.n).toBe(100);

    const csv = await (await app.request('/api/v1/regions/drenthe/panel.csv')).text();
    expect(csv).toContain(
      `question_id,period,area_code,option,count,status\r\n${id},2025,PV22,Ja,60,\r\n`,
    );
    expect(csv).toContain(`${id},2025,GM0114,Ja,,te weinig antwoorden\r\n`);
    expect(csv).not.toMatch(/GM0114,(Ja|Nee),[0-9]/);
  });

  it('refuses a second kind of period for a question, so a year minus its half year reveals nothing', async () => {
    const { app } = testApp(get().db);
    const boss = await signInAs(app, get().db, 'beheerder');
    const id = await addQuestion(app, boss);
    const staged = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: boss.csrf },
      { name: 'jaar.csv', bytes: `${GOOD}\n\n` },
      boss.cookie,
    );
    const previewUrl = staged.headers.get('location') ?? '';
    expect(
      (await postForm(app, `${previewUrl}/toepassen`, { _csrf: boss.csrf }, boss.cookie)).status,
    ).toBe(303);
    const halfYear = GOOD.replaceAll('2025,', '2025-H1,');
    const mixed = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: boss.csrf },
      { name: 'half.csv', bytes: halfYear },
      boss.cookie,
    );
    expect(mixed.status).toBe(400);
    expect(await mixed.text()).toContain('Gebruik één soort periode per vraag');
    const inOneFile = `${GOOD.trimEnd()}\n2025-H1,GM0106,Ja,30\n`;
    const other = await addQuestion(app, boss);
    const both = await postUpload(
      app,
      `/beheer/panel/${other}/upload`,
      { _csrf: boss.csrf },
      { name: 'beide.csv', bytes: inOneFile },
      boss.cookie,
    );
    expect(both.status).toBe(400);
  });

  it('reads the same rows from XLSX and asks before applying the same file twice', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const id = await addQuestion(app, data);
    const xlsx = await writeXlsx(
      'panel',
      ['period', 'area_code', 'option', 'count'],
      [
        { period: '2024-H2', area_code: 'GM1680', option: 'Ja', count: 25 },
        { period: '2024-H2', area_code: 'GM1680', option: 'Nee', count: 5 },
      ],
    );
    const first = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: data.csrf },
      { name: 'panel.xlsx', bytes: xlsx },
      data.cookie,
    );
    expect(first.status).toBe(303);
    expect(
      (
        await postForm(
          app,
          `${first.headers.get('location')}/toepassen`,
          { _csrf: data.csrf },
          data.cookie,
        )
      ).status,
    ).toBe(303);
    const second = await postUpload(
      app,
      `/beheer/panel/${id}/upload`,
      { _csrf: data.csrf },
      { name: 'panel.xlsx', bytes: xlsx },
      data.cookie,
    );
    const url = second.headers.get('location') ?? '';
    expect(url).toMatch(/\?dubbel=1$/);
    const base = url.replace(/\?.*$/, '');
    const refused = await postForm(app, `${base}/toepassen`, { _csrf: data.csrf }, data.cookie);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Dit bestand is al eens ingelezen.');
    expect(
      (await postForm(app, `${base}/toepassen`, { _csrf: data.csrf, toch: 'on' }, data.cookie))
        .status,
    ).toBe(303);
    const rows = await get()
      .db.selectFrom('panel_result')
      .selectAll()
      .where('question_id', '=', id)
      .execute();
    expect(rows.map((r) => [r.period, r.area_code, r.option, r.count])).toEqual([
      ['2024-H2', 'GM1680', 'Ja', 25],
      ['2024-H2', 'GM1680', 'Nee', 5],
    ]);
  });
});
