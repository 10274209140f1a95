/**
 * The rules of a shown figure as SQL expressions, for the one output that PostgreSQL turns into
 * JSON itself: the map API, which sends 14 500 buurten per request (ADR 0014, 0015). Constants
 * are literals, not parameters: the expressions also go into a function body (shown-figure.sql.ts). They are the same
 * rules as `roundCell` and the presenter `toMeasurement` apply in JavaScript, written so that the
 * results are equal to the last bit: numbers are computed as float8 (IEEE doubles, as in
 * JavaScript), halves are rounded up as `Math.round` does (PostgreSQL's own round() of a double
 * rounds halves to even), and the backstop compares doubles as JavaScript does.
 * `indicators-map-json.test.ts` checks every cell of a set full of edge cases against the presenter.
 */
import { type RawBuilder, sql } from 'kysely';
import { DEFAULT_POLICY, SUPPRESSED_TEXT, type Suppression } from './disclosure.types.js';

/** A column or expression of the query these rules are used in. */
type Expr = RawBuilder<unknown>;

/** The reason shown for a hidden figure, with the threshold of its source. */
export function suppressionReason(kind: Suppression, threshold: number): string {
  return kind === 'primary'
    ? `${SUPPRESSED_TEXT.primary} (minder dan ${threshold})`
    : SUPPRESSED_TEXT.secondary;
}

/**
 * `Math.round(x)`: the nearest integer, a half rounded up. `x - floor(x)` is exact for every
 * double, so the comparison with 0.5 is too.
 */
function mathRound(x: Expr): Expr {
  return sql`(floor(${x}) + (${x} - floor(${x}) >= 0.5)::int)`;
}

/** JSON has no NaN or infinity; `JSON.stringify` writes them as null, and so does this. */
export function finiteOrNull(x: Expr): Expr {
  return sql`(case when ${x} in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) then null else ${x} end)`;
}

/** `roundTo`: a double rounded to the source's decimals; unrounded when the source sets none. */
export function roundedValueSql(value: Expr, decimals: Expr): Expr {
  const factor = sql`power(10::float8, ${decimals})`;
  return sql`(case when ${decimals} is null then ${value} else ${mathRound(sql`${value} * ${factor}`)} / ${factor} end)`;
}

/** `roundCount`: a count rounded to a multiple of the source's base (none, or a base of 1: as is). */
export function roundedCountSql(count: Expr, base: Expr): Expr {
  return sql`(case when coalesce(${base}, 0) <= 1 then ${count} else ${mathRound(sql`${count} / ${base}`)} * ${base} end)`;
}

/**
 * Why a figure is hidden ('primary', 'secondary') or null: the stored decision of the disclosure
 * refresh, else the presenter's backstop for a row no decision has reached yet — fewer
 * observations (sample size, else denominator) than the source's threshold.
 */
export function hiddenSql(row: {
  suppressed: Expr;
  sampleSize: Expr;
  denominator: Expr;
  threshold: Expr;
}): Expr {
  const observations = sql`coalesce(${row.sampleSize}::float8, ${row.denominator}::float8)`;
  const threshold = sql`coalesce(${row.threshold}, ${sql.lit(DEFAULT_POLICY.threshold)})`;
  return sql`coalesce(${row.suppressed}, case when ${observations} < ${threshold} then 'primary' end)`;
}

/** `missing_reason` as shown: the suppression's reason for a hidden figure, else the source's own. */
export function shownReasonSql(hidden: Expr, threshold: Expr, missingReason: Expr): Expr {
  const [before, after] = suppressionReason('primary', -1).split('-1');
  const limit = sql`coalesce(${threshold}, ${sql.lit(DEFAULT_POLICY.threshold)})::text`;
  return sql`(case ${hidden}
    when 'primary' then ${sql.lit(before)} || ${limit} || ${sql.lit(after)}
    when 'secondary' then ${sql.lit(SUPPRESSED_TEXT.secondary)}
    else ${missingReason} end)`;
}
