/**
 * Datawerkplaats benchmark, part (c): 1.74 M buurt values (12 indicators × 14 500 buurten × 10
 * years) read from CSV through the product's import path (the service functions behind
 * /beheer/metingen/import: read and check the file, stage it as a preview, apply it in one
 * transaction with roll-ups, disclosure and audit), against PostgreSQL `COPY` of the same rows
 * into the same table. Files are cut at the product's 10 MB upload limit: one indicator each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/schema.js';
import { json } from '../src/db/upsert.js';
import { inviteUser } from '../src/modules/auth/index.js';
import {
  applyMeasurements,
  refreshSuppression,
  stageMeasurements,
} from '../src/modules/indicators/index.js';
import {
  BENCH_REGION,
  indicatorParameters,
  NATIONAL,
  nationalTree,
  random,
} from './datawerkplaats-data.js';

type Db = Kysely<Database>;
export const IMPORT = { indicators: 12, goalRatio: 3 } as const;
const SOURCE = 'Gegenereerd voor de benchmark (voorbeelddata)';
const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

/** The rows of one import indicator: realistic counts as in the generated set. */
function rowsOf(i: number) {
  const { buurten } = nationalTree();
  const p = indicatorParameters(i + 7);
  const next = random(7000 + i);
  const rows: Array<{ area: string; period: string; value: number; num: number; den: number }> = [];
  for (let y = 0; y < NATIONAL.years; y++)
    for (const b of buurten) {
      const den = Math.max(1, Math.round(b.population * p.share * (1 + 0.01 * y)));
      const rate = Math.min(0.99, Math.max(0.005, p.base + p.trend * y + (next() - 0.5) * 0.2));
      const num = Math.round(den * rate);
      const value = Math.round((num * 1000) / den) / 10;
      rows.push({ area: b.code, period: String(NATIONAL.firstYear + y), value, num, den });
    }
  return rows;
}

/** psql of the server's own installation (or on PATH), for `\copy`. */
function psqlBinary(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? spawnSync('ls', [root]).stdout.toString().split(/\s+/) : [];
  for (const v of versions.filter(Boolean).sort().reverse())
    if (existsSync(path.join(root, v, 'bin', 'psql'))) return path.join(root, v, 'bin', 'psql');
  return spawnSync('which', ['psql']).status === 0 ? 'psql' : undefined;
}

