/** The story form: the privacy warning, the text, tags, consent, and the name check. */
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { Area } from '../../areas/index.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import { nameSignature, type PrivacyFlag } from '../stories.privacy.js';
import {
  CONSENT_BY,
  CONSENT_METHODS,
  STORY_ROLES,
  type StoryStatus,
  TARGET_GROUPS,
} from '../stories.types.js';
import type { StoryRefs } from '../stories-form.service.js';
import type { StoryDetail } from '../stories-view.service.js';
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextArea, TextField } from './parts.js';

/** The B1 warning every story form shows, before anything is typed. */
export function PrivacyWarning() {
  return (
    <div class="marke-note" role="note" aria-labelledby="privacy-titel">
      <h2 class="utrecht-heading-3" id="privacy-titel">
        Let op: niemand mag te herkennen zijn
      </h2>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">Schrijf geen namen, ook geen voornamen.</li>
        <li class="utrecht-unordered-list__item">
          Schrijf geen adres, telefoonnummer of e-mailadres.
        </li>
        <li class="utrecht-unordered-list__item">
          Schrijf niets waaraan iemand te herkennen is, zoals een bijzondere ziekte of een beroep in
          een klein dorp. Schrijf liever "een moeder uit Emmen".
        </li>
        <li class="utrecht-unordered-list__item">
          Vraag altijd eerst toestemming en schrijf op hoe u die kreeg.
        </li>
      </ul>
    </div>
  );
}

