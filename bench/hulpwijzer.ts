/**
 * The Hulpwijzer benchmark (issue 5): 50 000 generated services (every one `is_demo`, names
 * start with "Voorbeeld"), spread over the region's wijken, gemeenten, the region and online,
 * on all ladder steps and needs, some unchecked for over 15 months or not yet approved; most
 * local ones with a made-up location, address, phone and opening hours. A
 * production-mode server on the embedded database (PGlite, as `npm start`) then answers resident
 * searches — a question from the test set and a place — one after another; the figure is the
 * time until the whole compressed page is read. Target: p95 ≤ 30 ms. The warm-up's first and
 * slowest search are reported too: they read each need's services, as the first search after a
 * change does (ADR 0022).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { parse } from 'yaml';
import { openDatabase } from '../src/db/database.js';
import { tidyTables } from '../src/db/housekeeping.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';
import { DIRECTORY_TABLES } from '../src/modules/directory/index.js';
import { seedRegionDirectory } from '../src/seed.js';
import { percentile } from './datawerkplaats-map.js';
import { type RunningServer, startServer, stopServer } from './server.js';

export const HULPWIJZER_SERVICES = 50_000;
export const HULPWIJZER_P95_MS = 30;
const WARM_UP = 40;
const SAMPLES = 600;
/** Places as residents type them: villages, wijken, gemeenten, postcodes. */
export const PLACES = [
  'Grolloo',
  'Assen',
  '9444',
  'Emmen',
  'Vledder',
  'Hoogeveen',
  'Gasselternijveen',
  'Roden',
  'Coevorden',
  'Meppel',
  '7741',
  'Beilen',
  'Zuidlaren',
  'Westerbork',
  'Assen-Oost',
];
const LADDER_WEIGHTS = [15, 25, 30, 20, 10];

export type HulpwijzerResults = {
  services: number;
  visibleServices: number;
  generateMs: number;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanCards: number;
  /** Searches whose page showed no card at all: a fast empty answer must not count as speed. */
  emptyPages: number;
  /** The page as HTML, before compression (fetch hides the compressed size). */
  htmlBytes: number;
  /** The very first search after the start: it reads the services of each need it asks for. */
  firstMs: number;
  /** The slowest search of the warm-up: every need read once, as after a change (ADR 0022). */
  warmUpMaxMs: number;
  limitMs: number;
  met: boolean;
};

/** A small seeded generator (mulberry32): the same data on every run and machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each service's area, ladder step and 1–3 needs, drawn with the weights residents would meet. */
function drawServices(
  next: () => number,
  wijken: string[],
  gemeenten: string[],
  ladderTerms: string[],
  needTerms: string[],
  count: number,
) {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const weighted = (weights: number[]) => {
    let r = next() * weights.reduce((a, b) => a + b, 0);
    for (const [i, w] of weights.entries()) {
      r -= w;
      if (r < 0) return i;
    }
    return weights.length - 1;
  };
  const services = {
    ids: [] as string[],
    names: [] as string[],
    areas: [] as string[],
    ladder: [] as string[],
    needs: [] as [string, string][],
    checked: [] as string[],
    status: [] as string[],
    /** Services with a place of their own: a location in Drenthe, a phone and opening hours. */
    located: [] as { id: string; lat: number; lon: number }[],
  };
  const today = Date.now();
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const r = next();
    services.ids.push(id);
    services.names.push(`Voorbeeld ${i + 1}`);
    services.areas.push(
      r < 0.55 ? pick(wijken) : r < 0.8 ? pick(gemeenten) : r < 0.92 ? 'regio' : 'online',
    );
    // Most local help has a door: 60 % of the wijk and gemeente services, somewhere in Drenthe.
    if (r < 0.8 && next() < 0.6)
      services.located.push({ id, lat: 52.6 + next() * 0.6, lon: 6.1 + next() * 1.0 });
    services.ladder.push(ladderTerms[weighted(LADDER_WEIGHTS)] as string);
    const count = 1 + Math.floor(next() * 3);
    const needs = new Set<string>();
    while (needs.size < count) needs.add(pick(needTerms));
    for (const need of needs) services.needs.push([id, need]);
    // Checked in the last 20 months: a quarter is past 15 and hidden, as in a real directory.
    const daysAgo = Math.floor(next() * 610);
    services.checked.push(new Date(today - daysAgo * 86_400_000).toISOString().slice(0, 10));
    services.status.push(next() < 0.05 ? 'ingediend' : 'goedgekeurd');
  }
  return services;
}

