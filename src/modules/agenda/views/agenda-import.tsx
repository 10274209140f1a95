/** Werkagenda import pages: the upload form with its column explanation and history, and the preview. */
import type { OkValue } from '../../../lib/result.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary } from '../../auth/index.js';
import { ProblemTable } from '../../imports/index.js';
import { goalCodeToSegment } from '../../plan/index.js';
import { AGENDA_COLUMNS } from '../agenda.types.js';
import type { getImportPreview, listAgendaImports } from '../agenda-import.service.js';
import {
  type CellProblem,
  COLUMN_HELP,
  IGNORED_COLUMNS,
  type ImportField,
} from '../agenda-import.types.js';

const IMPORT_PATH = '/beheer/werkagenda/import';

const FIELD_LABELS: Record<ImportField, string> = {
  status: 'Status',
  priority: 'Prioriteit',
  progress: 'Voortgang',
  phase: 'Fase',
  planned_start: 'Gepland begin',
  planned_end: 'Gepland einde',
  owners: 'Eigenaren',
};

const CRUMBS = [
  { label: 'Mijn account', href: '/account' },
  { label: 'Werkagenda', href: '/werkagenda' },
];

/** Applied imports are shown with date and time in the Netherlands. */
export function dutchDateTime(value: Date | string | null): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(value));
}

