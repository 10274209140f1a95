/**
 * The map's figures made as JSON by PostgreSQL say exactly what the presenter (`toMeasurement`)
 * says, cell by cell: hidden or shown, the reason, every value and count rounded by the rules of
 * its own source. The set is made to hit the edges: halves (2.5, -2.5, 1.005), values a double
 * cannot hold exactly, counts between two multiples of the base, a stored decision, no decision
 * yet (the backstop), thresholds per source and none, a NaN.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import type { Database, MeasurementTable } from '../../db/schema.js';
import { toMeasurement } from './indicators.service.js';
import { type FigureFilter, listFiguresAt } from './indicators-map.repository.js';
import {
  FIGURE_COLUMNS,
  figuresJsonAt,
  NO_FIGURES_JSON,
} from './indicators-map-json.repository.js';

type Db = Kysely<Database>;
type Figure = Record<(typeof FIGURE_COLUMNS)[number], unknown>;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDGE_VALUES = [
  '2.5',
  '-2.5',
  '0.5',
  '-0.5',
  '1.005',
  '2.675',
  '1.45',
  '-1.45',
  '0.049999',
  '12345678.125',
  '1e-7',
  '0',
  '99.95',
  'NaN',
];

/**
 * Cells whose shown figures tell JavaScript's rounding from PostgreSQL's: `round()` of a double
 * rounds a half to even (2.5 → 2), `round()` of a numeric rounds 1.005 up, where `Math.round` on
 * the double 1.005 × 100 = 100.49999999999999 gives 1.00.
 */
const HALVES: Array<{
  source: 'strikt' | 'heel' | 'fijn';
  value: string;
  numerator: string;
  shown: { value: number; numerator: number };
  areaCode?: string;
}> = [
  { source: 'heel', value: '0.5', numerator: '0.5', shown: { value: 1, numerator: 0.5 } },
  { source: 'heel', value: '2.5', numerator: '2', shown: { value: 3, numerator: 2 } },
  { source: 'fijn', value: '1.005', numerator: '3', shown: { value: 1, numerator: 3 } },
  { source: 'strikt', value: '0.25', numerator: '12.5', shown: { value: 0.3, numerator: 15 } },
];

