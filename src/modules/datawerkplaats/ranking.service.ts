/**
 * A ranked list of the areas on a map (one indicator, level and period): best first by the
 * indicator's direction, ties sharing a place, areas without a shown figure last and unranked.
 * It reads the map's figures, which are already through disclosure control.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ok } from '../../lib/result.js';
import type { IndicatorSummary, Measurement } from '../indicators/index.js';
import { type MapQuery, mapData } from './map.service.js';
import type { Scope } from './trend.service.js';

type Db = Kysely<Database>;
type Direction = IndicatorSummary['direction'];

export type RankEntry = { code: string; name: string; measurement: Measurement | undefined };
export type RankedEntry = RankEntry & { rank: number | undefined };

/**
 * Standard competition ranking (1, 2, 2, 4). Values are compared as shown, rounded to the
 * indicator's decimals, so two areas that read the same share a place. 'lager is beter' ranks
 * the lowest first; 'hoger is beter' and 'neutraal' the highest first. Areas without a value
 * (hidden, missing or no figure) come last, by name, without a place.
 */
export function rankEntries(
  entries: RankEntry[],
  direction: Direction,
  decimals: number,
): RankedEntry[] {
  const scale = 10 ** decimals;
  const shown = (e: RankEntry) =>
    e.measurement?.value == null ? null : Math.round(e.measurement.value * scale) / scale;
  const byName = (a: RankEntry, b: RankEntry) => a.name.localeCompare(b.name, 'nl');
  const sign = direction === 'lager' ? 1 : -1;
  const valued = entries
    .flatMap((e) => {
      const value = shown(e);
      return value === null ? [] : [{ entry: e, value }];
    })
    .sort((a, b) => sign * (a.value - b.value) || byName(a.entry, b.entry));
  const ranked: RankedEntry[] = [];
  valued.forEach(({ entry, value }, i) => {
    const previous = valued[i - 1];
    const rank = previous && previous.value === value ? (ranked[i - 1]?.rank ?? i + 1) : i + 1;
    ranked.push({ ...entry, rank });
  });
  const rest = entries
    .filter((e) => shown(e) === null)
    .sort(byName)
    .map((e) => ({ ...e, rank: undefined }));
  return [...ranked, ...rest];
}

/** The ranked list for a map's query string (the same levels, periods and `binnen`). */
export async function rankAreas(db: Db, scope: Scope, code: string, query: MapQuery) {
  const view = await mapData(db, scope, code, query);
  if (!view.ok) return view;
  const v = view.value;
  // Every area of the map, and figures whose area has no boundary this year (not drawn, but ranked).
  const entries: RankEntry[] = [
    ...v.rows.map((r) => ({ code: r.code, name: r.name, measurement: r.measurement })),
    ...v.unmatched.map((m) => ({ code: m.areaCode, name: m.areaName, measurement: m })),
  ];
  return ok({
    indicator: v.indicator,
    level: v.level,
    levels: v.levels,
    period: v.period,
    periods: v.periods,
    within: v.within,
    withinFigure: v.withinFigure,
    reference: v.reference,
    rows: rankEntries(entries, v.indicator.direction, v.indicator.decimals),
  });
}

export type Ranking = Extract<Awaited<ReturnType<typeof rankAreas>>, { ok: true }>['value'];
