/**
 * A map's figures as JSON made by PostgreSQL (ADR 0014): one indicator, one period, the areas of
 * one level (or a list of areas), column by column — `area_code`, `value`, `missing_reason`,
 * `numerator`, `denominator`, `sample_size`, `ci_low`, `ci_high`, `source` (an index into
 * `sources`), `is_demo` — through the presenter's rules in SQL (the disclosure module's
 * `hiddenSql`, rounding per source). A national buurt map is 14 500 figures: reading them as rows
 * into JavaScript and writing them out again cost five times what PostgreSQL needs to read them.
 * The map index (migration 0019) holds every column read here, so PostgreSQL answers from it.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { codeRangeOf } from '../areas/index.js';
import {
  asDouble,
  finiteOrNull,
  hiddenSql,
  roundedCountSql,
  roundedValueSql,
  shownReasonSql,
} from '../disclosure/index.js';
import type { FigureFilter } from './indicators-map.repository.js';

type Db = Kysely<Database>;

/** The columns, in the order the JSON object lists them. */
export const FIGURE_COLUMNS = [
  'area_code',
  'value',
  'missing_reason',
  'numerator',
  'denominator',
  'sample_size',
  'ci_low',
  'ci_high',
  'source',
  'is_demo',
] as const;

/** What an empty selection gives: every column an empty list. */
export const NO_FIGURES_JSON = JSON.stringify({
  sources: [],
  ...Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, []])),
});

const col = (name: string): RawBuilder<unknown> => sql.ref(`f.${name}`);

/** Each column's shown value, from the row set `f` (numbers already doubles; see figuresJsonAt). */
function shownColumns(): Record<(typeof FIGURE_COLUMNS)[number], RawBuilder<unknown>> {
  const shown = (x: RawBuilder<unknown>) =>
    sql`case when f.hidden is null then ${finiteOrNull(x)} end`;
  const value = (name: string) => shown(roundedValueSql(col(name), col('decimals')));
  const count = (name: string) => shown(roundedCountSql(col(name), col('count_base')));
  return {
    area_code: col('area_code'),
    value: value('value'),
    missing_reason: shownReasonSql(col('hidden'), col('threshold'), col('missing_reason')),
    numerator: count('numerator'),
    denominator: count('denominator'),
    sample_size: count('sample_size'),
    ci_low: value('ci_low'),
    ci_high: value('ci_high'),
    source: sql.ref('sources.i'),
    is_demo: col('is_demo'),
  };
}

/**
 * Which rows: the indicator's figures in the period, of the level's codes (a range the map
 * index reads directly; a join with `area` to find the level cost ~10 ms for 14 500 buurten)
 * and/or of the listed codes. The indicator belongs to one region and an import only takes codes
 * of that region's areas, so no join with `area` is needed to stay inside the region.
 */
function rowsWhere(filter: FigureFilter): RawBuilder<unknown> {
  const range = filter.level ? codeRangeOf(filter.level) : undefined;
  const level = range ? sql`and m.area_code >= ${range.from} and m.area_code < ${range.to}` : sql``;
  const codes = filter.codes ? sql`and m.area_code = any(${[...filter.codes]})` : sql``;
  return sql`m.indicator_id = ${filter.indicatorId} and m.period = ${filter.period} ${level} ${codes}`;
}

/**
 * The figures the filter names as one JSON text (columns of equal length, in no particular
 * order; each array aggregate reads the same rows in the same order, so the columns line up).
 */
export async function figuresJsonAt(db: Db, filter: FigureFilter): Promise<string> {
  if (filter.codes?.length === 0 || (!filter.level && !filter.codes)) return NO_FIGURES_JSON;
  const where = rowsWhere(filter);
  const hidden = hiddenSql({
    suppressed: sql.ref('m.suppressed'),
    sampleSize: sql.ref('m.sample_size'),
    denominator: sql.ref('m.denominator'),
    threshold: sql.ref('s.threshold'),
  });
  const columns = Object.entries(shownColumns()).map(
    ([name, expr]) => sql`${sql.lit(name)}, coalesce(array_agg(${expr}), '{}')`,
  );
  // The sources are read in a pass of their own over the same index entries: cheaper than
  // keeping all rows aside (a materialised CTE) to number the sources first.
  const result = await sql<{ body: string }>`
    with sources as (
      select source, (row_number() over (order by source)) - 1 as i
      from (select distinct m.source from measurement m where ${where}) d
    )
    select json_build_object(
      'sources', coalesce((select array_agg(source order by i) from sources), '{}'),
      ${sql.join(columns)}
    )::text as body
    from (
      select m.area_code, m.missing_reason, m.source, m.is_demo, ${hidden} as hidden,
        ${asDouble(sql.ref('m.value'))} as value, ${asDouble(sql.ref('m.numerator'))} as numerator,
        ${asDouble(sql.ref('m.denominator'))} as denominator,
        ${asDouble(sql.ref('m.sample_size'))} as sample_size,
        ${asDouble(sql.ref('m.ci_low'))} as ci_low, ${asDouble(sql.ref('m.ci_high'))} as ci_high,
        s.threshold, s.decimals, s.count_base
      from measurement m
      left join data_source s on s.id = m.data_source_id
      where ${where}
      -- A fence: each row's conversions are made once. Without it PostgreSQL puts these
      -- expressions into every place the aggregates use them (up to six per value).
      offset 0
    ) f
    join sources on sources.source = f.source
  `.execute(db);
  return result.rows[0]?.body ?? NO_FIGURES_JSON;
}
