/** The open-data page: where the API, the OpenAPI document and the exports are. */
import { DIRECTORY_EXPORT_PATHS } from '../modules/directory/index.js';
import { EXPORT_ENTITIES } from '../modules/plan/index.js';
import { href, type PageContext } from './context.js';
import { Layout } from './layout.js';

/** /open-data tells people where the API, OpenAPI document and exports are; no account needed. */
export function OpenDataPage({ ctx }: { ctx: PageContext }) {
  const api = `/api/v1/regions/${ctx.region.code}`;
  const hsds = `${api}/hsds`;
  return (
    <Layout ctx={ctx} title="Open data en API" nav="data" crumbs={[{ label: 'Open data en API' }]}>
      <h1 class="utrecht-heading-1">Open data en API</h1>
      <p class="utrecht-paragraph">
        Alles op deze site is ook als open data te krijgen: het hele regioplan, de doelen,
        programma's, organisaties en de governance. U heeft geen account nodig.
      </p>
      <h2 class="utrecht-heading-2">Downloads</h2>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={`${api}/export.json`}>
            Het hele plan als JSON
          </a>
        </li>
      </ul>
      <p class="utrecht-paragraph">
        Als CSV, één bestand per soort gegeven (dezelfde kolommen als een import gebruikt):
      </p>
      <ul class="utrecht-unordered-list">
        {EXPORT_ENTITIES.map((e) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`${api}/export/${e}.csv`}>
              {e}.csv
            </a>
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">API</h2>
      <p class="utrecht-paragraph">
        De API begint bij{' '}
        <a class="utrecht-link" href={api}>
          {api}
        </a>
        . De beschrijving staat in het{' '}
        <a class="utrecht-link" href="/api/openapi.json">
          OpenAPI-document
        </a>
        . Fouten komen terug als <code>application/problem+json</code>.
      </p>
      <h2 class="utrecht-heading-2" id="hulpwijzer-hsds">
        Hulpwijzer als Open Referral HSDS 3.0
      </h2>
      <p class="utrecht-paragraph">
        De openbare vermeldingen van de Hulpwijzer staan ook in een API volgens de internationale
        standaard Open Referral HSDS 3.0:{' '}
        <a class="utrecht-link" href={hsds}>
          {hsds}
        </a>{' '}
        (met <code>/services</code>, <code>/organizations</code>, <code>/service_at_locations</code>
        , <code>/taxonomies</code> en <code>/taxonomy_terms</code>, per pagina van hoogstens 100).
      </p>
      <p class="utrecht-paragraph">
        Het Nederlandse profiel voegt drie taxonomieën toe: <strong>hulpvraag</strong> (waar iemand
        hulp bij zoekt, in de woorden van inwoners), <strong>hulpladder</strong> (zelf, samen,
        dichtbij, eerste lijn, verder weg) en <strong>marke-profiel</strong>: het werkgebied als
        CBS-code (gemeente, wijk of buurt), "regio" of "online" (attribuut{' '}
        <code>cbs-gebiedscode</code>), links naar doelen en initiatieven van het regioplan, de bron
        van een vermelding, en <code>voorbeeld</code> voor verzonnen voorbeeldvermeldingen. Alleen
        goedgekeurde, actieve vermeldingen die de laatste 15 maanden zijn gecontroleerd staan erin;
        wie een vermelding indiende of beoordeelde niet.
      </p>
      <p class="utrecht-paragraph">
        Dezelfde vermeldingen in één bestand, om in een ander systeem in te lezen. Wilt u een grote
        Hulpwijzer (meer dan zo'n 2.500 diensten) weer in Marke inlezen, neem dan de zip: het
        JSON-bestand is dan groter dan de 10 MB die Marke in één keer inleest.
      </p>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, DIRECTORY_EXPORT_PATHS.json)}>
            Hulpwijzer als HSDS JSON
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, DIRECTORY_EXPORT_PATHS.csv)}>
            Hulpwijzer als HSDS-tabellen (zip met CSV-bestanden)
          </a>
        </li>
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, '/initiatieven')}>
          Alle initiatieven uit het plan
        </a>
      </p>
    </Layout>
  );
}
