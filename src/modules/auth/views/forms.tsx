/** Form parts shared by the auth pages: error summary, labelled fields, the CSRF field. */
import type { Child } from 'hono/jsx';

export type FieldErrors = Record<string, string>;

/** The error summary every form shows first, linking to each field (GOV.UK / NL DS pattern). */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="fouten-titel">
      <h2 class="utrecht-heading-3" id="fouten-titel">
        Er {entries.length === 1 ? 'is 1 fout' : `zijn ${entries.length} fouten`}
      </h2>
      <ul class="utrecht-unordered-list">
        {entries.map(([field, message]) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#${field}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  id: string;
  label: string;
  type?: string;
  value?: string;
  error?: string;
  autocomplete?: string;
  children?: Child;
};

/** A labelled input with its own error message, keeping what the user typed. */
export function Field({ id, label, type = 'text', value, error, autocomplete }: FieldProps) {
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
      {error ? (
        <p class="utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </p>
      ) : null}
      <input
        class="utrecht-textbox"
        id={id}
        name={id}
        type={type}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-fout` : undefined}
      />
    </div>
  );
}

/** The hidden CSRF field every form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
