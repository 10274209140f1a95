/**
 * The datawerkplaats benchmark (issue 4) on PostgreSQL: generates (or reuses) the national demo
 * set in the database `marke_bench_datawerkplaats`, starts a production-mode server on it (which
 * loads the Drenthe region as `npm start` does) and measures (a) the map data API against its own
 * SQL, (b) the Drenthe wijk map page and (c) a 1.74 M-value import against COPY.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { BENCH_REGION, ensureNationalSet, GENERATOR_VERSION } from './datawerkplaats-data.js';
import { measureImport } from './datawerkplaats-import.js';
import { measureMapApi, measureWijkPage } from './datawerkplaats-map.js';
import { benchPostgres, databaseUrl } from './postgres.js';
import { type RunningServer, startServer, stopServer } from './server.js';

const DATABASE = 'marke_bench_datawerkplaats';

/** Creates the bench database, or drops and recreates one that holds no complete set. */
async function prepareDatabase(adminUrl: string, log: (line: string) => void): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (exists.rowCount) {
      const db = new pg.Client({ connectionString: databaseUrl(adminUrl, DATABASE) });
      await db.connect();
      const complete = await db
        .query(
          `select 1 from seed_file join region on region.id = seed_file.region_id
           where region.code = $1 and seed_file.name = $2 and seed_file.checksum = $2`,
          [BENCH_REGION.code, GENERATOR_VERSION],
        )
        .then((r) => (r.rowCount ?? 0) > 0)
        .catch(() => false)
        .finally(() => db.end());
      if (complete) return;
      log(`Datawerkplaats: ${DATABASE} is onvolledig of van een oudere versie; opnieuw.`);
      await admin.query(`drop database ${DATABASE} with (force)`);
    }
    await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

type Server = Extract<Awaited<ReturnType<typeof benchPostgres>>, { ok: true }>['value'];

async function runDatawerkplaats(pgServer: Server, log: (line: string) => void) {
  const url = databaseUrl(pgServer.adminUrl, DATABASE);
  const loadStart = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'marke-bench-dwp-'));
  await prepareDatabase(pgServer.adminUrl, log);
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  let running: RunningServer | null = null;
  try {
    log(
      `Datawerkplaats: PostgreSQL ${pgServer.settings.server_version} (${pgServer.description}).`,
    );
    await migrateToLatest(handle.db);
    const started = performance.now();
    const generated = await ensureNationalSet(handle.db, url, log);
    const wallSeconds = Math.round((performance.now() - started) / 100) / 10;
    log('Datawerkplaats: server starten (laadt Drenthe zoals npm start) …');
    running = await startServer(dataDir, 600_000, { DATABASE_URL: url });
    const serverStartMs = Math.round(running.readyMs);
    log('Datawerkplaats: (a) kaartdata-API tegen dezelfde SQL …');
    const mapApi = await measureMapApi(running.base, handle.db, url);
    log('Datawerkplaats: (b) wijkkaart Drenthe …');
    const wijkPage = await measureWijkPage(running.base, handle.db);
    await stopServer(running.child);
    running = null;
    log('Datawerkplaats: (c) import tegen COPY …');
    const importResult = await measureImport(handle.db, url, log);
    return {
      loadAverage1m: { start: loadStart, end: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 },
      postgres: { description: pgServer.description, settings: pgServer.settings },
      database: DATABASE,
      generated: { ...generated, wallSeconds },
      serverStartMs,
      mapApi,
      wijkPage,
      import: importResult,
    };
  } finally {
    if (running) await stopServer(running.child);
    await handle.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export type DatawerkplaatsResults =
  | { skipped: string }
  | Awaited<ReturnType<typeof runDatawerkplaats>>;

/** Runs parts (a)–(c), or says clearly why PostgreSQL is not there (then nothing is measured). */
export async function measureDatawerkplaats(
  log: (line: string) => void,
): Promise<DatawerkplaatsResults> {
  const server = await benchPostgres();
  if (!server.ok) {
    log(`Datawerkplaats OVERGESLAGEN: ${server.reason}`);
    return { skipped: server.reason };
  }
  try {
    return await runDatawerkplaats(server.value, log);
  } finally {
    server.value.stop();
  }
}
