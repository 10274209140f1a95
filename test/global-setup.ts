/**
 * Builds one migrated and seeded PGlite data directory per test run and shares it as a tarball,
 * so each test file opens a copy in ~1 s instead of initialising and importing (~10 s).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedRegionDirectory } from '../src/seed.js';

// Per run, outside the work tree: parallel runs in one checkout must not share a template.
export const TEMPLATE_PATH = path.join(tmpdir(), `marke-test-template-${process.pid}.tar`);

export default async function setup(): Promise<() => Promise<void>> {
  const handle = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(handle.db);
  const result = await seedRegionDirectory(handle.db, 'data/regions/drenthe', {
    actor: 'test:setup',
  });
  if (!result.ok)
    throw new Error(`Plandata ongeldig: ${JSON.stringify(result.error.errors.slice(0, 5))}`);
  const dump = await handle.pglite?.dumpDataDir('none');
  if (!dump) throw new Error('PGlite dump mislukt');
  await mkdir(path.dirname(TEMPLATE_PATH), { recursive: true });
  await writeFile(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  process.env.MARKE_TEST_TEMPLATE = TEMPLATE_PATH;
  return async () => {
    await rm(TEMPLATE_PATH, { force: true });
  };
}