async function setUp(db: Db) {
  const region = await db
    .selectFrom('region')
    .select('id')
    .where('code', '=', 'drenthe')
    .executeTakeFirstOrThrow();
  const sources: number[] = [];
  for (const [code, rules] of [
    ['json-strikt', { threshold: 20, decimals: 1, count_base: 5 }],
    ['json-heel', { threshold: 10, decimals: 0, count_base: null }],
    ['json-fijn', { threshold: 3, decimals: 2, count_base: 1 }],
    ['json-vrij', { threshold: 10, decimals: null, count_base: 3 }],
  ] as const) {
    const row = await db
      .insertInto('data_source')
      .values({
        region_id: region.id,
        code,
        provider: 'Test',
        dataset: code,
        licence: 'test',
        refresh: 'eenmalig',
        ...rules,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sources.push(row.id);
  }
  const indicator = await db
    .insertInto('indicator')
    .values({
      region_id: region.id,
      code: 'json-gelijk',
      name: 'Gelijk aan de presentator',
      description: '',
      numerator: null,
      denominator: null,
      unit: '%',
      direction: 'hoger',
      source: 'Test',
      area_levels: JSON.stringify(['wijk', 'gemeente']),
      frequency: 'jaarlijks',
      track: 'cyclus',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const areas = await db
    .selectFrom('area')
    .select(['code', 'level'])
    .where('region_id', '=', region.id)
    .where('level', 'in', ['wijk', 'gemeente'])
    .orderBy('code')
    .execute();
  const random = generator(4);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const number = () => {
    if (random() < 0.3) return pick(EDGE_VALUES);
    const decimals = Math.floor(random() * 7);
    return ((random() - 0.2) * 10 ** Math.floor(random() * 5)).toFixed(decimals);
  };
  const count = () =>
    random() < 0.2 ? null : String(Math.floor(random() * 40) + (random() < 0.2 ? 0.5 : 0));
  const rows: Array<Insertable<MeasurementTable>> = areas.map((area, i) => ({
    indicator_id: indicator.id,
    area_code: area.code,
    period: '2024',
    value: random() < 0.1 ? null : number(),
    missing_reason: random() < 0.1 ? 'x' : null,
    numerator: count(),
    denominator: count(),
    sample_size: random() < 0.5 ? null : Math.floor(random() * 40),
    ci_low: random() < 0.5 ? null : number(),
    ci_high: random() < 0.5 ? null : number(),
    source: pick(['Bron een', 'Bron twee, met "aanhalingstekens"', 'Bron drie \\ schuin']),
    is_demo: random() < 0.5,
    suppressed: pick([null, null, null, 'primary', 'secondary'] as const),
    data_source_id: i < 4 ? null : pick([...sources, null]),
  }));
  // Halves that PostgreSQL's own rounding would round otherwise (see HALVES), always present.
  const [strict, whole, fine] = sources;
  const wijken = rows.filter((r) => r.area_code.startsWith('WK'));
  for (const [n, half] of HALVES.entries()) {
    const row = wijken[n];
    if (!row) throw new Error('too few wijken');
    const source = { strikt: strict, heel: whole, fijn: fine }[half.source];
    Object.assign(row, {
      value: half.value,
      numerator: half.numerator,
      denominator: '1000',
      sample_size: null,
      missing_reason: null,
      suppressed: null,
      data_source_id: source,
    });
    half.areaCode = row.area_code;
  }
  await db.insertInto('measurement').values(rows).execute();
  return { regionId: region.id, indicatorId: indicator.id, areas, count: rows.length };
}

/** The presenter's figures, as the JSON API would write them. */
async function presented(db: Db, filter: FigureFilter): Promise<Figure[]> {
  const rows = await listFiguresAt(db, filter);
  const figures = rows.map((row) => {
    const m = toMeasurement(row, new Map());
    return {
      area_code: m.areaCode,
      value: m.value,
      missing_reason: m.missingReason,
      numerator: m.numerator,
      denominator: m.denominator,
      sample_size: m.sampleSize,
      ci_low: m.ciLow,
      ci_high: m.ciHigh,
      source: m.source,
      is_demo: m.isDemo,
    };
  });
  return sortByArea(JSON.parse(JSON.stringify(figures)));
}

/** The SQL's columns as rows, the source index resolved. */
async function fromSql(db: Db, filter: FigureFilter): Promise<Figure[]> {
  const body = JSON.parse(await figuresJsonAt(db, filter)) as Record<string, unknown[]> & {
    sources: string[];
  };
  const length = body.area_code?.length ?? 0;
  for (const column of FIGURE_COLUMNS) expect(body[column], column).toHaveLength(length);
  const figures = Array.from({ length }, (_, i) => {
    const figure = Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, body[c]?.[i]])) as Figure;
    figure.source = body.sources[Number(figure.source)];
    return figure;
  });
  return sortByArea(figures);
}

const sortByArea = (figures: Figure[]) =>
  figures.sort((a, b) => String(a.area_code).localeCompare(String(b.area_code)));

describeEachDatabase('map figures as JSON from PostgreSQL', (get) => {
  it('equal the presenter on every cell, by level and by a list of areas', async () => {
    const db = get().db;
    const { regionId, indicatorId, areas, count } = await setUp(db);
    const byLevel = { regionId, indicatorId, period: '2024', level: 'wijk' as const };
    const expected = await presented(db, byLevel);
    expect(expected).toHaveLength(areas.filter((a) => a.level === 'wijk').length);
    expect(await fromSql(db, byLevel)).toEqual(expected);
    // The set really has the cases the comparison is about.
    expect(
      expected.filter(
        (f) => f.value === null && f.missing_reason === 'te weinig waarnemingen (minder dan 20)',
      ).length,
    ).toBeGreaterThan(0);
    expect(
      expected.filter((f) => String(f.missing_reason).includes('afgeschermd')).length,
    ).toBeGreaterThan(0);
    expect(
      expected.filter((f) => typeof f.value === 'number' && !Number.isInteger(f.value)).length,
    ).toBeGreaterThan(20);
    for (const half of HALVES)
      expect(
        expected.find((f) => f.area_code === half.areaCode),
        half.value,
      ).toMatchObject(half.shown);

    const codes = areas.filter((_, i) => i % 3 === 0).map((a) => a.code);
    const byCodes = { regionId, indicatorId, period: '2024', codes };
    const some = await fromSql(db, byCodes);
    expect(some).toEqual(await presented(db, byCodes));
    expect(some).toHaveLength(codes.length);
    expect(count).toBe(areas.length);
  });

  it('runs where PostgreSQL writes doubles exactly (extra_float_digits ≥ 1, the default)', async () => {
    // With 0 PostgreSQL would write 15 significant digits, and an unrounded value could differ
    // from what JavaScript writes. A server or role set to 0 fails here, not on a map.
    const result = await sql<{
      digits: number;
    }>`select current_setting('extra_float_digits')::int as digits`.execute(get().db);
    expect(result.rows[0]?.digits).toBeGreaterThanOrEqual(1);
  });

  it('gives empty columns, never null, when nothing matches', async () => {
    const db = get().db;
    const indicator = await db
      .selectFrom('indicator')
      .select(['id', 'region_id'])
      .where('code', '=', 'inwoners')
      .executeTakeFirstOrThrow();
    const filter = {
      regionId: indicator.region_id,
      indicatorId: indicator.id,
      period: '1999',
      level: 'wijk' as const,
    };
    expect(JSON.parse(await figuresJsonAt(db, filter))).toEqual(JSON.parse(NO_FIGURES_JSON));
    expect(await figuresJsonAt(db, { ...filter, codes: [] })).toBe(NO_FIGURES_JSON);
    expect(JSON.parse(NO_FIGURES_JSON)).toMatchObject({ sources: [], area_code: [], value: [] });
  });
});
