/**
 * Results of expensive reads (all indicator summaries, the goal index, the agenda) kept per
 * database until its data version changes. Every change that pages show bumps `data_version`
 * (ADR 0003), so a memoised value is never older than the last committed change: each call asks
 * for the version (one small query) and recomputes when it moved. Concurrent callers share one
 * computation, so a burst of requests after a change computes once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
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

/**
 * Version reads shared by everything one request does that cannot write (GET, HEAD): a map
 * asks four memos before its figures, each a round trip to the database. Such a request sees one
 * version throughout, read at its first memo; a request that writes reads it at every call, so
 * what it reads after its own change is never older than that change.
 */
const sharedVersions = new AsyncLocalStorage<Map<Kysely<Database>, Promise<string>>>();

/** Runs `work` with the data version read once per database (see sharedVersions). */
export function withSharedDataVersion<T>(work: () => T): T {
  return sharedVersions.run(new Map(), work);
}

function versionFor(db: Kysely<Database>): Promise<string> {
  const shared = sharedVersions.getStore();
  if (!shared) return dataVersion(db);
  let version = shared.get(db);
  if (!version) {
    version = dataVersion(db);
    shared.set(db, version);
    // A failed read is not shared: the next call asks again.
    version.catch(() => shared.delete(db));
  }
  return version;
}

/** Whether version `a` ("<data version>:<day>") came before `b` on the same day. */
function isOlder(a: string, b: string): boolean {
  const [versionA = '0', dayA = ''] = a.split(':');
  const [versionB = '0', dayB = ''] = b.split(':');
  return dayA === dayB && BigInt(versionA) < BigInt(versionB);
}

/** The value for `key` at the current data version; `compute` runs once per version and key. */
export async function memoByDataVersion<T>(
  db: Kysely<Database>,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  // Statuses against targets depend on today's date, so a new day is a new version too (as in the
  // page cache).
  const version = `${await versionFor(db)}:${new Date().toISOString().slice(0, 10)}`;
  let entry = memos.get(db);
  if (!entry || entry.version !== version) {
    // A request that began before the last change must not put the memo back to its version.
    if (entry && isOlder(version, entry.version)) return compute();
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
