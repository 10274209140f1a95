/** Process-evaluation notes: the list for every signed-in role, and the form for beheerders. */

import { dutchDate } from '../../../lib/dutch-date.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import type { Note, NoteSubjectOption } from '../process-notes.service.js';
import { Checkbox, Saved, SelectField, TextArea, TextField } from './parts.js';

export function NotesPage({
  ctx,
  notes,
  canWrite,
  notice,
}: {
  ctx: PageContext;
  notes: Note[];
  canWrite: boolean;
  notice?: string;
}) {
  return (
    <Layout ctx={ctx} title="Procesnotities" crumbs={[{ label: 'Procesnotities' }]}>
      <h1 class="utrecht-heading-1">Procesnotities</h1>
      <p class="utrecht-paragraph">
        Wat merken we van de samenwerking? Notities uit de procesevaluatie, per opgave, overleg of
        over de samenwerking in het algemeen. Alleen notities die openbaar zijn, komen in openbare
        rapporten.
      </p>
      {notice ? <Saved text={notice} /> : null}
      {canWrite ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/beheer/procesnotities/nieuw">
            Nieuwe procesnotitie
          </a>
        </p>
      ) : null}
      {notes.length === 0 ? (
        <p class="utrecht-paragraph marke-muted">Er zijn nog geen procesnotities.</p>
      ) : (
        notes.map((note) => (
          <article class="marke-card marke-story" aria-labelledby={`notitie-${note.id}`}>
            <h2 class="utrecht-heading-3" id={`notitie-${note.id}`}>
              {dutchDate(note.notedOn)}: {note.subjectLabel}
            </h2>
            <p class="utrecht-paragraph marke-pre">{note.text}</p>
            <p class="utrecht-paragraph marke-muted">
              {note.isPublic ? 'Openbaar' : 'Niet openbaar'} · geschreven door {note.authorName}
              {canWrite ? (
                <>
                  {' · '}
                  <a class="utrecht-link" href={`/beheer/procesnotities/${note.id}/bewerken`}>
                    Bewerken<span class="marke-visually-hidden"> (notitie {note.id})</span>
                  </a>
                </>
              ) : null}
            </p>
          </article>
        ))
      )}
    </Layout>
  );
}

export function noteFormValues(note: Note): Record<string, string> {
  return {
    noted_on: note.notedOn,
    subject: note.subjectKey ? `${note.subjectKind}:${note.subjectKey}` : note.subjectKind,
    text: note.text,
    is_public: note.isPublic ? 'on' : '',
  };
}

export function NoteFormPage({
  ctx,
  csrf,
  subjects,
  id,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  csrf: string;
  subjects: NoteSubjectOption[];
  id?: number;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const title = id === undefined ? 'Nieuwe procesnotitie' : 'Procesnotitie bewerken';
  const groups = [...new Set(subjects.map((s) => s.group))];
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: 'Procesnotities', href: '/beheer/procesnotities' }, { label: title }]}
    >
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} />
      <form
        method="post"
        action={id === undefined ? '/beheer/procesnotities' : `/beheer/procesnotities/${id}`}
        novalidate
      >
        <CsrfField token={csrf} />
        <TextField
          id="noted_on"
          label="Datum"
          hint="Bijvoorbeeld 2025-03-14."
          errors={errors}
          value={values.noted_on}
        />
        <SelectField
          id="subject"
          label="Waar gaat de notitie over?"
          errors={errors}
          empty="Kies een onderwerp"
        >
          {groups.map((group) => (
            <optgroup label={group}>
              {subjects
                .filter((s) => s.group === group)
                .map((s) => (
                  <option value={s.value} selected={values.subject === s.value}>
                    {s.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <TextArea
          id="text"
          label="Notitie"
          hint="Wat ging goed, wat kan beter in de samenwerking? Schrijf geen namen van inwoners."
          errors={errors}
          value={values.text}
          rows={8}
        />
        <Checkbox
          id="is_public"
          label="Openbaar: deze notitie mag in openbare rapporten"
          errors={errors}
          checked={values.is_public === 'on'}
        />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Opslaan
        </button>
      </form>
    </Layout>
  );
}
