/**
 * The national-scale demo set of the datawerkplaats benchmark (issue 4), in its own region
 * "Nederland (voorbeelddata)" so it never mixes with the real Drenthe data: 12 provincies,
 * 342 gemeenten, 3 185 wijken and 14 500 buurten, 50 indicators × 10 years. Buurt figures have
 * realistic counts (a share of a log-normal population, some buurten with fewer than 10), and
 * the country is their sum. Everything is `is_demo`. Then the product's own decision runs per
 * indicator (refreshSuppression): it stores the wijk, gemeente and provincie roll-ups
 * (Σ teller / Σ noemer of their buurten) as rows and decides disclosure over all of them.
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/schema.js';
import { seedFileChecksum, setSeedFileChecksum } from '../src/db/seed-file.js';
import { json } from '../src/db/upsert.js';
import { refreshSuppression } from '../src/modules/indicators/index.js';
import { bumpDataVersion } from '../src/modules/plan/index.js';

/** Bump when the generated set changes: a kept bench database is then generated anew. */
export const GENERATOR_VERSION = 'datawerkplaats-bench-v4';
export const BENCH_REGION = { code: 'nl-voorbeelddata', name: 'Nederland (voorbeelddata)' };
export const NATIONAL = {
  provincies: 12,
  gemeenten: 342,
  buurten: 14_500,
  indicators: 50,
  firstYear: 2015,
  years: 10,
} as const;
const SOURCE = 'Gegenereerd voor de benchmark (voorbeelddata)';

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same set. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

type AreaRow = { code: string; name: string; level: string; parent: string | null };
type Buurt = {
  code: string;
  wijk: string;
  gemeente: string;
  provincie: string;
  population: number;
};

/** The area tree: gemeenten of very different sizes, about 4.5 buurten per wijk. */
export function nationalTree(): { areas: AreaRow[]; buurten: Buurt[] } {
  const next = random(2024);
  const weights = Array.from({ length: NATIONAL.gemeenten }, () => Math.exp(0.9 * normal(next)));
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) =>
    Math.min(99 * 20, Math.max(3, Math.round((NATIONAL.buurten * w) / total))),
  );
  // Make the total exact by adjusting the largest gemeenten one buurt at a time.
  let diff = NATIONAL.buurten - sizes.reduce((a, b) => a + b, 0);
  const order = sizes.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; diff !== 0; k = (k + 1) % order.length) {
    const i = order[k]?.[1] ?? 0;
    sizes[i] = (sizes[i] ?? 0) + Math.sign(diff);
    diff -= Math.sign(diff);
  }
  const areas: AreaRow[] = [
    { code: 'NL01', name: 'Nederland (voorbeeld)', level: 'land', parent: null },
  ];
  for (let p = 0; p < NATIONAL.provincies; p++)
    areas.push({
      code: `PV${20 + p}`,
      name: `Voorbeeldprovincie ${p + 1}`,
      level: 'provincie',
      parent: 'NL01',
    });
  const buurten: Buurt[] = [];
  sizes.forEach((size, g) => {
    const gm = String(1 + g * 5).padStart(4, '0');
    const provincie = `PV${20 + Math.floor((g * NATIONAL.provincies) / NATIONAL.gemeenten)}`;
    const gemeente = `GM${gm}`;
    areas.push({
      code: gemeente,
      name: `Voorbeeldgemeente ${g + 1}`,
      level: 'gemeente',
      parent: provincie,
    });
    const wijken = Math.min(99, Math.max(1, Math.round(size / 4.5)));
    for (let w = 0; w < wijken; w++) {
      const wijk = `WK${gm}${String(w).padStart(2, '0')}`;
      areas.push({ code: wijk, name: `Voorbeeldwijk ${gm}-${w}`, level: 'wijk', parent: gemeente });
      const count = Math.floor((size * (w + 1)) / wijken) - Math.floor((size * w) / wijken);
      for (let b = 0; b < count; b++) {
        const code = `BU${gm}${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`;
        areas.push({ code, name: `Voorbeeldbuurt ${gm}-${w}-${b}`, level: 'buurt', parent: wijk });
        // Log-normal: median 700 inhabitants, a few per cent under 50 (as real buurten).
        const population = Math.max(5, Math.round(700 * Math.exp(1.1 * normal(next))));
        buurten.push({ code, wijk, gemeente, provincie, population });
      }
    }
  });
  return { areas, buurten };
}

