/**
 * The guided path (/hulpwijzer/begin) and the carer's path (/hulpwijzer/voor-een-ander): one
 * question per page in a GET form that carries the earlier answers, then the result. Works
 * without JavaScript; every step has its own URL.
 */
import { href, type PageContext } from '../../../web/context.js';
import { RadioGroup, TextField } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { ErrorSummary } from '../../auth/index.js';
import type { CrisisLine } from '../directory.types.js';
import type { PathState, PathView } from '../help-path.service.js';
import {
  GENERAL_NEED,
  isCarer,
  OTHERS,
  type PathAnswers,
  type PathKind,
  RELATION_CHOICES,
  RELATION_WORDS,
  RELATIONS,
} from '../help-path.types.js';
import { CrisisFirst, CrisisStrip } from './crisis.js';
import { EntranceBox, NeedSections, PrintLink, query } from './help-parts.js';

export const PATH_URL: Record<PathKind, string> = {
  begin: '/hulpwijzer/begin',
  ander: '/hulpwijzer/voor-een-ander',
};
const PATH_TITLE: Record<PathKind, string> = {
  begin: 'Ik weet niet waar ik moet beginnen',
  ander: 'Ik zoek hulp voor iemand anders',
};
const STEP_NUMBER = { voor: 1, over: 2, plaats: 3 } as const;

type Props = { ctx: PageContext; state: PathState; crisisLines: CrisisLine[] };

export function PathPage({ ctx, state, crisisLines }: Props) {
  const { kind, view } = state;
  const title = view.step === 'klaar' ? resultTitle(state) : questionOf(state, view.step);
  return (
    <Layout
      ctx={ctx}
      title={`${title} - Hulpwijzer`}
      description="In drie korte vragen naar de plek waar je in je eigen dorp of wijk terecht kunt."
      crumbs={[
        { label: 'Hulpwijzer', href: href(ctx, '/hulpwijzer') },
        { label: PATH_TITLE[kind] },
      ]}
      nav="hulpwijzer"
    >
      <CrisisStrip lines={crisisLines} />
      {view.step === 'klaar' ? (
        <Result ctx={ctx} state={state} view={view} />
      ) : (
        <Step ctx={ctx} state={state} view={view} />
      )}
    </Layout>
  );
}

/** The question of a step, in the words of this path and of whom the help is for. */
function questionOf(state: PathState, step: 'voor' | 'over' | 'plaats'): string {
  const voor = state.answers.voor;
  const person = isCarer(voor) ? RELATION_WORDS[voor] : null;
  if (step === 'voor') return 'Voor wie zoek je hulp?';
  if (step === 'over')
    return person ? `Waar heeft ${person} hulp bij nodig?` : 'Waar zoek je hulp bij?';
  return person ? `Waar woont ${person}?` : 'Waar woon je?';
}

type StepView = Exclude<PathView, { step: 'klaar' }>;

function Step({ ctx, state, view }: { ctx: PageContext; state: PathState; view: StepView }) {
  const { kind, answers } = state;
  const errors: Record<string, string> = { ...view.errors };
  const step = view.step;
  const kept = (['voor', 'over', 'plaats'] as const).flatMap((name) => {
    const value = answers[name];
    return name !== step && value !== null ? [[name, value] as const] : [];
  });
  return (
    <>
      <h1 class="utrecht-heading-1">{PATH_TITLE[kind]}</h1>
      <p class="utrecht-paragraph">
        {kind === 'ander'
          ? 'Zorg je voor iemand? Beantwoord drie korte vragen. Je ziet dan hulp voor die persoon, en steun voor jou.'
          : 'Beantwoord drie korte vragen. Je ziet dan waar je in je eigen dorp of wijk terecht kunt, en welke hulp er is.'}
      </p>
      <p class="marke-muted">Vraag {STEP_NUMBER[step]} van 3</p>
      <Answers ctx={ctx} kind={kind} answers={answers} upTo={step} state={state} />
      <ErrorSummary errors={errors} />
      <form class="marke-form" action={href(ctx, PATH_URL[kind])} method="get">
        {/* The other answers travel along (in URL order): after "wijzigen" the result is next. */}
        <Hidden fields={kept.filter(([name]) => ORDER[name] < ORDER[step])} />
        <StepField state={state} step={step} errors={errors} />
        <Hidden fields={kept.filter(([name]) => ORDER[name] > ORDER[step])} />
        {view.step === 'plaats' ? (
          <Suggestions ctx={ctx} state={state} suggestions={view.suggestions} />
        ) : null}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {kept.length === 2 ? 'Laat de hulp zien' : 'Volgende vraag'}
        </button>
      </form>
    </>
  );
}

