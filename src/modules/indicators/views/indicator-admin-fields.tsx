/**
 * Labelled form fields for the indicator pages in beheer. Each keeps what the user typed, shows
 * its own error and is linked to it (aria-describedby), so the error summary can point here.
 */
import { type FieldErrors, SelectField, TextArea, TextField } from '../../../web/form-fields.js';
import { DIRECTION_NAMES, TRACK_NAMES } from '../indicators.types.js';
import {
  AREA_LEVELS,
  COMPARATOR_CHOICES,
  EMPTY_GOAL_ROWS,
  KIND_CHOICES,
  MAX_GOAL_ROWS,
} from '../indicators-admin.types.js';

export type Values = Record<string, string>;
export { SelectField, TextArea, TextField };

function Checkbox({ id, label, values }: { id: string; label: string; values: Values }) {
  return (
    <div class="utrecht-form-field">
      <input
        class="utrecht-checkbox utrecht-checkbox--html-input"
        type="checkbox"
        id={id}
        name={id}
        value="ja"
        checked={values[id] === 'ja'}
      />{' '}
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
    </div>
  );
}

/** Rows shown: every filled row, then a few empty ones to add goals without JavaScript. */
function goalRowCount(values: Values): number {
  let last = -1;
  for (let n = 0; n < MAX_GOAL_ROWS; n += 1)
    if ((values[`doel_${n}`] ?? '') !== '' || (values[`bijdrage_${n}`] ?? '') !== '') last = n;
  return Math.min(MAX_GOAL_ROWS, last + 1 + EMPTY_GOAL_ROWS);
}

function GoalRows({ values, errors }: { values: Values; errors: FieldErrors }) {
  const rows = Array.from({ length: goalRowCount(values) }, (_, n) => n);
  return (
    <fieldset class="utrecht-form-fieldset" id="doelen">
      <legend class="utrecht-form-fieldset__legend">Doelen en verwachte bijdrage</legend>
      <p class="marke-muted">
        De code van een doel uit het plan, zoals 2.3.1 (strategisch doel) of 2.3.1.B (operationeel
        doel). Maak een code leeg om de koppeling weg te halen.
      </p>
      {errors.doelen ? <p class="utrecht-form-field-error-message">{errors.doelen}</p> : null}
      {rows.map((n) => (
        <div>
          <TextField
            id={`doel_${n}`}
            label={`Doel ${n + 1}: code`}
            values={values}
            errors={errors}
          />
          <TextField
            id={`bijdrage_${n}`}
            label={`Doel ${n + 1}: verwachte bijdrage`}
            values={values}
            errors={errors}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** Every field of an indicator except its code (the page adds the code on create). */
export function IndicatorFieldset({ values, errors }: { values: Values; errors: FieldErrors }) {
  const common = { values, errors };
  return (
    <>
      <TextField id="name" label="Naam" {...common} />
      <TextArea
        id="description"
        label="Beschrijving"
        hint="In gewone woorden (taalniveau B1): wat meet deze indicator?"
        {...common}
      />
      <TextField
        id="numerator"
        label="Teller (optioneel)"
        hint="Wie of wat telt mee?"
        {...common}
      />
      <TextField
        id="denominator"
        label="Noemer (optioneel)"
        hint="Van welke groep is het een deel?"
        {...common}
      />
      <TextField
        id="unit"
        label="Eenheid"
        hint="Bijvoorbeeld %, jaar of medewerkers."
        {...common}
      />
      <SelectField
        id="decimals"
        label="Cijfers achter de komma"
        options={['0', '1', '2', '3', '4'].map((d) => [d, d])}
        {...common}
      />
      <SelectField
        id="direction"
        label="Richting"
        options={Object.entries(DIRECTION_NAMES).map(([k, v]) => [
          k,
          `${v[0]?.toUpperCase()}${v.slice(1)}`,
        ])}
        {...common}
      />
      <TextField id="source" label="Bron van de cijfers" {...common} />
      <fieldset class="utrecht-form-fieldset" id="area_levels">
        <legend class="utrecht-form-fieldset__legend">Gebiedsniveaus waarop gemeten wordt</legend>
        {AREA_LEVELS.map(([level, name]) => (
          <Checkbox id={`niveau_${level}`} label={name} values={values} />
        ))}
      </fieldset>
      <TextField
        id="frequency"
        label="Hoe vaak gemeten"
        hint="Bijvoorbeeld jaarlijks of vierjaarlijks."
        {...common}
      />
      <SelectField id="track" label="Spoor" options={Object.entries(TRACK_NAMES)} {...common} />
      <GoalRows values={values} errors={errors} />
      <Checkbox
        id="is_public"
        label="Openbaar: tonen op de openbare site, in de voortgang en in de API"
        values={values}
      />
    </>
  );
}

/** The fields of a new target (prefix `t_`, so they never clash with the indicator's own). */
export function TargetFieldset({ values, errors }: { values: Values; errors: FieldErrors }) {
  const common = { values, errors };
  return (
    <>
      <SelectField
        id="t_comparator"
        label="Vergelijking"
        options={COMPARATOR_CHOICES}
        {...common}
      />
      <SelectField id="t_kind" label="Soort streefwaarde" options={KIND_CHOICES} {...common} />
      <TextField
        id="t_value"
        label="Streefwaarde"
        hint="Een getal, zoals 46 of 12,5."
        {...common}
      />
      <TextField id="t_year" label="Streefjaar" hint="Bijvoorbeeld 2027 of 2040." {...common} />
      <TextField
        id="t_area"
        label="Gebied (CBS-code)"
        hint="Bijvoorbeeld PV22 (Drenthe) of GM0106 (Assen)."
        {...common}
      />
      <TextField
        id="t_baseline"
        label="Nulmeting (optioneel)"
        hint="De periode van de uitgangswaarde, zoals 2024. Leeg: de eerste meting."
        {...common}
      />
      <TextField id="t_source" label="Bron van de streefwaarde" {...common} />
      <TextField id="t_note" label="Toelichting (optioneel)" {...common} />
    </>
  );
}
