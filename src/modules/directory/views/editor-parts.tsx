/** Parts the editors' pages share: the area picker, the card preview and the status texts. */
import { dutchDate as dayText, dutchDayOf } from '../../../lib/dutch-date.js';
import { describedBy, FieldError, type FieldErrors, FieldHint } from '../../../web/form-fields.js';
import type { Area } from '../../areas/index.js';
import { AREA_EVERYWHERE } from '../directory-editor.form.js';
import type { ServiceContact, ServiceHit } from '../search.service.js';
import { PhoneLine, ServiceCard, When } from './service-card.js';

export const REVIEW_TEXT: Record<string, string> = {
  ingediend: 'Wacht op beoordeling',
  goedgekeurd: 'Gepubliceerd',
  afgewezen: 'Afgewezen',
};

/** Review and status in one phrase, as the overview and the listing page say it. */
export function statusText(l: {
  status: string;
  review_status: string;
  edited_since_review: boolean;
}): string {
  if (l.status !== 'active') return 'Beëindigd (niet meer te vinden)';
  const review = REVIEW_TEXT[l.review_status] ?? l.review_status;
  return l.edited_since_review ? `${review}, wijziging nog niet bekeken` : review;
}

/** A date as residents and editors read it: 24 november 2026. */
export function dutchDate(iso: string | Date | null): string {
  if (!iso) return '–';
  return typeof iso === 'string' ? dayText(iso) : dutchDayOf(iso);
}

function AreaBox({
  area,
  checked,
  label,
}: {
  area: { code: string };
  checked: boolean;
  label: string;
}) {
  return (
    <div class="marke-choice">
      <input
        type="checkbox"
        id={`gebied-${area.code}`}
        name={`gebied:${area.code}`}
        value="on"
        checked={checked}
      />
      <label for={`gebied-${area.code}`}>{label}</label>
    </div>
  );
}

/**
 * Service areas chosen from a list, never typed: the whole region, online, and per gemeente the
 * gemeente itself, its wijken and buurten (folded away unless one is chosen).
 */
export function AreaPicker({
  areas,
  checked,
  errors,
}: {
  areas: Area[];
  checked: string[];
  errors: FieldErrors;
}) {
  const id = 'gebieden';
  const hint =
    'Kies waar inwoners deze hulp kunnen krijgen. Kies een gemeente als de dienst voor de hele gemeente is, of alleen de wijken waar de dienst is.';
  const gemeenten = areas
    .filter((a) => a.level === 'gemeente')
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const within = (parent: string) =>
    areas
      .filter((a) => a.parentCode === parent && a.level !== 'gemeente')
      .sort((a, b) => a.code.localeCompare(b.code));
  const [first, ...rest] = AREA_EVERYWHERE;
  return (
    <fieldset
      class={`marke-fieldset${errors[id] ? ' utrecht-form-field--invalid' : ''}`}
      aria-describedby={describedBy(id, errors, hint)}
    >
      <legend>Voor welk gebied is de dienst?</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      {first ? (
        <div class="marke-choice">
          <input
            type="checkbox"
            id={id}
            name={`gebied:${first.code}`}
            value="on"
            checked={checked.includes(first.code)}
          />
          <label for={id}>{first.name}</label>
        </div>
      ) : null}
      {rest.map((a) => (
        <AreaBox area={a} checked={checked.includes(a.code)} label={a.name} />
      ))}
      {gemeenten.map((g) => {
        const wijken = within(g.code);
        const buurten = wijken.flatMap((w) => within(w.code));
        const open = [g, ...wijken, ...buurten].some((a) => checked.includes(a.code));
        return (
          <details class="marke-area-group" open={open}>
            <summary>{g.name}</summary>
            <AreaBox area={g} checked={checked.includes(g.code)} label={`Heel ${g.name}`} />
            {wijken.map((w) => (
              <>
                <AreaBox area={w} checked={checked.includes(w.code)} label={w.name} />
                {within(w.code).map((b) => (
                  <div class="marke-area-buurt">
                    <AreaBox area={b} checked={checked.includes(b.code)} label={b.name} />
                  </div>
                ))}
              </>
            ))}
          </details>
        );
      })}
    </fieldset>
  );
}

/** The card exactly as residents see it, with a sentence on what the preview is. */
export function CardPreview({ service, note }: { service: ServiceHit; note: string }) {
  return (
    <aside class="marke-editor-preview" id="voorbeeld" aria-labelledby="voorbeeld-kop">
      <h2 class="utrecht-heading-2" id="voorbeeld-kop">
        Zo zien inwoners deze vermelding
      </h2>
      <p class="marke-muted">{note}</p>
      <div id="voorbeeld-kaart">
        <ServiceCard service={service} headingId="voorbeeld-kaart-titel" level={3} />
      </div>
    </aside>
  );
}

/**
 * What the listing holds that the form does not write (an import's phones, opening hours and
 * places), read-only and as residents read it: saving keeps it as it is.
 */
export function KeptParts({ kept }: { kept: ServiceContact }) {
  const { phones, emails, websites, schedules, addresses } = kept;
  return (
    <section class="marke-note" aria-labelledby="uit-import-kop">
      <h3 class="utrecht-heading-3" id="uit-import-kop">
        Uit de import
      </h3>
      <p class="utrecht-paragraph">
        Deze gegevens komen uit een import. Ze blijven staan als u opslaat. U kunt ze hier niet
        veranderen. Klopt er iets niet? Vraag een beheerder om het in het bestand aan te passen.
      </p>
      <dl class="marke-facts">
        {phones.length + emails.length + websites.length > 0 ? (
          <>
            <dt>Contact</dt>
            <dd>
              <ul class="marke-contact">
                {phones.map((phone) => (
                  <PhoneLine phone={phone} />
                ))}
                {[...emails, ...websites].map((text) => (
                  <li>{text}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {schedules.length > 0 ? (
          <>
            <dt>Wanneer</dt>
            <When schedules={schedules} />
          </>
        ) : null}
        {addresses.length > 0 ? (
          <>
            <dt>Waar</dt>
            <dd>{addresses.join('; ')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
