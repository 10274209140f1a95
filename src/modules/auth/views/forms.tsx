/** Form parts shared by the auth pages: error summary, labelled fields, the CSRF field. */
import { type FieldErrors, TextField } from '../../../web/form-fields.js';

export type { FieldErrors };

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
  type?: 'text' | 'email' | 'password';
  value?: string;
  error?: string;
  autocomplete?: string;
};

/** A labelled input with its own error message, keeping what the user typed (not a password). */
export function Field({ error, ...field }: FieldProps) {
  return <TextField {...field} errors={error ? { [field.id]: error } : {}} />;
}

/** The hidden CSRF field every form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
