/**
 * Which services a search considers (ADR 0022). What a need offers in an area does not depend on
 * who asks: so each need's visible services are read once per data version (and day, for the
 * 15-month rule) and kept in memory, grouped by service area; a search then only picks its areas
 * and ladder steps. Every write that can change the answer moves the data version in its own
 * transaction (migration 0025), so a search never sees a listing older than the last commit.
 * Measured: 50 000 services, the search's selection went from 14 ms (SQL per search, PGlite) to
 * well under a millisecond; the first search after a change reads each need it asks for again.
 */
import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import { type Candidate, visibleForNeed } from './search.repository.js';

type Db = Kysely<Database>;

/** One need's visible services, per area code, each list in ladder order. */
type NeedIndex = Map<string, Candidate[]>;

function needIndex(db: Db, regionId: number, needCode: string): Promise<NeedIndex> {
  return memoByDataVersion(db, `hulpwijzer:need:${regionId}:${needCode}`, async () => {
    const byArea: NeedIndex = new Map();
    for (const candidate of await visibleForNeed(db, { regionId, needCode }))
      for (const area of candidate.areas) {
        const list = byArea.get(area);
        if (list) list.push(candidate);
        else byArea.set(area, [candidate]);
      }
    for (const list of byArea.values()) list.sort((a, b) => a.ladder_rank - b.ladder_rank);
    return byArea;
  });
}

/** Areas that are no place: help for everyone. */
const EVERYWHERE = new Set(['regio', 'online']);

/**
 * The services for some needs in some areas. Per need only whole ladder steps are kept, up to the
 * step that reaches `keepPerNeed` services: the first `keepPerNeed` of any ordering within the
 * ladder are among them (a page `p` of `n` cards asks for `n × p`; the memo holds each need's
 * whole list once, whatever is asked). `totals` counts every matching service per need,
 * `localTotals` those for one of the areas asked for other than `regio` and `online` (what a
 * gemeente page counts). The candidates are shared with later searches: callers must not change
 * them.
 */
export async function findForNeeds(
  db: Db,
  filter: { regionId: number; needCodes: string[]; areaCodes: string[]; keepPerNeed: number },
): Promise<{
  candidates: Candidate[];
  totals: Map<string, number>;
  localTotals: Map<string, number>;
}> {
  const { needCodes, areaCodes, keepPerNeed } = filter;
  const totals = new Map<string, number>();
  const localTotals = new Map<string, number>();
  if (needCodes.length === 0 || areaCodes.length === 0)
    return { candidates: [], totals, localTotals };
  const indexes = await Promise.all(needCodes.map((code) => needIndex(db, filter.regionId, code)));
  const local = areaCodes.filter((a) => !EVERYWHERE.has(a));
  const byId = new Map<string, Candidate>();
  for (const [i, code] of needCodes.entries()) {
    const matched = inAreas(indexes[i] as NeedIndex, areaCodes);
    totals.set(code, matched.length);
    localTotals.set(code, countInAreas(indexes[i] as NeedIndex, local));
    for (const candidate of wholeStepsUpTo(matched, keepPerNeed))
      if (!byId.has(candidate.id)) byId.set(candidate.id, candidate);
  }
  return { candidates: [...byId.values()], totals, localTotals };
}

/** The need's services in any of these areas, each once, in ladder order. */
function inAreas(index: NeedIndex, areaCodes: string[]): Candidate[] {
  const seen = new Set<string>();
  const matched: Candidate[] = [];
  for (const area of areaCodes)
    for (const candidate of index.get(area) ?? [])
      if (!seen.has(candidate.id)) {
        seen.add(candidate.id);
        matched.push(candidate);
      }
  return matched.sort((a, b) => a.ladder_rank - b.ladder_rank);
}

/** How many of the need's services are in any of these areas (each once). */
function countInAreas(index: NeedIndex, areaCodes: string[]): number {
  const seen = new Set<string>();
  for (const area of areaCodes) for (const c of index.get(area) ?? []) seen.add(c.id);
  return seen.size;
}

/** The steps before the one that holds the `keep`-th service, and that step itself. */
function wholeStepsUpTo(sorted: Candidate[], keep: number): Candidate[] {
  if (keep <= 0) return [];
  if (sorted.length <= keep) return sorted;
  const lastRank = (sorted[keep - 1] as Candidate).ladder_rank;
  const end = sorted.findIndex((c) => c.ladder_rank > lastRank);
  return end === -1 ? sorted : sorted.slice(0, end);
}
