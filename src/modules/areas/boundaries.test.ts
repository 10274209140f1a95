/** Boundaries: the Drenthe files load on start, rings are wound for d3, bad files are refused. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { geoArea } from 'd3-geo';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { areaIndex } from './areas.service.js';
import {
  boundariesForPeriod,
  importBoundariesFromDirectory,
  parseBoundaries,
  rewind,
} from './boundaries.js';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [6.5, 52.9],
      [6.6, 52.9],
      [6.6, 53.0],
      [6.5, 53.0],
      [6.5, 52.9],
    ],
  ],
};
const reversed: Polygon = {
  type: 'Polygon',
  coordinates: square.coordinates.map((ring) => [...ring].reverse()),
};

describe('rewind', () => {
  it('turns rings so each polygon covers a small area, whichever way the file wound them', () => {
    const areas = [square, reversed].map((g) => geoArea(rewind(g)));
    expect(areas[0]).toBeCloseTo(areas[1] ?? 0, 12);
    expect(areas[0]).toBeLessThan(0.001);
  });
});

describe('parseBoundaries', () => {
  const meta = { level: 'gemeente', year: 2024, source: 'test' };
  const feature = (code: string) => ({
    type: 'Feature',
    properties: { statcode: code, statnaam: 'Test' },
    geometry: square,
  });
  it('lists every problem: unknown areas, odd codes, features without geometry, bad JSON', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature('GM0106'),
        feature('GM9999'),
        feature('XX12'),
        { type: 'Feature' },
        feature('WK010600'),
        feature('GM0106'),
        { ...feature('GM0114'), geometry: { type: 'Polygon', coordinates: [[[6.5, 52.9]]] } },
      ],
    });
    const known = new Map([
      ['GM0106', 'gemeente'],
      ['GM0114', 'gemeente'],
      ['WK010600', 'wijk'],
    ]);
    const result = parseBoundaries('geo/t.geojson', text, meta, known);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toEqual([
        'geo/t.geojson › GM9999: dit gebied staat niet in areas.csv.',
        'geo/t.geojson › XX12: geen CBS-gebiedscode.',
        'geo/t.geojson › feature 4: geen vlak met statcode en statnaam.',
        'geo/t.geojson › WK010600: is een wijk in areas.csv, geen gemeente.',
        'geo/t.geojson › GM0106: staat twee keer in het bestand.',
        'geo/t.geojson › feature 7: geen vlak met statcode en statnaam.',
      ]);
    expect(parseBoundaries('geo/t.geojson', '{', meta, new Map()).ok).toBe(false);
  });

  it('reads TopoJSON: the features of every object of the topology', () => {
    // Two gemeenten sharing one border, as TopoJSON stores it (each arc once).
    const topology = {
      type: 'Topology',
      arcs: [
        [
          [6.5, 53],
          [6.5, 52.9],
        ],
        [
          [6.5, 52.9],
          [6.4, 52.9],
          [6.4, 53],
          [6.5, 53],
        ],
        [
          [6.5, 53],
          [6.6, 53],
          [6.6, 52.9],
          [6.5, 52.9],
        ],
      ],
      objects: {
        gemeenten: {
          type: 'GeometryCollection',
          geometries: [
            {
              type: 'Polygon',
              arcs: [[0, 1]],
              properties: { statcode: 'GM0106', statnaam: 'Assen' },
            },
            {
              type: 'Polygon',
              arcs: [[2, -1]],
              properties: { statcode: 'GM0114', statnaam: 'Emmen' },
            },
          ],
        },
      },
    };
    const known = new Map([
      ['GM0106', 'gemeente'],
      ['GM0114', 'gemeente'],
    ]);
    const read = parseBoundaries('geo/g.topojson', JSON.stringify(topology), meta, known);
    expect(read.ok && read.value.map((r) => [r.area_code, r.name, r.geometry.type])).toEqual([
      ['GM0106', 'Assen', 'Polygon'],
      ['GM0114', 'Emmen', 'Polygon'],
    ]);
    // The shared border is one and the same line in both outlines.
    const ring = (i: number) => (read.ok ? JSON.stringify(read.value[i]?.geometry) : '');
    expect(ring(0)).toContain('[6.5,52.9]');
    expect(ring(1)).toContain('[6.5,52.9]');
    const broken = { ...topology, objects: { g: { type: 'Polygon', arcs: [[7]] } } };
    expect(parseBoundaries('geo/b.topojson', JSON.stringify(broken), meta, known).ok).toBe(false);
  });
});

describeEachDatabase('boundaries of Drenthe', (get) => {
  it('are loaded on start and chosen by the year of a period', async () => {
    const { db } = get();
    const region = await db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    const wijken = await boundariesForPeriod(db, region.id, 'wijk', 2025);
    expect(wijken.year).toBe(2024);
    expect(wijken.rows).toHaveLength(189);
    // A 2023 figure is drawn on the 2022 gemeenten; a 2015 figure on the oldest set there is.
    expect((await boundariesForPeriod(db, region.id, 'gemeente', 2023)).year).toBe(2022);
    expect((await boundariesForPeriod(db, region.id, 'gemeente', 2015)).year).toBe(2022);
    expect((await boundariesForPeriod(db, region.id, 'gemeente', 2024)).rows).toHaveLength(12);
    expect((await boundariesForPeriod(db, region.id, 'buurt', 2024)).year).toBeNull();
  });

  it('hands out the same geometry objects while a boundary is unchanged, and a changed one at once', async () => {
    const { db } = get();
    const region = await db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    const read = async () =>
      (await boundariesForPeriod(db, region.id, 'gemeente', 2024, ['GM0106', 'GM0109'])).rows;
    const [first, second] = [await read(), await read()];
    expect(first.map((r) => r.area_code)).toEqual(['GM0106', 'GM0109']);
    expect(second[0]?.geometry).toBe(first[0]?.geometry);
    // Not through the seed (no checksum changes): the hash of the geometry itself tells.
    await db
      .updateTable('area_boundary')
      .set({ geometry: JSON.stringify(square) })
      .where('region_id', '=', region.id)
      .where('area_code', '=', 'GM0106')
      .where('year', '=', 2024)
      .execute();
    const third = await read();
    expect(third[0]?.geometry).toEqual(square);
    expect(third[1]?.geometry).toBe(first[1]?.geometry);
  });
});

describe('parseBoundaries of a national layer', () => {
  const meta = { level: 'ggd-regio', year: 2022, source: 'test', national: true };
  const feature = (code: string) => ({
    type: 'Feature',
    properties: { statcode: code, statnaam: `Regio ${code}` },
    geometry: square,
  });
  it('takes areas the region does not know when their code fits the level, and no others', () => {
    const text = (codes: string[]) =>
      JSON.stringify({ type: 'FeatureCollection', features: codes.map(feature) });
    const known = new Map([['GG0706', 'ggd-regio']]);
    const good = parseBoundaries('geo/nl.geojson', text(['GG0706', 'GG0111']), meta, known);
    expect(good.ok && good.value.map((r) => [r.area_code, r.name])).toEqual([
      ['GG0706', 'Regio GG0706'],
      ['GG0111', 'Regio GG0111'],
    ]);
    const bad = parseBoundaries(
      'geo/nl.geojson',
      text(['GM0106', 'ZK06', 'GG0111', 'GG0111']),
      meta,
      known,
    );
    expect(bad.ok ? [] : bad.error).toEqual([
      'geo/nl.geojson › GM0106: deze code hoort niet bij het niveau ggd-regio.',
      'geo/nl.geojson › ZK06: deze code hoort niet bij het niveau ggd-regio.',
      'geo/nl.geojson › GG0111: staat twee keer in het bestand.',
    ]);
  });
});

describeEachDatabase("national GGD regions and zorgkantoorregio's", (get) => {
  const drenthe = async () =>
    (
      await get()
        .db.selectFrom('region')
        .select('id')
        .where('code', '=', 'drenthe')
        .executeTakeFirstOrThrow()
    ).id;
  const ring = [
    [6.5, 52.9],
    [6.6, 52.9],
    [6.6, 53.0],
    [6.5, 52.9],
  ];
  const collection = (codes: string[]) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: codes.map((code) => ({
        type: 'Feature',
        properties: { statcode: code, statnaam: `Naam ${code}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      })),
    });
  /** A region directory with this geo.yaml and these files under geo/. */
  async function regionDir(manifest: string, files: Record<string, string[]>) {
    const dir = await mkdtemp(path.join(tmpdir(), 'marke-geo-'));
    await mkdir(path.join(dir, 'geo'));
    await writeFile(path.join(dir, 'geo.yaml'), manifest);
    for (const [name, codes] of Object.entries(files))
      await writeFile(path.join(dir, 'geo', name), collection(codes));
    return dir;
  }
  const entry = (file: string, level: string, extra = '') =>
    `  - { file: geo/${file}, level: ${level}, year: 2022, source: Test${extra} }\n`;

  it('are areas under NL01 that only callers asking for national areas see', async () => {
    const { db } = get();
    const id = await drenthe();
    const own = [...(await areaIndex(db, id)).values()];
    expect(own.filter((a) => a.level === 'ggd-regio').map((a) => a.code)).toEqual(['GG0706']);
    expect(own.filter((a) => a.level === 'zorgkantoorregio').map((a) => a.code)).toEqual(['ZK06']);
    expect(own.every((a) => a.inRegion)).toBe(true);
    const all = await areaIndex(db, id, { national: true });
    const ggd = [...all.values()].filter((a) => a.level === 'ggd-regio');
    const zk = [...all.values()].filter((a) => a.level === 'zorgkantoorregio');
    expect([ggd.length, zk.length]).toEqual([25, 31]);
    expect([...ggd, ...zk].every((a) => a.parentCode === 'NL01')).toBe(true);
    expect(all.get('GG0111')).toMatchObject({ name: 'GGD Groningen', inRegion: false });
    expect(all.get('ZK06')).toMatchObject({ name: 'Drenthe', inRegion: true });
    expect((await boundariesForPeriod(db, id, 'ggd-regio', 2024)).rows).toHaveLength(25);
    expect((await boundariesForPeriod(db, id, 'zorgkantoorregio', 2024)).rows).toHaveLength(31);
  });

  it('refuses an unknown level, a national gemeente layer, a duplicate year and a bad code', async () => {
    const { db } = get();
    const id = await drenthe();
    const cases: Array<[string, Record<string, string[]>, string[]]> = [
      [
        `boundaries:\n${entry('a.geojson', 'stadsdeel')}`,
        { 'a.geojson': ['GM0106'] },
        [
          'geo.yaml › boundaries.0.level: Onbekend niveau; kies uit land, provincie, ggd-regio, zorgkantoorregio, gemeente, wijk, buurt, postcode.',
        ],
      ],
      [
        `boundaries:\n${entry('a.geojson', 'gemeente', ', national: true')}`,
        { 'a.geojson': ['GM0106'] },
        [
          "geo.yaml › boundaries.0.national: Alleen een laag van provincies, GGD-regio's of zorgkantoorregio's kan landelijk zijn.",
        ],
      ],
      [
        `boundaries:\n${entry('a.geojson', 'ggd-regio', ', national: true')}${entry('b.geojson', 'ggd-regio', ', national: true')}`,
        { 'a.geojson': ['GG0111', 'GG0706'], 'b.geojson': ['GG0111'] },
        ['GG0111: twee grenzen voor 2022 in geo.yaml.'],
      ],
      [
        `boundaries:\n${entry('a.geojson', 'zorgkantoorregio', ', national: true')}`,
        { 'a.geojson': ['ZK07', 'GG0111'] },
        ['geo/a.geojson › GG0111: deze code hoort niet bij het niveau zorgkantoorregio.'],
      ],
    ];
    for (const [manifest, files, problems] of cases) {
      const result = await importBoundariesFromDirectory(db, id, await regionDir(manifest, files));
      expect(result.ok ? [] : result.error).toEqual(problems);
    }
    // Nothing changed: still all 25 GGD regions.
    const all = await areaIndex(db, id, { national: true });
    expect([...all.values()].filter((a) => a.level === 'ggd-regio')).toHaveLength(25);
  });

  it('needs NL01 for a national layer, and drops national areas a new layer no longer has', async () => {
    const { db } = get();
    const id = await drenthe();
    const manifest = `boundaries:\n${entry('a.geojson', 'ggd-regio', ', national: true')}`;
    const dir = await regionDir(manifest, { 'a.geojson': ['GG0706', 'GG0111', 'GG7206'] });
    const region = await db
      .insertInto('region')
      .values({ code: 'zonder-land', name: 'Zonder land' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refused = await importBoundariesFromDirectory(db, region.id, dir);
    expect(refused.ok ? [] : refused.error).toEqual([
      'geo.yaml: een landelijke laag hangt onder NL01 (Nederland); zet NL01 in areas.csv.',
    ]);
    expect(await importBoundariesFromDirectory(db, id, dir)).toEqual({ ok: true, value: 3 });
    const national = [...(await areaIndex(db, id, { national: true })).values()].filter(
      (a) => !a.inRegion,
    );
    expect(national.map((a) => [a.code, a.name])).toEqual([
      ['GG0111', 'Naam GG0111'],
      ['GG7206', 'Naam GG7206'],
    ]);
    // The region's own GGD region keeps its areas.csv name and stays the region's.
    expect((await areaIndex(db, id)).get('GG0706')).toMatchObject({ name: 'GGD Drenthe' });
  });
});