/** Per indicator: which share of the population it counts, its level and its trend per year. */
export function indicatorParameters(i: number) {
  const shares = [1, 0.9, 0.6, 0.35, 0.2, 0.1, 0.04];
  return {
    share: shares[i % shares.length] ?? 1,
    base: 0.05 + ((i * 37) % 80) / 100,
    trend: (((i * 13) % 7) - 3) * 0.002,
  };
}

/** Buurt rows of one indicator and their sum for the country (roll-ups come from the product). */
const GENERATE_SQL = `
with gen as (
  select t.buurt, y,
    greatest(1, round(t.population * $2::numeric * (1 + 0.01 * (y - $5))))::bigint as den,
    least(0.99, greatest(0.005,
      $3::numeric + $4::numeric * (y - $5)
      + (abs(hashtext(t.buurt || ':' || $1::text)) % 2001 - 1000) / 10000.0
      + (abs(hashtext(t.buurt || ':' || $1::text || ':' || y::text)) % 201 - 100) / 10000.0)) as rate
  from bench_tree t cross join generate_series($5::int, $5::int + $6::int - 1) as y
), buurt as (
  select buurt, y, den, round(den * rate)::bigint as num from gen
), all_rows as (
  select buurt as area_code, y, num, den from buurt
  union all select 'NL01', y, sum(num), sum(den) from buurt group by y
)
insert into measurement
  (indicator_id, area_code, period, value, numerator, denominator, source, is_demo, data_source_id)
select $1::int, area_code, y::text, round(num * 100.0 / den, 1), num, den, $7, true, $8::int
from all_rows order by y, area_code`;

export type Generated = {
  reused: boolean;
  regionId: number;
  measurements: number;
  buurtMeasurements: number;
  /** Roll-up rows the product stored, per level. */
  rollups: Record<string, number>;
  areas: Record<string, number>;
  seconds: { areas: number; measurements: number; suppression: number; vacuum: number };
  /** Seconds of the product's disclosure decision per indicator (refreshSuppression). */
  suppressionPerIndicator: number[];
  suppressed: { primary: number; secondary: number };
};

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

async function insertTree(db: Kysely<Database>, regionId: number, areas: AreaRow[]) {
  for (let i = 0; i < areas.length; i += 2000)
    await db
      .insertInto('area')
      .values(
        areas.slice(i, i + 2000).map((a) => ({
          region_id: regionId,
          code: a.code,
          name: a.name,
          level: a.level as 'buurt',
          parent_code: a.parent,
        })),
      )
      .execute();
}

