/**
 * The Hulpwijzer search page (/hulpwijzer): the question and place form, crisis help, and the
 * results per need, ladder first. Works without JavaScript; no cookies (a GET form).
 */

import { href, type PageContext } from '../../../web/context.js';
import { TextField } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { ErrorSummary } from '../../auth/index.js';
import type { CrisisLine } from '../directory.types.js';
import type { SearchOutcome, ServiceHit } from '../search.service.js';
import type { NeedTerm } from '../vocabulary.js';
import { CrisisFirst, CrisisStrip } from './crisis.js';
import { PrintLink, WaysIn } from './help-parts.js';
import { type CardHeadingLevel, ServiceCard } from './service-card.js';

type Props = {
  ctx: PageContext;
  outcome: SearchOutcome;
  needs: NeedTerm[];
  crisisLines: CrisisLine[];
};

export function HulpwijzerPage({ ctx, outcome, needs, crisisLines }: Props) {
  const errors = Object.fromEntries(outcome.errors.map((e) => [e.field, e.message]));
  const searched = outcome.question !== '' || outcome.place !== null;
  return (
    <Layout
      ctx={ctx}
      title={searched ? 'Hulp gevonden - Hulpwijzer' : 'Hulpwijzer'}
      description="Vind informatie, hulp en ondersteuning dichtbij: zelf als het kan, dichtbij als het kan."
      crumbs={[{ label: 'Hulpwijzer' }]}
      nav="hulpwijzer"
    >
      <CrisisStrip lines={crisisLines} />
      <h1 class="utrecht-heading-1">Waar kun je terecht?</h1>
      <p class="utrecht-paragraph">
        Typ in je eigen woorden waar je hulp bij zoekt, en waar je woont. Je ziet eerst wat je zelf
        of samen met anderen kunt doen, daarna hulp dichtbij en hulp verder weg.
      </p>
      <ErrorSummary errors={errors} />
      <CrisisFirst lines={outcome.crisis} />
      <form class="marke-form" action={href(ctx, '/hulpwijzer')} method="get">
        <TextField
          id="vraag"
          label="Waar zoek je hulp bij?"
          hint='Bijvoorbeeld: "mijn vader is vaak alleen" of "ik kan mijn rekeningen niet betalen".'
          errors={errors}
          value={outcome.question}
        />
        <TextField
          id="plaats"
          label="Waar woon je?"
          hint="Je dorp, wijk of gemeente, of je postcode."
          errors={errors}
          value={outcome.placeText}
        />
        {outcome.placeSuggestions.length > 0 ? (
          <p class="utrecht-paragraph">
            Bedoel je{' '}
            {outcome.placeSuggestions.map((s, i) => (
              <>
                {i > 0 ? ' of ' : ''}
                <a
                  class="utrecht-link"
                  href={href(
                    ctx,
                    `/hulpwijzer?vraag=${encodeURIComponent(outcome.question)}&plaats=${encodeURIComponent(s)}`,
                  )}
                >
                  {s}
                </a>
              </>
            ))}
            ?
          </p>
        ) : null}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Zoek hulp
        </button>
      </form>
      {searched && outcome.errors.length === 0 ? <Results ctx={ctx} outcome={outcome} /> : null}
      {searched ? null : <WaysIn ctx={ctx} />}
      <NeedList ctx={ctx} needs={needs} place={outcome.place?.label ?? ''} />
      {searched ? <WaysIn ctx={ctx} /> : null}
    </Layout>
  );
}

function Results({ ctx, outcome }: { ctx: PageContext; outcome: SearchOutcome }) {
  const where = outcome.place
    ? ` in ${outcome.place.label}${outcome.place.label === outcome.place.gemeenteName ? '' : ` (gemeente ${outcome.place.gemeenteName})`}`
    : '';
  const total = outcome.sections.reduce((n, s) => n + s.services.length, 0) + outcome.byText.length;
  return (
    <section aria-labelledby="resultaten-kop">
      <h2 class="utrecht-heading-2" id="resultaten-kop">
        {total === 0 ? 'We vonden nog geen hulp' : `Hulp${where}`}
      </h2>
      {outcome.sections.length > 0 ? (
        <p class="utrecht-paragraph">
          We zochten naar: {outcome.sections.map((s) => s.need.name).join(', ')}.
        </p>
      ) : null}
      {!outcome.place ? (
        <p class="utrecht-paragraph">
          Je ziet nu alleen hulp voor iedereen in de regio en online. Vul hierboven je dorp of
          postcode in om ook hulp in je buurt te zien.
        </p>
      ) : null}
      {total === 0 ? <NothingFound ctx={ctx} outcome={outcome} /> : null}
      {outcome.sections.map((section) =>
        section.services.length > 0 ? (
          <section aria-labelledby={`behoefte-${section.need.code}`}>
            <h3 class="utrecht-heading-3" id={`behoefte-${section.need.code}`}>
              {section.need.name}
            </h3>
            <CardList services={section.services} prefix={section.need.code} level={4} />
            {section.more > 0 ? (
              <p class="marke-muted">
                Er is nog meer hulp van deze soort ({section.more}). Hierboven staat de hulp die het
                dichtst bij is.
              </p>
            ) : null}
          </section>
        ) : null,
      )}
      {outcome.byText.length > 0 ? (
        <CardList services={outcome.byText} prefix="tekst" level={3} />
      ) : null}
      {total > 0 ? (
        <PrintLink ctx={ctx} params={{ vraag: outcome.question, plaats: outcome.place?.label }} />
      ) : null}
    </section>
  );
}

function CardList({
  services,
  prefix,
  level,
}: {
  services: ServiceHit[];
  prefix: string;
  level: CardHeadingLevel;
}) {
  return (
    <ol class="marke-results">
      {services.map((service, i) => (
        <li>
          <ServiceCard service={service} headingId={`${prefix}-${i + 1}`} level={level} />
        </li>
      ))}
    </ol>
  );
}

function NothingFound({ ctx, outcome }: { ctx: PageContext; outcome: SearchOutcome }) {
  // The guided path ends at the one local entrance; with a known place it starts at that place.
  const place = outcome.place?.label;
  const start = href(
    ctx,
    place
      ? `/hulpwijzer/begin?voor=mezelf&over=informatie-advies&plaats=${encodeURIComponent(place)}`
      : '/hulpwijzer/begin',
  );
  return (
    <p class="utrecht-paragraph">
      {outcome.question && outcome.understood?.needs.length === 0
        ? 'We begrijpen je vraag nog niet goed. Probeer het met andere woorden, of kies hieronder een onderwerp. '
        : 'Voor deze vraag staat hier nog geen hulp. '}
      Weet je niet waar je moet beginnen?{' '}
      <a class="utrecht-link" href={start}>
        Bekijk waar je in je eigen dorp of wijk terecht kunt
      </a>
      .
    </p>
  );
}

function NeedList({ ctx, needs, place }: { ctx: PageContext; needs: NeedTerm[]; place: string }) {
  return (
    <section aria-labelledby="onderwerpen-kop">
      <h2 class="utrecht-heading-2" id="onderwerpen-kop">
        Of kies een onderwerp
      </h2>
      <ul class="marke-need-list">
        {needs.map((need) => (
          <li>
            <a
              class="utrecht-link"
              href={href(
                ctx,
                `/hulpwijzer?vraag=${encodeURIComponent(need.name)}&plaats=${encodeURIComponent(place)}`,
              )}
            >
              {need.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
