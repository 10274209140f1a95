/**
 * `tsx bench/startup-phases.ts [dataDir]`: times each step of `marke start` in one process, to
 * see where cold-start and restart time goes. Run it twice on the same dir: the first run is a
 * first start (initdb + migrations + plan import), the second a restart. Diagnostic only.
 */
import os from 'node:os';
import path from 'node:path';

const dataDir = process.argv[2] ?? path.join(os.tmpdir(), `marke-phases-${process.pid}`);
const phases: Array<{ phase: string; ms: number }> = [];
let last = performance.now();

/** Records the time since the previous mark under `phase`. */
function mark(phase: string): void {
  const now = performance.now();
  phases.push({ phase, ms: Math.round(now - last) });
  last = now;
}

const { loadConfig } = await import('../src/config.js');
const { openDatabase } = await import('../src/db/database.js');
const { migrateToLatest } = await import('../src/db/migrate.js');
const main = await import('../src/main.js');
const { createApp } = await import('../src/app.js');
mark('import application modules (tsx transpile + load)');

const config = loadConfig({ ...process.env, NODE_ENV: 'production', MARKE_DATA_DIR: dataDir });
if (config.database.kind !== 'pglite') throw new Error('unset DATABASE_URL: this times PGlite');
const handle = await openDatabase({ kind: 'pglite', dataDir: config.database.dataDir });
mark('open PGlite (WASM load, initdb on a fresh dir)');
await migrateToLatest(handle.db);
mark('migrations');
await main.seedAll(handle, config);
mark('plan import (seedAll)');
const { app } = createApp({ db: handle.db, config });
mark('createApp (stylesheet build + brotli 11)');
const res = await app.request('/', { headers: { 'accept-encoding': 'br, gzip' } });
await res.arrayBuffer();
mark(`first GET / in-process (${res.status})`);
await handle.close();
mark('close database');

console.log(`data dir: ${dataDir}`);
console.table(phases);
