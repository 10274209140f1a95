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
import { PrintLink, query, WaysIn } from './help-parts.js';
import { MoreLink, PageError, Pager, PageStatus } from './search-paging.js';
import { type CardHeadingLevel, ServiceCard } from './service-card.js';

type Props = {
  ctx: PageContext;
  outcome: SearchOutcome;
  needs: NeedTerm[];
  crisisLines: CrisisLine[];
};

export function HulpwijzerPage({ ctx, outcome, needs, crisisLines }: Props) {
  const errors = Object.fromEntries(outcome.errors.map((e) => [e.field, e.message]));
  const searched = outcome.question !== '' || outcome.place !== null || outcome.topic !== null;
  return (
    <Layout
      ctx={ctx}
      title={
        searched
          ? `Hulp gevonden${outcome.page > 1 ? ` (pagina ${outcome.page})` : ''} - Hulpwijzer`
          : 'Hulpwijzer'
      }
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
        {outcome.topic ? (
          <>
            <input type="hidden" name="onderwerp" value={outcome.topic.code} />
            <p class="utrecht-paragraph">
              Je koos het onderwerp: {outcome.topic.name}. Typ een vraag als je iets anders zoekt.
            </p>
          </>
        ) : null}
        <TextField
          id="vraag"
          label="Waar zoek je hulp bij?"
          hint='Bijvoorbeeld: "mijn vader is vaak alleen" of "ik kan mijn rekeningen niet betalen".'
          errors={errors}
          value={outcome.question}
        />
        {/* The question keeps the browser's own history (no autocomplete="off"): a resident
            who asks again finds their words. The place is their own town, which the browser
            may fill in: the village, not the 6-character postcode, which names the street. */}
        <TextField
          id="plaats"
          label="Waar woon je?"
          hint="Je dorp, wijk of gemeente, of je postcode."
          errors={errors}
          value={outcome.placeText}
          autocomplete="address-level2"
        />
        {outcome.placeSuggestions.length > 0 ? (
          <p class="utrecht-paragraph">
            Bedoel je{' '}
            {outcome.placeSuggestions.map((s, i) => (
              <>
                {i > 0 ? ' of ' : ''}
                <a class="utrecht-link" href={href(ctx, searchUrl(outcome, s))}>
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
      {errors.pagina ? <PageError ctx={ctx} outcome={outcome} /> : null}
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
        {total === 0 ? 'We vonden nog geen hulp' : resultsHeading(outcome, where)}
      </h2>
      {outcome.sections.length > 0 ? (
        <p class="utrecht-paragraph">
          We zochten naar: {outcome.sections.map((s) => s.need.name).join(', ')}.
        </p>
      ) : null}
      {!outcome.place ? <NoPlace outcome={outcome} /> : null}
      {total === 0 ? <NothingFound ctx={ctx} outcome={outcome} /> : null}
      {outcome.sections.map((section) => {
        if (section.services.length === 0) return null;
        // A topic's own list goes page by page; a question's section links to the rest.
        const paged = outcome.topic?.code === section.need.code;
        return (
          <section aria-labelledby={`behoefte-${section.need.code}`}>
            <h3 class="utrecht-heading-3" id={`behoefte-${section.need.code}`}>
              {section.need.name}
            </h3>
            {paged ? <PageStatus section={section} outcome={outcome} /> : null}
            <CardList
              services={section.services}
              prefix={section.need.code}
              level={4}
              first={section.paging.first}
            />
            {paged ? <Pager ctx={ctx} section={section} outcome={outcome} /> : null}
            {!paged && section.more > 0 ? (
              <MoreLink ctx={ctx} section={section} outcome={outcome} />
            ) : null}
          </section>
        );
      })}
      {outcome.byText.length > 0 ? (
        <CardList services={outcome.byText} prefix="tekst" level={3} where={outcome.servedIn} />
      ) : null}
      {total > 0 ? (
        <PrintLink ctx={ctx} params={searchParams(outcome, outcome.place?.label)} />
      ) : null}
    </section>
  );
}

/** What this search asks, with another place: the question, or else the topic. */
function searchParams(outcome: SearchOutcome, place: string | undefined) {
  const { topic } = outcome;
  return topic
    ? { onderwerp: topic.code, plaats: place }
    : { vraag: outcome.question, plaats: place };
}

const searchUrl = (outcome: SearchOutcome, place: string) =>
  `/hulpwijzer${query(searchParams(outcome, place))}`;

/** A question that named no need was looked up by its words, in the whole region. */
const searchedByWords = (outcome: SearchOutcome) =>
  outcome.question !== '' && outcome.sections.length === 0;

function resultsHeading(outcome: SearchOutcome, where: string): string {
  if (outcome.place) return `Hulp${where}`;
  return searchedByWords(outcome) ? 'Gevonden in de hele regio' : 'Hulp in de regio en online';
}

/**
 * Without a place: says so, says truly what was searched (a name: the whole region; a need:
 * only help for everyone), and offers to add the place in the form above.
 */
function NoPlace({ outcome }: { outcome: SearchOutcome }) {
  const byName = searchedByWords(outcome);
  return (
    <p class="utrecht-paragraph">
      Je hebt geen plaats ingevuld.{' '}
      {byName
        ? 'We zochten daarom in de hele regio naar hulp met deze woorden. Bij elke hulp staat voor welke plaats die is.'
        : 'Daarom zie je alleen hulp voor iedereen in de regio en online.'}{' '}
      <a class="utrecht-link" href="#plaats">
        Vul je dorp, wijk of postcode in
      </a>{' '}
      {byName ? 'om te zien wat bij jou in de buurt is.' : 'om ook hulp dichtbij te zien.'}
    </p>
  );
}

function CardList({
  services,
  prefix,
  level,
  where,
  first = 1,
}: {
  services: ServiceHit[];
  prefix: string;
  level: CardHeadingLevel;
  /** The number of the first card in its whole list (a later page starts further on). */
  first?: number;
  /** Replaces "how far" for services found without a place. */
  where?: ReadonlyMap<string, string>;
}) {
  return (
    <ol class="marke-results" start={first > 1 ? first : undefined}>
      {services.map((service, i) => (
        <li>
          <ServiceCard
            service={service}
            headingId={`${prefix}-${first + i}`}
            level={level}
            where={where?.get(service.id)}
          />
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
      {/* The target of the error summary's link when an unknown topic was asked for. */}
      <ul class="marke-need-list" id="onderwerp">
        {needs.map((need) => (
          <li>
            <a
              class="utrecht-link"
              href={href(
                ctx,
                `/hulpwijzer${query({ onderwerp: need.code, plaats: place || undefined })}`,
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
