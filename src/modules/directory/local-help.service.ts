/**
 * Help that belongs to one place: the one local entrance for a village or neighbourhood (its
 * dorps- or buurtcoördinator, the gemeente's sociaal team, for carers the mantelzorgloket) and
 * everything offered in a gemeente. Uses the search's own selection (findForNeeds), so the
 * same listings are visible here as in a search: published, active, checked in time.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { slugify } from '../../lib/slug.js';
import { type Area, areaIndex } from '../areas/index.js';
import { CARER_NEED, GENERAL_NEED } from './help-path.types.js';
import {
  gemeenteAreaCodes,
  localAreaCodes,
  type Place,
  placeIndex,
  wijkPlaceName,
} from './places.js';
import { type Candidate, demoServiceIds } from './search.repository.js';
import { loadCards, type Nearness, type ServiceHit } from './search.service.js';
import { findForNeeds } from './search-candidates.service.js';
import { type NeedTerm, needVocabulary } from './vocabulary.js';

type Db = Kysely<Database>;

/** An entrance is a `dichtbij` service: welfare, coördinator, loket (profile `hulpladder`). */
const ENTRANCE_STEP = 'dichtbij';
/** More than any gemeente and its wijken offer; the query orders by ladder, so none is lost. */
const LOCAL_LIMIT = 2000;

/** The general entrance takes every question; the mantelzorgloket those of carers. */
export type EntranceKind = 'algemeen' | 'mantelzorg';
const NEED_OF: Record<EntranceKind, string> = { algemeen: GENERAL_NEED, mantelzorg: CARER_NEED };

/** Where the entrance found works: the place itself, its whole gemeente, the whole region. */
export type EntranceScope = 'plaats' | 'gemeente' | 'regio';

export type Entrance = {
  place: Place;
  wanted: EntranceKind;
  found: { kind: EntranceKind; scope: EntranceScope; service: ServiceHit } | null;
};

/** The services of the region whose area is one of `areaCodes` (exactly), with the given needs. */
async function servicesIn(
  db: Db,
  regionId: number,
  areaCodes: string[],
  needCodes: string[],
): Promise<Candidate[]> {
  const { candidates } = await findForNeeds(db, {
    regionId,
    needCodes,
    areaCodes,
    keepPerNeed: LOCAL_LIMIT,
  });
  return candidates;
}

/**
 * The one place to start for this place: the nearest `dichtbij` service for the kind asked,
 * first in the village or wijk, then for the whole gemeente, then (general only) the region.
 * A mantelzorgloket is only a gemeente's or a village's; without one the general entrance helps.
 */
export async function localEntrance(
  db: Db,
  regionId: number,
  place: Place,
  wanted: EntranceKind,
): Promise<Entrance> {
  // The place itself: its buurt and wijk, or a village (wijk) with its buurten.
  const own = localAreaCodes(place, await placeIndex(db, regionId));
  const tiers: Array<[EntranceScope, string]> = [
    ...own.map((code): [EntranceScope, string] => ['plaats', code]),
    ['gemeente', place.gemeenteCode],
    ['regio', 'regio'],
  ];
  const found = await servicesIn(
    db,
    regionId,
    tiers.map(([, code]) => code),
    [...new Set([NEED_OF[wanted], GENERAL_NEED])],
  );
  const candidates = found.filter((s) => s.ladder === ENTRANCE_STEP);
  const demo = await demoServiceIds(
    db,
    candidates.map((s) => s.id),
  );
  const pick = (kind: EntranceKind, real: boolean) => {
    for (const [scope, code] of tiers) {
      if (kind === 'mantelzorg' && scope === 'regio') continue;
      const here = candidates.filter(
        (s) => s.needs.includes(NEED_OF[kind]) && s.areas.includes(code) && demo.has(s.id) !== real,
      );
      const best = here.sort(byBreadth)[0];
      if (best) return { kind, scope, service: best };
    }
    return null;
  };
  // A real place first, however wide: a demo listing is made up and cannot be contacted.
  const kinds: EntranceKind[] = wanted === 'mantelzorg' ? ['mantelzorg', 'algemeen'] : ['algemeen'];
  const chosen =
    kinds.map((kind) => pick(kind, true)).find(Boolean) ??
    kinds.map((kind) => pick(kind, false)).find(Boolean);
  if (!chosen) return { place, wanted, found: null };
  const [service] = await loadCards(db, [
    { ...chosen.service, nearness: nearnessFor(chosen.scope, place.gemeenteName) },
  ]);
  return { place, wanted, found: service ? { ...chosen, service } : null };
}

/**
 * Among entrances for the same area: the one that takes the widest range of questions first (a
 * sociaal team before a loket for one subject), then by name, so the choice is stable.
 */
function byBreadth(a: Candidate, b: Candidate): number {
  return b.needs.length - a.needs.length || a.name.localeCompare(b.name, 'nl');
}

function nearnessFor(scope: EntranceScope, gemeenteName: string): Nearness {
  if (scope === 'plaats') return { kind: 'in-place' };
  if (scope === 'gemeente') return { kind: 'gemeente', name: gemeenteName };
  return { kind: 'regio' };
}

export type Gemeente = { code: string; name: string; slug: string };

