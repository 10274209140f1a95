/** Pages of the measurement import: the upload form, the problem list and the row-level preview. */
import type { PageContext } from '../../../web/context.js';
import { SelectField } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import { type PreviousImport, ProblemTable } from '../../imports/index.js';
import type { DataSource } from '../../sources/index.js';
import { type CellProblem, MEASUREMENT_COLUMNS } from '../indicators.types.js';
import type { PreviewRow } from '../measurements-import.service.js';

const CRUMBS = [{ label: 'Mijn account', href: '/account' }, { label: 'Metingen inlezen' }];

type History = Array<{
  filename: string;
  row_count: number;
  applied_at: Date | null;
  applied_by: string | null;
}>;

export function MeasurementImportPage({
  ctx,
  csrf,
  history,
  errors = {},
  problems = [],
  source = '',
  dataSource = '',
  sources,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  history: History;
  errors?: FieldErrors;
  problems?: CellProblem[];
  source?: string;
  dataSource?: string;
  sources: DataSource[];
  notice?: string;
}) {
  return (
    <Layout ctx={ctx} title="Metingen inlezen" crumbs={CRUMBS}>
      <h1 class="utrecht-heading-1">Metingen inlezen</h1>
      {notice ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">{notice}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <ProblemTable problems={problems} />
      <p class="utrecht-paragraph">
        Lees metingen in als CSV of XLSX (hoogstens 10 MB), één rij per indicator, gebied en
        periode. U ziet eerst per rij wat er verandert; pas na "Toepassen" wordt alles in één keer
        opgeslagen. Is één rij fout, dan wordt niets opgeslagen.
      </p>
      <p class="utrecht-paragraph">
        Een breed bestand kan ook: één rij per gebied en één kolom per indicator, zoals de CBS
        Kerncijfers wijken en buurten of de Gezondheidsmonitor (met de kolom Marges). Kies dan de
        bron; in de volgende stap koppelt u de kolommen aan indicatoren. Die koppeling wordt per
        bron bewaard voor het volgende bestand.
      </p>
      <details class="marke-rule">
        <summary>Welke kolommen?</summary>
        <ul class="utrecht-unordered-list">
          <li>
            <code>indicator</code>: de code van de indicator (zie de lijst met indicatoren)
          </li>
          <li>
            <code>area_code</code>: CBS-code van het gebied, zoals PV22, GM0106 of WK010600
          </li>
          <li>
            <code>period</code>: 2024, 2024-H1, 2024-Q3 of 2024-05
          </li>
          <li>
            <code>value</code>: het getal (27,1 of 27.1); ".", "x", "-" of leeg betekent: geen
            waarde
          </li>
          <li>Optioneel: {MEASUREMENT_COLUMNS.slice(4).join(', ')}</li>
          <li>
            <code>is_projection</code> en <code>is_demo</code>: ja of nee (leeg = nee). Een prognose
            of voorbeelddata wordt overal zo getoond.
          </li>
        </ul>
        <p class="utrecht-paragraph">
          De export{' '}
          <a class="utrecht-link" href={`/api/v1/regions/${ctx.region.code}/measurements.csv`}>
            metingen.csv
          </a>{' '}
          heeft dezelfde kolommen: gebruik die als voorbeeld. Optellingen (berekend uit de tellers
          en noemers van kleinere gebieden) staan er niet in: die berekent Marke zelf.
        </p>
      </details>
      <form method="post" action="/beheer/metingen/import" enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <div class={`utrecht-form-field${errors.bestand ? ' utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="bestand">
            Bestand (CSV of XLSX)
          </label>
          {errors.bestand ? (
            <p class="utrecht-form-field-error-message" id="bestand-fout">
              {errors.bestand}
            </p>
          ) : null}
          <input
            class="utrecht-textbox"
            id="bestand"
            name="bestand"
            type="file"
            accept=".csv,.xlsx,text/csv"
            aria-describedby={errors.bestand ? 'bestand-fout' : undefined}
          />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="source">
            Bron voor rijen zonder bron
          </label>
          <input class="utrecht-textbox" id="source" name="source" type="text" value={source} />
        </div>
        <SelectField
          id="data_source"
          label="Bron in de catalogus (bepaalt drempel en afronding)"
          hint="Kies de bron van dit bestand. Geen keuze: de standaardregels (minder dan 10 waarnemingen wordt niet getoond)."
          empty="– geen bron uit de catalogus –"
          options={sources.map((s) => [s.code, `${s.provider}: ${s.dataset}`])}
          value={dataSource}
          errors={errors}
        />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Bekijk wat er verandert
        </button>
      </form>
      <h2 class="utrecht-heading-2">Eerder ingelezen</h2>
      {history.length === 0 ? (
        <p class="utrecht-paragraph">Nog niets ingelezen.</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {history.map((h) => (
            <li>
              {h.filename}: {h.row_count} rijen,{' '}
              {h.applied_at
                ? new Date(h.applied_at).toISOString().slice(0, 16).replace('T', ' ')
                : ''}{' '}
              door {h.applied_by}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function MeasurementPreviewPage({
  ctx,
  csrf,
  id,
  filename,
  rows,
  previous,
  skippedAreas = [],
  boundaryNotes = [],
  error,
}: {
  ctx: PageContext;
  csrf: string;
  id: number;
  filename: string;
  rows: PreviewRow[];
  previous: PreviousImport | undefined;
  /** Area codes of a wide file that are not in this region (not read). */
  skippedAreas?: string[];
  /** Rows whose area code is not in the boundaries of their period's year (code changed?). */
  boundaryNotes?: string[];
  error?: string;
}) {
  const count = (c: PreviewRow['change']) => rows.filter((r) => r.change === c).length;
  const shown = rows.slice(0, 1000);
  return (
    <Layout ctx={ctx} title="Controleer de metingen" crumbs={CRUMBS}>
      <h1 class="utrecht-heading-1">Controleer de metingen</h1>
      {error ? <ErrorSummary errors={{ bevestig: error }} /> : null}
      <p class="utrecht-paragraph">
        {filename}: {rows.length} rijen. Nieuw: {count('nieuw')}, gewijzigd: {count('gewijzigd')},
        ongewijzigd: {count('ongewijzigd')}. Er is nog niets opgeslagen.
      </p>
      {boundaryNotes.length > 0 ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">
            Let op: {boundaryNotes.length} rijen gaan over een gebied dat niet in de gebiedsindeling
            van hun jaar staat. Ze worden opgeslagen, maar niet op de kaart van dat jaar getekend en
            niet stilzwijgend aan een andere code gekoppeld.
          </p>
          <ul class="utrecht-unordered-list">
            {boundaryNotes.slice(0, 20).map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {skippedAreas.length > 0 ? (
        <p class="utrecht-paragraph">
          Niet ingelezen: {skippedAreas.length} gebieden die niet bij deze regio horen (
          {skippedAreas.slice(0, 20).join(', ')}
          {skippedAreas.length > 20 ? ' …' : ''}).
        </p>
      ) : null}
      <form method="post" action={`/beheer/metingen/import/${id}/toepassen`}>
        <CsrfField token={csrf} />
        {previous ? (
          <div class="utrecht-form-field" id="bevestig">
            <p class="utrecht-paragraph">
              Dit bestand is al eerder ingelezen ({previous.filename}
              {previous.appliedAt
                ? `, ${new Date(previous.appliedAt).toISOString().slice(0, 10)}`
                : ''}
              ).
            </p>
            <input type="checkbox" id="opnieuw" name="opnieuw" value="ja" />{' '}
            <label for="opnieuw">Ik wil dit bestand toch opnieuw inlezen</label>
          </div>
        ) : null}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Toepassen
        </button>
      </form>
      <form method="post" action={`/beheer/metingen/import/${id}/annuleren`}>
        <CsrfField token={csrf} />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          Annuleren
        </button>
      </form>
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">
            Per rij: wat er nu staat en wat het wordt
            {rows.length > shown.length ? ` (de eerste ${shown.length} rijen)` : ''}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Rij
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Indicator
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Gebied
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Periode
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Nu
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Wordt
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Verandering
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {shown.map((r) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{r.line}</td>
                <td class="utrecht-table__cell">{r.indicator}</td>
                <td class="utrecht-table__cell">{r.areaCode}</td>
                <td class="utrecht-table__cell">{r.period}</td>
                <td class="utrecht-table__cell">
                  {r.beforeHidden
                    ? 'afgeschermd'
                    : r.before === undefined
                      ? '–'
                      : (r.before ?? 'geen waarde')}
                </td>
                <td class="utrecht-table__cell">
                  {r.value ?? `geen waarde (${r.missingReason})`}
                  {r.isProjection ? ' (prognose)' : ''}
                  {r.isDemo ? ' (voorbeelddata)' : ''}
                </td>
                <td class="utrecht-table__cell">{r.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
