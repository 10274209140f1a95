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
    return await generate(handle.db);
  } finally {
    await handle.close();
  }
}

export type MonitoringLoad = {
  url: string;
  cache: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
};

/**
 * Cached: as the public gets it. Uncached: a `marke_session` cookie makes the page cache step
 * aside, so every request renders from the database (the honest figure for a changed page).
 */
export async function loadMonitoring(
  base: string,
  url: string,
  cached: boolean,
): Promise<MonitoringLoad> {
  const headers: Record<string, string> = { 'accept-encoding': 'br, gzip' };
  if (!cached) headers.cookie = 'marke_session=bench-no-cache';
  const warm = await fetch(`${base}${url}`, { headers });
  await warm.arrayBuffer();
  if (warm.status !== 200) throw new Error(`GET ${url} answered ${warm.status}`);
  const result = await autocannon({
    url: `${base}${url}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers,
  });
  return {
    url,
    cache: cached ? 'cached' : 'uncached',
    requestsPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export const MONITORING_URLS = [
  '/voortgang/opgaven/gezonde-leefomgeving',
  '/voortgang/doelen/2.3.1',
  '/werkagenda',
  '/voortgang',
] as const;
export const MONITORING_SETTINGS = { connections: CONNECTIONS, durationSeconds: DURATION_S };
