/** Composition root: config → database → migrations → plan import → app → listen. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { startHousekeeping } from './db/housekeeping.js';
import { migrateToLatest } from './db/migrate.js';
import { seedRegionDirectory } from './seed.js';

/** Opens the configured database and brings its schema up to date. */
export async function openMigrated(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  await migrateToLatest(handle.db);
  return handle;
}

/** Every region directory under the plan root (a directory with a region.yaml). */
export async function regionDirectories(planDir: string): Promise<string[]> {
  const entries = await readdir(planDir).catch(() => []);
  const dirs: string[] = [];
  for (const entry of entries.sort()) {
    const dir = path.join(planDir, entry);
    const isRegion = await stat(path.join(dir, 'region.yaml'))
      .then((s) => s.isFile())
      .catch(() => false);
    if (isRegion) dirs.push(dir);
  }
  return dirs;
}

/** Imports every region's plan; unchanged plans are skipped. Throws when a plan file is broken. */
export async function seedAll(
  handle: DatabaseHandle,
  config: Config,
  options: { force?: boolean } = {},
): Promise<void> {
  for (const dir of await regionDirectories(config.planDir)) {
    const result = await seedRegionDirectory(handle.db, dir, {
      actor: 'system:seed',
      force: options.force,
    });
    if (!result.ok) {
      const lines = result.error.errors.map(
        (e) => `  ${e.file}${e.path ? ` › ${e.path}` : ''}: ${e.message}`,
      );
      throw new Error(
        `De data in ${dir} is niet in orde; het bestand met de fout is niet ingelezen:\n${lines.join('\n')}`,
      );
    }
    const outcome = result.value.plan;
    console.log(
      outcome.status === 'unchanged'
        ? `Plan ${outcome.region}: ongewijzigd.`
        : `Plan ${outcome.region}: geïmporteerd (${JSON.stringify(outcome.counts)}).`,
    );
    console.log(`Indicatoren ${outcome.region}: ${result.value.indicators}.`);
  }
}

/** `marke start`: serve the platform until SIGINT/SIGTERM. */
export async function start(config: Config): Promise<void> {
  const started = performance.now();
  const handle = await openMigrated(config);
  await seedAll(handle, config);
  const { app } = createApp({ db: handle.db, config });
  // PGlite has no autovacuum: Marke does that work itself (ADR 0022).
  const housekeeping = handle.kind === 'pglite' ? startHousekeeping(handle.db) : null;
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const ms = Math.round(performance.now() - started);
    console.log(
      `Marke draait op http://localhost:${info.port} (opgestart in ${ms} ms, database: ${handle.kind}).`,
    );
  });
  const stop = () => {
    server.close();
    void Promise.resolve(housekeeping?.stop())
      .then(() => handle.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