/**
 * Writes `count` generated services with a few set-based statements (the triggers do the rest);
 * also used by the open-data benchmark (hulpwijzer-export.ts). Returns the organization's id.
 */
export async function generate(
  db: Kysely<Database>,
  regionId: number,
  count = HULPWIJZER_SERVICES,
): Promise<string> {
  const terms = await db
    .selectFrom('hsds_taxonomy_term as t')
    .innerJoin('hsds_taxonomy as x', 'x.id', 't.taxonomy_id')
    .select(['t.id', 't.position', 'x.name as taxonomy'])
    .orderBy('t.position')
    .execute();
  const areas = await db
    .selectFrom('area')
    .select(['code', 'level'])
    .where('level', 'in', ['wijk', 'gemeente'])
    .where('region_id', '=', regionId)
    .where('in_region', '=', true)
    .execute();
  const ofTaxonomy = (name: string) => terms.filter((t) => t.taxonomy === name).map((t) => t.id);
  const s = drawServices(
    random(5),
    areas.filter((a) => a.level === 'wijk').map((a) => a.code),
    areas.filter((a) => a.level === 'gemeente').map((a) => a.code),
    ofTaxonomy('Hulpladder'),
    ofTaxonomy('Hulpvraag'),
    count,
  );
  const organization = crypto.randomUUID();
  await db
    .insertInto('hsds_organization')
    .values({
      id: organization,
      region_id: regionId,
      name: 'Voorbeeldorganisatie (benchmark)',
      description: 'Verzonnen organisatie voor de benchmark: voorbeelddata.',
      is_demo: true,
    })
    .execute();
  await sql`insert into hsds_service (id, region_id, organization_id, name, description,
      eligibility_description, fees_description, status, is_demo, review_status, assured_date)
    select id, ${regionId}, ${organization}::uuid, name,
      'Een verzonnen dienst voor de benchmark (voorbeelddata).', 'Voor iedereen in de buurt.',
      'Gratis.', 'active', true, review, checked::date
    from unnest(${s.ids}::uuid[], ${s.names}::text[], ${s.status}::text[], ${s.checked}::text[])
      as t(id, name, review, checked)`.execute(db);
  await sql`insert into hsds_service_area (id, service_id, area_code)
    select gen_random_uuid(), id, area from unnest(${s.ids}::uuid[], ${s.areas}::text[]) as t(id, area)`.execute(
    db,
  );
  const needIds = s.needs.map(([id]) => id);
  const needTerms = s.needs.map(([, term]) => term);
  await sql`insert into hsds_attribute (id, link_id, link_type, link_entity, taxonomy_term_id)
    select gen_random_uuid(), id, 'hulpladder', 'service', term
      from unnest(${s.ids}::uuid[], ${s.ladder}::uuid[]) as t(id, term)
    union all
    select gen_random_uuid(), id, 'hulpvraag', 'service', term
      from unnest(${needIds}::uuid[], ${needTerms}::uuid[]) as t(id, term)`.execute(db);
  await placeServices(db, regionId, s.located);
  return organization;
}

/**
 * A location (with an address), a phone and opening hours for the located services, so cards
 * and nearness do the work real listings give them. All of it is visibly made up: the street
 * is "Voorbeeldstraat", the number cannot be dialled.
 */
async function placeServices(
  db: Kysely<Database>,
  regionId: number,
  located: { id: string; lat: number; lon: number }[],
): Promise<void> {
  const ids = located.map((l) => l.id);
  const lats = located.map((l) => l.lat);
  const lons = located.map((l) => l.lon);
  await sql`create temporary table bench_place as
    select id as service_id, gen_random_uuid() as location_id, lat, lon,
      row_number() over () as n
    from unnest(${ids}::uuid[], ${lats}::float8[], ${lons}::float8[]) as t(id, lat, lon)`.execute(
    db,
  );
  await sql`insert into hsds_location (id, region_id, location_type, name, latitude, longitude, is_demo)
    select location_id, ${regionId}, 'physical', 'Voorbeeldlocatie ' || n, lat, lon, true
    from bench_place`.execute(db);
  await sql`insert into hsds_address (id, location_id, address_1, city, state_province, postal_code,
      country, address_type)
    select gen_random_uuid(), location_id, 'Voorbeeldstraat ' || n, 'Voorbeeld', 'Drenthe',
      '0000 AA', 'NL', 'physical'
    from bench_place`.execute(db);
  await sql`insert into hsds_service_at_location (id, service_id, location_id)
    select gen_random_uuid(), service_id, location_id from bench_place`.execute(db);
  await sql`insert into hsds_phone (id, service_id, number, description)
    select gen_random_uuid(), service_id, '000-0000000', 'Voorbeeldnummer' from bench_place`.execute(
    db,
  );
  await sql`insert into hsds_schedule (id, service_id, freq, byday, opens_at, closes_at)
    select gen_random_uuid(), service_id, 'WEEKLY', 'MO,WE', '09:00', '12:00' from bench_place`.execute(
    db,
  );
  await sql`drop table bench_place`.execute(db);
}