async function createIndicators(db: Db, regionId: number, prefix: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < IMPORT.indicators; i++) {
    const row = await db
      .insertInto('indicator')
      .values({
        region_id: regionId,
        code: `${prefix}-${String(i + 1).padStart(2, '0')}`,
        name: `Voorbeeldimport ${i + 1}`,
        description: 'Gegenereerd voor de importbenchmark (voorbeelddata), geen echte cijfers.',
        unit: '%',
        direction: 'lager',
        source: SOURCE,
        area_levels: json(['buurt']),
        frequency: 'jaarlijks',
        track: 'cyclus',
        is_demo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

async function dropIndicators(db: Db, url: string, ids: number[]): Promise<void> {
  await db.deleteFrom('indicator').where('id', 'in', ids).execute();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('vacuum analyze measurement');
  await client.end();
}

/** (c) The product's import path against COPY, for the same 1.74 M rows. */
export async function measureImport(db: Db, url: string, log: (line: string) => void) {
  const psql = psqlBinary();
  const region = await db
    .selectFrom('region')
    .select('id')
    .where('code', '=', BENCH_REGION.code)
    .executeTakeFirstOrThrow();
  const source = await db
    .selectFrom('data_source')
    .select('id')
    .where('region_id', '=', region.id)
    .where('code', '=', 'voorbeelddata')
    .executeTakeFirstOrThrow();
  // A run that was interrupted leaves its import indicators behind: start clean.
  const leftovers = await db
    .selectFrom('indicator')
    .select('id')
    .where('region_id', '=', region.id)
    .where((eb) =>
      eb.or([eb('code', 'like', 'voorbeeld-import-%'), eb('code', 'like', 'voorbeeld-copy-%')]),
    )
    .execute();
  if (leftovers.length > 0)
    await dropIndicators(
      db,
      url,
      leftovers.map((r) => r.id),
    );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marke-bench-import-'));
  try {
    // The files: one long CSV per indicator (each under 10 MB), and one COPY file of the same rows.
    const copyIds = await createIndicators(db, region.id, 'voorbeeld-copy');
    const files: string[] = [];
    const copyLines: string[] = [];
    let rows = 0;
    let csvBytes = 0;
    for (let i = 0; i < IMPORT.indicators; i++) {
      const code = `voorbeeld-import-${String(i + 1).padStart(2, '0')}`;
      const lines = ['indicator,area_code,period,value,numerator,denominator,is_demo'];
      for (const r of rowsOf(i)) {
        lines.push(`${code},${r.area},${r.period},${r.value},${r.num},${r.den},ja`);
        copyLines.push(
          `${copyIds[i]},${r.area},${r.period},${r.value},${r.num},${r.den},"${SOURCE}",t,${source.id}`,
        );
      }
      rows += lines.length - 1;
      const file = path.join(dir, `${code}.csv`);
      const text = `${lines.join('\n')}\n`;
      csvBytes += Buffer.byteLength(text);
      await writeFile(file, text);
      files.push(file);
    }
    const copyFile = path.join(dir, 'copy.csv');
    await writeFile(copyFile, `${copyLines.join('\n')}\n`);
    copyLines.length = 0;
    log(`Import: ${rows} rijen in ${files.length} bestanden (${Math.round(csvBytes / 1e6)} MB).`);

    let copySeconds: number | null = null;
    if (psql) {
      const started = performance.now();
      const copied = spawnSync(psql, [
        url,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy measurement (indicator_id, area_code, period, value, numerator, denominator, source, is_demo, data_source_id) from '${copyFile}' with (format csv)`,
      ]);
      copySeconds = seconds(started);
      if (copied.status !== 0) throw new Error(`COPY faalde: ${copied.stderr.toString()}`);
      log(`Import: COPY ${copySeconds} s.`);
    } else log('Import: geen psql gevonden; COPY niet gemeten.');
    await dropIndicators(db, url, copyIds);

    const importIds = await createIndicators(db, region.id, 'voorbeeld-import');
    const invited = await inviteUser(
      db,
      {
        regionId: region.id,
        email: `bench-data-${Date.now()}@example.org`,
        name: 'Benchmark (data)',
        role: 'data',
        organisationId: null,
      },
      'bench',
    );
    if (!invited.ok) throw new Error(`bench account: ${invited.error}`);
    const user = {
      id: invited.value.userId,
      email: 'bench@example.org',
      name: 'Benchmark (data)',
      role: 'data' as const,
      regionId: region.id,
      organisationId: null,
    };
    const perFile: Array<{ stage: number; apply: number }> = [];
    const started = performance.now();
    for (const file of files) {
      const bytes = new Uint8Array(await readFile(file));
      const one = performance.now();
      const staged = await stageMeasurements(
        db,
        user,
        { name: path.basename(file), bytes },
        SOURCE,
        source.id,
      );
      if (!staged.ok) throw new Error(`stage: ${JSON.stringify(staged.error.slice(0, 3))}`);
      const stage = seconds(one);
      const two = performance.now();
      // allowDuplicate: an earlier run on a kept database imported the very same files.
      const applied = await applyMeasurements(db, user, staged.value.id, true);
      if (!applied.ok) throw new Error(`apply: ${applied.error}`);
      perFile.push({ stage, apply: seconds(two) });
      log(
        `  ${path.basename(file)}: lezen + controleren + klaarzetten ${stage} s, toepassen ${seconds(two)} s`,
      );
    }
    const productSeconds = seconds(started);
    // The share of apply spent on roll-ups and disclosure, estimated by deciding once more.
    const again = performance.now();
    await db.transaction().execute((trx) => refreshSuppression(trx, region.id, importIds));
    const decisionAgainSeconds = seconds(again);
    await dropIndicators(db, url, importIds);
    const total = (key: 'stage' | 'apply') =>
      Math.round(perFile.reduce((s, f) => s + f[key], 0) * 10) / 10;
    return {
      rows,
      files: files.length,
      csvMegabytes: Math.round(csvBytes / 1e5) / 10,
      copySeconds,
      productSeconds,
      stageSeconds: total('stage'),
      applySeconds: total('apply'),
      decisionAgainSeconds,
      perFile,
      ratio: copySeconds ? Math.round((productSeconds / copySeconds) * 10) / 10 : null,
      goalRatio: IMPORT.goalRatio,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
