/** The catalogue of data sources: public list, and the rules form in beheer. */
import { href, type PageContext } from '../../../web/context.js';
import { TextField } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import type { DataSource } from '../sources.types.js';

const date = (d: Date | null) =>
  d ? new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(d) : 'nog niet ingelezen';

function rules(s: DataSource): string {
  const parts = [`minder dan ${s.threshold} waarnemingen: niet getoond`];
  if (s.decimals !== null) parts.push(`afgerond op ${s.decimals} decimalen`);
  if (s.countBase !== null && s.countBase > 1)
    parts.push(`aantallen afgerond op ${s.countBase}-tallen`);
  return parts.join('; ');
}

function SourceList({
  ctx,
  sources,
  editable,
}: {
  ctx: PageContext;
  sources: DataSource[];
  editable: boolean;
}) {
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{sources.length} bronnen</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Bron
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Licentie
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Vernieuwd
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Privacyregels
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Cijfers, laatst ingelezen
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {sources.map((s) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {editable ? (
                  <a class="utrecht-link" href={`/beheer/bronnen/${s.code}`}>
                    {s.provider}: {s.dataset}
                  </a>
                ) : (
                  `${s.provider}: ${s.dataset}`
                )}
                {s.url ? (
                  <>
                    {' '}
                    (
                    <a class="utrecht-link" href={s.url} rel="noreferrer">
                      website
                    </a>
                    )
                  </>
                ) : null}
                {s.description ? <p class="marke-muted">{s.description}</p> : null}
              </th>
              <td class="utrecht-table__cell">{s.licence}</td>
              <td class="utrecht-table__cell">{s.refresh}</td>
              <td class="utrecht-table__cell">{rules(s)}</td>
              <td class="utrecht-table__cell">
                {s.measurements} ·{' '}
                {s.lastImport
                  ? date(s.lastImport)
                  : s.measurements > 0
                    ? 'meegeleverd bij de start'
                    : 'nog niet ingelezen'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable ? null : (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={href(ctx, '/datawerkplaats')}>
            Terug naar de datawerkplaats
          </a>
        </p>
      )}
    </div>
  );
}

export function SourcesPage({ ctx, sources }: { ctx: PageContext; sources: DataSource[] }) {
  return (
    <Layout
      ctx={ctx}
      title="Bronnen"
      nav="data"
      crumbs={[
        { label: 'Datawerkplaats', href: href(ctx, '/datawerkplaats') },
        { label: 'Bronnen' },
      ]}
    >
      <h1 class="utrecht-heading-1">Waar komen de cijfers vandaan?</h1>
      <p class="utrecht-paragraph">
        Elke bron met wie de cijfers maakt, onder welke licentie, hoe vaak er nieuwe cijfers komen
        en welke privacyregels we toepassen. Bij elk cijfer in de datawerkplaats staat de bron en
        het jaar.
      </p>
      <SourceList ctx={ctx} sources={sources} editable={false} />
    </Layout>
  );
}

const CRUMBS = [{ label: 'Mijn account', href: '/account' }];

export function SourcesAdminPage({
  ctx,
  sources,
  notice,
}: {
  ctx: PageContext;
  sources: DataSource[];
  notice?: string;
}) {
  return (
    <Layout ctx={ctx} title="Bronnen beheren" crumbs={[...CRUMBS, { label: 'Bronnen' }]}>
      <h1 class="utrecht-heading-1">Bronnen beheren</h1>
      {notice ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">{notice}</p>
        </div>
      ) : null}
      <p class="utrecht-paragraph">
        Kies een bron om de privacyregels aan te passen. Na opslaan bepaalt Marke voor alle cijfers
        van die bron opnieuw wat niet getoond mag worden.
      </p>
      <SourceList ctx={ctx} sources={sources} editable />
    </Layout>
  );
}

export function SourceEditPage(props: {
  ctx: PageContext;
  source: DataSource;
  csrf: string;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { ctx, source, csrf, values, errors } = props;
  return (
    <Layout
      ctx={ctx}
      title={`Bron ${source.dataset}`}
      crumbs={[...CRUMBS, { label: 'Bronnen', href: '/beheer/bronnen' }, { label: source.dataset }]}
    >
      <h1 class="utrecht-heading-1">
        {source.provider}: {source.dataset}
      </h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/beheer/bronnen/${source.code}`}>
        <CsrfField token={csrf} />
        <TextField
          id="threshold"
          label="Drempel: minder waarnemingen dan dit aantal wordt niet getoond"
          hint="Meestal 10. Geldt voor elk cijfer met een aantal waarnemingen of noemer."
          values={values}
          errors={errors}
        />
        <TextField
          id="decimals"
          label="Waarden afronden op (aantal decimalen)"
          hint="Leeg laten: niet afronden."
          values={values}
          errors={errors}
        />
        <TextField
          id="count_base"
          label="Aantallen afronden op een veelvoud van"
          hint="Bijvoorbeeld 5. Leeg laten: niet afronden. Rond dan ook de waarden af (decimalen hierboven), anders is een aantal terug te rekenen uit het percentage."
          values={values}
          errors={errors}
        />
        <TextField
          id="refresh"
          label="Hoe vaak komen er nieuwe cijfers?"
          values={values}
          errors={errors}
        />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Opslaan
        </button>
      </form>
    </Layout>
  );
}