async function counts(db: Kysely<Database>, regionId: number) {
  const rows = await db
    .selectFrom('measurement')
    .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
    .innerJoin('area', (j) =>
      j
        .onRef('area.code', '=', 'measurement.area_code')
        .onRef('area.region_id', '=', 'indicator.region_id'),
    )
    .select([
      'area.level',
      'measurement.suppressed',
      (eb) => eb('measurement.rollup_children', 'is not', null).as('rollup'),
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .where('indicator.region_id', '=', regionId)
    .groupBy(['area.level', 'measurement.suppressed', 'rollup'])
    .execute();
  const sum = (f: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(f).reduce((a, r) => a + Number(r.n), 0);
  return {
    measurements: sum(() => true),
    buurtMeasurements: sum((r) => r.level === 'buurt'),
    rollups: Object.fromEntries(
      ['wijk', 'gemeente', 'provincie'].map((l) => [
        l,
        sum((r) => r.rollup === true && r.level === l),
      ]),
    ),
    suppressed: {
      primary: sum((r) => r.suppressed === 'primary'),
      secondary: sum((r) => r.suppressed === 'secondary'),
    },
  };
}

/**
 * Generates the set in `db` (migrated, on PostgreSQL at `url`) unless a complete one of this
 * generator version is there already; `log` reports progress.
 */
export async function ensureNationalSet(
  db: Kysely<Database>,
  url: string,
  log: (line: string) => void,
): Promise<Generated> {
  const existing = await db
    .selectFrom('region')
    .select('id')
    .where('code', '=', BENCH_REGION.code)
    .executeTakeFirst();
  const { areas, buurten } = nationalTree();
  const areaCounts = Object.fromEntries(
    ['provincie', 'gemeente', 'wijk', 'buurt'].map((l) => [
      l,
      areas.filter((a) => a.level === l).length,
    ]),
  );
  if (
    existing &&
    (await seedFileChecksum(db, existing.id, GENERATOR_VERSION)) === GENERATOR_VERSION
  ) {
    log('Datawerkplaats: de landelijke voorbeeldset staat er al (hergebruikt).');
    return {
      reused: true,
      regionId: existing.id,
      areas: areaCounts,
      seconds: { areas: 0, measurements: 0, suppression: 0, vacuum: 0 },
      suppressionPerIndicator: [],
      ...(await counts(db, existing.id)),
    };
  }
  if (existing) await db.deleteFrom('region').where('id', '=', existing.id).execute();
  let started = performance.now();
  const region = await db
    .insertInto('region')
    .values({ code: BENCH_REGION.code, name: BENCH_REGION.name, cbs_code: 'NL01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const source = await db
    .insertInto('data_source')
    .values({
      region_id: region.id,
      code: 'voorbeelddata',
      provider: 'Marke (benchmark)',
      dataset: 'Gegenereerde landelijke voorbeeldset',
      licence: 'CC0 (voorbeelddata)',
      description: 'Geen echte cijfers: gegenereerd voor de benchmark.',
      refresh: 'eenmalig',
      threshold: 10,
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertTree(db, region.id, areas);
  const areaSeconds = seconds(started);
  log(`Datawerkplaats: ${areas.length} gebieden in ${areaSeconds} s.`);

  started = performance.now();
  const indicatorIds: number[] = [];
  for (let i = 0; i < NATIONAL.indicators; i++) {
    const n = String(i + 1).padStart(2, '0');
    const row = await db
      .insertInto('indicator')
      .values({
        region_id: region.id,
        code: `voorbeeld-${n}`,
        name: `Voorbeeldindicator ${n}`,
        description: 'Gegenereerd voor de benchmark (voorbeelddata), geen echte cijfers.',
        numerator: 'Inwoners met het kenmerk (voorbeeld)',
        denominator: 'Inwoners in de doelgroep (voorbeeld)',
        unit: '%',
        direction: i % 2 ? 'hoger' : 'lager',
        source: SOURCE,
        area_levels: json(['land', 'provincie', 'gemeente', 'wijk', 'buurt']),
        frequency: 'jaarlijks',
        track: 'cyclus',
        is_demo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    indicatorIds.push(row.id);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create temp table bench_tree (buurt text, population int)');
    await client.query('insert into bench_tree select * from unnest($1::text[], $2::int[])', [
      buurten.map((b) => b.code),
      buurten.map((b) => b.population),
    ]);
    for (const [i, id] of indicatorIds.entries()) {
      const p = indicatorParameters(i);
      await client.query(GENERATE_SQL, [
        id,
        p.share,
        p.base,
        p.trend,
        NATIONAL.firstYear,
        NATIONAL.years,
        SOURCE,
        source.id,
      ]);
      if ((i + 1) % 10 === 0)
        log(`  metingen: ${i + 1} van ${NATIONAL.indicators} indicatoren (${seconds(started)} s)`);
    }
  } finally {
    await client.end();
  }
  const measurementSeconds = seconds(started);

  started = performance.now();
  const perIndicator: number[] = [];
  for (const [i, id] of indicatorIds.entries()) {
    const one = performance.now();
    await db.transaction().execute((trx) => refreshSuppression(trx, region.id, [id]));
    perIndicator.push(seconds(one));
    if ((i + 1) % 10 === 0)
      log(`  afscherming: ${i + 1} van ${NATIONAL.indicators} indicatoren (${seconds(started)} s)`);
  }
  const suppressionSeconds = seconds(started);

  started = performance.now();
  await vacuum(url);
  const vacuumSeconds = seconds(started);
  await setSeedFileChecksum(db, region.id, GENERATOR_VERSION, GENERATOR_VERSION);
  await bumpDataVersion(db);
  return {
    reused: false,
    regionId: region.id,
    areas: areaCounts,
    seconds: {
      areas: areaSeconds,
      measurements: measurementSeconds,
      suppression: suppressionSeconds,
      vacuum: vacuumSeconds,
    },
    suppressionPerIndicator: perIndicator,
    ...(await counts(db, region.id)),
  };
}

/** VACUUM ANALYZE of the big tables, so plans and index-only scans are as in steady state. */
export async function vacuum(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('vacuum analyze measurement');
    await client.query('vacuum analyze area');
  } finally {
    await client.end();
  }
}
