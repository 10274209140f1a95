/** Beheer pages of indicators: the overview (also non-public ones), the create and edit forms. */
import { dutchDayOf } from '../../../lib/dutch-date.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import type { IndicatorSummary } from '../indicators.service.js';
import type { EditView, listForAdmin, Origin } from '../indicators-admin.service.js';
import {
  IndicatorFieldset,
  TargetFieldset,
  TextField,
  type Values,
} from './indicator-admin-fields.js';
import { StatusBadge, targetText } from './indicator-parts.js';
import { StatusRule } from './indicators.js';

type AdminRow = Awaited<ReturnType<typeof listForAdmin>>[number];
const BASE = '/beheer/indicatoren';
const LIST_CRUMBS = [{ label: 'Mijn account', href: '/account' }];

const ORIGIN_NAMES: Record<Origin, string> = {
  hier: 'hier gemaakt',
  bestand: 'planbestand',
  overgenomen: 'planbestand, hier aangepast',
};

/** Messages after a redirect (`?melding=`); unknown keys show nothing. */
export const NOTICES: Record<string, string> = {
  opgeslagen: 'Opgeslagen.',
  gemaakt: 'De indicator is gemaakt. Voeg hieronder streefwaarden toe.',
  'streefwaarde-toegevoegd': 'De streefwaarde is toegevoegd.',
  'streefwaarde-verwijderd': 'De streefwaarde is verwijderd.',
  verwijderd: 'De indicator is verwijderd.',
};

function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <div class="utrecht-alert" role="status">
      <p class="utrecht-paragraph">{text}</p>
    </div>
  );
}

/** The form's values for an indicator as stored, the target form's defaults included. */
export function valuesOf(i: IndicatorSummary, regionAreaCode: string): Values {
  const values: Values = {
    ...targetDefaults(regionAreaCode),
    name: i.name,
    description: i.description,
    numerator: i.numerator ?? '',
    denominator: i.denominator ?? '',
    unit: i.unit,
    decimals: String(i.decimals),
    direction: i.direction,
    source: i.source,
    frequency: i.frequency,
    track: i.track,
    is_public: i.is_public ? 'ja' : '',
  };
  for (const level of i.area_levels) values[`niveau_${level}`] = 'ja';
  i.goals.forEach((g, n) => {
    values[`doel_${n}`] = g.code;
    values[`bijdrage_${n}`] = g.contribution;
  });
  return values;
}

export function targetDefaults(regionAreaCode: string): Values {
  return { t_comparator: '>=', t_kind: 'absolute', t_area: regionAreaCode };
}

/** A new indicator starts public, with one decimal, like the plan's own indicators. */
export const NEW_DEFAULTS: Values = { decimals: '1', direction: 'hoger', is_public: 'ja' };

function TargetsCell({ i }: { i: AdminRow }) {
  if (i.targets.length === 0) return <td class="utrecht-table__cell marke-muted">geen</td>;
  return (
    <td class="utrecht-table__cell">
      {i.targets.map((t) => (
        <div>
          {targetText(t, i)}: <StatusBadge target={t} />
        </div>
      ))}
    </td>
  );
}

