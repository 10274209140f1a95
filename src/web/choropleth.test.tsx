import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { Choropleth, type MapArea } from './choropleth.js';

const square = (x: number, size = 0.1): Polygon => ({
  type: 'Polygon',
  // Clockwise, as d3 expects for an outer ring.
  coordinates: [
    [
      [x, 52.9],
      [x, 52.9 + size],
      [x + size, 52.9 + size],
      [x + size, 52.9],
      [x, 52.9],
    ],
  ],
});

const area = (code: string, geometry: Polygon): MapArea => ({
  code,
  name: code,
  geometry,
  value: 1,
  missingText: 'geen cijfer',
});

const render = async (areas: MapArea[]) =>
  String(
    await (
      <Choropleth
        id="t"
        title="Kaart"
        description="Test"
        areas={areas}
        classes={[]}
        format={String}
      />
    ).toString(),
  );
const pathsIn = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);

describe('Choropleth projections kept per set of geometries', () => {
  it('draws the same set the same way, and a changed or reordered set anew', async () => {
    const [a, b] = [square(6.5), square(6.7)];
    const first = pathsIn(await render([area('A', a), area('B', b)]));
    expect(first).toHaveLength(2);
    expect(pathsIn(await render([area('A', a), area('B', b)]))).toEqual(first);
    // Another second area (larger): the map is fitted anew, so both paths change.
    const changed = pathsIn(await render([area('A', a), area('B', square(6.7, 0.3))]));
    expect(changed[1]).not.toEqual(first[1]);
    expect(changed[0]).not.toEqual(first[0]);
    // The same objects in another order: each path stays with its own area.
    expect(pathsIn(await render([area('B', b), area('A', a)]))).toEqual([first[1], first[0]]);
    // A set that starts the same but has one area more is not taken for the shorter one.
    expect(
      pathsIn(await render([area('A', a), area('B', b), area('C', square(6.9))])),
    ).toHaveLength(3);
  });
});
