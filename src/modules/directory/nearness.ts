/**
 * How far a service is from a resident's place, and the order of a ladder step by nearness:
 * first help for the place's own area (its village or wijk, or a wijk of the gemeente asked
 * for), then help for the whole gemeente, then for the region, then online; kilometres only
 * order services within one of those tiers, so an address never moves a listing past another
 * tier (a village's own help 8 km from the centre stays before the gemeente's).
 */
import {
  gemeenteAreaCodes,
  isLocalTo,
  kilometres,
  localAreaCodes,
  type Place,
  type PlaceIndex,
  type Point,
} from './places.js';
import type { Candidate } from './search.repository.js';

/** How far a service is, as a resident reads it. */
export type Nearness =
  | { kind: 'km'; km: number }
  | { kind: 'in-place' }
  | { kind: 'gemeente'; name: string }
  | { kind: 'regio' }
  | { kind: 'online' }
  | { kind: 'unknown' };

const byName = new Intl.Collator('nl');

/** What the card says: the distance to its nearest address, else the area it serves. */
export function nearnessOf(
  service: Candidate,
  place: Place | null,
  centres: Map<string, Point>,
): Nearness {
  const from = place?.point;
  if (from && service.points.length > 0)
    return { kind: 'km', km: Math.min(...service.points.map((p) => kilometres(from, p))) };
  if (place && isLocalTo(service.areas, place)) return { kind: 'in-place' };
  if (place && service.areas.includes(place.gemeenteCode))
    return { kind: 'gemeente', name: place.gemeenteName };
  const local = service.areas.flatMap((a): Point[] => {
    const centre = centres.get(a);
    return centre ? [centre] : [];
  });
  if (from && local.length > 0)
    return { kind: 'km', km: Math.min(...local.map((centre) => kilometres(from, centre))) };
  if (service.areas.includes('regio')) return { kind: 'regio' };
  if (service.areas.includes('online')) return { kind: 'online' };
  return { kind: 'unknown' };
}

/**
 * The place's own areas: its buurt and wijk, or a village's wijk and its buurten; for a whole
 * gemeente (or a postcode not placed in one wijk) every wijk and buurt of the gemeente — the
 * areas the search asks for below the gemeente.
 */
export function localAreasOf(place: Place, index: PlaceIndex): string[] {
  const local = localAreaCodes(place, index);
  return local.length > 0 ? local : gemeenteAreaCodes(place.gemeenteCode, index);
}

/** Which tier a service is in for this place: 0 local area … 3 online, 4 none of these. */
function tierOf(service: Candidate, place: Place | null, index: PlaceIndex): number {
  const areas = service.areas;
  if (place && localAreasOf(place, index).some((a) => areas.includes(a))) return 0;
  if (place && areas.includes(place.gemeenteCode)) return 1;
  if (areas.includes('regio')) return 2;
  if (areas.includes('online')) return 3;
  return 4;
}

/** Kilometres to the nearest address, else to the centre of the nearest area it serves here. */
function kmOf(service: Candidate, place: Place | null, index: PlaceIndex, tier: number): number {
  const from = place?.point;
  if (!from || tier > 1) return Number.POSITIVE_INFINITY;
  if (service.points.length > 0) return Math.min(...service.points.map((p) => kilometres(from, p)));
  const here = tier === 0 ? localAreasOf(place, index) : [place.gemeenteCode];
  const centres = service.areas.flatMap((a): Point[] => {
    if (!here.includes(a)) return [];
    const centre = index.centres.get(a);
    return centre ? [centre] : [];
  });
  return centres.length > 0
    ? Math.min(...centres.map((c) => kilometres(from, c)))
    : Number.POSITIVE_INFINITY;
}

/** Ladder step first, then tier, then kilometres within the tier, then name, then id. */
export function orderByLadderAndNearness<T extends Candidate>(
  services: T[],
  place: Place | null,
  index: PlaceIndex,
): T[] {
  const keys = new Map(
    services.map((s) => {
      const tier = tierOf(s, place, index);
      return [s, { tier, km: kmOf(s, place, index, tier) }] as const;
    }),
  );
  const key = (s: T) => keys.get(s) ?? { tier: 4, km: Number.POSITIVE_INFINITY };
  return [...services].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return (
      a.ladder_rank - b.ladder_rank ||
      ka.tier - kb.tier ||
      (ka.km === kb.km ? 0 : ka.km < kb.km ? -1 : 1) ||
      byName.compare(a.name, b.name) ||
      // Two services with the same name: still one order, so pages of a list never swap them.
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  });
}
