/**
 * Managing indicators in beheer: create, edit and delete with one audit row per save; every bad
 * input answered with a Dutch message, the input kept and nothing saved.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs, type TestSession } from '../../../test/session.js';

type App = ReturnType<typeof testApp>['app'];
const BASE = '/beheer/indicatoren';

/** A complete, valid indicator form; tests change one field at a time. */
const FORM: Record<string, string> = {
  code: 'test-bewegen-jongeren',
  name: 'Testindicator bewegen',
  description: 'Een indicator die alleen voor deze test bestaat.',
  numerator: 'Jongeren die genoeg bewegen',
  denominator: '',
  unit: '%',
  decimals: '1',
  direction: 'hoger',
  source: 'Testbron',
  frequency: 'jaarlijks',
  track: 'cyclus',
  is_public: 'ja',
  niveau_provincie: 'ja',
  niveau_gemeente: 'ja',
  doel_0: '2.3.1.b',
  bijdrage_0: 'Meer jongeren bewegen genoeg.',
};

const TARGET: Record<string, string> = {
  t_comparator: '>=',
  t_kind: 'absolute',
  t_value: '60,5',
  t_year: '2027',
  t_area: 'PV22',
  t_baseline: '',
  t_source: 'Testbron streefwaarde',
  t_note: '',
};

