/** Werkagenda: the public table with filters, editing by role, audit, roll-up and cache refresh. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { inviteUser, type Role, setPassword } from '../auth/index.js';
import { getRegion } from '../plan/index.js';
import { inYear } from './agenda.service.js';
import { rollUp } from './index.js';
import { quarterIndex } from './views/agenda-timeline.js';

type App = ReturnType<typeof testApp>['app'];
const PASSWORD = 'een lang genoeg wachtwoord';

it('places a goal in a year by its planned period, or else by its deadline year', () => {
  expect(inYear({ planned_start: '2024', planned_end: '2025-Q4', deadline_year: 2030 }, 2025)).toBe(
    true,
  );
  expect(inYear({ planned_start: '2024', planned_end: '2025-Q4', deadline_year: 2030 }, 2030)).toBe(
    false,
  );
  expect(inYear({ planned_start: null, planned_end: null, deadline_year: 2027 }, 2027)).toBe(true);
  expect(inYear({ planned_start: '2026-Q2', planned_end: null, deadline_year: null }, 2026)).toBe(
    true,
  );
});

it('maps years and quarters to timeline columns', () => {
  expect(quarterIndex('2024', 'start')).toBe(0);
  expect(quarterIndex('2024', 'end')).toBe(3);
  expect(quarterIndex('2025-Q4', 'end')).toBe(7);
  expect(quarterIndex('2040', 'end')).toBe(19);
});

it('rolls progress up weighted by priority, without stopped goals', () => {
  expect(
    rollUp([
      { status: 'loopt', progress: 100, priority: 'must' },
      { status: 'loopt', progress: 0, priority: 'could' },
    ]),
  ).toBe(75);
  expect(
    rollUp([
      { status: 'gestopt', progress: 0, priority: 'must' },
      { status: 'afgerond', progress: 100, priority: null },
    ]),
  ).toBe(100);
  expect(rollUp([])).toBeNull();
});

function cookieFrom(res: Response, name: string): string {
  return (
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0] ?? ''
  );
}

async function post(app: App, path: string, form: Record<string, string>, cookie: string) {
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
}

describeEachDatabase('werkagenda', (get) => {
  const signIn = async (app: App, role: Role, organisation: string | null = null) => {
    const region = await getRegion(get().db, 'drenthe');
    if (!region.ok) throw new Error('geen regio');
    const org = organisation
      ? await get()
          .db.selectFrom('organisation')
          .select('id')
          .where('slug', '=', organisation)
          .executeTakeFirstOrThrow()
      : null;
    const email = `${role}-${Math.random().toString(36).slice(2)}@example.org`;
    const invited = await inviteUser(
      get().db,
      { regionId: region.value.id, email, name: role, role, organisationId: org?.id ?? null },
      'test',
    );
    if (!invited.ok) throw new Error(invited.error);
    await setPassword(get().db, invited.value.token, PASSWORD);
    const form = await app.request('/inloggen');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const res = await post(
      app,
      '/inloggen',
      { _csrf: csrf, email, password: PASSWORD },
      cookieFrom(form, 'marke_csrf'),
    );
    const cookie = cookieFrom(res, 'marke_session');
    const page = await app.request('/account', { headers: { cookie } });
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '' };
  };

  it('shows all 86 goals publicly, filters them, and refuses an unknown filter', async () => {
    const { app } = testApp(get().db);
    const all = await (await app.request('/werkagenda')).text();
    expect(all).toContain('86 van de 86 doelen');
    expect(all).toContain('Gestopte doelen tellen niet mee');
    const one = await (
      await app.request('/werkagenda?opgave=toekomstbestendige-arbeidsmarkt')
    ).text();
    expect(one).toContain('10 van de 86 doelen');
    expect((await app.request('/werkagenda?status=klaar')).status).toBe(400);
    expect((await app.request('/werkagenda?kleur=rood')).status).toBe(400);
  });

  it('lets a beheerder set status, priority, progress, owners and an update; audits it; refreshes the public page', async () => {
    const { app } = testApp(get().db);
    expect(await (await app.request('/werkagenda?opgave=netwerkaanpak')).text()).toContain(
      'Niet gestart',
    );
    const admin = await signIn(app, 'beheerder');
    const res = await post(
      app,
      '/beheer/werkagenda/2.1.1.a',
      {
        _csrf: admin.csrf,
        status: 'loopt',
        priority: 'must',
        progress: '40',
        phase: 'verkennen',
        planned_start: '2024',
        planned_end: '2025-Q4',
        owners: 'ggd-drenthe, gemeente-assen',
        update: 'Eerste sessie over community care gehouden.',
        decision: 'De programmaraad maakt dit een must have.',
      },
      admin.cookie,
    );
    expect(res.status).toBe(303);
    const edit = await (
      await app.request('/beheer/werkagenda/2.1.1.a?opgeslagen=1', {
        headers: { cookie: admin.cookie },
      })
    ).text();
    expect(edit).toContain('Opgeslagen.');
    expect(edit).toContain('Eerste sessie over community care gehouden.');
    expect(edit).toMatch(/Besluit \([^)]*\): De programmaraad maakt dit een must have\./);
    const table = await (await app.request('/werkagenda?opgave=netwerkaanpak')).text();
    expect(table).toContain('Loopt');
    expect(table).toContain('40%');
    expect(table).toContain('GGD Drenthe');
    const audit = await get()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'agenda_item')
      .where('entity_key', '=', '2.1.1. A')
      .execute();
    expect(audit[0]?.action).toBe('agenda_item.create');
    expect(JSON.stringify(audit[0]?.after)).toContain('"progress":40');
  });

  it("lists what needs attention with the reason, and an organisation's own goals", async () => {
    const { app } = testApp(get().db);
    const admin = await signIn(app, 'beheerder');
    await post(
      app,
      '/beheer/werkagenda/2.3.2.a',
      { _csrf: admin.csrf, status: 'vertraagd', progress: '5', owners: 'cosis' },
      admin.cookie,
    );
    await post(
      app,
      '/beheer/werkagenda/2.3.2.b',
      { _csrf: admin.csrf, status: 'niet_gestart', priority: 'must', progress: '0' },
      admin.cookie,
    );
    const attention = await (await app.request('/werkagenda/aandacht')).text();
    expect(attention).toMatch(/2\.3\.2\. A[\s\S]*status vertraagd; nog nooit een update/);
    expect(attention).toMatch(/2\.3\.2\. B[\s\S]*must have, nog niet gestart/);
    const cosis = await (await app.request('/werkagenda/organisatie/cosis')).text();
    expect(cosis).toMatch(/2\.3\.2\. A[\s\S]*eigenaar/);
    expect(cosis).toContain('genoemd als initiatiefnemer');
    expect((await app.request('/werkagenda/organisatie/bestaat-niet')).status).toBe(404);
  });

  it('lets a trekker of an owning organisation edit, and refuses other roles and organisations', async () => {
    const { app } = testApp(get().db);
    const admin = await signIn(app, 'beheerder');
    await post(
      app,
      '/beheer/werkagenda/2.1.1.b',
      { _csrf: admin.csrf, status: 'niet_gestart', progress: '0', owners: 'ggd-drenthe' },
      admin.cookie,
    );
    const owner = await signIn(app, 'trekker', 'ggd-drenthe');
    const ok = await post(
      app,
      '/beheer/werkagenda/2.1.1.b',
      { _csrf: owner.csrf, status: 'risico', progress: '10' },
      owner.cookie,
    );
    expect(ok.status).toBe(303);
    const other = await signIn(app, 'trekker', 'cosis');
    expect(
      (await app.request('/beheer/werkagenda/2.1.1.b', { headers: { cookie: other.cookie } }))
        .status,
    ).toBe(403);
    for (const role of ['redacteur', 'data', 'lezer'] as const) {
      const user = await signIn(app, role, 'ggd-drenthe');
      expect(
        (
          await post(
            app,
            '/beheer/werkagenda/2.1.1.b',
            { _csrf: user.csrf, status: 'loopt', progress: '50' },
            user.cookie,
          )
        ).status,
        role,
      ).toBe(403);
    }
    expect((await app.request('/beheer/werkagenda/2.1.1.b')).status).toBe(303);
    expect(
      (
        await post(
          app,
          '/beheer/werkagenda/2.1.1.b',
          { _csrf: 'vals', status: 'loopt', progress: '50' },
          owner.cookie,
        )
      ).status,
    ).toBe(403);
  }, 60_000);

  it('keeps the input and explains every error; saves nothing', async () => {
    const { app } = testApp(get().db);
    const admin = await signIn(app, 'beheerder');
    const res = await post(
      app,
      '/beheer/werkagenda/2.2.1.c',
      {
        _csrf: admin.csrf,
        status: 'loopt',
        progress: '150',
        planned_start: '2026',
        planned_end: '2025',
        owners: 'bestaat-niet',
      },
      admin.cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Maximaal 100%.');
    expect(html).toContain('Het einde ligt vóór het begin.');
    expect(html).toContain('value="150"');
    expect(
      await get()
        .db.selectFrom('agenda_item')
        .innerJoin('operational_goal', 'operational_goal.id', 'agenda_item.operational_goal_id')
        .select('agenda_item.id')
        .where('operational_goal.code', '=', '2.2.1. C')
        .execute(),
    ).toHaveLength(0);
    expect(
      (await app.request('/beheer/werkagenda/9.9.9.z', { headers: { cookie: admin.cookie } }))
        .status,
    ).toBe(404);
  });
});
