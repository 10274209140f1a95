/** Signed-in round pages: the list with the start form, and one round's four steps with forms. */
import type { PageContext } from '../../../web/context.js';
import { SelectField, TextArea, TextField } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { PRIORITIES, STATUSES } from '../../agenda/index.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import type { listRounds, RoundView } from '../rounds.service.js';
import {
  AgendaSnapshot,
  Decisions,
  Dialogues,
  IndicatorSnapshot,
  Interpretations,
} from './round-parts.js';

type Rounds = Awaited<ReturnType<typeof listRounds>>;
type Values = Record<string, string>;

const CRUMBS = [
  { label: 'Mijn account', href: '/account' },
  { label: 'Monitoringsrondes', href: '/beheer/rondes' },
];

export function RoundListPage({
  ctx,
  rounds,
  csrf,
  canManage,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  rounds: Rounds;
  csrf: string;
  canManage: boolean;
  values?: Values;
  errors?: FieldErrors;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Monitoringsrondes"
      crumbs={[CRUMBS[0] ?? { label: '' }, { label: 'Monitoringsrondes' }]}
    >
      <h1 class="utrecht-heading-1">Monitoringsrondes</h1>
      <p class="utrecht-paragraph">
        Elke ronde volgt de cyclus data → duiden → dialoog → doen. Bij de start worden de cijfers en
        de stand van de werkagenda vastgelegd.
      </p>
      <ErrorSummary errors={errors} />
      {rounds.length === 0 ? (
        <p class="utrecht-paragraph">Er is nog geen ronde.</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {rounds.map((r) => (
            <li>
              <a class="utrecht-link" href={`/beheer/rondes/${r.code}`}>
                {r.code}: {r.title}
              </a>{' '}
              ({r.status}
              {r.is_public ? ', openbaar' : ''})
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <form method="post" action="/beheer/rondes">
          <h2 class="utrecht-heading-2">Nieuwe ronde starten</h2>
          <CsrfField token={csrf} />
          <TextField
            id="code"
            label="Ronde (bijvoorbeeld 2026-H1)"
            values={values}
            errors={errors}
          />
          <TextField id="title" label="Titel" values={values} errors={errors} />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Start de ronde en leg de cijfers vast
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

type RoundPageProps = {
  ctx: PageContext;
  view: RoundView;
  csrf: string;
  canContribute: boolean;
  canManage: boolean;
  subjects: Array<[string, string]>;
  goals: Array<[string, string]>;
  /** Published stories that can be brought into a dialogue: [id, short label]. */
  stories: Array<[string, string]>;
  form?: string;
  values?: Values;
  errors?: FieldErrors;
};

export function RoundPage(props: RoundPageProps) {
  const { ctx, view, csrf, canContribute, canManage } = props;
  const open = view.round.status === 'open';
  const valuesFor = (form: string) => (props.form === form ? (props.values ?? {}) : {});
  const errorsFor = (form: string) => (props.form === form ? (props.errors ?? {}) : {});
  const code = view.round.code;
  return (
    <Layout ctx={ctx} title={`Ronde ${code}`} crumbs={[...CRUMBS, { label: code }]}>
      <h1 class="utrecht-heading-1">
        Ronde {code}: {view.round.title}
      </h1>
      <ErrorSummary errors={props.errors ?? {}} />
      <p class="utrecht-paragraph">
        Status: {view.round.status}
        {view.round.is_public ? ', openbaar' : ''}. Rapport:{' '}
        <a class="utrecht-link" href={`/beheer/rondes/${code}/rapport`}>
          HTML
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={`/beheer/rondes/${code}/rapport.csv`}>
          CSV-bijlage
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={`/beheer/rondes/${code}/rapport.pdf`}>
          PDF
        </a>
      </p>
      <h2 class="utrecht-heading-2">1. Data</h2>
      <AgendaSnapshot view={view} />
      <IndicatorSnapshot view={view} />
      <h2 class="utrecht-heading-2" id="duiding">
        2. Duiden
      </h2>
      <Interpretations view={view} />
      {open && canContribute ? (
        <form method="post" action={`/beheer/rondes/${code}/duiding`}>
          <CsrfField token={csrf} />
          <SelectField
            id="subject"
            label="Waarover?"
            options={props.subjects}
            values={valuesFor('duiding')}
            errors={errorsFor('duiding')}
          />
          <TextArea
            id="text"
            label="Wat betekenen de cijfers?"
            values={valuesFor('duiding')}
            errors={errorsFor('duiding')}
          />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            Duiding toevoegen
          </button>
        </form>
      ) : null}
      <h2 class="utrecht-heading-2" id="dialoog">
        3. Dialoog
      </h2>
      <Dialogues ctx={ctx} view={view} />
      {open && canContribute ? (
        <form method="post" action={`/beheer/rondes/${code}/dialoog`}>
          <CsrfField token={csrf} />
          <TextField
            id="held_on"
            label="Datum (jjjj-mm-dd)"
            values={valuesFor('dialoog')}
            errors={errorsFor('dialoog')}
          />
          <TextArea
            id="participants"
            label="Wie deden mee?"
            hint="Per regel een rol en een organisatie, bijvoorbeeld: wijkverpleegkundige – Zorggroep. Geen namen."
            values={valuesFor('dialoog')}
            errors={errorsFor('dialoog')}
          />
          <TextArea
            id="notes"
            label="Wat is er besproken?"
            values={valuesFor('dialoog')}
            errors={errorsFor('dialoog')}
          />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            Dialoog vastleggen
          </button>
        </form>
      ) : null}
      <h2 class="utrecht-heading-2" id="besluit">
        4. Doen
      </h2>
      <Decisions ctx={ctx} view={view} />
      {open && canManage ? (
        <DecisionFormView {...props} values={valuesFor('besluit')} errors={errorsFor('besluit')} />
      ) : null}
      {open && canManage ? (
        <form method="post" action={`/beheer/rondes/${code}/afronden`}>
          <h2 class="utrecht-heading-2" id="afronden">
            Ronde afronden
          </h2>
          <CsrfField token={csrf} />
          <TextArea
            id="summary"
            label="Samenvatting voor het rapport"
            values={valuesFor('afronden')}
            errors={errorsFor('afronden')}
          />
          <div class="utrecht-form-field">
            <input type="checkbox" id="is_public" name="is_public" value="ja" />{' '}
            <label for="is_public">Rapport openbaar maken</label>
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Ronde afronden
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

function DecisionFormView({ view, csrf, goals, values = {}, errors = {} }: RoundPageProps) {
  const evidence: Array<[string, string]> = [
    ...view.interpretations.map((i): [string, string] => [
      `duiding:${i.id}`,
      `Duiding over ${i.subject_kind} ${i.subject_key}`,
    ]),
    ...view.dialogues.map((d): [string, string] => [`dialoog:${d.id}`, `Dialoog van ${d.held_on}`]),
    ...view.stories.map((st): [string, string] => [
      `verhaal:${st.id}`,
      `Verhaal: ${st.roleLabel}, ${st.area.name}`,
    ]),
    ...view.indicators.map((i): [string, string] => [
      `indicator:${i.indicator_code}`,
      `Indicator: ${i.indicator_name}`,
    ]),
  ];
  return (
    <form method="post" action={`/beheer/rondes/${view.round.code}/besluit`}>
      <CsrfField token={csrf} />
      <div class={`utrecht-form-field${errors.goal ? ' utrecht-form-field--invalid' : ''}`}>
        <label class="utrecht-form-label" for="goal">
          Over welk operationeel doel?
        </label>
        {errors.goal ? (
          <p class="utrecht-form-field-error-message" id="goal-fout">
            {errors.goal}
          </p>
        ) : null}
        <select
          class="utrecht-select"
          id="goal"
          name="goal"
          aria-describedby={errors.goal ? 'goal-fout' : undefined}
        >
          {goals.map(([value, text]) => (
            <option value={value} selected={values.goal === value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <SelectField
        id="priority"
        empty="– niet veranderen –"
        label="Nieuwe prioriteit"
        options={Object.entries(PRIORITIES)}
        values={values}
        errors={errors}
      />
      <SelectField
        id="status"
        empty="– niet veranderen –"
        label="Nieuwe status"
        options={Object.entries(STATUSES)}
        values={values}
        errors={errors}
      />
      <TextField
        id="planned_start"
        label="Nieuwe start (2026 of 2026-Q3)"
        values={values}
        errors={errors}
      />
      <TextField
        id="planned_end"
        label="Nieuw einde (2027 of 2027-Q4)"
        values={values}
        errors={errors}
      />
      <TextArea id="reason" label="Waarom?" values={values} errors={errors} />
      <fieldset class="utrecht-form-fieldset" id="evidence">
        <legend class="utrecht-form-fieldset__legend">Waar rust het besluit op?</legend>
        {errors.evidence ? <p class="utrecht-form-field-error-message">{errors.evidence}</p> : null}
        {evidence.map(([value, text], n) => (
          <div>
            <input
              type="checkbox"
              id={`evidence-${n}`}
              name="evidence"
              value={value}
              checked={(values.evidence ?? '').split('\n').includes(value)}
            />{' '}
            <label for={`evidence-${n}`}>{text}</label>
          </div>
        ))}
      </fieldset>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        Besluit nemen en werkagenda aanpassen
      </button>
    </form>
  );
}
