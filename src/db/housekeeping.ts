/**
 * PostgreSQL's autovacuum, done by hand for the embedded database (ADR 0022). PGlite runs no
 * background workers: without this, a table keeps every dead row version its updates leave and
 * the planner never learns how many rows there are, so a search over 50 000 listings scanned the
 * whole table (165 ms) where an index answers in 2 ms. Marke therefore
 * - tidies (`VACUUM (ANALYZE)`) the tables a bulk change touched, right after it committed
 *   (`tidyTables`: the directory import calls it);
 * - at start, tidies the whole database when a table was never analysed (a new database, or rows
 *   loaded by another process) (`tidyIfNeverAnalysed`);
 * - while running, checks every few minutes which tables changed enough since the last check,
 *   with autovacuum's own thresholds, and tidies those (`startHousekeeping`).
 * On PostgreSQL autovacuum does all this; the explicit calls after a bulk change only make the
 * statistics right sooner.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** autovacuum_vacuum_threshold / _scale_factor and the analyze pair, PostgreSQL's defaults. */
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
export const HOUSEKEEPING_INTERVAL_MS = 5 * 60_000;

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** VACUUM (ANALYZE) of these tables; none given: the whole database. Never inside a transaction. */
export async function tidyTables(db: Db, tables: readonly string[] = []): Promise<void> {
  for (const table of tables)
    if (!TABLE_NAME.test(table)) throw new Error(`geen geldige tabelnaam: ${table}`);
  const list = tables.length > 0 ? ` ${tables.join(', ')}` : '';
  await sql.raw(`vacuum (analyze)${list}`).execute(db);
}

/** Tidies the whole database when any table of ours was never analysed; true when it did. */
export async function tidyIfNeverAnalysed(db: Db): Promise<boolean> {
  const { rows } = await sql<{ never: number }>`
    select count(*)::int as never from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples < 0`.execute(db);
  if ((rows[0]?.never ?? 0) === 0) return false;
  await tidyTables(db);
  return true;
}

/**
 * The tables whose dead or changed rows passed autovacuum's thresholds. PGlite counts changes
 * only since the process started (its statistics are not kept over a restart), which is why a
 * start checks `tidyIfNeverAnalysed` as well.
 */
export async function tablesDueForTidying(db: Db): Promise<string[]> {
  const { rows } = await sql<{ relname: string }>`
    select relname from pg_stat_user_tables
    where schemaname = current_schema()
      and (n_dead_tup > ${sql.lit(VACUUM_BASE)} + ${sql.lit(VACUUM_SCALE)} * n_live_tup
        or n_mod_since_analyze > ${sql.lit(ANALYZE_BASE)} + ${sql.lit(ANALYZE_SCALE)} * n_live_tup)
    order by relname`.execute(db);
  return rows.map((r) => r.relname);
}

/** One round: tidy what is due; returns the tables it tidied. */
export async function housekeepingRound(db: Db): Promise<string[]> {
  const due = await tablesDueForTidying(db);
  if (due.length > 0) await tidyTables(db, due);
  return due;
}

/**
 * Starts the rounds for a PGlite database: one at once (never-analysed tables first), then every
 * `intervalMs`. The timer does not keep the process alive; `stop` waits for a running round.
 */
export function startHousekeeping(
  db: Db,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): { stop: () => Promise<void> } {
  const report =
    options.onError ?? ((error) => console.error('Onderhoud database mislukt:', error));
  let running: Promise<unknown> = Promise.resolve();
  const run = (round: () => Promise<unknown>) => {
    running = running.then(round).catch(report);
  };
  run(async () => (await tidyIfNeverAnalysed(db)) || housekeepingRound(db));
  const timer = setInterval(
    () => run(() => housekeepingRound(db)),
    options.intervalMs ?? HOUSEKEEPING_INTERVAL_MS,
  );
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
