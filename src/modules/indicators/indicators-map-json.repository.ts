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

/** Each column's shown value, from the row set `f` (see figuresJsonAt). */
function shownColumns(): Record<(typeof FIGURE_COLUMNS)[number], RawBuilder<unknown>> {
  const shown = (x: RawBuilder<unknown>) =>
    sql`case when f.hidden is null then ${finiteOrNull(x)} end`;
  const value = (name: string) => shown(roundedValueSql(asDouble(col(name)), col('decimals')));
  const count = (name: string) => shown(roundedCountSql(asDouble(col(name)), col('count_base')));
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
 * The figures the filter names as one JSON text (columns of equal length, in no particular
 * order; each array aggregate reads the same rows in the same order, so the columns line up).
 */
export async function figuresJsonAt(db: Db, filter: FigureFilter): Promise<string> {
  if (filter.codes?.length === 0 || (!filter.level && !filter.codes)) return NO_FIGURES_JSON;
  const level = filter.level ? sql`and a.level = ${filter.level}` : sql``;
  const codes = filter.codes ? sql`and m.area_code = any(${[...filter.codes]})` : sql``;
  const hidden = hiddenSql({
    suppressed: sql.ref('m.suppressed'),
    sampleSize: sql.ref('m.sample_size'),
    denominator: sql.ref('m.denominator'),
    threshold: sql.ref('s.threshold'),
  });
  const columns = Object.entries(shownColumns()).map(
    ([name, expr]) => sql`${sql.lit(name)}, coalesce(array_agg(${expr}), '{}')`,
  );
  const result = await sql<{ body: string }>`
    with f as materialized (
      select m.area_code, m.value, m.missing_reason, m.numerator, m.denominator, m.sample_size,
        m.ci_low, m.ci_high, m.source, m.is_demo, ${hidden} as hidden,
        s.threshold, s.decimals, s.count_base
      from measurement m
      join area a on a.code = m.area_code and a.region_id = ${filter.regionId} ${level}
      left join data_source s on s.id = m.data_source_id
      where m.indicator_id = ${filter.indicatorId} and m.period = ${filter.period} ${codes}
    ),
    sources as (
      select source, (row_number() over (order by source)) - 1 as i from f group by source
    )
    select json_build_object(
      'sources', coalesce((select array_agg(source order by i) from sources), '{}'),
      ${sql.join(columns)}
    )::text as body
    from f join sources on sources.source = f.source
  `.execute(db);
  return result.rows[0]?.body ?? NO_FIGURES_JSON;
}