const ORDER = { voor: 0, over: 1, plaats: 2 } as const;

function Hidden({ fields }: { fields: ReadonlyArray<readonly [string, string]> }) {
  return (
    <>
      {fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The one question of a step: radio buttons for whom and what about, a text field for where. */
function StepField({
  state,
  step,
  errors,
}: {
  state: PathState;
  step: StepView['step'];
  errors: Record<string, string>;
}) {
  if (step === 'voor') {
    const relations = state.kind === 'ander' ? OTHERS : RELATIONS;
    return (
      <RadioGroup
        id="voor"
        label={questionOf(state, 'voor')}
        errors={errors}
        options={relations.map((r) => [r, RELATION_CHOICES[r]])}
        value={state.answers.voor ?? undefined}
      />
    );
  }
  if (step === 'over') {
    // "I don't know" last: the list starts with what residents recognise.
    const needs = [
      ...state.needs.filter((n) => n.code !== GENERAL_NEED),
      ...state.needs.filter((n) => n.code === GENERAL_NEED),
    ];
    return (
      <RadioGroup
        id="over"
        label={questionOf(state, 'over')}
        hint="Kies wat het meest past. Je kunt later altijd iets anders kiezen."
        errors={errors}
        options={needs.map((n) => [n.code, n.name])}
        value={state.answers.over ?? undefined}
      />
    );
  }
  // The browser may fill in the resident's own town, not where the person they care for lives.
  return (
    <TextField
      id="plaats"
      label={questionOf(state, 'plaats')}
      hint="Het dorp, de wijk of de gemeente, of de postcode."
      errors={errors}
      value={state.answers.plaats ?? ''}
      autocomplete={isCarer(state.answers.voor) ? undefined : 'address-level2'}
    />
  );
}

/** Places close to what was typed, each a link to the result with that place. */
function Suggestions({
  ctx,
  state,
  suggestions,
}: {
  ctx: PageContext;
  state: PathState;
  suggestions: string[];
}) {
  if (suggestions.length === 0) return null;
  const link = (place: string) =>
    href(ctx, `${PATH_URL[state.kind]}${query({ ...answersQuery(state.answers), plaats: place })}`);
  return (
    <p class="utrecht-paragraph">
      Bedoel je{' '}
      {suggestions.map((s, i) => (
        <>
          {i > 0 ? ' of ' : ''}
          <a class="utrecht-link" href={link(s)}>
            {s}
          </a>
        </>
      ))}
      ?
    </p>
  );
}

const answersQuery = (a: PathAnswers) => ({ voor: a.voor, over: a.over });

/** The answers given so far, each with a link back to its question. */
function Answers({
  ctx,
  kind,
  answers,
  upTo,
  state,
}: {
  ctx: PageContext;
  kind: PathKind;
  answers: PathAnswers;
  upTo: 'voor' | 'over' | 'plaats' | 'klaar';
  state: PathState;
}) {
  // "wijzigen" shows that question again with its answer filled in, the other answers kept
  // (not a place that is the question of this very page).
  const plaats = upTo === 'plaats' ? null : answers.plaats;
  const change = (wijzig: 'voor' | 'over' | 'plaats') =>
    `${PATH_URL[kind]}${query({ ...answersQuery(answers), plaats, wijzig })}`;
  const rows: Array<[string, string, string]> = [];
  if (upTo !== 'voor' && answers.voor)
    rows.push(['Voor wie', RELATION_CHOICES[answers.voor], change('voor')]);
  const need = state.needs.find((n) => n.code === answers.over);
  if ((upTo === 'plaats' || upTo === 'klaar') && need)
    rows.push(['Waarover', need.name, change('over')]);
  if (upTo === 'klaar' && answers.plaats) rows.push(['Waar', answers.plaats, change('plaats')]);
  if (rows.length === 0) return null;
  return (
    <dl class="marke-facts marke-answers">
      {rows.map(([label, value, link]) => (
        <>
          <dt>{label}</dt>
          <dd>
            {value}{' '}
            <a class="utrecht-link marke-no-print" href={href(ctx, link)}>
              wijzigen<span class="marke-visually-hidden"> ({label.toLowerCase()})</span>
            </a>
          </dd>
        </>
      ))}
    </dl>
  );
}

function resultTitle(state: PathState): string {
  const { view, answers } = state;
  if (view.step !== 'klaar' || !view.plan.path) return 'Hulp gevonden';
  const place = view.plan.outcome.place?.label ?? answers.plaats ?? '';
  if (isCarer(answers.voor)) return `Hulp voor ${RELATION_WORDS[answers.voor]} en voor jou`;
  return `Hulp in ${place}`;
}

function Result({
  ctx,
  state,
  view,
}: {
  ctx: PageContext;
  state: PathState;
  view: Extract<PathView, { step: 'klaar' }>;
}) {
  const { plan } = view;
  const { answers, kind } = state;
  const person = isCarer(answers.voor) ? RELATION_WORDS[answers.voor] : null;
  const place = plan.outcome.place;
  const nothing =
    !plan.entrance?.found &&
    [...plan.sections, ...plan.carerSections].every((s) => s.services.length === 0);
  return (
    <>
      <h1 class="utrecht-heading-1">{resultTitle(state)}</h1>
      <CrisisFirst lines={plan.outcome.crisis} />
      <Answers ctx={ctx} kind={kind} answers={answers} upTo="klaar" state={state} />
      {person ? (
        <p class="utrecht-paragraph">
          Je zorgt voor {person}. Dat is mooi, en het kan ook zwaar zijn. Je hoeft het niet alleen
          te doen. Hieronder zie je eerst waar je terecht kunt, dan hulp voor {person} en steun voor
          jou.
        </p>
      ) : null}
      {plan.entrance ? <EntranceBox ctx={ctx} entrance={plan.entrance} /> : null}
      <NeedSections
        sections={plan.sections}
        prefix="hulp"
        title={(s) => (person ? `Voor ${person}: ${s.need.name}` : s.need.name)}
        showEmpty
      />
      <NeedSections
        sections={plan.carerSections}
        prefix="jou"
        title={() => 'Voor jou: steun als mantelzorger'}
      />
      {nothing ? (
        <p class="utrecht-paragraph">
          Voor deze vraag staat hier nog geen hulp. Kies een ander onderwerp of zoek in je eigen
          woorden.
        </p>
      ) : null}
      <PrintLink
        ctx={ctx}
        params={{ voor: answers.voor, over: answers.over, plaats: place?.label }}
      />
      <ul class="utrecht-unordered-list marke-no-print">
        <li>
          <a
            class="utrecht-link"
            href={href(ctx, `/hulpwijzer${query({ vraag: '', plaats: place?.label ?? '' })}`)}
          >
            Zelf zoeken, in je eigen woorden
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={href(ctx, PATH_URL[kind])}>
            Opnieuw beginnen
          </a>
        </li>
      </ul>
    </>
  );
}
