/** The HEMA subregions: which gemeente belongs where (public), and the form for beheerders. */
import { href, type PageContext } from '../../../web/context.js';
import { type FieldErrors, SelectField } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary } from '../../auth/index.js';
import type { SubregionView } from '../subregions.service.js';

function Overview({ view }: { view: SubregionView }) {
  return (
    <>
      <ul class="utrecht-unordered-list">
        {view.subregions.map((s) => (
          <li>
            <strong>{s.name}</strong>:{' '}
            {s.gemeenten.length > 0
              ? s.gemeenten.map((g) => g.name).join(', ')
              : 'nog geen gemeenten ingedeeld'}
          </li>
        ))}
      </ul>
      {view.unassigned.length > 0 ? (
        <p class="utrecht-paragraph">
          Nog niet ingedeeld: {view.unassigned.map((g) => g.name).join(', ')}.
        </p>
      ) : null}
    </>
  );
}

export function SubregionsPage({ ctx, view }: { ctx: PageContext; view: SubregionView }) {
  return (
    <Layout
      ctx={ctx}
      title="HEMA-subregio's"
      nav="data"
      crumbs={[
        { label: 'Datawerkplaats', href: href(ctx, '/datawerkplaats') },
        { label: "HEMA-subregio's" },
      ]}
    >
      <h1 class="utrecht-heading-1">HEMA-subregio's</h1>
      <p class="utrecht-paragraph">
        Het regioplan werkt met vier subregio's: Hoogeveen, Emmen, Meppel en Assen (HEMA). Het plan
        zegt niet welke gemeente bij welke subregio hoort. Het programmateam legt dat hier vast.
      </p>
      <p class="utrecht-paragraph">
        Heeft een cijfer per gemeente een teller en een noemer, dan berekent Marke ook een cijfer
        per subregio: alle tellers bij elkaar gedeeld door alle noemers (geen gemiddelde van
        percentages). U vindt dat cijfer bij de indicator, met "HEMA-subregio" voor de naam.
      </p>
      <Overview view={view} />
    </Layout>
  );
}

export function SubregionsAdminPage(props: {
  ctx: PageContext;
  view: SubregionView;
  csrf: string;
  values: Record<string, string>;
  errors: FieldErrors;
  notice?: string;
}) {
  const { ctx, view, csrf, values, errors, notice } = props;
  const options = view.subregions.map((s): [string, string] => [s.code, s.name]);
  const gemeenten = [...view.subregions.flatMap((s) => s.gemeenten), ...view.unassigned].sort(
    (a, b) => a.name.localeCompare(b.name, 'nl'),
  );
  return (
    <Layout
      ctx={ctx}
      title="HEMA-subregio's indelen"
      crumbs={[{ label: 'Mijn account', href: '/account' }, { label: "Subregio's" }]}
    >
      <h1 class="utrecht-heading-1">HEMA-subregio's indelen</h1>
      {notice ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">{notice}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <Overview view={view} />
      <form method="post" action="/beheer/subregios">
        <CsrfField token={csrf} />
        {gemeenten.map((g) => (
          <SelectField
            id={`gm-${g.code}`}
            label={g.name}
            empty="– nog niet ingedeeld –"
            options={options}
            value={values[`gm-${g.code}`] ?? ''}
            errors={errors}
          />
        ))}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Indeling opslaan
        </button>
      </form>
    </Layout>
  );
}
