/**
 * Where a resident is: a village, neighbourhood, municipality or postcode, found in the region's
 * CBS areas (gemeenten, wijken, and the places of the 4-digit postcode areas) with tolerance for
 * typos. A place gets a point — the centre of its wijk, else of its gemeente — to say how far
 * help is; that distance is approximate and the page says so.
 */
import { geoCentroid, geoDistance } from 'd3-geo';
import { distance } from 'fastest-levenshtein';
import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import { type Area, areaIndex, boundariesForPeriod } from '../areas/index.js';
import { tokenize } from './understand.js';

type Db = Kysely<Database>;
export type Point = [longitude: number, latitude: number];

export type Place = {
  /** The area the place stands for: a wijk where the name is one, else the gemeente. */
  areaCode: string;
  label: string;
  gemeenteCode: string;
  gemeenteName: string;
  wijkCode: string | null;
  point: Point | null;
};

export type PlaceIndex = {
  /** Places by normalised name; a name two gemeenten share has two. */
  byKey: Map<string, Place[]>;
  keys: string[];
  centres: Map<string, Point>;
  /** The wijk codes of each gemeente, for a search in a whole gemeente. */
  wijkenOf: Map<string, string[]>;
  /** Each gemeente and wijk as a resident reads it: "Grolloo (gemeente Aa en Hunze)". */
  areaLabels: Map<string, string>;
};

const EARTH_RADIUS_KM = 6371;

/** Straight-line distance in km between two points. */
export function kilometres(a: Point, b: Point): number {
  return geoDistance(a, b) * EARTH_RADIUS_KM;
}

const keyOf = (name: string) => tokenize(name).join(' ');
/** The place a CBS wijk name stands for: "Wijk 20 Grolloo" → "Grolloo". */
export const wijkPlaceName = (name: string) => name.replace(/^Wijk \d+ /, '');

/** Every place name of the region with its area and centre, memoised per data version. */
export function placeIndex(db: Db, regionId: number): Promise<PlaceIndex> {
  return memoByDataVersion(db, `hulpwijzer:places:${regionId}`, () => buildIndex(db, regionId));
}

async function buildIndex(db: Db, regionId: number): Promise<PlaceIndex> {
  const year = new Date().getFullYear();
  const [areas, gemeenten, wijken] = await Promise.all([
    areaIndex(db, regionId),
    boundariesForPeriod(db, regionId, 'gemeente', year),
    boundariesForPeriod(db, regionId, 'wijk', year),
  ]);
  const centres = new Map<string, Point>();
  for (const row of [...gemeenten.rows, ...wijken.rows])
    centres.set(row.area_code, geoCentroid(row.geometry) as Point);
  const inRegion = [...areas.values()].filter((a) => a.inRegion);
  const byKey = new Map<string, Place[]>();
  const add = (name: string, place: Place) => {
    const key = keyOf(name);
    if (!key) return;
    const known = byKey.get(key) ?? [];
    if (!known.some((p) => p.areaCode === place.areaCode)) byKey.set(key, [...known, place]);
  };
  const gemeente = (code: string | null) => (code ? areas.get(code) : undefined);
  const wijkByName = new Map<string, Area>();
  for (const a of inRegion.filter((a) => a.level === 'wijk'))
    wijkByName.set(`${a.parentCode}|${keyOf(wijkPlaceName(a.name))}`, a);
  const placeIn = (label: string, g: Area, wijk: Area | undefined): Place => ({
    areaCode: wijk?.code ?? g.code,
    label,
    gemeenteCode: g.code,
    gemeenteName: g.name,
    wijkCode: wijk?.code ?? null,
    point: centres.get(wijk?.code ?? g.code) ?? centres.get(g.code) ?? null,
  });
  for (const g of inRegion.filter((a) => a.level === 'gemeente'))
    add(g.name, placeIn(g.name, g, undefined));
  for (const w of inRegion.filter((a) => a.level === 'wijk')) {
    const g = gemeente(w.parentCode);
    if (g) add(wijkPlaceName(w.name), placeIn(wijkPlaceName(w.name), g, w));
  }
  for (const p of inRegion.filter((a) => a.level === 'postcode')) {
    const g = gemeente(p.parentCode);
    if (!g) continue;
    const [digits = '', ...words] = p.name.split(' ');
    const plaats = words.join(' ');
    const place = placeIn(plaats, g, wijkByName.get(`${g.code}|${keyOf(plaats)}`));
    add(plaats, place);
    add(digits, { ...place, label: `${digits} ${plaats}` });
  }
  // One name for several areas of the same gemeente (the town Hoogeveen and its wijk, the two
  // wijken of Roden) stands for the gemeente's part of that name: the gemeente with its wijken.
  // A name two gemeenten share is offered as "Naam (Gemeente)", which must resolve in its turn;
  // every label shown must resolve to its place when it is sent back.
  for (const [key, places] of [...byKey.entries()]) {
    if (places.length < 2) continue;
    const perGemeente = [...new Set(places.map((p) => p.gemeenteCode))].map((code) => {
      const inGemeente = places.filter((p) => p.gemeenteCode === code);
      const first = inGemeente[0] as Place;
      if (inGemeente.length === 1) return first;
      return {
        ...first,
        areaCode: code,
        wijkCode: null,
        point: centres.get(code) ?? first.point,
      };
    });
    if (perGemeente.length > 1)
      for (const place of perGemeente) {
        place.label = `${place.label} (${place.gemeenteName})`;
        byKey.set(keyOf(place.label), [place]);
      }
    byKey.set(key, perGemeente);
  }
  for (const places of [...byKey.values()])
    for (const place of places) if (!byKey.has(keyOf(place.label))) add(place.label, place);
  const wijkenOf = new Map<string, string[]>();
  for (const w of inRegion.filter((a) => a.level === 'wijk' && a.parentCode))
    wijkenOf.set(w.parentCode ?? '', [...(wijkenOf.get(w.parentCode ?? '') ?? []), w.code]);
  const areaLabels = new Map<string, string>();
  for (const a of inRegion) {
    const g = gemeente(a.parentCode);
    if (a.level === 'gemeente') areaLabels.set(a.code, `de gemeente ${a.name}`);
    if (a.level === 'wijk' && g)
      areaLabels.set(a.code, `${wijkPlaceName(a.name)} (gemeente ${g.name})`);
  }
  return { byKey, keys: [...byKey.keys()], centres, wijkenOf, areaLabels };
}

