/**
 * Labelled form fields for every form in Marke (NL Design System / Utrecht classes). Each keeps
 * what the user typed, shows its own error and is linked to its hint and error through
 * aria-describedby, so the error summary at the top of a form can point straight at it.
 */
import type { Child } from 'hono/jsx';

/** Error message per field name (the first problem of each field). */
export type FieldErrors = Record<string, string>;

type Common = {
  id: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  /** The current value; when absent it is read from `values[id]`. */
  value?: string;
  values?: Record<string, string>;
};

/** The ids of a field's hint and error, for its aria-describedby. */
export function describedBy(id: string, errors: FieldErrors, hint?: string): string | undefined {
  const ids = [hint ? `${id}-uitleg` : '', errors[id] ? `${id}-fout` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

const currentValue = ({ id, value, values }: Common) => value ?? values?.[id] ?? '';

export function FieldHint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p class="marke-muted" id={`${id}-uitleg`}>
      {hint}
    </p>
  ) : null;
}

export function FieldError({ id, errors }: { id: string; errors: FieldErrors }) {
  return errors[id] ? (
    <p class="utrecht-form-field-error-message" id={`${id}-fout`}>
      {errors[id]}
    </p>
  ) : null;
}

/** Label, hint and error around one control. */
function FormField({ id, label, hint, errors, children }: Common & { children: Child }) {
  return (
    <div class={`utrecht-form-field${errors[id] ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      {children}
    </div>
  );
}

/** A one-line field; a password field never echoes its value. */
export function TextField(
  props: Common & { type?: 'text' | 'email' | 'password' | 'tel' | 'url'; autocomplete?: string },
) {
  const { id, hint, errors, type = 'text', autocomplete } = props;
  return (
    <FormField {...props}>
      <input
        class="utrecht-textbox"
        id={id}
        name={id}
        type={type}
        value={type === 'password' ? undefined : currentValue(props)}
        autocomplete={autocomplete}
        aria-invalid={errors[id] ? 'true' : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      />
    </FormField>
  );
}

/** A multi-line field. */
export function TextArea(props: Common & { rows?: number }) {
  const { id, hint, errors, rows = 4 } = props;
  return (
    <FormField {...props}>
      <textarea
        class="utrecht-textarea marke-textarea"
        id={id}
        name={id}
        rows={rows}
        aria-invalid={errors[id] ? 'true' : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      >
        {currentValue(props)}
      </textarea>
    </FormField>
  );
}

/**
 * A select from `options` ([value, text] pairs, the current value selected), or from `children`
 * when the options are grouped (`<optgroup>`); `empty` adds a first option without a value.
 */
export function SelectField(
  props: Common & { options?: Array<[string, string]>; empty?: string; children?: Child },
) {
  const { id, hint, errors, options, empty, children } = props;
  const current = currentValue(props);
  return (
    <FormField {...props}>
      <select
        class="utrecht-select"
        id={id}
        name={id}
        aria-invalid={errors[id] ? 'true' : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options?.map(([value, text]) => (
          <option value={value} selected={current === value}>
            {text}
          </option>
        ))}
        {children}
      </select>
    </FormField>
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
}: Omit<Common, 'value' | 'values'> & { options: Array<[string, string]>; value?: string }) {
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
}: Omit<Common, 'value' | 'values'> & {
  prefix: string;
  options: Array<[string, string]>;
  checked: string[];
}) {
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
