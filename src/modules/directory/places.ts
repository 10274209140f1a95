/**
 * Where a resident is: a village, neighbourhood, municipality or postcode, found in the region's
 * CBS areas (gemeenten, wijken, buurten where the region has them, and the places of the 4-digit
 * postcode areas) with tolerance for typos. A place gets a point — the centre of its buurt or
 * wijk, else of its gemeente — to say how far help is; that distance is approximate and the page
 * says so. CBS codes nest: a buurt's code (BU16802009) starts with its wijk's (WK168020), which
 * starts with its gemeente's (GM1680), so a place knows the areas around and inside it.
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
  /** The area the place stands for: a buurt or wijk where the name is one, else the gemeente. */
  areaCode: string;
  label: string;
  gemeenteCode: string;
  gemeenteName: string;
  wijkCode: string | null;
  /** The buurt, when the place is one (its own name, or a postcode's place that names it). */
  buurtCode: string | null;
  point: Point | null;
};

export type PlaceIndex = {
  /** Places by normalised name; a name two gemeenten share has two. */
  byKey: Map<string, Place[]>;
  keys: string[];
  centres: Map<string, Point>;
  /** The wijk codes of each gemeente, for a search in a whole gemeente. */
  wijkenOf: Map<string, string[]>;
  /** The buurt codes of each wijk. */
  buurtenOf: Map<string, string[]>;
  /** Each gemeente, wijk and buurt as a resident reads it: "Grolloo (gemeente Aa en Hunze)". */
  areaLabels: Map<string, string>;
};

const EARTH_RADIUS_KM = 6371;

/** Straight-line distance in km between two points. */
export function kilometres(a: Point, b: Point): number {
  return geoDistance(a, b) * EARTH_RADIUS_KM;
}

const keyOf = (name: string) => tokenize(name).join(' ');

/**
 * The place a CBS wijk or buurt name stands for: "Wijk 20 Grolloo" → "Grolloo", also "Buurt 01 …"
 * and the CBS spelling "Wijke 52 Fluitenberg".
 */
export const wijkPlaceName = (name: string) =>
  name.replace(/^\s*(?:wijke?|buurt)\s*\d+\s*[-–:,.]?\s*/i, '');

/** The wijk a buurt lies in, by its code: BU16802009 → WK168020. */
export const wijkOfBuurt = (buurtCode: string) => `WK${buurtCode.slice(2, 8)}`;

/** Every place name of the region with its area and centre, memoised per data version. */
export function placeIndex(db: Db, regionId: number): Promise<PlaceIndex> {
  return memoByDataVersion(db, `hulpwijzer:places:${regionId}`, () => buildIndex(db, regionId));
}

/** The region's areas by level, each buurt and wijk with the areas it lies in. */
type Geography = {
  gemeenten: Area[];
  wijken: Array<{ wijk: Area; gemeente: Area }>;
  buurten: Array<{ buurt: Area; wijk: Area; gemeente: Area }>;
  postcodes: Array<{ postcode: Area; gemeente: Area }>;
};

function geography(areas: Map<string, Area>): Geography {
  const inRegion = [...areas.values()].filter((a) => a.inRegion);
  const ofLevel = (level: string) => inRegion.filter((a) => a.level === level);
  const known = (code: string | null | undefined) => (code ? areas.get(code) : undefined);
  const gemeenteOf = (a: Area) => known(a.parentCode) ?? known(`GM${a.code.slice(2, 6)}`);
  return {
    gemeenten: ofLevel('gemeente'),
    wijken: ofLevel('wijk').flatMap((wijk) => {
      const gemeente = gemeenteOf(wijk);
      return gemeente ? [{ wijk, gemeente }] : [];
    }),
    buurten: ofLevel('buurt').flatMap((buurt) => {
      const wijk = known(wijkOfBuurt(buurt.code));
      const gemeente = wijk && gemeenteOf(wijk);
      return wijk && gemeente ? [{ buurt, wijk, gemeente }] : [];
    }),
    postcodes: ofLevel('postcode').flatMap((postcode) => {
      const gemeente = known(postcode.parentCode);
      return gemeente ? [{ postcode, gemeente }] : [];
    }),
  };
}

