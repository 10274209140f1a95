/**
 * The mapping step of a wide import: which column holds the area codes, which period the file
 * is about, which rows to read, and which indicator each column is. Pre-filled with the mapping
 * saved for the source (or a guess); nothing is stored until the preview after it is applied.
 */
import type { PageContext } from '../../../web/context.js';
import { SelectField, TextField } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField } from '../../auth/index.js';
import { ProblemTable } from '../../imports/index.js';
import type { CellProblem } from '../indicators.types.js';
import { ownValue, type WideMappingT } from '../measurements-wide.js';

const CRUMBS = [
  { label: 'Mijn account', href: '/account' },
  { label: 'Metingen inlezen', href: '/beheer/metingen/import' },
  { label: 'Kolommen koppelen' },
];

export type WideMappingPageProps = {
  ctx: PageContext;
  csrf: string;
  id: number;
  filename: string;
  columns: string[];
  firstRow: Record<string, string>;
  rowCount: number;
  mapping: WideMappingT;
  fromSaved: boolean;
  /** The period of the last file of this source, as a hint (never filled in for this one). */
  lastPeriod: string;
  splitting: Array<{ column: string; values: string[] }>;
  indicators: Array<{ code: string; name: string }>;
  problems?: CellProblem[];
};

function ColumnTable({
  columns,
  firstRow,
  mapping,
}: Pick<WideMappingPageProps, 'columns' | 'firstRow' | 'mapping'>) {
  const reserved = new Set([mapping.areaColumn, mapping.periodColumn, mapping.marginColumn]);
  const shown = columns.filter((c) => c !== '' && !reserved.has(c));
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">
          Kolommen van het bestand ({shown.length}) en de indicator die erbij hoort. Laat leeg om
          een kolom niet in te lezen.
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Kolom
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Eerste waarde
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Indicator (code)
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {shown.map((column, i) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row" id={`kolom-${i}`}>
                {column}
              </th>
              <td class="utrecht-table__cell">{(firstRow[column] ?? '').slice(0, 40)}</td>
              <td class="utrecht-table__cell">
                <input
                  class="utrecht-textbox"
                  name={`col:${column}`}
                  type="text"
                  list="indicatoren"
                  value={ownValue(mapping.columns, column)}
                  aria-labelledby={`kolom-${i}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WideMappingPage(props: WideMappingPageProps) {
  const { ctx, csrf, id, filename, columns, mapping, splitting, indicators } = props;
  const options = columns.filter((c) => c !== '').map((c): [string, string] => [c, c]);
  const action = `/beheer/metingen/import/breed/${id}`;
  return (
    <Layout ctx={ctx} title="Kolommen koppelen" crumbs={CRUMBS}>
      <h1 class="utrecht-heading-1">Kolommen koppelen</h1>
      <p class="utrecht-paragraph">
        {filename}: {props.rowCount} rijen, één kolom per indicator. Geef aan welke kolom bij welke
        indicator hoort.{' '}
        {props.fromSaved
          ? 'Dit is de koppeling van de vorige keer voor deze bron.'
          : 'Dit is een voorstel van Marke: controleer het.'}{' '}
        Na deze stap ziet u per cijfer wat er verandert; er is nog niets opgeslagen.
      </p>
      <ProblemTable problems={props.problems ?? []} />
      <form method="post" action={action}>
        <CsrfField token={csrf} />
        <SelectField
          id="area_column"
          label="Kolom met de gebiedscodes"
          hint="CBS-codes zoals GM0106 of WK010600. Rijen over gebieden buiten de regio worden overgeslagen en genoemd."
          options={options}
          value={mapping.areaColumn}
          errors={{}}
        />
        <TextField
          id="period"
          label="Periode van het bestand"
          hint={`Bijvoorbeeld 2024 of 2024-Q3. Laat leeg als een kolom de periode per rij geeft.${
            props.lastPeriod
              ? ` Het vorige bestand van deze bron ging over ${props.lastPeriod}.`
              : ''
          }`}
          value={mapping.period}
          errors={{}}
        />
        <SelectField
          id="period_column"
          label="Of: kolom met de periode"
          hint="Ook CBS-perioden zoals 2024JJ00 (jaar) en 2024KW03 (kwartaal)."
          empty="– geen kolom –"
          options={options}
          value={mapping.periodColumn}
          errors={{}}
        />
        <SelectField
          id="margin_column"
          label="Kolom met marges (CBS: Marges)"
          hint="MW00000 is de waarde; MOG0095 en MBG0095 zijn de grenzen van het 95%-interval."
          empty="– geen kolom –"
          options={options}
          value={mapping.marginColumn}
          errors={{}}
        />
        {splitting.map((s) => (
          <SelectField
            id={`filter:${s.column}`}
            label={`Alleen rijen met ${s.column} =`}
            hint="Deze kolom verdeelt de rijen in groepen; kies de groep die u wilt inlezen."
            empty="– alle rijen –"
            options={s.values.map((v): [string, string] => [v, v === '' ? '(leeg)' : v])}
            value={ownValue(mapping.filters, s.column)}
            errors={{}}
          />
        ))}
        <datalist id="indicatoren">
          {indicators.map((i) => (
            <option value={i.code}>{i.name}</option>
          ))}
        </datalist>
        <ColumnTable columns={columns} firstRow={props.firstRow} mapping={mapping} />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Bekijk wat er verandert
        </button>
      </form>
      <form method="post" action={`${action}/annuleren`}>
        <CsrfField token={csrf} />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          Annuleren
        </button>
      </form>
    </Layout>
  );
}
