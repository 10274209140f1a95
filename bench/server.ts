/** Starts and stops a production-mode Marke server as a child process, for the benchmarks. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export type RunningServer = {
  child: ChildProcess;
  base: string;
  /** Wall time from spawn until the first `GET /` answered 200. */
  readyMs: number;
  /** The server's own "opgestart in N ms" figure (start() → listen), if it printed one. */
  reportedMs: number | null;
  /** CPU time (user + system) the server used until ready: less sensitive to a busy machine. */
  cpuMs: number | null;
};

const POLL_MS = 50;
const live = new Set<ChildProcess>();

// A benchmark that crashes or is interrupted must never leave a server holding the data dir.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** CPU time of a process from /proc (Linux; clock ticks assumed 100 Hz), or null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `GET /` every 50 ms until it answers 200; fails if the child exits or time runs out. */
async function waitUntilReady(base: string, child: ChildProcess, limitMs: number): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    const ok = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br, gzip' } })
      .then(async (res) => {
        await res.arrayBuffer();
        return res.status === 200;
      })
      .catch(() => false);
    if (ok) return;
    await sleep(POLL_MS);
  }
  throw new Error(`server not ready within ${limitMs} ms`);
}

/**
 * Spawns `node --import tsx src/cli.ts start` on `dataDir` and times it until `GET /` is 200.
 * `env` adds to the environment (e.g. DATABASE_URL to run on PostgreSQL instead of PGlite).
 */
export async function startServer(
  dataDir: string,
  limitMs = 60_000,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      MARKE_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await waitUntilReady(base, child, limitMs);
  } catch (error) {
    await stopServer(child);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- server output ---\n${output.join('')}`);
  }
  const readyMs = performance.now() - started;
  const cpu = cpuMs(child.pid);
  const reported = /opgestart in (\d+) ms/.exec(output.join(''));
  return {
    child,
    base,
    readyMs,
    reportedMs: reported?.[1] ? Number(reported[1]) : null,
    cpuMs: cpu,
  };
}

/** Sends SIGTERM and waits for the exit; escalates to SIGKILL after `graceMs`. */
export async function stopServer(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
