/**
 * Datawerkplaats benchmark, parts (a) and (b): the map data API for one indicator and year over
 * all 14 500 buurten with their gemeenten, against the same SQL sent straight to PostgreSQL; and
 * the Drenthe wijk map page (189 wijken), rendered and cached.
 */
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/schema.js';
import {
  type FigureFilter,
  listFiguresAt,
} from '../src/modules/indicators/indicators-map.repository.js';
import { figuresJsonAt } from '../src/modules/indicators/indicators-map-json.repository.js';
import { BENCH_REGION, NATIONAL } from './datawerkplaats-data.js';

type Db = Kysely<Database>;
const HEADERS = { 'accept-encoding': 'br, gzip' };
export const MAP_GOALS = { ratio: 2, p50Ms: 20, pageP99Ms: 150 } as const;

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? Number.NaN) * 10) / 10;
}

export function summary(ms: readonly number[]) {
  return {
    n: ms.length,
    p50Ms: percentile(ms, 50),
    p90Ms: percentile(ms, 90),
    p99Ms: percentile(ms, 99),
    maxMs: percentile(ms, 100),
  };
}

/** One GET, body read completely; ms, status, cache header and bytes on the wire. */
async function timedGet(base: string, url: string) {
  const started = performance.now();
  const res = await fetch(`${base}${url}`, { headers: HEADERS });
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  // fetch decompresses: the body is the JSON itself, content-length what crossed the wire.
  return {
    ms,
    cache: res.headers.get('x-marke-cache') ?? 'none',
    bytes: body.byteLength,
    wireBytes: Number(res.headers.get('content-length') ?? body.byteLength),
    encoding: res.headers.get('content-encoding') ?? 'identity',
  };
}

type Captured = { sql: string; parameters: readonly unknown[] };

/** One read of a map: a level's (or some areas') figures as JSON, or figures as rows. */
type MapRead = { json: boolean; filter: FigureFilter };

/**
 * The SQL the app sends for each map, statement by statement: the buurten's shown figures and
 * the gemeenten' roll-up strung together per source (figuresJsonAt, ADR 0015), and the
 * references' figures as rows (listFiguresAt).
 */
