/** Form parts of the stories pages: labelled fields that keep the input and show their own error. */
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../auth/index.js';

type Common = {
  id: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
};

function FieldError({ id, errors }: { id: string; errors: FieldErrors }) {
  return errors[id] ? (
    <p class="utrecht-form-field-error-message" id={`${id}-fout`}>
      {errors[id]}
    </p>
  ) : null;
}

function describedBy(id: string, errors: FieldErrors, hint?: string): string | undefined {
  const ids = [hint ? `${id}-uitleg` : '', errors[id] ? `${id}-fout` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p class="marke-muted" id={`${id}-uitleg`}>
      {hint}
    </p>
  ) : null;
}

/** A one-line text field. */
export function TextField({ id, label, hint, errors, value }: Common & { value?: string }) {
  return (
    <div class={`utrecht-form-field${errors[id] ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <input
        class="utrecht-textbox"
        id={id}
        name={id}
        value={value ?? ''}
        aria-invalid={errors[id] ? 'true' : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      />
    </div>
  );
}

/** A multi-line text field. */
export function TextArea({
  id,
  label,
  hint,
  errors,
  value,
  rows = 6,
}: Common & { value?: string; rows?: number }) {
  return (
    <div class={`utrecht-form-field${errors[id] ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <textarea
        class="utrecht-textarea marke-textarea"
        id={id}
        name={id}
        rows={rows}
        aria-invalid={errors[id] ? 'true' : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}

/** Radio buttons in a fieldset; the first button carries the field's id (the error summary links to it). */
export function RadioGroup({
  id,
  label,
  hint,
  errors,
  options,
  value,
}: Common & { options: Array<[string, string]>; value?: string }) {
  return (
    <fieldset
      class={`marke-fieldset${errors[id] ? ' utrecht-form-field--invalid' : ''}`}
      aria-describedby={describedBy(id, errors, hint)}
    >
      <legend>{label}</legend>
      <Hint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      {options.map(([key, text], index) => (
        <div class="marke-choice">
          <input
            type="radio"
            id={index === 0 ? id : `${id}-${key}`}
            name={id}
            value={key}
            checked={value === key}
          />
          <label for={index === 0 ? id : `${id}-${key}`}>{text}</label>
        </div>
      ))}
    </fieldset>
  );
}

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
      <Hint id={id} hint={hint} />
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

/** A select whose options may be grouped (`<optgroup>`). */
export function SelectField({
  id,
  label,
  hint,
  errors,
  empty,
  children,
}: Common & { empty?: string; children: Child }) {
  return (
    <div class={`utrecht-form-field${errors[id] ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <select
        class="utrecht-select"
        id={id}
        name={id}
        aria-invalid={errors[id] ? 'true' : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {children}
      </select>
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

/** The "voorbeelddata" label of demo content. */
export function DemoTag() {
  return <span class="marke-tag">Voorbeeld</span>;
}