async function buildIndex(db: Db, regionId: number): Promise<PlaceIndex> {
  const year = new Date().getFullYear();
  const [areas, ...boundaries] = await Promise.all([
    areaIndex(db, regionId),
    ...['gemeente', 'wijk', 'buurt'].map((level) => boundariesForPeriod(db, regionId, level, year)),
  ]);
  const centres = new Map<string, Point>();
  for (const row of boundaries.flatMap((b) => b.rows))
    centres.set(row.area_code, geoCentroid(row.geometry) as Point);
  const geo = geography(areas);
  // A buurt without a boundary of its own is as far away as the centre of its wijk.
  for (const { buurt, wijk } of geo.buurten) {
    const centre = centres.get(buurt.code) ?? centres.get(wijk.code);
    if (centre) centres.set(buurt.code, centre);
  }
  const byKey = namesOf(geo, centres);
  const wijkenOf = new Map<string, string[]>();
  for (const { wijk, gemeente } of geo.wijken)
    wijkenOf.set(gemeente.code, [...(wijkenOf.get(gemeente.code) ?? []), wijk.code]);
  const buurtenOf = new Map<string, string[]>();
  for (const { buurt, wijk } of geo.buurten)
    buurtenOf.set(wijk.code, [...(buurtenOf.get(wijk.code) ?? []), buurt.code]);
  const areaLabels = new Map<string, string>();
  for (const g of geo.gemeenten) areaLabels.set(g.code, `de gemeente ${g.name}`);
  for (const { wijk, gemeente } of geo.wijken)
    areaLabels.set(wijk.code, `${wijkPlaceName(wijk.name)} (gemeente ${gemeente.name})`);
  for (const { buurt, wijk, gemeente } of geo.buurten)
    areaLabels.set(
      buurt.code,
      `${wijkPlaceName(buurt.name)} (${wijkPlaceName(wijk.name)}, gemeente ${gemeente.name})`,
    );
  return { byKey, keys: [...byKey.keys()], centres, wijkenOf, buurtenOf, areaLabels };
}

/** Every name a resident may type for a place, with the place it stands for. */
function namesOf(geo: Geography, centres: Map<string, Point>): Map<string, Place[]> {
  const byKey = new Map<string, Place[]>();
  const add = (name: string, place: Place) => {
    const key = keyOf(name);
    if (!key) return;
    const known = byKey.get(key) ?? [];
    if (!known.some((p) => p.areaCode === place.areaCode)) byKey.set(key, [...known, place]);
  };
  const placeIn = (label: string, g: Area, wijk?: Area, buurt?: Area): Place => {
    const own = buurt ?? wijk ?? g;
    return {
      areaCode: own.code,
      label,
      gemeenteCode: g.code,
      gemeenteName: g.name,
      wijkCode: wijk?.code ?? null,
      buurtCode: buurt?.code ?? null,
      point: centres.get(own.code) ?? centres.get(g.code) ?? null,
    };
  };
  for (const g of geo.gemeenten) add(g.name, placeIn(g.name, g));
  const wijkByName = new Map<string, Area>();
  for (const { wijk, gemeente } of geo.wijken) {
    const name = wijkPlaceName(wijk.name);
    wijkByName.set(`${gemeente.code}|${keyOf(name)}`, wijk);
    add(name, placeIn(name, gemeente, wijk));
  }
  const buurtByName = new Map<string, { buurt: Area; wijk: Area }>();
  for (const { buurt, wijk, gemeente } of geo.buurten) {
    const name = wijkPlaceName(buurt.name);
    // A buurt named like its own village or gemeente ("Grolloo" in Grolloo) is that place.
    const wider = byKey
      .get(keyOf(name))
      ?.some((p) => [wijk.code, gemeente.code].includes(p.areaCode));
    if (wider) continue;
    buurtByName.set(`${gemeente.code}|${keyOf(name)}`, { buurt, wijk });
    add(name, placeIn(name, gemeente, wijk, buurt));
  }
  for (const { postcode, gemeente: g } of geo.postcodes) {
    const [digits = '', ...words] = postcode.name.split(' ');
    const plaats = words.join(' ');
    const wijk = wijkByName.get(`${g.code}|${keyOf(plaats)}`);
    const inBuurt = wijk ? undefined : buurtByName.get(`${g.code}|${keyOf(plaats)}`);
    const place = inBuurt
      ? placeIn(plaats, g, inBuurt.wijk, inBuurt.buurt)
      : placeIn(plaats, g, wijk);
    add(plaats, place);
    add(digits, { ...place, label: `${digits} ${plaats}` });
  }
  sharedNames(byKey, centres);
  exactCbsNames(byKey, geo, placeIn);
  for (const places of [...byKey.values()])
    for (const place of places) if (!byKey.has(keyOf(place.label))) add(place.label, place);
  return byKey;
}

