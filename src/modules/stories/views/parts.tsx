/** Form parts of the stories pages: labelled fields that keep the input and show their own error. */
import { describedBy, FieldError, type FieldErrors, FieldHint } from '../../../web/form-fields.js';

type Common = {
  id: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
};

export { RadioGroup, SelectField, TextArea, TextField } from '../../../web/form-fields.js';

/** Checkboxes named `<prefix>:<value>`; the first carries the group's id for the error summary. */
export function CheckboxGroup({
  id,
  prefix,
  label,
  hint,
  errors,
  options,
  checked,
}: Common & { prefix: string; options: Array<[string, string]>; checked: string[] }) {
  return (
    <fieldset
      class={`marke-fieldset${errors[id] ? ' utrecht-form-field--invalid' : ''}`}
      aria-describedby={describedBy(id, errors, hint)}
    >
      <legend>{label}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      {options.map(([key, text], index) => (
        <div class="marke-choice">
          <input
            type="checkbox"
            id={index === 0 ? id : `${id}-${key}`}
            name={`${prefix}:${key}`}
            value="on"
            checked={checked.includes(key)}
          />
          <label for={index === 0 ? id : `${id}-${key}`}>{text}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** One checkbox with its label (for confirmations). */
export function Checkbox({
  id,
  label,
  errors,
  checked,
}: {
  id: string;
  label: string;
  errors: FieldErrors;
  checked: boolean;
}) {
  return (
    <div class={`marke-choice${errors[id] ? ' utrecht-form-field--invalid' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={id}
        value="on"
        checked={checked}
        aria-invalid={errors[id] ? 'true' : undefined}
        aria-describedby={errors[id] ? `${id}-fout` : undefined}
      />
      <label for={id}>{label}</label>
    </div>
  );
}

/** A status message after a successful save (the page was reached by a redirect). */
export function Saved({ text }: { text: string }) {
  return (
    <div class="utrecht-alert" role="status">
      <p class="utrecht-paragraph">{text}</p>
    </div>
  );
}
