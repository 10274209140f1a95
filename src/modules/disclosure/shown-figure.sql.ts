/**
 * Every measurement row keeps the figure as it may be shown: `measurement.shown_figure`, a JSON
 * array `[area_code, value, numerator, denominator, sample_size, ci_low, ci_high, missing_reason]`
 * without its trailing nulls, after disclosure control — hidden figures null with their reason,
 * the rest rounded by the rules of the row's source (ADR 0015). The map API sends 14 500 of them per request; made when a row is
 * written, a map only has to string them together.
 *
 * The database keeps them up to date itself, so that no write path can forget one: a trigger on
 * `measurement` computes the array on every insert and update (a new figure, a disclosure
 * decision), and one on `data_source` recomputes a source's rows when its rules change. The
 * function is written from the same SQL rules as the map's other figures (`disclosure.sql.ts`),
 * and `indicators-map-json.test.ts` checks every cell against the presenter (`toMeasurement`).
 *
 * The functions are not a migration snapshot: they follow this code. `syncShownFigures` runs after
 * the migrations on every start and, when the definitions here differ from the database's (a
 * changed rule), replaces them and recomputes every row.
 */
import { createHash } from 'node:crypto';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  finiteOrNull,
  hiddenSql,
  roundedCountSql,
  roundedValueSql,
  shownReasonSql,
} from './disclosure.sql.js';

type Db = Kysely<Database>;

/**
 * The fields of a shown figure, in the order of its array. The reason comes last: most figures
 * have none, and trailing nulls are left out.
 */
export const SHOWN_FIGURE_FIELDS = [
  'area_code',
  'value',
  'numerator',
  'denominator',
  'sample_size',
  'ci_low',
  'ci_high',
  'missing_reason',
] as const;

const FUNCTION = 'marke_shown_figure';
const SOURCE_FUNCTION = 'marke_source_rules_changed';
const TRIGGERS = ['measurement_shown_figure', 'data_source_shown_figures'];

/** A local variable of the trigger function. */
const local = (name: string) => sql.raw(name);

/** The array of one row, from the function's locals (numbers already doubles). */
function shownFigureSql(): RawBuilder<unknown> {
  const shown = (x: RawBuilder<unknown>) =>
    sql`case when f_hidden is null then ${finiteOrNull(x)} end`;
  const value = (name: string) => shown(roundedValueSql(local(`f_${name}`), local('p_decimals')));
  const count = (name: string) => shown(roundedCountSql(local(`f_${name}`), local('p_count_base')));
  const fields: Record<(typeof SHOWN_FIGURE_FIELDS)[number], RawBuilder<unknown>> = {
    area_code: sql`new.area_code`,
    value: value('value'),
    missing_reason: shownReasonSql(
      local('f_hidden'),
      local('p_threshold'),
      sql`new.missing_reason`,
    ),
    numerator: count('numerator'),
    denominator: count('denominator'),
    sample_size: count('sample_size'),
    ci_low: value('ci_low'),
    ci_high: value('ci_high'),
  };
  const asJson = (x: RawBuilder<unknown>) => sql`coalesce(to_json(${x})::text, 'null')`;
  const parts = SHOWN_FIGURE_FIELDS.map((name) => asJson(fields[name]));
  // Trailing nulls are left out (most figures have no sample size or interval): half the bytes
  // of a national map. A JSON string never ends in `,null]` (its closing quote comes first).
  return sql`regexp_replace('[' || ${sql.join(parts, sql` || ',' || `)} || ']', '(,null)+]$', ']')`;
}

/** SQL text without parameters (a function body cannot have any). */
function compile(db: Db, expr: RawBuilder<unknown>): string {
  const compiled = expr.compile(db);
  if (compiled.parameters.length > 0) throw new Error('shown_figure: SQL met parameters');
  return compiled.sql;
}

/**
 * The statements that define the functions and triggers. `extra_float_digits = 1` is set on the
 * function, so doubles are written exactly whatever the writing session has set.
 */
export function shownFigureDefinitions(db: Db): string[] {
  const hidden = hiddenSql({
    suppressed: sql`new.suppressed`,
    sampleSize: sql`new.sample_size`,
    denominator: sql`new.denominator`,
    threshold: local('p_threshold'),
  });
  // Numbers as doubles, once: a numeric cast to float8 rounds correctly, as JavaScript's
  // `Number(text)` does, so both sides start from the same double.
  const doubles = ['value', 'numerator', 'denominator', 'sample_size', 'ci_low', 'ci_high'];
  const body = `
declare
  p_threshold int;
  p_decimals int;
  p_count_base int;
  f_hidden text;
  ${doubles.map((name) => `f_${name} float8;`).join('\n  ')}
begin
  if new.data_source_id is not null then
    select threshold, decimals, count_base into p_threshold, p_decimals, p_count_base
    from data_source where id = new.data_source_id;
  end if;
  ${doubles.map((name) => `f_${name} := new.${name}::float8;`).join('\n  ')}
  f_hidden := ${compile(db, hidden)};
  new.shown_figure := ${compile(db, shownFigureSql())};
  return new;
end`;
  return [
    `create or replace function ${FUNCTION}() returns trigger language plpgsql
      set extra_float_digits = 1 as $fn$${body}$fn$`,
    `create or replace trigger ${TRIGGERS[0]} before insert or update on measurement
      for each row execute function ${FUNCTION}()`,
    // A source's new rounding or threshold changes how its figures are shown: an update of its
    // rows makes the trigger above recompute them.
    `create or replace function ${SOURCE_FUNCTION}() returns trigger language plpgsql as $fn$
begin
  update measurement set shown_figure = null where data_source_id = new.id;
  return null;
end$fn$`,
    `create or replace trigger ${TRIGGERS[1]}
      after update of threshold, decimals, count_base on data_source for each row
      when (old.threshold is distinct from new.threshold or old.decimals is distinct from
            new.decimals or old.count_base is distinct from new.count_base)
      execute function ${SOURCE_FUNCTION}()`,
  ];
}

/** Which definitions the database holds: a hash of their text, kept as the function's comment. */
function versionOf(definitions: readonly string[]): string {
  return `marke:${createHash('sha256').update(definitions.join('\n;\n')).digest('hex').slice(0, 16)}`;
}

/**
 * Brings the functions and every row's shown figure up to date with this code. Cheap when nothing
 * changed (one catalogue read); otherwise it recomputes all measurements in one transaction.
 */
export async function syncShownFigures(db: Db): Promise<'unchanged' | 'rebuilt'> {
  const definitions = shownFigureDefinitions(db);
  const version = versionOf(definitions);
  // The function's version, and whether both triggers are there and enabled.
  const current = await sql<{ version: string | null; triggers: number }>`
    select obj_description(to_regproc(${FUNCTION}), 'pg_proc') as version,
      (select count(*) from pg_trigger where tgname in (${sql.join(TRIGGERS)})
        and tgenabled <> 'D')::int as triggers`.execute(db);
  const row = current.rows[0];
  if (row?.version === version && row.triggers === TRIGGERS.length) return 'unchanged';
  await db.transaction().execute(async (trx) => {
    for (const statement of definitions) await sql.raw(statement).execute(trx);
    await sql.raw(`comment on function ${FUNCTION}() is '${version}'`).execute(trx);
    await sql`update measurement set shown_figure = null`.execute(trx);
  });
  return 'rebuilt';
}
