/** Signed-in panel pages: questions, a question with its results and upload, and the import preview. */

import { DemoTag } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { Area } from '../../areas/index.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import type { PreviewDistribution, RowProblem } from '../panel.service.js';
import type { PanelQuestionView } from '../panel-results.service.js';
import { PANEL_RULE } from '../panel-results.service.js';
import { PANEL_COLUMNS, type PanelRowInput } from '../stories.types.js';
import { PanelTables } from './panel-tables.js';
import { Checkbox, Saved, TextArea, TextField } from './parts.js';

const crumbs = (label?: string) => [
  label ? { label: 'Panelresultaten', href: '/beheer/panel' } : { label: 'Panelresultaten' },
  ...(label ? [{ label }] : []),
];

export function PanelListPage({
  ctx,
  questions,
  canManage,
}: {
  ctx: PageContext;
  questions: PanelQuestionView[];
  canManage: boolean;
}) {
  return (
    <Layout ctx={ctx} title="Panelresultaten" crumbs={crumbs()}>
      <h1 class="utrecht-heading-1">Panelresultaten</h1>
      <p class="utrecht-paragraph">
        Vragen uit een burgerpanel en de antwoorden, opgeteld per gebied en periode. Nooit
        antwoorden van één persoon.
      </p>
      {canManage ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/beheer/panel/nieuw">
            Nieuwe panelvraag
          </a>
        </p>
      ) : null}
      {questions.length === 0 ? (
        <p class="utrecht-paragraph marke-muted">Er zijn nog geen panelvragen.</p>
      ) : (
        <ul class="utrecht-unordered-list marke-results">
          {questions.map((q) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`/beheer/panel/${q.id}`}>
                {q.question}
              </a>{' '}
              {q.isDemo ? <DemoTag /> : null}
              <br />
              <span class="marke-muted">
                {q.published ? 'Openbaar' : 'Nog niet openbaar'} · bron: {q.source} ·{' '}
                {q.distributions.length} verdelingen
              </span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function PanelQuestionFormPage({
  ctx,
  csrf,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  csrf: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <Layout ctx={ctx} title="Nieuwe panelvraag" crumbs={crumbs('Nieuwe panelvraag')}>
      <h1 class="utrecht-heading-1">Nieuwe panelvraag</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/beheer/panel" novalidate>
        <CsrfField token={csrf} />
        <TextArea id="question" label="De vraag" errors={errors} value={values.question} rows={3} />
        <TextArea
          id="options"
          label="Antwoordmogelijkheden, in volgorde"
          hint="Elk antwoord op een eigen regel. Precies zo schrijft u ze later in het bestand."
          errors={errors}
          value={values.options}
          rows={6}
        />
        <TextField
          id="source"
          label="Bron"
          hint='Bijvoorbeeld "Drents Panel (Trendbureau Drenthe)".'
          errors={errors}
          value={values.source}
        />
        <Checkbox
          id="is_demo"
          label="Voorbeelddata: geen echte antwoorden"
          errors={errors}
          checked={values.is_demo === 'on'}
        />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Vraag toevoegen
        </button>
      </form>
    </Layout>
  );
}

export type UploadFeedback = {
  fileError?: string;
  problems: RowProblem[];
  ignoredColumns: string[];
};

function UploadErrors({ feedback }: { feedback: UploadFeedback }) {
  const count = feedback.problems.length + (feedback.fileError ? 1 : 0);
  if (count === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="upload-fouten">
      <h2 class="utrecht-heading-3" id="upload-fouten">
        Het bestand is niet ingelezen. Er is niets opgeslagen.
      </h2>
      {feedback.fileError ? <p class="utrecht-paragraph">{feedback.fileError}</p> : null}
      {feedback.problems.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {feedback.problems.map((p) => (
            <li class="utrecht-unordered-list__item">
              Rij {p.row}: {p.problems.join(' ')}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function UploadForm({ question, csrf }: { question: PanelQuestionView; csrf: string }) {
  return (
    <form
      method="post"
      action={`/beheer/panel/${question.id}/upload`}
      enctype="multipart/form-data"
      class="marke-card"
    >
      <h2 class="utrecht-heading-2">Resultaten inlezen</h2>
      <p class="utrecht-paragraph">
        Een CSV- of XLSX-bestand (hoogstens 10 MB) met de kolommen{' '}
        <code>{PANEL_COLUMNS.join(',')}</code>: per periode, gebiedscode en antwoord het aantal.
        Antwoorden: {question.options.join(', ')}. U ziet eerst een voorbeeld; pas daarna slaan we
        alles in één keer op.
      </p>
      <CsrfField token={csrf} />
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="bestand">
          Bestand
        </label>
        <input id="bestand" name="bestand" type="file" accept=".csv,.xlsx" />
      </div>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        Voorbeeld bekijken
      </button>
    </form>
  );
}

export function PanelQuestionPage({
  ctx,
  question,
  csrf,
  canManage,
  notice,
  feedback,
}: {
  ctx: PageContext;
  question: PanelQuestionView;
  csrf: string;
  canManage: boolean;
  notice?: string;
  feedback?: UploadFeedback;
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Panelvraag ${question.id}`}
      crumbs={crumbs(`Panelvraag ${question.id}`)}
    >
      <h1 class="utrecht-heading-1">
        {question.question} {question.isDemo ? <DemoTag /> : null}
      </h1>
      {notice ? <Saved text={notice} /> : null}
      {feedback ? <UploadErrors feedback={feedback} /> : null}
      <p class="utrecht-paragraph">
        Bron: {question.source}.{' '}
        {question.published ? 'Openbaar op de pagina Burgerpanel.' : 'Nog niet openbaar.'}
      </p>
      {canManage ? (
        <form method="post" action={`/beheer/panel/${question.id}/publiceren`}>
          <CsrfField token={csrf} />
          <input type="hidden" name="publiceren" value={question.published ? '0' : '1'} />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            {question.published ? 'Niet meer openbaar maken' : 'Openbaar maken'}
          </button>
        </form>
      ) : null}
      <p class="utrecht-paragraph marke-muted">{PANEL_RULE}</p>
      <h2 class="utrecht-heading-2">Resultaten</h2>
      <PanelTables question={question} idPrefix={`vraag-${question.id}`} />
      {canManage ? <UploadForm question={question} csrf={csrf} /> : null}
    </Layout>
  );
}

const PREVIEW_ROWS = 200;

export function PanelPreviewPage({
  ctx,
  csrf,
  question,
  batch,
  rows,
  summary,
  areas,
  duplicate,
  error,
}: {
  ctx: PageContext;
  csrf: string;
  question: { id: number; question: string };
  batch: { id: number; filename: string };
  rows: PanelRowInput[];
  summary: PreviewDistribution[];
  areas: Map<string, Area>;
  duplicate: boolean;
  error?: string;
}) {
  const hidden = summary.filter((d) => !d.shown);
  return (
    <Layout ctx={ctx} title="Voorbeeld van de import" crumbs={crumbs('Voorbeeld van de import')}>
      <h1 class="utrecht-heading-1">Voorbeeld: {batch.filename}</h1>
      {error ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{error}</p>
        </div>
      ) : null}
      <p class="utrecht-paragraph">
        Voor de vraag "{question.question}": {rows.length} rijen, {summary.length} verdelingen
        (periode en gebied). Nog niets is opgeslagen. Bestaande resultaten voor dezelfde periode en
        hetzelfde gebied worden vervangen.
      </p>
      {hidden.length > 0 ? (
        <p class="utrecht-paragraph marke-note">
          {hidden.length} verdelingen hebben minder dan 10 antwoorden. Die tonen we nergens ("te
          weinig antwoorden").
        </p>
      ) : null}
      <form method="post" action={`/beheer/panel/import/${batch.id}/toepassen`}>
        <CsrfField token={csrf} />
        {duplicate ? (
          <div class="marke-note">
            <p class="utrecht-paragraph">
              Dit bestand is al eens ingelezen. Wilt u het toch nog een keer inlezen?
            </p>
            <Checkbox id="toch" label="Ja, lees het opnieuw in" errors={{}} checked={false} />
          </div>
        ) : null}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Alles opslaan
        </button>
      </form>
      <form method="post" action={`/beheer/panel/import/${batch.id}/annuleren`}>
        <CsrfField token={csrf} />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          Annuleren
        </button>
      </form>
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">
            Rijen uit het bestand{rows.length > PREVIEW_ROWS ? ` (de eerste ${PREVIEW_ROWS})` : ''}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {['Rij', 'Periode', 'Gebied', 'Antwoord', 'Aantal'].map((h) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rows.slice(0, PREVIEW_ROWS).map((r, i) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {i + 2}
                </th>
                <td class="utrecht-table__cell">{r.period}</td>
                <td class="utrecht-table__cell">
                  {areas.get(r.area_code)?.name ?? r.area_code} ({r.area_code})
                </td>
                <td class="utrecht-table__cell">{r.option}</td>
                <td class="utrecht-table__cell">{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