describeEachDatabase('indicator management', (get) => {
  const counts = async () => {
    const db = get().db;
    const n = async (table: 'indicator' | 'indicator_target' | 'indicator_goal' | 'audit_log') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      indicators: await n('indicator'),
      targets: await n('indicator_target'),
      goals: await n('indicator_goal'),
      audit: await n('audit_log'),
    };
  };
  const audit = (action: string, key: string) =>
    get()
      .db.selectFrom('audit_log')
      .select(['actor', 'before', 'after', 'entity_type'])
      .where('action', '=', action)
      .where('entity_key', '=', key)
      .orderBy('id')
      .execute();
  const version = async () =>
    Number(
      (await get().db.selectFrom('data_version').select('version').executeTakeFirstOrThrow())
        .version,
    );
  const post = (app: App, s: TestSession, path: string, form: Record<string, string>) =>
    postForm(app, path, { _csrf: s.csrf, ...form }, s.cookie);
  const page = async (app: App, s: TestSession, path: string) =>
    (await app.request(path, { headers: { cookie: s.cookie } })).text();

  it('creates, edits and deletes an indicator and its targets, one audit row per save', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const v0 = await version();

    const created = await post(app, data, `${BASE}/nieuw`, FORM);
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe(`${BASE}/test-bewegen-jongeren?melding=gemaakt`);
    const row = await get()
      .db.selectFrom('indicator')
      .selectAll()
      .where('code', '=', 'test-bewegen-jongeren')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Testindicator bewegen', is_public: true, is_demo: false });
    expect(row.area_levels).toEqual(['provincie', 'gemeente']);
    const links = await get()
      .db.selectFrom('indicator_goal')
      .selectAll()
      .where('indicator_id', '=', row.id)
      .execute();
    expect(links).toEqual([
      {
        indicator_id: row.id,
        goal_code: '2.3.1. B',
        contribution: 'Meer jongeren bewegen genoeg.',
      },
    ]);
    const [create] = await audit('indicator.create', 'test-bewegen-jongeren');
    expect(create).toMatchObject({ actor: `user:${data.user.id}`, entity_type: 'indicator' });
    expect(create?.before).toBeNull();
    expect(create?.after).toMatchObject({ name: 'Testindicator bewegen', is_public: true });
    expect(await version()).toBeGreaterThan(v0);
    expect(await page(app, data, `${BASE}/test-bewegen-jongeren?melding=gemaakt`)).toContain(
      'De indicator is gemaakt.',
    );

    const target = await post(app, data, `${BASE}/test-bewegen-jongeren/streefwaarden`, TARGET);
    expect(target.status).toBe(303);
    const stored = await get()
      .db.selectFrom('indicator_target')
      .selectAll()
      .where('indicator_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      comparator: '>=',
      kind: 'absolute',
      year: 2027,
      area_code: 'PV22',
    });
    expect(Number(stored.value)).toBe(60.5);
    expect(await audit('indicator_target.create', 'test-bewegen-jongeren')).toHaveLength(1);
    const edit = await page(app, data, `${BASE}/test-bewegen-jongeren`);
    expect(edit).toContain('≥ 60,5% (Drenthe, 2027)');
    expect(edit).toContain('Onbekend');
    expect(edit).toContain('Er is nog geen meting.');
    // Not from the plan file: no note about indicators.yaml.
    expect(edit).not.toContain('indicators.yaml');
    expect(await (await app.request('/indicatoren')).text()).toContain('Testindicator bewegen');

    const renamed = await post(app, data, `${BASE}/test-bewegen-jongeren`, {
      ...FORM,
      name: 'Testindicator bewegen (nieuw)',
      doel_1: '2.3.1',
      bijdrage_1: '',
    });
    expect(renamed.status).toBe(303);
    const [update] = await audit('indicator.update', 'test-bewegen-jongeren');
    expect(update?.before).toMatchObject({ name: 'Testindicator bewegen' });
    expect(update?.after).toMatchObject({
      name: 'Testindicator bewegen (nieuw)',
      goals: [
        { code: '2.3.1', contribution: '' },
        { code: '2.3.1. B', contribution: 'Meer jongeren bewegen genoeg.' },
      ],
    });

    await post(
      app,
      data,
      `${BASE}/test-bewegen-jongeren/streefwaarden/${stored.id}/verwijderen`,
      {},
    );
    expect(
      await get().db.selectFrom('indicator_target').where('id', '=', stored.id).execute(),
    ).toEqual([]);
    const [removed] = await audit('indicator_target.delete', 'test-bewegen-jongeren');
    expect(removed?.before).toMatchObject({ id: stored.id, year: 2027 });
    expect(
      (
        await post(
          app,
          data,
          `${BASE}/test-bewegen-jongeren/streefwaarden/${stored.id}/verwijderen`,
          {},
        )
      ).status,
    ).toBe(404);

    const unconfirmed = await post(app, data, `${BASE}/test-bewegen-jongeren/verwijderen`, {});
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain(
      'Vink aan dat u de indicator echt wilt verwijderen.',
    );
    const deleted = await post(app, data, `${BASE}/test-bewegen-jongeren/verwijderen`, {
      bevestig: 'ja',
    });
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe(`${BASE}?melding=verwijderd`);
    expect(
      await get().db.selectFrom('indicator').where('code', '=', 'test-bewegen-jongeren').execute(),
    ).toEqual([]);
    const [gone] = await audit('indicator.delete', 'test-bewegen-jongeren');
    expect(gone?.before).toMatchObject({ name: 'Testindicator bewegen (nieuw)' });
    expect(gone?.after).toBeNull();
    expect((await app.request('/indicatoren/test-bewegen-jongeren')).status).toBe(404);
    expect(
      (await app.request(`${BASE}/test-bewegen-jongeren`, { headers: { cookie: data.cookie } }))
        .status,
    ).toBe(404);
  });

  it('refuses to delete an indicator with measurements, with a Dutch message', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const before = await counts();
    const res = await post(app, data, `${BASE}/roken-jongvolwassenen/verwijderen`, {
      bevestig: 'ja',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Deze indicator heeft 14 metingen en kan daarom niet weg.');
    expect(await counts()).toEqual(before);
    expect(await page(app, data, `${BASE}/roken-jongvolwassenen`)).not.toContain(
      'Indicator verwijderen</button>',
    );
  });

  it('answers every bad create with its message, keeps the input and saves nothing', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const cases: Array<[string, Record<string, string>, string]> = [
      ['dubbele code', { code: 'overgewicht' }, 'Er is al een indicator met de code overgewicht.'],
      ['hoofdletters', { code: 'Overgewicht Jong' }, 'kleine letters, cijfers en streepjes'],
      ['te kort', { code: 'a' }, 'De code heeft 2 tot 80 tekens'],
      ['gereserveerd', { code: 'nieuw' }, 'De code "nieuw" kan niet'],
      ['onbekend doel', { doel_0: '2.9.9.z' }, 'Doel "2.9.9.z" staat niet in het plan.'],
      ['geen doel', { doel_0: '', bijdrage_0: '' }, 'Koppel de indicator aan minstens één doel.'],
      ['bijdrage zonder doel', { doel_0: '', bijdrage_0: 'iets' }, 'Vul de code in van het doel'],
      ['lege naam', { name: '  ' }, 'Vul een naam in.'],
      ['lege eenheid', { unit: '' }, 'Vul een eenheid in'],
      ['decimalen', { decimals: '7' }, 'Kies 0, 1, 2, 3 of 4 cijfers achter de komma.'],
      ['richting', { direction: 'omhoog' }, 'Kies of hoger of lager beter is, of geen richting.'],
      ['spoor', { track: '2050' }, 'Kies een spoor'],
    ];
    const before = await counts();
    for (const [name, change, message] of cases) {
      const res = await post(app, data, `${BASE}/nieuw`, { ...FORM, code: 'test-fout', ...change });
      expect(res.status, name).toBe(400);
      const html = (await res.text()).replaceAll('&quot;', '"');
      expect(html, name).toContain(message);
      expect(html, name).toContain('role="alert"');
      // The input is kept: the description and the (possibly wrong) code come back as typed.
      expect(html, name).toContain(FORM.description);
      expect(html, name).toContain(`value="${change.code ?? 'test-fout'}"`);
      expect(html, name).toContain('checked');
    }
    expect(await counts()).toEqual(before);
  });

  it('answers every bad edit and target with its message, keeps the input and saves nothing', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const path = `${BASE}/acp-ouderen`;
    const original = await get()
      .db.selectFrom('indicator')
      .selectAll()
      .where('code', '=', 'acp-ouderen')
      .executeTakeFirstOrThrow();
    const before = await counts();
    const badEdit = await post(app, data, path, {
      ...FORM,
      name: '',
      unit: 'procent',
      doel_0: '7.7.7',
    });
    expect(badEdit.status).toBe(400);
    const editHtml = await badEdit.text();
    expect(editHtml).toContain('Er zijn 2 fouten');
    expect(editHtml).toContain('Vul een naam in.');
    expect(editHtml).toContain('Doel &quot;7.7.7&quot; staat niet in het plan.');
    expect(editHtml).toContain('value="procent"');

    const targets: Array<[string, Record<string, string>, string, string]> = [
      [
        'onbekend gebied',
        { t_area: 'GM9999' },
        'Gebied "GM9999" staat niet in de gebiedenlijst.',
        't_area',
      ],
      [
        'jaar tekst',
        { t_year: '20x5' },
        'Vul als streefjaar een jaar in tussen 2000 en 2100.',
        't_year',
      ],
      [
        'jaar te vroeg',
        { t_year: '1999' },
        'Vul als streefjaar een jaar in tussen 2000 en 2100.',
        't_year',
      ],
      [
        'vergelijking',
        { t_comparator: '=>' },
        'Kies een vergelijking: ≥, ≤, =, > of <.',
        't_comparator',
      ],
      ['soort', { t_kind: 'percentage' }, 'Kies het soort streefwaarde.', 't_kind'],
      ['waarde', { t_value: 'veel' }, 'Vul als streefwaarde een getal in', 't_value'],
      ['nulmeting', { t_baseline: 'vorig jaar' }, 'Nulmeting: een periode als 2024', 't_baseline'],
      ['bron', { t_source: '' }, 'Noem de bron van de streefwaarde', 't_source'],
    ];
    for (const [name, change, message, field] of targets) {
      const res = await post(app, data, `${path}/streefwaarden`, { ...TARGET, ...change });
      expect(res.status, name).toBe(400);
      const html = (await res.text())
        .replaceAll('&quot;', '"')
        .replaceAll('&gt;', '>')
        .replaceAll('&lt;', '<');
      expect(html, name).toContain(message);
      expect(html, name).toContain(`href="#${field}"`);
      const typed = Object.values(change)[0] ?? '';
      if (field !== 't_comparator' && field !== 't_kind')
        expect(html, name).toContain(`value="${typed}"`);
      // The indicator's own form still shows the stored values.
      expect(html, name).toContain(`value="${original.name}"`);
    }
    expect(await counts()).toEqual(before);
    expect(
      await get()
        .db.selectFrom('indicator')
        .selectAll()
        .where('code', '=', 'acp-ouderen')
        .executeTakeFirstOrThrow(),
    ).toEqual(original);
    expect(
      await get()
        .db.selectFrom('indicator_seed')
        .select('managed_here_at')
        .where('code', '=', 'acp-ouderen')
        .executeTakeFirstOrThrow(),
    ).toEqual({ managed_here_at: null });
  });
});
