/** Boundaries: the Drenthe files load on start, rings are wound for d3, bad files are refused. */
import { geoArea } from 'd3-geo';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { boundariesForPeriod, parseBoundaries, rewind } from './boundaries.js';

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
});
