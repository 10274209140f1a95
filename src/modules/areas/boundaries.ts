/**
 * Boundaries per level and year, loaded from a region directory's `geo.yaml` and its GeoJSON or TopoJSON
 * files (checksum first, so an unchanged set costs nothing on start). Every feature must be an
 * area the region knows, except in a national layer (`national: true`: all GGD regions or
 * zorgkantoorregio's of the country), whose other areas become national areas under NL01.
 * Problems are listed per file and feature and nothing is written then.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Kysely } from 'kysely';
import { feature as topojsonFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { seedFileChecksum, setSeedFileChecksum } from '../../db/seed-file.js';
import { json } from '../../db/upsert.js';
import { err, ok, type Result } from '../../lib/result.js';
import { bumpDataVersion } from '../plan/index.js';
import * as repo from './areas.repository.js';
import {
  AREA_CODE,
  AREA_LEVELS,
  type AreaInput,
  type AreaLevel,
  levelOfCode,
} from './areas.types.js';
import { boundaryYearFor } from './boundary-years.js';

type Db = Kysely<Database>;
const MANIFEST = 'geo.yaml';

/** Levels a national layer may have: their areas hang directly under NL01 (Nederland). */
const NATIONAL_LEVELS: ReadonlySet<AreaLevel> = new Set([
  'provincie',
  'ggd-regio',
  'zorgkantoorregio',
]);

const Manifest = z.object({
  boundaries: z.array(
    z
      .object({
        file: z.string().regex(/^geo\/[a-z0-9-]+\.geojson$/, 'Bestand als geo/naam.geojson.'),
        level: z.enum(AREA_LEVELS as [AreaLevel, ...AreaLevel[]], {
          message: `Onbekend niveau; kies uit ${AREA_LEVELS.join(', ')}.`,
        }),
        year: z.number().int().min(1900).max(2200),
        source: z.string().min(1),
        // A national layer (all GGD regions of the country): its areas outside the region are
        // added as national areas under NL01, named as in the file.
        national: z.boolean().default(false),
      })
      .refine((e) => !e.national || NATIONAL_LEVELS.has(e.level), {
        message:
          "Alleen een laag van provincies, GGD-regio's of zorgkantoorregio's kan landelijk zijn.",
        path: ['national'],
      }),
  ),
});

const Coordinate = z.array(z.number().finite()).min(2).max(3);
// A closed ring has at least four positions (the first repeated at the end).
const Rings = z.array(z.array(Coordinate).min(4)).min(1);
const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: Rings }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(Rings).min(1) }),
]);
const Feature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ statcode: z.string().trim(), statnaam: z.string().min(1) }).passthrough(),
  geometry: Geometry,
});
const Collection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

export type BoundaryRow = {
  area_code: string;
  year: number;
  level: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  source: string;
};

/**
 * GeoJSON files wind outer rings either way (RFC 7946 says counter-clockwise, many CBS layers
 * are clockwise); d3-geo reads a ring by its winding, and a ring the "wrong" way round means the
 * whole globe except the area. Each polygon is turned so it covers less than half the sphere.
 */
