/** The embedded database: one process per data directory, and `start`'s migrate + seed are idempotent. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openMigrated, seedAll } from '../main.js';
import { openDatabase } from './database.js';

it('refuses a second process on the same data directory, and frees it on close', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'marke-lock-'));
  const first = await openDatabase({ kind: 'pglite', dataDir: dir });
  await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(
    /in gebruik door proces/,
  );
  await first.close();
  const again = await openDatabase({ kind: 'pglite', dataDir: dir });
  await again.close();
});

it('migrates and loads the plan on first start, skips the import on the next start, and keeps the data', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'marke-start-'));
  const config = loadConfig({ MARKE_DATA_DIR: dir, NODE_ENV: 'test' });
  const first = await openMigrated(config);
  await seedAll(first, config);
  const imports = await first.db.selectFrom('plan_import').select('id').execute();
  await first.close();
  const second = await openMigrated(config);
  await seedAll(second, config);
  expect(await second.db.selectFrom('plan_import').select('id').execute()).toHaveLength(
    imports.length,
  );
  expect(imports).toHaveLength(1);
  const goals = await second.db.selectFrom('operational_goal').select('code').execute();
  expect(goals).toHaveLength(86);
  await second.close();
}, 120_000);
