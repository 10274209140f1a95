/**
 * Results of expensive reads (all indicator summaries, the goal index, the agenda) kept per
 * database until its data version changes. Every change that pages show bumps `data_version`
 * (ADR 0003), so a memoised value is never older than the last committed change: each call asks
 * for the version (one small query) and recomputes when it moved. Concurrent callers share one
 * computation, so a burst of requests after a change computes once.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

type Entry = { version: string; values: Map<string, Promise<unknown>> };
const memos = new WeakMap<Kysely<Database>, Entry>();

async function dataVersion(db: Kysely<Database>): Promise<string> {
  const row = await sql<{
    version: string;
  }>`select version::text as version from data_version where id = 1`.execute(db);
  return row.rows[0]?.version ?? '0';
}

/** The value for `key` at the current data version; `compute` runs once per version and key. */
export async function memoByDataVersion<T>(
  db: Kysely<Database>,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  // Statuses against targets depend on today's date, so a new day is a new version too (as in the
  // page cache).
  const version = `${await dataVersion(db)}:${new Date().toISOString().slice(0, 10)}`;
  let entry = memos.get(db);
  if (!entry || entry.version !== version) {
    entry = { version, values: new Map() };
    memos.set(db, entry);
  }
  const known = entry.values.get(key) as Promise<T> | undefined;
  if (known) return known;
  const pending = compute();
  entry.values.set(key, pending);
  // A failed computation is not remembered: the next call tries again.
  pending.catch(() => entry?.values.delete(key));
  return pending;
}
