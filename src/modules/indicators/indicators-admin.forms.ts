/**
 * Posted indicator and target forms → typed input, or Dutch messages keyed by field id (the error
 * summary links to them). Pure: the plan's goals and the region's areas are passed in.
 */
import { err, ok, type Result } from '../../lib/result.js';
import { type FieldErrors, fieldErrors } from '../auth/index.js';
import { parseGoalCode } from '../plan/index.js';
import {
  AREA_LEVELS,
  CodeField,
  type GoalLink,
  IndicatorFields,
  type IndicatorInput,
  MAX_GOAL_ROWS,
  TargetFields,
  type TargetInput,
} from './indicators-admin.types.js';

type Form = Record<string, string>;

/** The code of a new indicator: format only; whether it is free is the service's question. */
export function readCode(form: Form): Result<string, FieldErrors> {
  const parsed = CodeField.safeParse(form.code ?? '');
  return parsed.success ? ok(parsed.data) : err({ code: parsed.error.issues[0]?.message ?? '' });
}

/** Goal rows `doel_n` / `bijdrage_n`: empty rows are skipped, codes stored in plan notation. */
export function readGoals(form: Form, goals: Set<string>): Result<GoalLink[], FieldErrors> {
  const errors: FieldErrors = {};
  const links: GoalLink[] = [];
  for (let n = 0; n < MAX_GOAL_ROWS; n += 1) {
    const raw = (form[`doel_${n}`] ?? '').trim();
    const contribution = (form[`bijdrage_${n}`] ?? '').trim();
    if (raw === '' && contribution === '') continue;
    const parsed = parseGoalCode(raw);
    if (raw === '') errors[`doel_${n}`] = 'Vul de code in van het doel bij deze bijdrage.';
    else if (!parsed || !goals.has(parsed.code))
      errors[`doel_${n}`] =
        `Doel "${raw}" staat niet in het plan. Gebruik een code uit het plan, zoals 2.3.1 of 2.3.1.B.`;
    else if (links.some((l) => l.code === parsed.code))
      errors[`doel_${n}`] = `Doel ${parsed.code} staat er twee keer in.`;
    else if (contribution.length > 1000)
      errors[`bijdrage_${n}`] = 'Een bijdrage is hoogstens 1000 tekens.';
    else links.push({ code: parsed.code, contribution });
  }
  if (Object.keys(errors).length > 0) return err(errors);
  if (links.length === 0) return err({ doelen: 'Koppel de indicator aan minstens één doel.' });
  return ok(links);
}

/** Every field of the indicator except its code; all problems at once. */
export function readIndicatorForm(
  form: Form,
  goals: Set<string>,
): Result<IndicatorInput, FieldErrors> {
  const fields = IndicatorFields.safeParse(form);
  const links = readGoals(form, goals);
  const errors: FieldErrors = {
    ...(fields.success ? {} : fieldErrors(fields.error)),
    ...(links.ok ? {} : links.error),
  };
  if (!fields.success || !links.ok) return err(errors);
  const f = fields.data;
  return ok({
    name: f.name,
    description: f.description,
    numerator: f.numerator,
    denominator: f.denominator,
    unit: f.unit,
    decimals: f.decimals,
    direction: f.direction,
    source: f.source,
    areaLevels: AREA_LEVELS.filter(([level]) => form[`niveau_${level}`] === 'ja').map(([l]) => l),
    frequency: f.frequency,
    track: f.track,
    isPublic: f.is_public,
    goals: links.value,
  });
}

/** A target; the area must be one of the region's CBS areas. All problems at once. */
export function readTargetForm(form: Form, areas: Set<string>): Result<TargetInput, FieldErrors> {
  const parsed = TargetFields.safeParse(form);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  const rawArea = (form.t_area ?? '').trim();
  const areaCode = rawArea.toUpperCase();
  if (!errors.t_area && !areas.has(areaCode))
    errors.t_area = `Gebied "${rawArea}" staat niet in de gebiedenlijst. Gebruik een CBS-code zoals PV22 of GM0106.`;
  if (!parsed.success || Object.keys(errors).length > 0) return err(errors);
  const t = parsed.data;
  return ok({
    comparator: t.t_comparator,
    kind: t.t_kind,
    value: t.t_value,
    year: t.t_year,
    areaCode,
    baselinePeriod: t.t_baseline,
    source: t.t_source,
    note: t.t_note,
  });
}
