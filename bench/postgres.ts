/**
 * A PostgreSQL server for the datawerkplaats benchmark: the one in BENCH_DATABASE_URL, or a
 * throwaway cluster with default settings started the way `.ci/run` starts one (Debian's
 * binaries in /usr/lib/postgresql/<version>/bin, run as the postgres user when we are root).
 * The bench works in its own database on that server and never touches any other.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server.js';

export type BenchPostgres = {
  /** URL of the server's maintenance database (where the bench database is created). */
  adminUrl: string;
  /** What a reader of the figures should know: version, settings, who started it. */
  description: string;
  settings: Record<string, string>;
  stop: () => void;
};

/** The newest Debian PostgreSQL bin directory, or undefined when none is installed. */
function debianBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? path.join(root, newest, 'bin') : undefined;
}

function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [file, argv] = root
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  const result = spawnSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0)
    throw new Error(`${path.basename(command)} faalde: ${result.stderr.toString().trim()}`);
}

/** Settings that shape the figures, read from the server itself. */
async function readSettings(adminUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const names = ['server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'work_mem'];
    const rows = await client.query<{ name: string; setting: string }>(
      `select name, current_setting(name) as setting from unnest($1::text[]) as name`,
      [names],
    );
    return Object.fromEntries(rows.rows.map((r) => [r.name, r.setting]));
  } finally {
    await client.end();
  }
}

/** Starts a throwaway cluster with PostgreSQL's default settings (fsync on) on a free port. */
async function startThrowaway(bin: string): Promise<BenchPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marke-bench-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  asPostgres(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'marke',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  asPostgres(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k /tmp -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  const adminUrl = `postgres://marke@127.0.0.1:${port}/postgres`;
  const settings = await readSettings(adminUrl);
  return {
    adminUrl,
    description: `throwaway cluster (${path.basename(path.dirname(bin))}, default settings) in ${dir}`,
    settings,
    stop,
  };
}

/**
 * The server to benchmark on, or a Dutch explanation of why there is none. BENCH_DATABASE_URL
 * wins; otherwise Debian's binaries start a cluster that is removed again when the bench ends.
 */
export async function benchPostgres(): Promise<
  { ok: true; value: BenchPostgres } | { ok: false; reason: string }
> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    try {
      const settings = await readSettings(url);
      return {
        ok: true,
        value: { adminUrl: url, description: 'BENCH_DATABASE_URL', settings, stop: () => {} },
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: `BENCH_DATABASE_URL is niet bereikbaar (${reason}).` };
    }
  }
  const bin = debianBinDir();
  if (!bin)
    return {
      ok: false,
      reason:
        'Geen PostgreSQL gevonden: installeer postgresql (Debian: apt-get install postgresql) of zet BENCH_DATABASE_URL=postgres://gebruiker@host:poort/postgres.',
    };
  try {
    return { ok: true, value: await startThrowaway(bin) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `PostgreSQL starten lukte niet (${reason}).` };
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
