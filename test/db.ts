/**
 * Test databases. Every database test runs on PGlite (a copy of the seeded template) and, when
 * TEST_DATABASE_URL is set, on PostgreSQL too (a fresh database per test file, dropped after).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedRegionDirectory } from '../src/seed.js';

export type DbKind = 'pglite' | 'postgres';

/** Which database kinds this run covers. */
export function databaseKinds(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export type TestDatabase = DatabaseHandle & { dispose: () => Promise<void>; url?: string };

/** A fresh, migrated, empty database; on PostgreSQL `url` lets a test open a second pool on it. */
export async function emptyDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite' });
    await migrateToLatest(handle.db);
    return { ...handle, dispose: handle.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `marke_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A database with the Drenthe plan loaded: a template copy on PGlite, an import on PostgreSQL. */
export async function seededDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite' && process.env.MARKE_TEST_TEMPLATE) {
    const bytes = await readFile(process.env.MARKE_TEST_TEMPLATE);
    const handle = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([bytes]) });
    return { ...handle, dispose: handle.close };
  }
  const handle = await emptyDatabase(kind);
  const result = await seedRegionDirectory(handle.db, path.resolve('data/regions/drenthe'), {
    actor: 'test',
  });
  if (!result.ok)
    throw new Error(`Plandata ongeldig: ${JSON.stringify(result.error.errors.slice(0, 5))}`);
  return handle;
}

/**
 * Runs a describe block once per database kind, with a seeded database opened before and closed
 * after. `get()` returns the handle inside tests.
 */
export function describeEachDatabase(
  name: string,
  body: (get: () => TestDatabase, kind: DbKind) => void,
  options: { seeded?: boolean } = {},
): void {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = options.seeded === false ? await emptyDatabase(kind) : await seededDatabase(kind);
      });
      afterAll(async () => {
        await handle?.dispose();
      });
      body(() => {
        if (!handle) throw new Error('database not ready');
        return handle;
      }, kind);
    });
  }
}