/** The region's gemeenten by name, for the index and to find one by its code or its name. */
export async function regionGemeenten(db: Db, regionId: number): Promise<Gemeente[]> {
  const areas = await areaIndex(db, regionId);
  return [...areas.values()]
    .filter((a) => a.inRegion && a.level === 'gemeente')
    .map((a) => ({ code: a.code, name: a.name, slug: slugify(a.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * The entrances of a gemeente: for the gemeente and for each of its wijken the one general
 * entrance (the widest, as localEntrance picks it) and the one mantelzorgloket, gemeente first.
 */
function entrancesOf(found: Candidate[], areaCodes: string[], demo: Set<string>): Candidate[] {
  const chosen: Candidate[] = [];
  const realFirst = (a: Candidate, b: Candidate) =>
    Number(demo.has(a.id)) - Number(demo.has(b.id)) || byBreadth(a, b);
  for (const area of areaCodes)
    for (const need of [GENERAL_NEED, CARER_NEED]) {
      const best = found
        .filter(
          (s) =>
            s.ladder === ENTRANCE_STEP &&
            s.areas.includes(area) &&
            s.needs.includes(need) &&
            !chosen.includes(s),
        )
        .sort(realFirst)[0];
      if (best) chosen.push(best);
    }
  return chosen;
}

/** An entrance with where in the gemeente it is offered. */
export type LocalListing = { service: ServiceHit; where: string };

/** A service in a gemeente's list per need: its name, step and where (no contact: see search). */
export type LocalItem = {
  id: string;
  name: string;
  ladder: string;
  isDemo: boolean;
  where: string;
};

/** At most this many services per need on a gemeente page; the rest are one search away. */
export const LISTINGS_PER_NEED = 10;

export type GemeenteOverview = {
  gemeente: Gemeente;
  /** The entrances: general ones and mantelzorgloketten, gemeente-wide first, with contacts. */
  entrances: LocalListing[];
  /**
   * Per need (profile order) the first services offered in the gemeente itself, ladder first,
   * and how many there are in all.
   */
  byNeed: Array<{ need: NeedTerm; listings: LocalItem[]; total: number }>;
  /** Needs for which the gemeente itself has nothing listed (the region's help still applies). */
  without: NeedTerm[];
};

/**
 * What is listed for a gemeente or one of its wijken; unknown code → GemeenteNotFound. A page
 * stays small however much a gemeente offers: per need the first LISTINGS_PER_NEED in the page's
 * order and the count (findForNeeds keeps the whole ladder steps they come from), full cards
 * only for the entrances.
 */
export async function gemeenteOverview(
  db: Db,
  regionId: number,
  code: string,
): Promise<Result<GemeenteOverview, 'GemeenteNotFound'>> {
  const gemeente = (await regionGemeenten(db, regionId)).find((g) => g.code === code);
  if (!gemeente) return err('GemeenteNotFound');
  const [index, areas, { terms }] = await Promise.all([
    placeIndex(db, regionId),
    areaIndex(db, regionId),
    needVocabulary(db),
  ]);
  const local = gemeenteAreaCodes(code, index);
  const areaCodes = [code, ...local];
  const [listed, entranceFound] = await Promise.all([
    findForNeeds(db, {
      regionId,
      needCodes: terms.map((t) => t.code),
      areaCodes,
      keepPerNeed: LISTINGS_PER_NEED,
    }),
    servicesIn(db, regionId, areaCodes, [GENERAL_NEED, CARER_NEED]),
  ]);
  const ordered = gemeenteWideFirst(listed.candidates, code);
  const shown = terms.map((need) => ({
    need,
    services: ordered.filter((s) => s.needs.includes(need.code)).slice(0, LISTINGS_PER_NEED),
    total: listed.totals.get(need.code) ?? 0,
  }));
  const entranceCandidates = entranceFound.filter((s) => s.ladder === ENTRANCE_STEP);
  const demo = await demoServiceIds(db, [
    ...entranceCandidates.map((s) => s.id),
    ...shown.flatMap((n) => n.services.map((s) => s.id)),
  ]);
  const where = (s: Candidate) =>
    s.areas.includes(code)
      ? `heel de gemeente ${gemeente.name}`
      : s.areas.flatMap((a) => (local.includes(a) ? [wijkName(areas, a)] : [])).join(', ');
  // On a gemeente page "how far" has no origin: the card says where in the gemeente instead.
  const entrances = await loadCards(
    db,
    entrancesOf(entranceCandidates, areaCodes, demo).map((s) => ({
      ...s,
      nearness: { kind: 'unknown' },
    })),
  );
  const item = (s: Candidate): LocalItem => ({
    id: s.id,
    name: s.name,
    ladder: s.ladder,
    isDemo: demo.has(s.id),
    where: where(s),
  });
  const byNeed = shown.map((n) => ({
    need: n.need,
    listings: n.services.map(item),
    total: n.total,
  }));
  return ok({
    gemeente,
    entrances: entrances.map((service) => ({ service, where: where(service) })),
    byNeed: byNeed.filter((n) => n.listings.length > 0),
    without: byNeed.filter((n) => n.listings.length === 0).map((n) => n.need),
  });
}

function wijkName(areas: Map<string, Area>, code: string): string {
  const area = areas.get(code);
  return area ? wijkPlaceName(area.name) : code;
}

/** Ladder first; within a step what every inhabitant of the gemeente can use, then by name. */
function gemeenteWideFirst(found: Candidate[], code: string): Candidate[] {
  const local = (s: Candidate) => Number(!s.areas.includes(code));
  return [...found].sort(
    (a, b) =>
      a.ladder_rank - b.ladder_rank || local(a) - local(b) || a.name.localeCompare(b.name, 'nl'),
  );
}
