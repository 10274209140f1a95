/** The open-data page: where the API, the OpenAPI document and the exports are. */
import { DIRECTORY_EXPORT_PATHS } from '../modules/directory/index.js';
import { EXPORT_ENTITIES } from '../modules/plan/index.js';
import { href, type PageContext } from './context.js';
import { Layout } from './layout.js';

/** /open-data tells people where the API, OpenAPI document and exports are; no account needed. */
export function OpenDataPage({ ctx }: { ctx: PageContext }) {
  const api = `/api/v1/regions/${ctx.region.code}`;
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
      <h2 class="utrecht-heading-2">Hulpwijzer</h2>
      <p class="utrecht-paragraph">
        Alle diensten in de Hulpwijzer die inwoners kunnen vinden, in de standaard Open Referral
        HSDS 3.0. Een ander systeem kan ze zo inlezen.
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
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, '/initiatieven')}>
          Alle initiatieven uit het plan
        </a>
      </p>
    </Layout>
  );
}