/** The gemeenten of the region, each with its wijken, for the area select. */
function AreaOptions({ areas, value }: { areas: Map<string, Area>; value?: string }) {
  const all = [...areas.values()];
  const gemeenten = all
    .filter((a) => a.level === 'gemeente')
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <>
      {gemeenten.map((g) => (
        <optgroup label={g.name}>
          <option value={g.code} selected={value === g.code}>
            {g.name} (hele gemeente)
          </option>
          {all
            .filter((w) => w.level === 'wijk' && w.parentCode === g.code)
            .map((w) => (
              <option value={w.code} selected={value === w.code}>
                {w.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

/** The probable names found, each shown, with the confirmation box. */
function NameCheck({
  flags,
  errors,
  values,
}: {
  flags: PrivacyFlag[];
  errors: FieldErrors;
  values: Record<string, string>;
}) {
  const names = flags.filter((f) => f.kind === 'naam');
  if (names.length === 0) return null;
  return (
    <section class="marke-note" aria-labelledby="namen-titel">
      <h2 class="utrecht-heading-3" id="namen-titel">
        Staan hier namen in?
      </h2>
      <p class="utrecht-paragraph">
        Deze woorden lijken op een naam. Haal namen weg, of vink aan dat het geen namen zijn.
      </p>
      <ul class="utrecht-unordered-list">
        {names.map((f) => (
          <li class="utrecht-unordered-list__item">
            <mark>{f.fragment}</mark>
          </li>
        ))}
      </ul>
      <input type="hidden" name="checked_names" value={nameSignature(flags)} />
      {errors.privacy_confirmed ? (
        <p class="utrecht-form-field-error-message" id="privacy_confirmed-fout">
          {errors.privacy_confirmed}
        </p>
      ) : null}
      <Checkbox
        id="privacy_confirmed"
        label="Ik heb gecontroleerd: er staan geen namen in"
        errors={errors}
        checked={values.privacy_confirmed === 'on'}
      />
    </section>
  );
}

/** Form values of a saved story, as the form posts them. */
export function storyFormValues(story: StoryDetail) {
  const values: Record<string, string> = {
    text: story.text,
    role: story.role,
    told_on: story.toldOn,
    area: story.area.code,
    goals: story.goals.join(', '),
    consent_by: story.consent.by,
    consent_method: story.consent.method,
    consent_recorded_by: story.consent.recordedBy,
    consent_on: story.consent.on,
    is_demo: story.isDemo ? 'on' : '',
  };
  for (const o of story.opgaven) values[`opgave:${o.slug}`] = 'on';
  for (const g of story.targetGroups) values[`doelgroep:${g.slug}`] = 'on';
  return values;
}

export type StoryFormMode = { kind: 'new' } | { kind: 'edit'; id: number; status: StoryStatus };

export function StoryFormPage({
  ctx,
  refs,
  csrf,
  mode,
  values = {},
  errors = {},
  flags = [],
}: {
  ctx: PageContext;
  refs: StoryRefs;
  csrf: string;
  mode: StoryFormMode;
  values?: Record<string, string>;
  errors?: FieldErrors;
  flags?: PrivacyFlag[];
}) {
  const title = mode.kind === 'new' ? 'Nieuw verhaal' : 'Verhaal bewerken';
  const action = mode.kind === 'new' ? '/beheer/verhalen' : `/beheer/verhalen/${mode.id}`;
  const checked = (prefix: string) =>
    Object.keys(values)
      .filter((k) => k.startsWith(`${prefix}:`) && values[k])
      .map((k) => k.slice(prefix.length + 1));
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: 'Verhalen', href: '/beheer/verhalen' }, { label: title }]}
    >
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} />
      <PrivacyWarning />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrf} />
        <TextArea
          id="text"
          label="Het verhaal"
          hint="In de woorden van de verteller. Hoogstens 4000 tekens."
          errors={errors}
          value={values.text}
          rows={10}
        />
        <NameCheck flags={flags} errors={errors} values={values} />
        <RadioGroup
          id="role"
          label="Wie vertelt het verhaal?"
          errors={errors}
          value={values.role}
          options={Object.entries(STORY_ROLES)}
        />
        <TextField
          id="told_on"
          label="Wanneer werd het verteld?"
          hint="Een datum (2025-03-14) of alleen een maand (2025-03)."
          errors={errors}
          value={values.told_on}
        />
        <SelectField id="area" label="Gemeente of wijk" errors={errors} empty="Kies een gebied">
          <AreaOptions areas={refs.areas} value={values.area} />
        </SelectField>
        <CheckboxGroup
          id="opgaven"
          prefix="opgave"
          label="Over welke opgaven gaat het?"
          hint="Kies minstens één opgave, of vul hieronder een doel in."
          errors={errors}
          options={refs.opgaven.map((o) => [o.slug, `${o.number}. ${o.name}`])}
          checked={checked('opgave')}
        />
        <TextField
          id="goals"
          label="Doelen (mag leeg blijven)"
          hint="Codes uit het plan, gescheiden door komma's. Bijvoorbeeld: 2.1.1, 2.2.3.a. De opgave van het doel komt er vanzelf bij."
          errors={errors}
          value={values.goals}
        />
        <CheckboxGroup
          id="target_groups"
          prefix="doelgroep"
          label="Voor welke doelgroepen is het verhaal belangrijk? (mag leeg blijven)"
          errors={errors}
          options={Object.entries(TARGET_GROUPS)}
          checked={checked('doelgroep')}
        />
        <h2 class="utrecht-heading-2">Toestemming</h2>
        <RadioGroup
          id="consent_by"
          label="Wie gaf toestemming?"
          errors={errors}
          value={values.consent_by}
          options={Object.entries(CONSENT_BY)}
        />
        <RadioGroup
          id="consent_method"
          label="Hoe is de toestemming gegeven?"
          errors={errors}
          value={values.consent_method}
          options={Object.entries(CONSENT_METHODS)}
        />
        <TextField
          id="consent_recorded_by"
          label="Wie legde de toestemming vast?"
          hint="Een functie en organisatie, bijvoorbeeld: wijkverpleegkundige, Zorggroep. Dit is niet openbaar."
          errors={errors}
          value={values.consent_recorded_by}
        />
        <TextField
          id="consent_on"
          label="Datum van de toestemming"
          hint="Bijvoorbeeld 2025-03-14."
          errors={errors}
          value={values.consent_on}
        />
        <Checkbox
          id="is_demo"
          label="Dit is een voorbeeld, geen echt verhaal (wordt getoond als voorbeeld)"
          errors={errors}
          checked={values.is_demo === 'on'}
        />
        <div class="marke-search">
          {mode.kind === 'edit' && mode.status === 'gepubliceerd' ? (
            <button
              class="utrecht-button utrecht-button--primary-action"
              type="submit"
              name="actie"
              value="opslaan"
            >
              Opslaan (blijft gepubliceerd)
            </button>
          ) : (
            <>
              <button
                class="utrecht-button utrecht-button--primary-action"
                type="submit"
                name="actie"
                value="indienen"
              >
                Indienen voor publicatie
              </button>
              <button
                class="utrecht-button utrecht-button--secondary-action"
                type="submit"
                name="actie"
                value="concept"
              >
                Opslaan als concept
              </button>
            </>
          )}
        </div>
      </form>
    </Layout>
  );
}