/**
 * One name for several areas of the same gemeente (the town Hoogeveen and its wijk, the two
 * wijken of Roden) stands for the gemeente's part of that name: the gemeente with its wijken.
 * A name two gemeenten share is offered as "Naam (Gemeente)", which must resolve in its turn;
 * every label shown must resolve to its place when it is sent back.
 */
function sharedNames(byKey: Map<string, Place[]>, centres: Map<string, Point>): void {
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
        buurtCode: null,
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
}

/**
 * The exact CBS name of a wijk or buurt ("Wijk 01 Roden") is that area, also where its short
 * name stands for more ("Roden": both wijken). Its label is the short name when that names the
 * same area, else the CBS name, so the label leads back to it.
 */
function exactCbsNames(
  byKey: Map<string, Place[]>,
  geo: Geography,
  placeIn: (label: string, g: Area, wijk?: Area, buurt?: Area) => Place,
): void {
  const areas = [
    ...geo.wijken.map(({ wijk, gemeente }) => ({
      area: wijk,
      place: (l: string) => placeIn(l, gemeente, wijk),
    })),
    ...geo.buurten.map(({ buurt, wijk, gemeente }) => ({
      area: buurt,
      place: (l: string) => placeIn(l, gemeente, wijk, buurt),
    })),
  ];
  for (const { area, place } of areas) {
    const exact = keyOf(area.name);
    if (byKey.has(exact)) continue;
    const short = byKey.get(keyOf(wijkPlaceName(area.name))) ?? [];
    const same = short.length === 1 && short[0]?.areaCode === area.code ? short[0] : null;
    byKey.set(exact, [same ?? place(area.name)]);
  }
}

/**
 * The areas below the gemeente that count as "here" for a place: a buurt and its wijk; a wijk
 * (a village) and its buurten. A whole gemeente has none of its own (see gemeenteAreaCodes).
 */
export function localAreaCodes(place: Place, index: PlaceIndex): string[] {
  if (place.buurtCode) return [place.buurtCode, ...(place.wijkCode ? [place.wijkCode] : [])];
  if (place.wijkCode) return [place.wijkCode, ...(index.buurtenOf.get(place.wijkCode) ?? [])];
  return [];
}

/** Every wijk and buurt of a gemeente. */
export function gemeenteAreaCodes(gemeenteCode: string, index: PlaceIndex): string[] {
  const wijken = index.wijkenOf.get(gemeenteCode) ?? [];
  return [...wijken, ...wijken.flatMap((w) => index.buurtenOf.get(w) ?? [])];
}

/** Whether one of these service areas is the resident's own buurt or wijk, or a buurt in it. */
export function isLocalTo(areaCodes: string[], place: Place): boolean {
  const { buurtCode, wijkCode } = place;
  return areaCodes.some(
    (code) =>
      code === buurtCode ||
      (wijkCode !== null && code === wijkCode) ||
      (buurtCode === null &&
        wijkCode !== null &&
        code.startsWith('BU') &&
        wijkOfBuurt(code) === wijkCode),
  );
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
  const typed = postcode ? (postcode[1] ?? '') : keyOf(text);
  // The exact CBS name first ("Wijk 01 Roden"), then the name without "Wijk 01".
  const key = postcode || index.byKey.has(typed) ? typed : keyOf(wijkPlaceName(text));
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
