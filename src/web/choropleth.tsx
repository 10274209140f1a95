/**
 * A server-rendered choropleth: areas coloured in five classes of a colour-blind-safe sequential
 * palette (ColorBrewer Blues), a legend with the class bounds, every area a keyboard-reachable
 * link with its name and value in its <title>. Works without JavaScript and without CSS colours
 * (the value is in the title and in the table that always sits beside the map).
 */
import { geoMercator, geoPath } from 'd3-geo';
import { scaleQuantile } from 'd3-scale';
import { schemeBlues } from 'd3-scale-chromatic';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 560;
const CLASSES = 5;
/** Areas without a value (or a hidden one) are drawn in light grey, with a text in the legend. */
const NO_VALUE = '#e8e8e8';

export type MapArea = {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  value: number | null;
  /** What the title says instead of a value ("te weinig waarnemingen", "geen cijfer"). */
  missingText: string;
  href?: string;
};

export type MapClass = { from: number; to: number; colour: string };

/**
 * Five classes with about as many areas each (quantiles), so a few very large values do not
 * push every other area into the lightest colour. Fewer distinct values give fewer classes.
 */
export function mapClasses(values: number[]): MapClass[] {
  const distinct = new Set(values).size;
  if (distinct === 0) return [];
  const count = Math.max(1, Math.min(CLASSES, distinct));
  const colours = count >= 3 ? (schemeBlues[count] ?? []) : (schemeBlues[3] ?? []).slice(3 - count);
  const scale = scaleQuantile<string>().domain(values).range(colours);
  return colours.flatMap((colour) => {
    const [from, to] = scale.invertExtent(colour);
    return from === undefined || to === undefined ? [] : [{ from, to, colour }];
  });
}

function colourOf(value: number | null, classes: MapClass[]): string {
  if (value === null) return NO_VALUE;
  const found = classes.find((c, i) => value <= c.to || i === classes.length - 1);
  return found?.colour ?? NO_VALUE;
}

/**
 * Projections made before, by the first geometry object of the set: the areas module hands out
 * the same geometry objects while the boundaries are unchanged, so a map drawn again (after a
 * data change, in another sort order, for another indicator) reuses its paths. Weak: a set whose
 * geometries are gone is forgotten with them.
 */
const projected = new WeakMap<object, { geometries: object[]; paths: string[] }>();

/** The SVG paths of the areas, projected once per set of geometry objects. */
function pathsOf(areas: MapArea[]): string[] {
  const first = areas[0]?.geometry;
  if (!first) return [];
  const known = projected.get(first);
  if (
    known &&
    known.geometries.length === areas.length &&
    known.geometries.every((g, i) => g === areas[i]?.geometry)
  )
    return known.paths;
  const paths = project(areas);
  projected.set(first, { geometries: areas.map((a) => a.geometry), paths });
  return paths;
}

/** Projects the areas to fit the map; coordinates rounded to 0.1 px keep the SVG small. */
function project(areas: MapArea[]) {
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
    type: 'FeatureCollection',
    features: areas.map(
      (a): Feature<Polygon | MultiPolygon> => ({
        type: 'Feature',
        properties: {},
        geometry: a.geometry,
      }),
    ),
  };
  const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const path = geoPath(projection).digits(1);
  return collection.features.map((f) => path(f) ?? '');
}

export function Choropleth({
  id,
  title,
  description,
  areas,
  classes,
  format,
  standalone = false,
}: {
  id: string;
  title: string;
  description: string;
  areas: MapArea[];
  classes: MapClass[];
  format: (value: number) => string;
  /** A file of its own (download): the SVG namespace, no links. */
  standalone?: boolean;
}) {
  const paths = pathsOf(areas);
  return (
    <svg
      xmlns={standalone ? 'http://www.w3.org/2000/svg' : undefined}
      class="marke-map"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {areas.map((area, i) => {
        const label = `${area.name}: ${area.value === null ? area.missingText : format(area.value)}`;
        const shape = (
          <path
            d={paths[i]}
            fill={colourOf(area.value, classes)}
            stroke="#5a5a5a"
            stroke-width="0.6"
            class="marke-map-area"
          >
            <title>{label}</title>
          </path>
        );
        return area.href && !standalone ? (
          <a href={area.href} aria-label={label}>
            {shape}
          </a>
        ) : (
          shape
        );
      })}
    </svg>
  );
}

/** A class holds values above its lower bound up to and including its upper bound. */
export function classLabel(c: MapClass, index: number, format: (value: number) => string) {
  if (c.from === c.to) return format(c.from);
  return index === 0
    ? `${format(c.from)} t/m ${format(c.to)}`
    : `meer dan ${format(c.from)} t/m ${format(c.to)}`;
}

/** The legend: one swatch per class with its bounds, and the swatch for "no value". */
export function MapLegend({
  classes,
  format,
  hasMissing,
}: {
  classes: MapClass[];
  format: (value: number) => string;
  hasMissing: boolean;
}) {
  return (
    <ul class="marke-map-legend">
      {classes.map((c, i) => (
        <li>
          <svg width="24" height="16" aria-hidden="true">
            <rect width="24" height="16" fill={c.colour} stroke="#666" />
          </svg>{' '}
          {classLabel(c, i, format)}
        </li>
      ))}
      {hasMissing ? (
        <li>
          <svg width="24" height="16" aria-hidden="true">
            <rect width="24" height="16" fill={NO_VALUE} stroke="#666" />
          </svg>{' '}
          geen cijfer of te weinig waarnemingen
        </li>
      ) : null}
    </ul>
  );
}

/**
 * The same geometry the way RFC 7946 winds it (outer rings counter-clockwise), for GeoJSON
 * downloads; stored geometry is wound the way d3-geo reads it (see areas/boundaries.ts).
 */
export function toRfc7946(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const flip = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: flip(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(flip) };
}
