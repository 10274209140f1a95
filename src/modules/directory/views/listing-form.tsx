/**
 * The listing form (HSDS service): what, for whom, costs, needs, ladder step, areas, contact,
 * when, where and plan links, beside the resident card it makes. Works without JavaScript: "Voorbeeld
 * bekijken" posts the form and shows the card without saving; a small same-origin script
 * (allowed by the CSP) refreshes the card while typing.
 */
import type { PageContext } from '../../../web/context.js';
import {
  CheckboxGroup,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import { checkedCodes, type EditorRefs } from '../directory-editor.form.js';
import { COST_KINDS, MAX_PHONES } from '../directory-editor.types.js';
import type { ServiceContact, ServiceHit } from '../search.service.js';
import { AreaPicker, CardPreview, KeptParts } from './editor-parts.js';

export type ListingFormMode =
  | { kind: 'new' }
  | { kind: 'edit'; id: string; name: string; reviewStatus: string };

type Props = {
  ctx: PageContext;
  csrf: string;
  mode: ListingFormMode;
  refs: EditorRefs;
  organizations: { id: string; name: string }[];
  /** True for a beheerder: their save publishes, it is not handed in. */
  moderator: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
  preview: ServiceHit;
  /** What the listing holds that the form does not write (an import's), shown read-only. */
  kept?: ServiceContact | null;
  /** The page answers "Voorbeeld bekijken": nothing was saved. */
  previewed?: boolean;
  scriptPath: string;
};

/** What saving does, in the editor's words (ADR 0018). */
function saveNote(mode: ListingFormMode, moderator: boolean): string {
  if (moderator) return 'U bent beheerder: wat u opslaat, is meteen zichtbaar voor inwoners.';
  if (mode.kind === 'new')
    return 'Na het opslaan beoordeelt een beheerder de vermelding. Daarna vinden inwoners haar in de Hulpwijzer. Opslaan telt als controle: de datum "laatst gecontroleerd" wordt vandaag.';
  if (mode.reviewStatus === 'goedgekeurd')
    return 'De vermelding blijft zichtbaar voor inwoners, met uw wijziging. Een beheerder kijkt de wijziging later na. Opslaan telt als controle: de datum "laatst gecontroleerd" wordt vandaag.';
  return 'Na het opslaan beoordeelt een beheerder de vermelding (opnieuw). Opslaan telt als controle: de datum "laatst gecontroleerd" wordt vandaag.';
}

function Phones({ values, errors }: { values: Record<string, string>; errors: FieldErrors }) {
  return (
    <>
      {Array.from({ length: MAX_PHONES }, (_, index) => {
        const n = index + 1;
        return (
          <div class="marke-phone">
            <TextField
              id={`telefoon_${n}`}
              label={`Telefoonnummer ${n}${n > 1 ? ' (mag leeg blijven)' : ''}`}
              hint={
                n === 1 ? 'Een Nederlands nummer, zoals 0592 123456 of 06 12345678.' : undefined
              }
              type="tel"
              errors={errors}
              values={values}
            />
            <TextField
              id={`telefoon_${n}_label`}
              label={`Uitleg bij telefoonnummer ${n}`}
              hint={
                n === 1
                  ? 'Bijvoorbeeld: maandag tot en met vrijdag, of: voor mantelzorgers.'
                  : undefined
              }
              errors={errors}
              values={values}
            />
          </div>
        );
      })}
    </>
  );
}

export function ListingFormPage(props: Props) {
  const { ctx, csrf, mode, refs, organizations, moderator, preview, previewed } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const title = mode.kind === 'new' ? 'Nieuwe vermelding' : `${mode.name} bewerken`;
  const action = mode.kind === 'new' ? '/beheer/hulpwijzer' : `/beheer/hulpwijzer/${mode.id}`;
  const crumbs = [
    { label: 'Hulpwijzer', href: '/beheer/hulpwijzer' },
    ...(mode.kind === 'edit' ? [{ label: mode.name, href: `/beheer/hulpwijzer/${mode.id}` }] : []),
    { label: mode.kind === 'new' ? 'Nieuw' : 'Bewerken' },
  ];
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} scripts={[props.scriptPath]}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} />
      {previewed ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">
            Dit is een voorbeeld. Er is nog niets opgeslagen.{' '}
            <a class="utrecht-link" href="#voorbeeld">
              Naar het voorbeeld
            </a>
          </p>
        </div>
      ) : null}
      <div class="marke-editor">
        <form
          method="post"
          action={action}
          novalidate
          data-voorbeeld="/beheer/hulpwijzer/voorbeeld"
        >
          <CsrfField token={csrf} />
          {mode.kind === 'edit' ? <input type="hidden" name="dienst" value={mode.id} /> : null}
          <SelectField
            id="organisatie"
            label="Organisatie"
            errors={errors}
            values={values}
            options={organizations.map((o) => [o.id, o.name])}
            empty={organizations.length > 1 ? 'Kies de organisatie' : undefined}
          />
          <TextField id="naam" label="Naam van de dienst" errors={errors} values={values} />
          <TextArea
            id="beschrijving"
            label="Wat is het?"
            hint="In gewone woorden: wat doet de dienst, en wat heeft een inwoner eraan? Hoogstens 2000 tekens."
            errors={errors}
            values={values}
            rows={6}
          />
          <TextArea
            id="voor_wie"
            label="Voor wie is het? (mag leeg blijven)"
            hint="Bijvoorbeeld: voor mantelzorgers in de gemeente Assen."
            errors={errors}
            values={values}
            rows={2}
          />
          <CheckboxGroup
            id="hulpvragen"
            prefix="hulpvraag"
            label="Bij welke vragen helpt de dienst?"
            hint="Kies minstens één. Zo vinden inwoners de dienst als ze hun vraag in eigen woorden typen."
            errors={errors}
            options={refs.needs.map((n) => [n.code, n.name])}
            checked={checkedCodes(values, 'hulpvraag')}
          />
          <RadioGroup
            id="ladder"
            label="Welke stap van de hulpladder is het?"
            hint="Kies er één. Inwoners zien eerst wat ze zelf of samen kunnen, dan hulp dichtbij, dan verder weg."
            errors={errors}
            value={values.ladder}
            options={refs.ladder.map((l) => [l.code, `${l.name}: ${l.description}`])}
          />
          <AreaPicker areas={refs.areas} checked={checkedCodes(values, 'gebied')} errors={errors} />
          <RadioGroup
            id="kosten"
            label="Wat kost het?"
            errors={errors}
            value={values.kosten}
            options={Object.entries(COST_KINDS)}
          />
          <TextField
            id="bedrag"
            label="Bedrag in euro (mag leeg blijven)"
            hint="Alleen als er kosten zijn. Bijvoorbeeld: 12,50."
            errors={errors}
            values={values}
          />
          <TextArea
            id="kosten_toelichting"
            label="Uitleg over de kosten (mag leeg blijven)"
            hint="Bijvoorbeeld: per keer, of: de gemeente betaalt met een Wmo-indicatie."
            errors={errors}
            values={values}
            rows={2}
          />
          <h2 class="utrecht-heading-2">Contact en tijden</h2>
          {props.kept ? <KeptParts kept={props.kept} /> : null}
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
          <Phones values={values} errors={errors} />
          <TextArea
            id="wanneer"
            label="Wanneer? (mag leeg blijven)"
            hint={
              props.kept?.schedules.length
                ? 'Alleen wat u aan de tijden uit de import wilt toevoegen. Kijk in het voorbeeld hoe inwoners de tijden zien.'
                : 'In gewone woorden, bijvoorbeeld: elke dinsdag van 10.00 tot 12.00 uur.'
            }
            errors={errors}
            values={values}
            rows={2}
          />
          <h2 class="utrecht-heading-2">Adres (mag leeg blijven)</h2>
          <p class="marke-muted">Alleen als inwoners er langs kunnen komen.</p>
          <TextField
            id="adres_straat"
            label="Straat en huisnummer"
            errors={errors}
            values={values}
          />
          <TextField
            id="adres_postcode"
            label="Postcode"
            hint="Bijvoorbeeld: 9401 AB."
            errors={errors}
            values={values}
          />
          <TextField id="adres_plaats" label="Plaats" errors={errors} values={values} />
          <h2 class="utrecht-heading-2">Regioplan (mag leeg blijven)</h2>
          <TextField
            id="doelen"
            label="Doelen uit het regioplan"
            hint="Codes gescheiden door komma's, bijvoorbeeld: 2.1.1, 2.2.2.c."
            errors={errors}
            values={values}
          />
          <details
            class="marke-area-group"
            open={checkedCodes(values, 'initiatief').length > 0 || !!errors.initiatieven}
          >
            <summary>Initiatieven uit het regioplan</summary>
            <CheckboxGroup
              id="initiatieven"
              prefix="initiatief"
              label="Hoort de dienst bij een initiatief uit het plan?"
              errors={errors}
              options={refs.initiatives.map((i) => [i.code, i.name])}
              checked={checkedCodes(values, 'initiatief')}
            />
          </details>
          <p class="utrecht-paragraph">{saveNote(mode, moderator)}</p>
          <div class="marke-search">
            <button
              class="utrecht-button utrecht-button--secondary-action"
              type="submit"
              name="actie"
              value="voorbeeld"
            >
              Voorbeeld bekijken
            </button>
            <button
              class="utrecht-button utrecht-button--primary-action"
              type="submit"
              name="actie"
              value="opslaan"
            >
              Opslaan
            </button>
          </div>
        </form>
        <CardPreview
          service={preview}
          note="Het voorbeeld laat zien wat er na het opslaan staat. Een veld met een fout staat er nog niet in."
        />
      </div>
    </Layout>
  );
}