/**
 * Creates the data dir: plan, directory seed and `count` generated services, tidied as an import
 * tidies; returns the timing, the visible count and the generated organization's id (the
 * open-data benchmark asks for that organization in full).
 */
export async function prepare(
  dataDir: string,
  count = HULPWIJZER_SERVICES,
): Promise<{ generateMs: number; visible: number; organization: string }> {
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await migrateToLatest(handle.db);
    const seeded = await seedRegionDirectory(handle.db, path.resolve('data/regions/drenthe'), {
      actor: 'bench',
    });
    if (!seeded.ok) throw new Error('Plandata ongeldig');
    const region = await handle.db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    const started = performance.now();
    const organization = await generate(handle.db, region.id, count);
    const generateMs = performance.now() - started;
    // A bulk load like the directory import: tidied after its commit, as the import does
    // (PGlite has no autovacuum; ADR 0022).
    await tidyTables(handle.db, DIRECTORY_TABLES);
    const visible = await sql<{ n: number }>`select count(*)::int as n from hsds_search_entry
      where listed and checked_on > current_date - interval '15 months'`.execute(handle.db);
    return { generateMs, visible: visible.rows[0]?.n ?? 0, organization };
  } finally {
    await handle.close();
  }
}

export async function questions(): Promise<string[]> {
  const file = parse(await readFile('test/hulpwijzer/vragen.yaml', 'utf8')) as {
    vragen: { vraag: string }[];
  };
  return file.vragen.map((v) => v.vraag);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** One search over HTTP: ms until the whole (brotli) page is read and decoded, its cards. */
async function search(base: string, question: string, place: string) {
  const url = `${base}/hulpwijzer?vraag=${encodeURIComponent(question)}&plaats=${encodeURIComponent(place)}`;
  const started = performance.now();
  const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const cards = body.match(/<article class="marke-card"/g)?.length ?? 0;
  return { ms, cards, bytes: Buffer.byteLength(body) };
}

/** `npm run bench -- --hulpwijzer`: generates the set, starts a server, measures the searches. */
export async function measureHulpwijzer(log: (line: string) => void): Promise<HulpwijzerResults> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'marke-bench-hulpwijzer-'));
  let server: RunningServer | null = null;
  try {
    log(`Hulpwijzer: ${HULPWIJZER_SERVICES} voorbeelddiensten genereren …`);
    const { generateMs, visible } = await prepare(dataDir);
    server = await startServer(dataDir);
    const asked = await questions();
    const pairs = Array.from({ length: WARM_UP + SAMPLES }, (_, i) => ({
      question: asked[i % asked.length] as string,
      place: PLACES[(i * 7) % PLACES.length] as string,
    }));
    const ms: number[] = [];
    const warmUp: number[] = [];
    let cards = 0;
    let bytes = 0;
    let emptyPages = 0;
    for (const [i, pair] of pairs.entries()) {
      const result = await search(server.base, pair.question, pair.place);
      if (i < WARM_UP) {
        warmUp.push(result.ms);
        continue;
      }
      ms.push(result.ms);
      cards += result.cards;
      if (result.cards === 0) emptyPages++;
      bytes += result.bytes;
    }
    const p95Ms = percentile(ms, 95);
    return {
      services: HULPWIJZER_SERVICES,
      visibleServices: visible,
      generateMs: Math.round(generateMs),
      samples: ms.length,
      p50Ms: percentile(ms, 50),
      p95Ms,
      p99Ms: percentile(ms, 99),
      maxMs: percentile(ms, 100),
      meanCards: round(cards / ms.length),
      emptyPages,
      htmlBytes: Math.round(bytes / ms.length),
      firstMs: round(warmUp[0] ?? 0),
      warmUpMaxMs: round(Math.max(...warmUp)),
      limitMs: HULPWIJZER_P95_MS,
      met: p95Ms <= HULPWIJZER_P95_MS && emptyPages === 0,
    };
  } finally {
    if (server) await stopServer(server.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}
