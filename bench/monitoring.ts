/**
 * The monitoring benchmark (issue 3): an evidence card and the agenda table with 86 goals and
 * 200 indicators × 12 gemeenten × 10 years of measurements, at 20 connections. The generated
 * indicators and values are marked is_demo; nothing here is shown as real data.
 */
import path from 'node:path';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';
import { json } from '../src/db/upsert.js';
import { inviteUser, setPassword } from '../src/modules/auth/index.js';
import { seedRegionDirectory } from '../src/seed.js';

export const DEMO = { indicators: 200, years: 10, firstYear: 2015 } as const;
const CONNECTIONS = 20;
const DURATION_S = 10;
export const MONITORING_P99_MS = 100;

/** Deterministic pseudo-random numbers, so every run generates the same demo set. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Adds 200 demo indicators (each on one operational goal) with values, and agenda items. */
async function generate(db: Kysely<Database>): Promise<number> {
  const region = await db
    .selectFrom('region')
    .select('id')
    .where('code', '=', 'drenthe')
    .executeTakeFirstOrThrow();
  const goals = await db
    .selectFrom('operational_goal')
    .select(['id', 'code'])
    .where('region_id', '=', region.id)
    .orderBy('id')
    .execute();
  const gemeenten = await db
    .selectFrom('area')
    .select('code')
    .where('region_id', '=', region.id)
    .where('level', '=', 'gemeente')
    .execute();
  const next = random(42);
  let measurements = 0;
  for (let i = 0; i < DEMO.indicators; i++) {
    const goal = goals[i % goals.length];
    if (!goal) continue;
    const indicator = await db
      .insertInto('indicator')
      .values({
        region_id: region.id,
        code: `demo-indicator-${i + 1}`,
        name: `Voorbeeldindicator ${i + 1}`,
        description: 'Gegenereerd voor de benchmark (voorbeelddata).',
        unit: '%',
        direction: i % 2 ? 'hoger' : 'lager',
        source: 'Gegenereerd (voorbeelddata)',
        area_levels: json(['gemeente']),
        frequency: 'jaarlijks',
        track: i % 3 ? 'cyclus' : '2040',
        is_demo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('indicator_goal')
      .values({ indicator_id: indicator.id, goal_code: goal.code })
      .execute();
    await db
      .insertInto('indicator_target')
      .values({
        indicator_id: indicator.id,
        comparator: i % 2 ? '>=' : '<=',
        value: 50,
        year: 2030,
        area_code: gemeenten[0]?.code ?? 'PV22',
        source: 'Gegenereerd (voorbeelddata)',
      })
      .execute();
    const rows = gemeenten.flatMap((g) =>
      Array.from({ length: DEMO.years }, (_, y) => ({
        indicator_id: indicator.id,
        area_code: g.code,
        period: String(DEMO.firstYear + y),
        value: Math.round(next() * 1000) / 10,
        source: 'Gegenereerd (voorbeelddata)',
        is_demo: true,
      })),
    );
    await db.insertInto('measurement').values(rows).execute();
    measurements += rows.length;
  }
  const statuses = ['niet_gestart', 'loopt', 'risico', 'vertraagd', 'afgerond'] as const;
  const priorities = ['must', 'should', 'could'] as const;
  for (const [n, goal] of goals.entries()) {
    const item = await db
      .insertInto('agenda_item')
      .values({
        operational_goal_id: goal.id,
        status: statuses[n % statuses.length] ?? 'loopt',
        priority: priorities[n % 3] ?? 'must',
        progress: (n * 7) % 101,
        planned_start: '2024',
        planned_end: '2026-Q4',
        updated_by: 'bench',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('agenda_update')
      .values({
        agenda_item_id: item.id,
        occurred_on: '2026-01-15',
        text: 'Voorbeeldupdate voor de benchmark.',
        author: 'bench',
      })
      .execute();
  }
  await db
    .updateTable('data_version')
    .set({ version: String(Date.now()) })
    .execute();
  return measurements;
}

/** Migrates, loads the plan and adds the demo set in `dataDir`, then closes the database. */
export async function prepareMonitoringData(dataDir: string): Promise<number> {
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await migrateToLatest(handle.db);
    const seeded = await seedRegionDirectory(handle.db, path.resolve('data/regions/drenthe'), {
      actor: 'bench',
    });
    if (!seeded.ok) throw new Error('Plandata ongeldig');
    const measurements = await generate(handle.db);
    const region = await handle.db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    await createEditor(handle.db, region.id);
    return measurements;
  } finally {
    await handle.close();
  }
}

/** The beheerder whose real edits (agenda updates over HTTP) change the data during the run. */
const EDITOR = {
  email: 'bench-beheerder@example.org',
  password: 'benchmark-wachtwoord-lang-genoeg',
};
/** The goal the editor updates; any change bumps the data version of every page. */
const EDITED_GOAL = '2.1.1.a';
const CHANGE_EVERY_MS = 1_000;

async function createEditor(db: Kysely<Database>, regionId: number): Promise<void> {
  const invited = await inviteUser(
    db,
    { regionId, email: EDITOR.email, name: 'Benchmark', role: 'beheerder', organisationId: null },
    'bench',
  );
  if (!invited.ok) throw new Error(`bench account: ${invited.error}`);
  const set = await setPassword(db, invited.value.token, EDITOR.password);
  if (!set.ok) throw new Error(`bench password: ${set.error}`);
}

export type EditorSession = { cookie: string; csrf: string };

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0] ?? '';
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Logs the bench beheerder in through the real login form. */
export async function signInEditor(base: string): Promise<EditorSession> {
  const form = await fetch(`${base}/inloggen`);
  const res = await fetch(`${base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookieOf(form, 'marke_csrf'),
    },
    body: new URLSearchParams({
      _csrf: csrfOf(await form.text()),
      email: EDITOR.email,
      password: EDITOR.password,
    }),
  });
  const cookie = cookieOf(res, 'marke_session');
  if (!cookie) throw new Error(`bench login failed (${res.status})`);
  const account = await fetch(`${base}/account`, { headers: { cookie } });
  return { cookie, csrf: csrfOf(await account.text()) };
}

/** One real edit: a progress update on the agenda item, as a beheerder saves it in the browser. */
export async function editAgenda(base: string, session: EditorSession, n: number): Promise<void> {
  const res = await fetch(`${base}/beheer/werkagenda/${EDITED_GOAL}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
    body: new URLSearchParams({
      _csrf: session.csrf,
      status: 'loopt',
      priority: 'must',
      progress: String(n % 100),
      phase: 'uitvoeren',
      planned_start: '2024',
      planned_end: '2026-Q4',
      update: `Benchmarkwijziging ${n} (voorbeelddata).`,
    }),
  });
  await res.arrayBuffer();
  if (res.status !== 303) throw new Error(`bench edit answered ${res.status}`);
}

export type MonitoringMode = 'cached' | 'signed-in' | 'changing';
export type MonitoringLoad = {
  url: string;
  mode: MonitoringMode;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** The slowest requests: in mode `changing` these are the ones that waited for a re-render. */
  p999Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  /** Data changes made during the run (mode `changing`). */
  changes: number;
};

/**
 * 20 connections × 10 s on one URL. `cached`: the public, pages from the page cache.
 * `signed-in`: with the beheerder's session cookie. `changing`: the public while the beheerder
 * saves an agenda update every second, so each second the page is rendered anew from the
 * database (the memoised summaries too) while the connections keep asking.
 */
export async function loadMonitoring(
  base: string,
  url: string,
  mode: MonitoringMode,
  session: EditorSession,
): Promise<MonitoringLoad> {
  const headers: Record<string, string> = { 'accept-encoding': 'br, gzip' };
  if (mode === 'signed-in') headers.cookie = session.cookie;
  const warm = await fetch(`${base}${url}`, { headers });
  await warm.arrayBuffer();
  if (warm.status !== 200) throw new Error(`GET ${url} answered ${warm.status}`);
  // Only edits the server accepted (303) count; a broken session would otherwise turn the
  // "changing" rows into cached rows that still claim changes.
  let attempts = 0;
  let changes = 0;
  const edits: Array<Promise<void>> = [];
  const editing =
    mode === 'changing'
      ? setInterval(() => {
          attempts++;
          edits.push(
            editAgenda(base, session, attempts).then(
              () => {
                changes++;
              },
              (error) => console.error(error),
            ),
          );
        }, CHANGE_EVERY_MS)
      : undefined;
  try {
    const result = await autocannon({
      url: `${base}${url}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers,
    });
    clearInterval(editing);
    await Promise.all(edits);
    if (mode === 'changing' && changes < attempts)
      throw new Error(`${url}: only ${changes} of ${attempts} edits were accepted`);
    return {
      url,
      mode,
      requestsPerSec: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      p999Ms: result.latency.p99_9,
      maxMs: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors,
      changes,
    };
  } finally {
    clearInterval(editing);
  }
}

/** The first public request after a real edit: a full render with every memo recomputed. */
export async function firstRequestAfterChange(
  base: string,
  url: string,
  session: EditorSession,
  times = 5,
): Promise<number[]> {
  const ms: number[] = [];
  for (let n = 0; n < times; n++) {
    await editAgenda(base, session, 1000 + n);
    // The page cache rereads the data version at most every MARKE_CACHE_CHECK_MS (250 ms).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { 'accept-encoding': 'br, gzip' } });
    await res.arrayBuffer();
    ms.push(performance.now() - started);
    if (res.headers.get('x-marke-cache') !== 'miss') throw new Error(`${url} was not re-rendered`);
  }
  return ms;
}

export const MONITORING_URLS = [
  '/voortgang/opgaven/gezonde-leefomgeving',
  '/voortgang/doelen/2.3.1',
  '/werkagenda',
  '/voortgang',
] as const;
export const MONITORING_SETTINGS = { connections: CONNECTIONS, durationSeconds: DURATION_S };
export const MONITORING_MODES: readonly MonitoringMode[] = ['cached', 'signed-in', 'changing'];