export function IndicatorAdminListPage(props: {
  ctx: PageContext;
  indicators: AdminRow[];
  notice?: string;
}) {
  const { ctx, indicators, notice } = props;
  const cell = 'utrecht-table__cell';
  const head = (text: string) => (
    <th class="utrecht-table__header-cell" scope="col">
      {text}
    </th>
  );
  return (
    <Layout
      ctx={ctx}
      title="Indicatoren beheren"
      crumbs={[...LIST_CRUMBS, { label: 'Indicatoren beheren' }]}
    >
      <h1 class="utrecht-heading-1">Indicatoren beheren</h1>
      <Notice text={notice} />
      <p class="utrecht-paragraph">
        Alle indicatoren van {ctx.region.name}, ook die nog niet openbaar zijn. Een indicator die
        niet openbaar is, staat niet op de openbare site, niet in de voortgang en niet in de API.
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${BASE}/nieuw`}>
          Nieuwe indicator
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href="/beheer/metingen/import">
          Metingen inlezen
        </a>
      </p>
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{indicators.length} indicatoren</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {['Indicator', 'Spoor', 'Openbaar', 'Voorbeelddata', 'Metingen'].map(head)}
              {['Streefwaarden en status', 'Herkomst'].map(head)}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {indicators.map((i) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  <a class="utrecht-link" href={`${BASE}/${i.code}`}>
                    {i.name}
                  </a>{' '}
                  <span class="marke-muted marke-code">{i.code}</span>
                </th>
                <td class={cell}>{i.track === '2040' ? '2040' : 'cyclus'}</td>
                <td class={cell}>{i.is_public ? 'ja' : 'nee'}</td>
                <td class={cell}>{i.is_demo ? 'ja' : 'nee'}</td>
                <td class={cell}>{i.measurementCount}</td>
                <TargetsCell i={i} />
                <td class={cell}>{ORIGIN_NAMES[i.origin]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

type FormProps = {
  ctx: PageContext;
  csrf: string;
  values: Values;
  errors?: FieldErrors;
};

export function NewIndicatorPage({ ctx, csrf, values, errors = {} }: FormProps) {
  return (
    <Layout
      ctx={ctx}
      title="Nieuwe indicator"
      crumbs={[...LIST_CRUMBS, { label: 'Indicatoren beheren', href: BASE }, { label: 'Nieuw' }]}
    >
      <h1 class="utrecht-heading-1">Nieuwe indicator</h1>
      <ErrorSummary errors={errors} />
      <p class="utrecht-paragraph">
        Na het opslaan kunt u streefwaarden toevoegen. De code kan daarna niet meer veranderen.
      </p>
      <form method="post" action={`${BASE}/nieuw`} novalidate>
        <CsrfField token={csrf} />
        <TextField
          id="code"
          label="Code"
          hint="Kleine letters, cijfers en streepjes, bijvoorbeeld overgewicht-jongeren. Komt in het webadres."
          values={values}
          errors={errors}
        />
        <IndicatorFieldset values={values} errors={errors} />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Indicator maken
        </button>
      </form>
    </Layout>
  );
}

function dutchDate(date: Date): string {
  return dutchDayOf(new Date(date));
}

/** Where the definition lives, for indicators that came from `indicators.yaml`. */
function SeedNote({ seed }: { seed: EditView['seed'] }) {
  if (!seed) return null;
  if (seed.managedHereAt)
    return (
      <p class="marke-note">
        Deze indicator kwam uit het planbestand (indicators.yaml). Sinds{' '}
        {dutchDate(seed.managedHereAt)} wordt ze hier beheerd. Verandert iemand haar in het
        planbestand, dan neemt Marke dat niet over: de start van Marke meldt het, en de
        wijzigingslog laat zien wat het bestand zegt.
      </p>
    );
  return (
    <p class="marke-note">
      Deze indicator komt uit het planbestand (indicators.yaml), met de streefwaarden uit het
      regioplan. Als u hier iets aan de indicator of haar streefwaarden verandert, beheert u haar
      voortaan hier: een latere wijziging in het planbestand overschrijft uw werk dan niet, maar
      wordt ook niet meer overgenomen. Alleen "openbaar" aan- of uitzetten verandert daar niets aan.
    </p>
  );
}

function TargetTable({ view, csrf }: { view: EditView; csrf: string }) {
  const i = view.indicator;
  if (i.targets.length === 0)
    return <p class="utrecht-paragraph">Deze indicator heeft nog geen streefwaarde.</p>;
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Streefwaarden met hun status</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {['Streefwaarde', 'Status en reden', 'Bron', 'Weghalen'].map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {i.targets.map((t) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {targetText(t, i)}
                {t.baselinePeriod ? `, nulmeting ${t.baselinePeriod}` : ''}
              </th>
              <td class="utrecht-table__cell">
                <StatusBadge target={t} />. {t.status.reason}
              </td>
              <td class="utrecht-table__cell">
                {t.source}
                {t.note ? <span class="marke-muted"> – {t.note}</span> : null}
              </td>
              <td class="utrecht-table__cell">
                <form method="post" action={`${BASE}/${i.code}/streefwaarden/${t.id}/verwijderen`}>
                  <CsrfField token={csrf} />
                  <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                    Verwijder
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeleteSection({
  view,
  csrf,
  errors,
}: {
  view: EditView;
  csrf: string;
  errors: FieldErrors;
}) {
  const code = view.indicator.code;
  if (view.measurementCount > 0)
    return (
      <p class="utrecht-paragraph" id="bevestig">
        Deze indicator heeft {view.measurementCount} metingen en kan daarom niet weg. Wilt u haar
        verbergen? Zet dan "openbaar" uit.
      </p>
    );
  return (
    <form method="post" action={`${BASE}/${code}/verwijderen`} novalidate>
      <CsrfField token={csrf} />
      <div class={`utrecht-form-field${errors.bevestig ? ' utrecht-form-field--invalid' : ''}`}>
        {errors.bevestig ? (
          <p class="utrecht-form-field-error-message" id="bevestig-fout">
            {errors.bevestig}
          </p>
        ) : null}
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id="bevestig"
          name="bevestig"
          value="ja"
          aria-describedby={errors.bevestig ? 'bevestig-fout' : undefined}
        />{' '}
        <label class="utrecht-form-label" for="bevestig">
          Ja, verwijder deze indicator met haar doelen en streefwaarden
        </label>
      </div>
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        Indicator verwijderen
      </button>
    </form>
  );
}

export function EditIndicatorPage({
  ctx,
  csrf,
  values,
  errors = {},
  view,
  canAudit,
  notice,
}: FormProps & { view: EditView; canAudit: boolean; notice?: string }) {
  const i = view.indicator;
  return (
    <Layout
      ctx={ctx}
      title={`${i.name} bewerken`}
      crumbs={[...LIST_CRUMBS, { label: 'Indicatoren beheren', href: BASE }, { label: i.name }]}
    >
      <h1 class="utrecht-heading-1">{i.name} bewerken</h1>
      <Notice text={notice} />
      <ErrorSummary errors={errors} />
      <p class="utrecht-paragraph">
        Code <span class="marke-code">{i.code}</span>
        {i.is_demo ? <span class="marke-tag">voorbeelddata</span> : null} · {view.measurementCount}{' '}
        metingen ·{' '}
        {i.is_public ? (
          <a class="utrecht-link" href={`/indicatoren/${i.code}`}>
            openbare pagina
          </a>
        ) : (
          'niet openbaar'
        )}
        {canAudit ? (
          <>
            {' · '}
            <a class="utrecht-link" href={`/beheer/audit?soort=indicator&sleutel=${i.code}`}>
              wijzigingen van deze indicator
            </a>
          </>
        ) : null}
      </p>
      <SeedNote seed={view.seed} />
      <form method="post" action={`${BASE}/${i.code}`} novalidate>
        <CsrfField token={csrf} />
        <IndicatorFieldset values={values} errors={errors} />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Opslaan
        </button>
      </form>
      <h2 class="utrecht-heading-2" id="streefwaarden">
        Streefwaarden
      </h2>
      <TargetTable view={view} csrf={csrf} />
      <StatusRule />
      <h3 class="utrecht-heading-3">Streefwaarde toevoegen</h3>
      <form method="post" action={`${BASE}/${i.code}/streefwaarden`} novalidate>
        <CsrfField token={csrf} />
        <TargetFieldset values={values} errors={errors} />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Streefwaarde toevoegen
        </button>
      </form>
      <h2 class="utrecht-heading-2">Indicator verwijderen</h2>
      <DeleteSection view={view} csrf={csrf} errors={errors} />
    </Layout>
  );
}
