/** A directory organisation: name, description, e-mail, website (and its plan organisation). */
import type { PageContext } from '../../../web/context.js';
import { SelectField, TextArea, TextField } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';

export type OrganizationFormMode = { kind: 'new' } | { kind: 'edit'; id: string; name: string };

export function OrganizationFormPage({
  ctx,
  csrf,
  mode,
  values = {},
  errors = {},
  planOrganisations,
}: {
  ctx: PageContext;
  csrf: string;
  mode: OrganizationFormMode;
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** Only for beheerders: the plan organisation to link to. */
  planOrganisations?: { id: number; name: string }[];
}) {
  const title = mode.kind === 'new' ? 'Organisatie toevoegen' : `${mode.name} wijzigen`;
  const action =
    mode.kind === 'new'
      ? '/beheer/hulpwijzer/organisaties'
      : `/beheer/hulpwijzer/organisaties/${mode.id}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: 'Hulpwijzer', href: '/beheer/hulpwijzer' }, { label: title }]}
    >
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} />
      <p class="utrecht-paragraph">
        Inwoners zien de naam van de organisatie bij elke dienst. Schrijf de naam zoals inwoners
        haar kennen.
      </p>
      <form method="post" action={action} novalidate>
        <CsrfField token={csrf} />
        <TextField id="naam" label="Naam" errors={errors} values={values} />
        <TextArea
          id="beschrijving"
          label="Wat doet de organisatie?"
          hint="Een of twee zinnen. Hoogstens 1000 tekens."
          errors={errors}
          values={values}
          rows={3}
        />
        <TextField
          id="email"
          label="E-mailadres (mag leeg blijven)"
          type="email"
          errors={errors}
          values={values}
        />
        <TextField
          id="website"
          label="Website (mag leeg blijven)"
          hint="Het volledige adres, beginnend met https://."
          type="url"
          errors={errors}
          values={values}
        />
        {planOrganisations ? (
          <SelectField
            id="plan_organisatie"
            label="Dezelfde organisatie in het regioplan (mag leeg blijven)"
            hint="Redacteuren van die organisatie houden dan haar vermeldingen bij."
            errors={errors}
            values={values}
            empty="Geen"
            options={planOrganisations.map((o) => [String(o.id), o.name])}
          />
        ) : null}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Opslaan
        </button>
      </form>
    </Layout>
  );
}