async function mapQueries(url: string, maps: MapRead[][]) {
  let captured: Captured[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db: Db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const perMap: Captured[][] = [];
  try {
    for (const reads of maps) {
      captured = [];
      for (const { json, filter } of reads)
        await (json ? figuresJsonAt(db, filter) : listFiguresAt(db, filter));
      perMap.push(captured);
    }
  } finally {
    await db.destroy();
  }
  return perMap;
}

/**
 * (a) 200 different indicator/year pairs, each a page-cache miss (its own URL): the API over
 * HTTP, and the same statements one after another through a plain pg client, in alternating order.
 */
export async function measureMapApi(base: string, db: Db, url: string) {
  const region = await db
    .selectFrom('region')
    .select('id')
    .where('code', '=', BENCH_REGION.code)
    .executeTakeFirstOrThrow();
  const indicators = await db
    .selectFrom('indicator')
    .select(['id', 'code'])
    .where('region_id', '=', region.id)
    .where('code', 'like', 'voorbeeld-__')
    .orderBy('code')
    .execute();
  const areas = await db
    .selectFrom('area')
    .select(['code', 'level'])
    .where('region_id', '=', region.id)
    .where('level', 'in', ['land', 'provincie', 'ggd-regio', 'zorgkantoorregio'])
    .execute();
  // What the API asks besides the buurten: every gemeente (the roll-up) and the references.
  const codes = areas.map((a) => a.code);
  const years = Array.from({ length: NATIONAL.years }, (_, i) => String(NATIONAL.firstYear + i));
  const apiUrl = (code: string, period: string) =>
    `/api/v1/regions/${BENCH_REGION.code}/datawerkplaats/kaart/${code}?niveau=buurt&periode=${period}`;

  // First request per indicator: the level/period coverage is computed once per data version.
  const first: number[] = [];
  for (const indicator of indicators)
    first.push((await timedGet(base, apiUrl(indicator.code, '2024'))).ms);

  const pairs = indicators.flatMap((indicator, i) =>
    years
      .filter((y) => y !== '2024')
      .filter((_, k) => (k + i) % 2 === 0)
      .map((period) => ({ indicator, period })),
  );
  const queries = await mapQueries(
    url,
    pairs.map(({ indicator, period }) => {
      const filter = { regionId: region.id, indicatorId: indicator.id, period };
      return [
        { json: true, filter: { ...filter, level: 'buurt' as const } },
        { json: true, filter: { ...filter, level: 'gemeente' as const } },
        { json: false, filter: { ...filter, codes } },
      ];
    }),
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const api: number[] = [];
  const raw: number[] = [];
  const rawLevelOnly: number[] = [];
  const caches = new Map<string, number>();
  let bytes = { json: 0, wire: 0, encoding: '' };
  let rows = 0;
  try {
    const runRaw = async (n: number) => {
      const statements = queries[n];
      if (!statements?.length) throw new Error('query not captured');
      const started = performance.now();
      const results = [];
      for (const { sql: text, parameters } of statements) {
        results.push(await client.query(text, [...parameters]));
        if (results.length === 1) rawLevelOnly.push(performance.now() - started);
      }
      raw.push(performance.now() - started);
      // The buurten: one row per source, its figures as one JSON list (counted after the timing:
      // reading them is the client's work, not SQL's).
      rows = (results[0]?.rows ?? []).reduce(
        (sum: number, group: { rows?: unknown }) =>
          sum + (typeof group.rows === 'string' ? (JSON.parse(group.rows) as unknown[]).length : 0),
        0,
      );
    };
    for (const [n, { indicator, period }] of pairs.entries()) {
      const runApi = async () => {
        const got = await timedGet(base, apiUrl(indicator.code, period));
        api.push(got.ms);
        bytes = { json: got.bytes, wire: got.wireBytes, encoding: got.encoding };
        caches.set(got.cache, (caches.get(got.cache) ?? 0) + 1);
      };
      if (n % 2) {
        await runApi();
        await runRaw(n);
      } else {
        await runRaw(n);
        await runApi();
      }
    }
    const sample = queries[0]?.[0];
    const plan = sample
      ? (
          await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sample.sql}`, [
            ...sample.parameters,
          ])
        ).rows.map((r) => r['QUERY PLAN'])
      : [];
    // The same URL again: served from the page cache if the body fits in it.
    const repeat: number[] = [];
    let repeatCache = '';
    const last = pairs.at(-1);
    if (last)
      for (let i = 0; i < 20; i++) {
        const got = await timedGet(base, apiUrl(last.indicator.code, last.period));
        repeat.push(got.ms);
        repeatCache = got.cache;
      }
    const apiSummary = summary(api);
    const rawSummary = summary(raw);
    return {
      pairs: pairs.length,
      buurtRows: rows,
      otherCodes: codes.length,
      response: bytes,
      cache: Object.fromEntries(caches),
      firstPerIndicator: summary(first),
      api: apiSummary,
      rawSql: rawSummary,
      rawSqlLevelQueryOnly: summary(rawLevelOnly),
      ratioP50: Math.round((apiSummary.p50Ms / rawSummary.p50Ms) * 100) / 100,
      repeatSameUrl: { ...summary(repeat), cache: repeatCache },
      plan,
      goals: MAP_GOALS,
    };
  } finally {
    await client.end();
  }
}

const WIJK_PAGE = '/datawerkplaats/kaart/inwoners?niveau=wijk';

/** Makes the next request a full render: what any import or edit does to the data version. */
async function bumpVersion(db: Db): Promise<void> {
  await db
    .updateTable('data_version')
    .set({ version: sql<string>`version + 1` })
    .where('id', '=', 1)
    .execute();
}

/**
 * (b) The Drenthe wijk map (189 wijken): rendered after a data change (every memo recomputed),
 * rendered with warm memos (other wijk maps and sort orders, each its own cache key), and cached
 * under 20 connections.
 */
export async function measureWijkPage(base: string, db: Db) {
  // The server has not drawn this page yet (its boundaries, their projection and the code paths
  // are cold): that first render is reported on its own, not as one of the data changes.
  const firstEver = (await timedGet(base, WIJK_PAGE)).ms;
  const afterChange: number[] = [];
  for (let i = 0; i < 40; i++) {
    await bumpVersion(db);
    // The page cache rereads the data version at most every MARKE_CACHE_CHECK_MS (250 ms).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const got = await timedGet(base, WIJK_PAGE);
    if (got.cache !== 'miss') throw new Error(`${WIJK_PAGE} was not rendered anew`);
    afterChange.push(got.ms);
  }
  const drenthe = await db
    .selectFrom('indicator')
    .innerJoin('region', 'region.id', 'indicator.region_id')
    .select('indicator.code')
    .where('region.code', '=', 'drenthe')
    .where(sql<boolean>`indicator.area_levels @> '["wijk"]'::jsonb`)
    .orderBy('indicator.code')
    .execute();
  const warmUrls = drenthe.flatMap((i) =>
    ['', '/regio/drenthe'].flatMap((prefix) =>
      ['naam', 'waarde'].map(
        (sort) => `${prefix}/datawerkplaats/kaart/${i.code}?niveau=wijk&sorteer=${sort}`,
      ),
    ),
  );
  const warm: number[] = [];
  let pageBytes = 0;
  // After one change and one render of the page (memos recomputed), every other URL is a
  // render with warm memos.
  await bumpVersion(db);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await timedGet(base, WIJK_PAGE);
  for (const url of warmUrls) {
    const started = performance.now();
    const res = await fetch(`${base}${url}`, { headers: HEADERS });
    const body = await res.arrayBuffer();
    if (res.status !== 200 || res.headers.get('x-marke-cache') !== 'miss') continue;
    warm.push(performance.now() - started);
    if (url === `${WIJK_PAGE}&sorteer=naam`) pageBytes = body.byteLength;
  }
  await timedGet(base, WIJK_PAGE);
  const cached = await autocannon({
    url: `${base}${WIJK_PAGE}`,
    connections: 20,
    duration: 10,
    headers: HEADERS,
  });
  return {
    url: WIJK_PAGE,
    pageBytes,
    firstRenderInProcessMs: Math.round(firstEver * 10) / 10,
    afterChange: summary(afterChange),
    warmRender: { ...summary(warm), urls: warm.length },
    cached: {
      connections: 20,
      durationSeconds: 10,
      requestsPerSec: Math.round(cached.requests.average),
      p50Ms: cached.latency.p50,
      p99Ms: cached.latency.p99,
      maxMs: cached.latency.max,
      non2xx: cached.non2xx,
      errors: cached.errors,
    },
    goalP99Ms: MAP_GOALS.pageP99Ms,
  };
}
