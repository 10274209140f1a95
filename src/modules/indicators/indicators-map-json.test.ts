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
import { type Figure, figureOf, mapApiFigures } from '../../../test/map-api.js';
import type { Database, MeasurementTable } from '../../db/schema.js';
import type { MapFigureGroups } from '../datawerkplaats/index.js';
import { SHOWN_FIGURE_FIELDS } from '../disclosure/index.js';
import { toMeasurement } from './indicators.service.js';
import { type FigureFilter, listFiguresAt } from './indicators-map.repository.js';
import {
  figuresJsonAt,
  figuresJsonInParts,
  NO_FIGURES_JSON,
} from './indicators-map-json.repository.js';

type Db = Kysely<Database>;

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

/** The set, made once per database (the tests of a database share it). */
const made = new WeakMap<Db, ReturnType<typeof setUp>>();
function prepared(db: Db) {
  const set = made.get(db) ?? setUp(db);
  made.set(db, set);
  return set;
}

/** The presenter's figures, as the JSON API would write them. */
async function presented(db: Db, filter: FigureFilter): Promise<Figure[]> {
  const rows = await listFiguresAt(db, filter);
  const figures = rows.map((row) => figureOf(toMeasurement(row, new Map())));
  return sortByArea(JSON.parse(JSON.stringify(figures)));
}

/** The SQL's groups as one figure per row, each with its group's source and demo flag. */
async function fromSql(db: Db, filter: FigureFilter): Promise<Figure[]> {
  return figuresOf(await figuresJsonAt(db, filter));
}

/** A body's figures as objects (the client's reading, which fails on a malformed row). */
function figuresOf(text: string): Figure[] {
  const body = JSON.parse(text) as MapFigureGroups;
  expect(body.fields).toEqual([...SHOWN_FIGURE_FIELDS]);
  return sortByArea(mapApiFigures(body));
}

const sortByArea = (figures: Figure[]) =>
  figures.sort((a, b) => String(a.area_code).localeCompare(String(b.area_code)));

describeEachDatabase('map figures as JSON from PostgreSQL', (get) => {
  it('equal the presenter on every cell, by level and by a list of areas', async () => {
    const db = get().db;
    const { regionId, indicatorId, areas, count } = await prepared(db);
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
    // Areas that share one source and demo flag take the one-pass path; mixed ones are grouped.
    const first = expected[0];
    const same = expected.filter((f) => f.source === first?.source && f.is_demo === first?.is_demo);
    const sameCodes = same.map((f) => String(f.area_code));
    const oneGroup = JSON.parse(
      await figuresJsonAt(db, { regionId, indicatorId, period: '2024', codes: sameCodes }),
    ) as MapFigureGroups;
    expect(oneGroup.groups).toHaveLength(1);
    expect(same.length).toBeGreaterThan(5);
    expect(await fromSql(db, { regionId, indicatorId, period: '2024', codes: sameCodes })).toEqual(
      same,
    );
    const mixed = JSON.parse(await figuresJsonAt(db, byLevel)) as MapFigureGroups;
    expect(mixed.groups.length).toBeGreaterThan(3);
    // Read in parts side by side, cut at wijk codes (one twice, one outside the range): the same
    // figures, each source and flag still one group.
    const wijkCodes = expected.map((f) => String(f.area_code));
    const cuts = [wijkCodes[120] ?? '', wijkCodes[60] ?? '', wijkCodes[120] ?? '', 'GM0106'];
    const inParts = await figuresJsonInParts(db, byLevel, cuts);
    expect(figuresOf(inParts)).toEqual(expected);
    expect((JSON.parse(inParts) as MapFigureGroups).groups).toHaveLength(mixed.groups.length);
    const otherCut = await figuresJsonInParts(db, { ...byLevel, codes: undefined }, [
      sameCodes[Math.floor(sameCodes.length / 2)] ?? '',
    ]);
    expect(figuresOf(otherCut)).toEqual(expected);
  });

  it('stays equal after decisions, new source rules, and a write with extra_float_digits 0', async () => {
    const db = get().db;
    const { regionId, indicatorId } = await prepared(db);
    const filter = { regionId, indicatorId, period: '2024', level: 'wijk' as const };
    // A disclosure decision changes what is shown; so does a source's new rounding or threshold.
    await db
      .updateTable('measurement')
      .set({ suppressed: 'secondary' })
      .where('indicator_id', '=', indicatorId)
      .where('area_code', 'like', 'WK0106%')
      .execute();
    await db
      .updateTable('data_source')
      .set({ threshold: 30, decimals: 3, count_base: 10 })
      .where('code', '=', 'json-strikt')
      .execute();
    await db
      .updateTable('data_source')
      .set({ decimals: null })
      .where('code', '=', 'json-heel')
      .execute();
    // A session that writes doubles with 15 digits; and a write that tries to set the figure.
    await db.transaction().execute(async (trx) => {
      await sql`set local extra_float_digits = 0`.execute(trx);
      await trx
        .updateTable('measurement')
        .set({ value: sql`value / 3`, shown_figure: '["nep"]' })
        .where('indicator_id', '=', indicatorId)
        .where('area_code', 'like', 'WK01%')
        .execute();
    });
    const after = await fromSql(db, filter);
    expect(after).toEqual(await presented(db, filter));
    expect(
      after.filter((f) => String(f.missing_reason).includes('minder dan 30')),
    ).not.toHaveLength(0);
  });

  it('refuses to give a map with a figure the trigger has not written', async () => {
    const db = get().db;
    const { regionId, indicatorId } = await prepared(db);
    const filter = { regionId, indicatorId, period: '2024', level: 'wijk' as const };
    const rollback = new Error('rollback');
    const failed = db.transaction().execute(async (trx) => {
      await sql`alter table measurement disable trigger measurement_shown_figure`.execute(trx);
      await trx
        .updateTable('measurement')
        .set({ shown_figure: null })
        .where('indicator_id', '=', indicatorId)
        .where('area_code', 'like', 'WK0106%')
        .execute();
      await expect(figuresJsonAt(trx, filter)).rejects.toThrow(/shown_figure/);
      throw rollback;
    });
    await expect(failed).rejects.toBe(rollback);
    expect(await fromSql(db, filter)).toEqual(await presented(db, filter));
  });

  it('gives no groups, never null, when nothing matches', async () => {
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
    expect(JSON.parse(NO_FIGURES_JSON)).toEqual({ fields: [...SHOWN_FIGURE_FIELDS], groups: [] });
  });
});
