/**
 * /beheer/hulpwijzer/import: read in the whole Hulpwijzer as HSDS 3.0 (JSON or the tabular CSV
 * files), with the problems per row when the file is refused, or what changed per table.
 */
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary } from '../../auth/index.js';
import { STORED_TABLES, type StoredTable, TABLES } from '../hsds-tables.js';
import {
  EXPORT_PATHS,
  type HiddenService,
  type ImportOutcome,
  type Problem,
} from '../transfer.types.js';
import { HIDDEN_AFTER_MONTHS } from '../visibility.sql.js';

export const IMPORT_PATH = '/beheer/hulpwijzer/import';

/** Dutch names of the tables, as the report shows them. */
const TABLE_NAMES: Record<StoredTable, string> = {
  organization: 'Organisaties',
  location: 'Locaties',
  service: 'Diensten',
  service_at_location: 'Diensten op locaties',
  contact: 'Contactpersonen',
  phone: 'Telefoonnummers',
  address: 'Adressen',
  schedule: 'Openingstijden',
  service_area: 'Gebieden',
  language: 'Talen',
  accessibility: 'Toegankelijkheid',
  cost_option: 'Kosten',
  attribute: 'Kenmerken',
};

export type TransferPageState = {
  error?: string;
  problems?: Problem[];
  outcome?: ImportOutcome;
};

const MAX_SHOWN = 500;

function ProblemList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, MAX_SHOWN);
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table" id="fouten">
        <caption class="utrecht-table__caption">
          Problemen in het bestand (rij 1 is de kopregel); er is niets veranderd
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {['Bestand', 'Rij of plek', 'Kolom', 'Waarde', 'Wat is er mis'].map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {shown.map((p) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">{p.file}</td>
              <td class="utrecht-table__cell">{p.path ?? (p.row === 0 ? 'bestand' : p.row)}</td>
              <td class="utrecht-table__cell">
                <code>{p.column}</code>
              </td>
              <td class="utrecht-table__cell">{p.value === '' ? '(leeg)' : p.value}</td>
              <td class="utrecht-table__cell">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > shown.length ? (
        <p class="utrecht-paragraph">En nog {problems.length - shown.length} problemen.</p>
      ) : null}
    </div>
  );
}

