/**
 * The Hulpwijzer's open data at scale (issue 5): the Drenthe directory plus N generated services
 * (default 10 000, every one `is_demo`, from the search benchmark's generator, all under one
 * organization), served by a production-mode server on the embedded database (PGlite). Measured
 * over HTTP, each case on a freshly started server: the whole-directory JSON export
 * (`/hulpwijzer/open-data/hsds.json`) first and again, revalidated with its ETag and without
 * compression; and the generated organization with all its services in full
 * (`/api/hsds/organizations/{id}?full_service=true`). Time is until the last byte; memory is the
 * server process's resident set (VmRSS) and its peak (VmHWM) from /proc.
 *
 *   npx tsx bench/hulpwijzer-export.ts [--services 10000] [--label after]
 *
 * Writes bench/results/hulpwijzer-export-<label>.json.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { prepare } from './hulpwijzer.js';
import { machine, printTable } from './report.js';
import { startServer, stopServer } from './server.js';

type Fetched = {
  status: number;
  ms: number;
  /** Bytes on the wire (compressed if the server compressed). */
  wireBytes: number;
  /** Bytes after decompression. */
  bytes: number;
  etag: string | null;
  encoding: string | null;
  cacheControl: string | null;
  /** `total_items` of a Page, read from the first bytes of the body. */
  items: number | null;
};

/** A GET whose body is counted as it arrives, never held: the client must not skew memory. */
function get(url: string, headers: Record<string, string>): Promise<Fetched> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let wireBytes = 0;
        let bytes = 0;
        let head = '';
        const count = (chunk: Buffer) => {
          if (head.length < 64) head += chunk.subarray(0, 64).toString('utf8');
          bytes += chunk.length;
        };
        const encoding = res.headers['content-encoding'] ?? null;
        const gunzip = encoding === 'gzip' ? createGunzip() : null;
        res.on('data', (chunk: Buffer) => {
          wireBytes += chunk.length;
          if (gunzip) gunzip.write(chunk);
          else count(chunk);
        });
        gunzip?.on('data', count);
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            wireBytes,
            bytes,
            etag: (res.headers.etag as string | undefined) ?? null,
            encoding,
            cacheControl: (res.headers['cache-control'] as string | undefined) ?? null,
            items: Number(/^\{"total_items":(\d+)/.exec(head)?.[1] ?? Number.NaN) || null,
          });
        res.on('end', () => {
          if (!gunzip) return done();
          gunzip.on('end', done);
          gunzip.end();
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** VmRSS and VmHWM (peak) of a process in MiB, from /proc (Linux). */
async function memory(pid: number | undefined): Promise<{ rssMiB: number; peakMiB: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: Math.round(kib('VmRSS') / 1024), peakMiB: Math.round(kib('VmHWM') / 1024) };
}

const EXPORT = '/hulpwijzer/open-data/hsds.json';
const GZIP = { 'accept-encoding': 'gzip' };
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => args[args.indexOf(name) + 1];
  const count = args.includes('--services') ? Number(option('--services')) : 10_000;
  const label = args.includes('--label') ? String(option('--label')) : 'latest';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'marke-bench-export-'));
  const rows: Record<string, string | number>[] = [];
  const load = () => Math.round((os.loadavg()[0] ?? 0) * 10) / 10;
  const loadAtStart = load();
  try {
    console.log(`${count} voorbeelddiensten genereren …`);
    const { organization } = await prepare(dataDir, count);
    const cases: [string, (base: string, last?: Fetched) => Promise<Fetched>][][] = [
      [
        ['export, first request (gzip)', (base) => get(`${base}${EXPORT}`, GZIP)],
        ['export, again (gzip)', (base) => get(`${base}${EXPORT}`, GZIP)],
        [
          'export, If-None-Match',
          (base, last) =>
            get(`${base}${EXPORT}`, { ...GZIP, 'if-none-match': last?.etag ?? '"none"' }),
        ],
        ['export, uncompressed', (base) => get(`${base}${EXPORT}`, {})],
      ],
      [
        [
          'organization, full_service (gzip)',
          (base) => get(`${base}/api/hsds/organizations/${organization}?full_service=true`, GZIP),
        ],
        [
          'organization, again (gzip)',
          (base) => get(`${base}/api/hsds/organizations/${organization}?full_service=true`, GZIP),
        ],
      ],
    ];
    for (const group of cases) {
      const server = await startServer(dataDir, 120_000);
      try {
        const idle = await memory(server.child.pid);
        rows.push({
          case: 'server started',
          status: '',
          ms: '',
          wireMB: '',
          MB: '',
          items: '',
          ...idle,
        });
        let last: Fetched | undefined;
        for (const [name, run] of group) {
          const got = await run(server.base, last);
          last = got.etag ? got : last;
          rows.push({
            case: name,
            status: got.status,
            ms: Math.round(got.ms),
            wireMB: mb(got.wireBytes),
            MB: mb(got.bytes),
            items: got.items ?? '',
            ...(await memory(server.child.pid)),
          });
        }
      } finally {
        await stopServer(server.child);
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  printTable(
    `Hulpwijzer open data, ${count} generated services (${label}; load ${loadAtStart} → ${load()})`,
    rows,
  );
  await mkdir('bench/results', { recursive: true });
  const file = `bench/results/hulpwijzer-export-${label}.json`;
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine: machine(), loadAtStart, count, rows }, null, 2)}\n`,
  );
  console.log(`\n${file}`);
}

await main();
