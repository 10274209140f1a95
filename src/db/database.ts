/**
 * Opens the database: embedded PGlite (default, data directory on disk) or a PostgreSQL server
 * when DATABASE_URL is set. Both speak the same PostgreSQL dialect through Kysely.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataDirectory } from './data-dir-lock.js';
import type { Database } from './schema.js';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number };

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseTarget['kind'];
  /** Only for PGlite: the raw instance, used to dump a migrated template in tests. */
  pglite?: PGlite;
  close: () => Promise<void>;
};

// bigint (int8) and numeric come back as strings by default; counts we read are small.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
// A `date` is a calendar day: read it as 'YYYY-MM-DD', never as a Date at local midnight.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value) => value);
const pgliteParsers = { [DATE_OID]: (value: string) => value };

/** Opens a database handle; the caller owns it and must close it. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    let closing = false;
    // An idle connection that the server drops (restart, failover, DROP DATABASE) must not crash
    // the process; the pool replaces it on the next query.
    pool.on('error', (error) => {
      if (!closing) console.error(`PostgreSQL-verbinding verbroken: ${error.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      close: async () => {
        closing = true;
        await db.destroy();
      },
    };
  }
  let release = async () => {};
  if (target.dataDir && !target.dataDir.startsWith('memory://')) {
    await mkdir(target.dataDir, { recursive: true });
    release = await lockDataDirectory(target.dataDir);
  }
  // PostgreSQL's files live in <dataDir>/pgdata, so the lock file beside them is not in PGDATA.
  const pgdata =
    target.dataDir && !target.dataDir.startsWith('memory://')
      ? path.join(target.dataDir, 'pgdata')
      : target.dataDir;
  const pglite = target.loadDataDir
    ? new PGlite({ loadDataDir: target.loadDataDir, parsers: pgliteParsers })
    : new PGlite({ dataDir: pgdata, parsers: pgliteParsers });
  try {
    await pglite.waitReady;
  } catch (error) {
    await release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      await release();
    },
  };
}