export function rewind(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const fix = (rings: Position[][]) =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI
      ? rings.map((ring) => [...ring].reverse())
      : rings;
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

const TopologyShape = z.object({
  type: z.literal('Topology'),
  arcs: z.array(z.unknown()),
  objects: z.record(z.string(), z.object({ type: z.string() })),
});

/**
 * GeoJSON as is; a TopoJSON topology (the compact form CBS layers are often shared in) as the
 * features of all its objects, converted by topojson-client. Throws on a broken topology.
 */
function asFeatureCollection(data: unknown): unknown {
  if (!TopologyShape.safeParse(data).success) return data;
  const topology = data as Topology;
  const features = Object.values(topology.objects).flatMap((object) => {
    const converted = topojsonFeature(topology, object);
    return 'features' in converted ? converted.features : [converted];
  });
  return { type: 'FeatureCollection', features };
}

/**
 * Reads one GeoJSON or TopoJSON file into boundary rows; every feature problem is listed. A national layer
 * (`meta.national`) may hold areas the region does not know, if their code fits the level.
 */
export function parseBoundaries(
  file: string,
  text: string,
  meta: { level: string; year: number; source: string; national?: boolean },
  known: ReadonlyMap<string, string>,
): Result<BoundaryRow[], string[]> {
  let data: unknown;
  try {
    data = asFeatureCollection(JSON.parse(text));
  } catch {
    return err([`${file}: geen geldige JSON of TopoJSON.`]);
  }
  const collection = Collection.safeParse(data);
  if (!collection.success) return err([`${file}: geen GeoJSON FeatureCollection.`]);
  const rows: BoundaryRow[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  collection.data.features.forEach((raw, i) => {
    const feature = Feature.safeParse(raw);
    if (!feature.success) {
      problems.push(`${file} › feature ${i + 1}: geen vlak met statcode en statnaam.`);
      return;
    }
    const code = feature.data.properties.statcode;
    const level = known.get(code) ?? (meta.national ? levelOfCode(code) : undefined);
    if (!AREA_CODE.test(code)) problems.push(`${file} › ${code}: geen CBS-gebiedscode.`);
    else if (!level) problems.push(`${file} › ${code}: dit gebied staat niet in areas.csv.`);
    else if (!known.has(code) && level !== meta.level)
      problems.push(`${file} › ${code}: deze code hoort niet bij het niveau ${meta.level}.`);
    else if (level !== meta.level)
      problems.push(`${file} › ${code}: is een ${level} in areas.csv, geen ${meta.level}.`);
    else if (seen.has(code)) problems.push(`${file} › ${code}: staat twee keer in het bestand.`);
    else {
      seen.add(code);
      rows.push({
        area_code: code,
        year: meta.year,
        level: meta.level,
        name: feature.data.properties.statnaam,
        geometry: rewind(feature.data.geometry as Polygon | MultiPolygon),
        source: meta.source,
      });
    }
  });
  return problems.length > 0 ? err(problems) : ok(rows);
}

/** Loads `geo.yaml` and its files when they changed since the last start; the number loaded. */
export async function importBoundariesFromDirectory(
  db: Db,
  regionId: number,
  dir: string,
): Promise<Result<number, string[]>> {
  const manifestBytes = await readFile(path.join(dir, MANIFEST)).catch(() => undefined);
  if (!manifestBytes) return ok(0);
  const manifest = Manifest.safeParse(parseYaml(manifestBytes.toString('utf8')));
  if (!manifest.success)
    return err(manifest.error.issues.map((i) => `${MANIFEST} › ${i.path.join('.')}: ${i.message}`));
  const hash = createHash('sha256').update(manifestBytes);
  const texts: string[] = [];
  for (const entry of manifest.data.boundaries) {
    const bytes = await readFile(path.join(dir, entry.file)).catch(() => undefined);
    if (!bytes) return err([`${entry.file}: bestand ontbreekt.`]);
    hash.update(bytes);
    texts.push(bytes.toString('utf8'));
  }
  const checksum = hash.digest('hex');
  if ((await seedFileChecksum(db, regionId, MANIFEST)) === checksum) return ok(0);
  // Only the region's own areas: a national layer's other areas are decided anew below.
  const known = new Map((await repo.listAreas(db, regionId)).map((a) => [a.code, a.level]));
  const rows: BoundaryRow[] = [];
  const problems: string[] = [];
  manifest.data.boundaries.forEach((entry, i) => {
    const parsed = parseBoundaries(entry.file, texts[i] ?? '', entry, known);
    if (parsed.ok) rows.push(...parsed.value);
    else problems.push(...parsed.error);
  });
  const national = nationalAreas(rows, known);
  if (national.length > 0 && known.get('NL01') !== 'land')
    problems.push(
      `${MANIFEST}: een landelijke laag hangt onder NL01 (Nederland); zet NL01 in areas.csv.`,
    );
  const years = new Set<string>();
  for (const row of rows) {
    const key = `${row.area_code} ${row.year}`;
    if (years.has(key))
      problems.push(`${row.area_code}: twee grenzen voor ${row.year} in geo.yaml.`);
    years.add(key);
  }
  if (problems.length > 0) return err(problems);
  await db.transaction().execute(async (trx) => {
    await repo.replaceBoundaries(
      trx,
      regionId,
      rows.map((r) => ({ ...r, geometry: json(r.geometry) })),
    );
    await repo.replaceNationalAreas(trx, regionId, national);
    await setSeedFileChecksum(trx, regionId, MANIFEST, checksum);
    await bumpDataVersion(trx);
  });
  return ok(rows.length);
}

/** The areas of national layers the region does not list itself, named as in the newest year. */
function nationalAreas(rows: BoundaryRow[], known: ReadonlyMap<string, string>): AreaInput[] {
  const newest = new Map<string, BoundaryRow>();
  for (const row of rows)
    if (!known.has(row.area_code) && (newest.get(row.area_code)?.year ?? 0) <= row.year)
      newest.set(row.area_code, row);
  return [...newest.values()].map((r) => ({
    code: r.area_code,
    name: r.name,
    level: r.level as AreaLevel,
    parent_code: 'NL01',
  }));
}

/**
 * The boundaries a figure of `periodYear` is drawn on: the level's latest boundary year not after
 * the period (or its earliest year when the period is older than every boundary set).
 */
export async function boundariesForPeriod(
  db: Db,
  regionId: number,
  level: string,
  periodYear: number,
  codes?: string[],
) {
  const year = boundaryYearFor(await repo.boundaryYears(db, regionId, level), periodYear);
  if (year === undefined) return { year: null, rows: [] };
  const rows = await repo.listBoundaryHashes(db, regionId, { level, year, codes });
  const missing = rows.filter((r) => !geometries.has(r.hash)).map((r) => r.area_code);
  for (const found of await repo.listBoundaryGeometries(db, regionId, {
    level,
    year,
    codes: missing,
  }))
    keepGeometry(found.hash, found.geometry);
  return {
    year,
    rows: rows.flatMap(({ hash, ...row }) => {
      const geometry = geometries.get(hash);
      return geometry ? [{ ...row, geometry }] : [];
    }),
  };
}

/**
 * Geometries by the md5 of their text, kept across requests: after a data change a map page
 * reads only the hashes (the boundaries did not change), not 189 polygons, and hands the same
 * objects to the choropleth, which keeps their projection. Content-addressed, so a new boundary
 * set simply has other hashes. The oldest go first beyond MAX_KEPT (a national buurt layer fits).
 * Shared objects: callers must not change them (none does; toRfc7946 copies).
 */
const geometries = new Map<string, Polygon | MultiPolygon>();
const MAX_KEPT = 20_000;

function keepGeometry(hash: string, geometry: Polygon | MultiPolygon): void {
  geometries.set(hash, geometry);
  if (geometries.size > MAX_KEPT) {
    const oldest = geometries.keys().next().value;
    if (oldest !== undefined) geometries.delete(oldest);
  }
}