/**
 * Where a service is offered, for a card shown without the resident's place (a name is looked
 * up in the whole region): "Voor Grolloo (gemeente Aa en Hunze)"; null when it is for the whole
 * region or online, which the card says itself.
 */
export function servedAreaText(areaCodes: string[], index: PlaceIndex): string | null {
  const labels = areaCodes.flatMap((code) => index.areaLabels.get(code) ?? []);
  return labels.length > 0 ? `Voor ${labels.join(', ')}` : null;
}

const POSTCODE = /^\s*([1-9][0-9]{3})\s*([a-z]{2})?\s*$/i;

/** The place a resident typed, or the closest names when there is no clear match. */
export async function resolvePlace(
  db: Db,
  regionId: number,
  text: string,
): Promise<{ place: Place } | { place: null; suggestions: string[]; ambiguous: boolean }> {
  const index = await placeIndex(db, regionId);
  const postcode = POSTCODE.exec(text);
  const key = postcode ? (postcode[1] ?? '') : keyOf(text);
  const exact = index.byKey.get(key) ?? [];
  if (exact.length === 1 && exact[0]) return { place: exact[0] };
  if (exact.length > 1)
    return { place: null, suggestions: exact.map((p) => p.label), ambiguous: true };
  if (postcode || key.length < 3) return { place: null, suggestions: [], ambiguous: false };
  const allowed = key.length >= 8 ? 2 : 1;
  const near = index.keys
    .map((k) => ({ k, d: distance(k, key) }))
    .filter((c) => c.d <= allowed + 1 && !/^\d/.test(c.k))
    .sort((a, b) => a.d - b.d);
  const best = near[0];
  const bestPlaces = best ? (index.byKey.get(best.k) ?? []) : [];
  if (best && best.d <= allowed && near.filter((c) => c.d === best.d).length === 1) {
    if (bestPlaces.length === 1 && bestPlaces[0]) return { place: bestPlaces[0] };
  }
  const labels = near.slice(0, 3).flatMap((c) => (index.byKey.get(c.k) ?? []).map((p) => p.label));
  return { place: null, suggestions: [...new Set(labels)].slice(0, 4), ambiguous: false };
}