/** Services the import approved that residents will not see, with why, at their row. */
function HiddenList({ hidden }: { hidden: HiddenService[] }) {
  if (hidden.length === 0) return null;
  const shown = hidden.slice(0, MAX_SHOWN);
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table" id="verborgen">
        <caption class="utrecht-table__caption">
          Goedgekeurd, maar niet zichtbaar voor inwoners
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {['Bestand', 'Rij of plek', 'Dienst', 'Waarom niet zichtbaar'].map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {shown.map((h) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">{h.file}</td>
              <td class="utrecht-table__cell">{h.path ?? h.row}</td>
              <td class="utrecht-table__cell">{h.name}</td>
              <td class="utrecht-table__cell">{h.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden.length > shown.length ? (
        <p class="utrecht-paragraph">En nog {hidden.length - shown.length} diensten.</p>
      ) : null}
    </div>
  );
}

function Outcome({ outcome }: { outcome: ImportOutcome }) {
  const tables = STORED_TABLES.filter((t) => {
    const c = outcome.counts[t];
    return c.added + c.changed + c.unchanged + c.removed > 0;
  });
  return (
    <>
      <div class="utrecht-alert" role="status">
        <p class="utrecht-paragraph">
          Het bestand is ingelezen. De Hulpwijzer is bijgewerkt; nieuwe en gewijzigde diensten zijn
          goedgekeurd.
          {outcome.hidden.length > 0 ? (
            <>
              {' '}
              <a class="utrecht-link" href="#verborgen">
                {outcome.hidden.length} daarvan zien inwoners niet
              </a>
              .
            </>
          ) : null}
        </p>
      </div>
      <HiddenList hidden={outcome.hidden} />
      <div class="marke-table-wrap">
        <table class="utrecht-table" id="resultaat">
          <caption class="utrecht-table__caption">Wat er veranderde, per soort gegeven</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {['Soort', 'Toegevoegd', 'Gewijzigd', 'Ongewijzigd', 'Verwijderd'].map((h) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {tables.map((t) => (
              <tr class="utrecht-table__row" data-table={t}>
                <th class="utrecht-table__header-cell" scope="row">
                  {TABLE_NAMES[t]} <span class="marke-muted">({TABLES[t].file})</span>
                </th>
                <td class="utrecht-table__cell">{outcome.counts[t].added}</td>
                <td class="utrecht-table__cell">{outcome.counts[t].changed}</td>
                <td class="utrecht-table__cell">{outcome.counts[t].unchanged}</td>
                <td class="utrecht-table__cell">{outcome.counts[t].removed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outcome.notices.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">Niet ingelezen</h2>
          <ul class="utrecht-unordered-list">
            {outcome.notices.map((n) => (
              <li class="utrecht-unordered-list__item">{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/**
 * A page of the managed region's own site. This page lives at the site root (`/beheer`), where
 * `ctx.base` is the default region's; the region is named in the path, as the werkagenda import
 * names it in its download links.
 */
const regionHref = (ctx: PageContext, path: string) =>
  `/regio/${encodeURIComponent(ctx.region.code)}${path}`;

/** The upload form, with the outcome of the last upload above it. */
export function TransferPage({
  ctx,
  csrf,
  state = {},
}: {
  ctx: PageContext;
  csrf: string;
  state?: TransferPageState;
}) {
  return (
    <Layout
      ctx={ctx}
      title={
        state.error ? 'Fout in bestand: Hulpwijzer inlezen' : 'Hulpwijzer inlezen en downloaden'
      }
      crumbs={[{ label: 'Mijn account', href: '/account' }, { label: 'Hulpwijzer inlezen' }]}
    >
      <h1 class="utrecht-heading-1">Hulpwijzer inlezen en downloaden</h1>
      {state.outcome ? <Outcome outcome={state.outcome} /> : null}
      <ErrorSummary errors={state.error ? { bestand: state.error } : {}} />
      <ProblemList problems={state.problems ?? []} />
      <h2 class="utrecht-heading-2">Downloaden</h2>
      <p class="utrecht-paragraph">
        De gepubliceerde Hulpwijzer van {ctx.region.name} als open data, in de standaard Open
        Referral HSDS 3.0. Alleen wat inwoners ook zien: goedgekeurde, actieve en gecontroleerde
        diensten, zonder namen van wie ze indiende of beoordeelde.
      </p>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={regionHref(ctx, EXPORT_PATHS.json)}>
            JSON: alle diensten met hun organisatie, locaties en kenmerken
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={regionHref(ctx, EXPORT_PATHS.csv)}>
            Tabelformaat: zip met één CSV-bestand per tabel
          </a>
        </li>
      </ul>
      <p class="utrecht-paragraph">
        Een grote Hulpwijzer leest u in als zip. Het JSON-bestand is ongeveer 4 kB per dienst: vanaf
        zo'n 2.500 diensten is het groter dan 10 MB en kan het hier niet meer worden ingelezen. De
        zip heeft dezelfde gegevens en is ongeveer tien keer zo klein.
      </p>
      <h2 class="utrecht-heading-2">Inlezen</h2>
      <p class="utrecht-paragraph">
        Lees diensten, organisaties en locaties in vanuit een HSDS 3.0-bestand: een JSON-bestand, de
        zip van een download, of de CSV-bestanden zelf (dezelfde kolommen als de download).
      </p>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          Alles of niets: is er één fout, dan ziet u alle fouten per rij en verandert er niets.
        </li>
        <li class="utrecht-unordered-list__item">
          Een id dat al bestaat, werkt die vermelding bij; een nieuw id voegt toe. Hetzelfde bestand
          nog eens inlezen verandert niets.
        </li>
        <li class="utrecht-unordered-list__item">
          Vermeldingen die niet in het bestand staan, blijven staan. Van een vermelding die wel in
          het bestand staat, vervangt het bestand wat erbij hoort (telefoonnummers, gebieden,
          kenmerken …), maar alleen voor de tabellen die in het bestand zitten.
        </li>
        <li class="utrecht-unordered-list__item">
          Nieuwe en gewijzigde diensten zijn meteen goedgekeurd. Inwoners zien een dienst als hij
          actief is en in de laatste {HIDDEN_AFTER_MONTHS} maanden is gecontroleerd (assured_date;
          zonder die datum telt de dag van inlezen). Na het inlezen ziet u welke diensten verborgen
          blijven, en waarom.
        </li>
      </ul>
      <form method="post" action={IMPORT_PATH} enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <div class={`utrecht-form-field${state.error ? ' utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="bestand">
            Bestand of bestanden (JSON, zip of CSV, samen hoogstens 10 MB; een grote Hulpwijzer als
            zip)
          </label>
          <input
            id="bestand"
            name="bestand"
            type="file"
            multiple
            accept=".json,.zip,.csv,application/json,application/zip,text/csv"
            aria-invalid={state.error ? 'true' : undefined}
          />
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Inlezen
        </button>
      </form>
    </Layout>
  );
}
