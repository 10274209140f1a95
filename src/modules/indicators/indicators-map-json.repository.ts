/**
 * A map's figures as JSON made by PostgreSQL (ADR 0014, 0015): one indicator, one period, the
 * areas of one level (or a list of areas). Each row already holds its figure as shown
 * (`shown_figure`, kept by the disclosure module's trigger), so a map strings those arrays
 * together, one list per source:
 * `{"fields": [...], "groups": [{"source": …, "is_demo": …, "rows": [[area_code, value, …], …]}]}`.
 * The map index (migration 0020) holds every column read here, so PostgreSQL answers from it.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { codeRangeOf } from '../areas/index.js';
import { SHOWN_FIGURE_FIELDS } from '../disclosure/index.js';
import type { FigureFilter } from './indicators-map.repository.js';

type Db = Kysely<Database>;

const FIELDS_JSON = JSON.stringify(SHOWN_FIGURE_FIELDS);

/** What an empty selection gives: the field names and no groups. */
export const NO_FIGURES_JSON = `{"fields":${FIELDS_JSON},"groups":[]}`;

/**
 * Which rows: the indicator's figures in the period, of the level's codes (a range the map
 * index reads directly; a join with `area` to find the level cost ~10 ms for 14 500 buurten)
 * and/or of the listed codes. The indicator belongs to one region and an import only takes codes
 * of that region's areas, so no join with `area` is needed to stay inside the region.
 */
function rowsWhere(filter: PartFilter): RawBuilder<unknown> {
  const range = filter.range ?? (filter.level ? codeRangeOf(filter.level) : undefined);
  const level = range ? sql`and m.area_code >= ${range.from} and m.area_code < ${range.to}` : sql``;
  const codes = filter.codes ? sql`and m.area_code = any(${[...filter.codes]})` : sql``;
  return sql`m.indicator_id = ${filter.indicatorId} and m.period = ${filter.period} ${level} ${codes}`;
}

/** A filter, optionally narrowed to one part of the level's code range (from ≤ code < to). */
type PartFilter = FigureFilter & { range?: { from: string; to: string } };

type Group = { source: string; is_demo: boolean; stale: boolean; rows: string | null };

const STALE = 'Meting zonder shown_figure: de trigger van migratie 0020 ontbreekt.';

const groupJson = (g: Group) =>
  `{"source":${JSON.stringify(g.source)},"is_demo":${g.is_demo},"rows":${g.rows}}`;
const bodyJson = (groups: Group[]) =>
  `{"fields":${FIELDS_JSON},"groups":[${groups.map(groupJson).join(',')}]}`;

/**
 * All the figures in one pass, with whether they share the source and demo flag of the first
 * (the usual case: one file per indicator and period). Grouping costs PostgreSQL a hash table and
 * a sort of the one large text; comparing each row with the first costs it ~0.5 ms.
 */
async function asOneGroup(db: Db, where: RawBuilder<unknown>) {
  const result = await sql<{
    source: string | null;
    is_demo: boolean | null;
    same: boolean | null;
    stale: boolean | null;
    rows: string | null;
  }>`
    with first as (select m.source, m.is_demo from measurement m where ${where} limit 1)
    select (select source from first) as source, (select is_demo from first) as is_demo,
      bool_and(m.source = (select source from first)
        and m.is_demo = (select is_demo from first)) as same,
      bool_or(m.shown_figure is null) as stale,
      '[' || string_agg(m.shown_figure, ',') || ']' as rows
    from measurement m
    where ${where}
  `.execute(db);
  const row = result.rows[0];
  if (row?.stale) throw new Error(STALE);
  if (!row || row.source === null || row.is_demo === null) return { groups: [] };
  if (!row.same) return undefined;
  return { groups: [{ source: row.source, is_demo: row.is_demo, stale: false, rows: row.rows }] };
}

/** The figures the filter names, one list per source and demo flag. */
async function groupsAt(db: Db, filter: PartFilter): Promise<Group[]> {
  const where = rowsWhere(filter);
  const one = await asOneGroup(db, where);
  if (one) return one.groups;
  const result = await sql<Group>`
    select m.source, m.is_demo, bool_or(m.shown_figure is null) as stale,
      '[' || string_agg(m.shown_figure, ',') || ']' as rows
    from measurement m
    where ${where}
    group by m.source, m.is_demo
    order by m.source, m.is_demo
  `.execute(db);
  if (result.rows.some((g) => g.stale)) throw new Error(STALE);
  return result.rows;
}

/**
 * The figures the filter names as one JSON text, grouped by source and demo flag (in no
 * particular order within a group). A row without its shown figure would mean the trigger is
 * missing: that is an error, never a silently shorter map.
 */
export async function figuresJsonAt(db: Db, filter: FigureFilter): Promise<string> {
  if (filter.codes?.length === 0 || (!filter.level && !filter.codes)) return NO_FIGURES_JSON;
  return bodyJson(await groupsAt(db, filter));
}

/** Groups of several parts as one list per source and demo flag, in a fixed order. */
function mergeGroups(parts: Group[]): Group[] {
  const merged = new Map<string, Group>();
  for (const part of parts) {
    if (!part.rows || part.rows === '[]') continue;
    const key = JSON.stringify([part.source, part.is_demo]);
    const known = merged.get(key);
    merged.set(
      key,
      known?.rows ? { ...known, rows: `${known.rows.slice(0, -1)},${part.rows.slice(1)}` } : part,
    );
  }
  return [...merged.values()].sort((a, b) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : Number(a.is_demo) - Number(b.is_demo),
  );
}

/**
 * A whole level's figures read in parts side by side, the level's code range cut at `splitAt`
 * (sorted codes inside it): a national buurt map is 14 500 figures, and two connections read
 * two halves in little more than half the time of one.
 */
export async function figuresJsonInParts(
  db: Db,
  filter: FigureFilter,
  splitAt: readonly string[],
): Promise<string> {
  if (!filter.level || filter.codes || splitAt.length === 0) return figuresJsonAt(db, filter);
  const range = codeRangeOf(filter.level);
  const cuts = [...new Set(splitAt)].filter((c) => c > range.from && c < range.to).sort();
  const bounds = [range.from, ...cuts, range.to];
  const parts = await Promise.all(
    bounds
      .slice(1)
      .map((to, i) => groupsAt(db, { ...filter, range: { from: bounds[i] ?? to, to } })),
  );
  return bodyJson(mergeGroups(parts.flat()));
}