function ColumnHelp() {
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Kolommen (dezelfde als de download)</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Kolom
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Wat erin staat
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Lege cel betekent
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {AGENDA_COLUMNS.map((column) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <code>{column}</code>
              </th>
              <td class="utrecht-table__cell">{COLUMN_HELP[column][0]}</td>
              <td class="utrecht-table__cell">{COLUMN_HELP[column][1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type History = Awaited<ReturnType<typeof listAgendaImports>>;

function HistoryTable({ history }: { history: History }) {
  if (history.length === 0)
    return <p class="utrecht-paragraph marke-muted">Er is nog geen bestand ingelezen.</p>;
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Toegepaste bestanden, nieuwste eerst</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Bestand
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Toegepast op
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Door
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Rijen
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {history.map((b) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">{b.filename}</td>
              <td class="utrecht-table__cell">{dutchDateTime(b.applied_at)}</td>
              <td class="utrecht-table__cell">{b.appliedBy}</td>
              <td class="utrecht-table__cell">{b.row_count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type ImportPageState = {
  error?: string;
  problems?: CellProblem[];
  filename?: string;
  notice?: string;
};

/** /beheer/werkagenda/import: the form, what each column means, and the applied files. */
export function AgendaImportPage({
  ctx,
  csrf,
  history,
  state = {},
}: {
  ctx: PageContext;
  csrf: string;
  history: History;
  state?: ImportPageState;
}) {
  const api = `/api/v1/regions/${ctx.region.code}`;
  return (
    <Layout
      ctx={ctx}
      title={state.error ? 'Fout in bestand: werkagenda inlezen' : 'Werkagenda inlezen'}
      crumbs={[...CRUMBS, { label: 'Inlezen' }]}
    >
      <h1 class="utrecht-heading-1">Werkagenda inlezen</h1>
      {state.notice ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">{state.notice}</p>
        </div>
      ) : null}
      <ErrorSummary errors={state.error ? { bestand: state.error } : {}} />
      <ProblemTable problems={state.problems ?? []} />
      <p class="utrecht-paragraph">
        Werk de status, prioriteit, voortgang, planning en eigenaren van veel doelen tegelijk bij
        met een CSV- of XLSX-bestand. Begin met de huidige werkagenda:{' '}
        <a class="utrecht-link" href={`${api}/agenda.csv`}>
          download als CSV
        </a>{' '}
        of{' '}
        <a class="utrecht-link" href={`${api}/agenda.xlsx`}>
          download als Excel (XLSX)
        </a>
        .
      </p>
      <ol class="utrecht-ordered-list">
        <li class="utrecht-ordered-list__item">
          Marke controleert elke rij. Is er een fout, dan ziet u alle fouten per rij en wordt er
          niets opgeslagen.
        </li>
        <li class="utrecht-ordered-list__item">
          Zijn alle rijen goed, dan ziet u per doel wat er verandert. Er is dan nog niets
          opgeslagen.
        </li>
        <li class="utrecht-ordered-list__item">
          Pas als u op Toepassen klikt, slaat Marke alle rijen in één keer op: alles of niets.
        </li>
      </ol>
      <form method="post" action={IMPORT_PATH} enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <div class={`utrecht-form-field${state.error ? ' utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="bestand">
            Bestand (CSV of XLSX, hoogstens 10 MB)
          </label>
          {state.filename ? (
            <p class="marke-muted" id="bestand-vorig">
              U koos: {state.filename}. Kies het bestand opnieuw nadat u het verbeterd heeft.
            </p>
          ) : null}
          <input
            id="bestand"
            name="bestand"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={state.error ? 'true' : undefined}
            aria-describedby={state.filename ? 'bestand-vorig' : undefined}
          />
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Bestand controleren
        </button>
      </form>
      <h2 class="utrecht-heading-2">Kolommen</h2>
      <p class="utrecht-paragraph">
        Alleen de kolom <code>code</code> is verplicht. Een kolom die ontbreekt, laat dat veld bij
        alle doelen zoals het is. Een lege cel in een kolom die er wel is, maakt het veld leeg (bij
        voortgang: 0%). Zo leest een download die u niet veranderde terug als ‘ongewijzigd’. Doelen
        die niet in het bestand staan, blijven zoals ze zijn. De kolommen{' '}
        {IGNORED_COLUMNS.join(' en ')} schrijft Marke zelf; bij inlezen worden ze overgeslagen.
      </p>
      <ColumnHelp />
      <h2 class="utrecht-heading-2">Eerder ingelezen</h2>
      <HistoryTable history={history} />
    </Layout>
  );
}

type Preview = OkValue<typeof getImportPreview>;

function Changes({ changes }: { changes: Preview['rows'][number]['changes'] }) {
  if (changes.length === 0) return <span class="marke-muted">ongewijzigd</span>;
  return (
    <ul class="utrecht-unordered-list">
      {changes.map((c) => (
        <li class="utrecht-unordered-list__item">
          {FIELD_LABELS[c.field]}: {c.before} → <strong>{c.after}</strong>
        </li>
      ))}
    </ul>
  );
}

/** /beheer/werkagenda/import/:id: every row with old → new, and the buttons to apply or cancel. */
export function AgendaImportPreviewPage({
  ctx,
  csrf,
  preview,
  error,
}: {
  ctx: PageContext;
  csrf: string;
  preview: Preview;
  error?: string;
}) {
  const action = `${IMPORT_PATH}/${preview.id}`;
  return (
    <Layout
      ctx={ctx}
      title="Controleer de wijzigingen: werkagenda inlezen"
      crumbs={[...CRUMBS, { label: 'Inlezen', href: IMPORT_PATH }, { label: 'Controleren' }]}
    >
      <h1 class="utrecht-heading-1">Controleer de wijzigingen</h1>
      <ErrorSummary errors={error ? { opnieuw: error } : {}} />
      <p class="utrecht-paragraph" role="status">
        Bestand {preview.filename}: {preview.changed}{' '}
        {preview.changed === 1 ? 'doel gewijzigd' : 'doelen gewijzigd'}, {preview.unchanged}{' '}
        ongewijzigd. Er is nog niets opgeslagen.
      </p>
      {preview.previous ? (
        <p class="marke-note">
          Dit bestand is al eens toegepast, op {dutchDateTime(preview.previous.appliedAt)} door{' '}
          {preview.previous.appliedBy}. Wilt u het toch opnieuw toepassen, vink dat dan hieronder
          aan.
        </p>
      ) : null}
      <form method="post" action={`${action}/toepassen`}>
        <CsrfField token={csrf} />
        {preview.previous ? (
          <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="opnieuw"
              name="opnieuw"
              value="1"
              aria-invalid={error ? 'true' : undefined}
            />{' '}
            <label class="utrecht-form-label" for="opnieuw">
              Ja, pas dit bestand opnieuw toe
            </label>
          </div>
        ) : null}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Toepassen
        </button>
      </form>
      <form method="post" action={`${action}/annuleren`}>
        <CsrfField token={csrf} />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          Annuleren
        </button>
      </form>
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">Wijzigingen per rij (oud → nieuw)</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Rij
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Doel
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Wijzigingen
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {preview.rows.map((r) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{r.row}</td>
                <th class="utrecht-table__header-cell" scope="row">
                  <a class="utrecht-link" href={`/doelen/${goalCodeToSegment(r.code)}`}>
                    <span class="marke-code">{r.code}</span>
                  </a>{' '}
                  <span class="marke-muted">{r.label}</span>
                </th>
                <td class="utrecht-table__cell">
                  <Changes changes={r.changes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
