/**
 * Hulp per gemeente: the index of the region's gemeenten (/hulpwijzer/gemeenten) and a page per
 * gemeente (/hulpwijzer/gemeente/GM1680) with its entrances first, then everything offered in
 * the gemeente per need, ladder first.
 */
import { DemoTag } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { CrisisLine } from '../directory.types.js';
import type { Gemeente, GemeenteOverview, LocalItem } from '../local-help.service.js';
import { CrisisStrip } from './crisis.js';
import { query, WaysIn } from './help-parts.js';
import { LADDER_LABELS, ServiceCard } from './service-card.js';

const crumbsFor = (ctx: PageContext, last?: string) => [
  { label: 'Hulpwijzer', href: href(ctx, '/hulpwijzer') },
  ...(last
    ? [{ label: 'Hulp per gemeente', href: href(ctx, '/hulpwijzer/gemeenten') }, { label: last }]
    : [{ label: 'Hulp per gemeente' }]),
];

export function GemeentenPage({
  ctx,
  gemeenten,
  crisisLines,
}: {
  ctx: PageContext;
  gemeenten: Gemeente[];
  crisisLines: CrisisLine[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Hulp per gemeente - Hulpwijzer"
      description={`Waar je terecht kunt in elke gemeente van ${ctx.region.name}.`}
      crumbs={crumbsFor(ctx)}
      nav="hulpwijzer"
    >
      <CrisisStrip lines={crisisLines} />
      <h1 class="utrecht-heading-1">Hulp per gemeente</h1>
      <p class="utrecht-paragraph">
        Kies je gemeente. Je ziet waar je met je vraag terecht kunt, en welke hulp er in de gemeente
        is.
      </p>
      <GemeenteList ctx={ctx} gemeenten={gemeenten} />
      <WaysIn ctx={ctx} />
    </Layout>
  );
}

/** An address with a gemeente we do not know: say so, and offer the ones we do. */
export function UnknownGemeentePage({
  ctx,
  gemeenten,
  crisisLines,
}: {
  ctx: PageContext;
  gemeenten: Gemeente[];
  crisisLines: CrisisLine[];
}) {
  return (
    <Layout ctx={ctx} title="Deze gemeente kennen we niet - Hulpwijzer" crumbs={crumbsFor(ctx)}>
      <CrisisStrip lines={crisisLines} />
      <h1 class="utrecht-heading-1">Deze gemeente kennen we niet</h1>
      <p class="utrecht-paragraph">
        Op dit adres staat geen gemeente van {ctx.region.name}. Misschien is het adres niet helemaal
        goed overgenomen. Kies hieronder je gemeente.
      </p>
      <GemeenteList ctx={ctx} gemeenten={gemeenten} />
      <p class="marke-muted">Foutcode 404</p>
    </Layout>
  );
}

function GemeenteList({ ctx, gemeenten }: { ctx: PageContext; gemeenten: Gemeente[] }) {
  return (
    <ul class="marke-need-list">
      {gemeenten.map((g) => (
        <li>
          <a class="utrecht-link" href={href(ctx, `/hulpwijzer/gemeente/${g.code}`)}>
            {g.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function GemeentePage({
  ctx,
  overview,
  crisisLines,
}: {
  ctx: PageContext;
  overview: GemeenteOverview;
  crisisLines: CrisisLine[];
}) {
  const { gemeente, entrances, byNeed, without } = overview;
  const searchHref = (need: string) =>
    href(ctx, `/hulpwijzer${query({ onderwerp: need, plaats: gemeente.name })}`);
  return (
    <Layout
      ctx={ctx}
      title={`Hulp in de gemeente ${gemeente.name} - Hulpwijzer`}
      description={`Waar je terecht kunt in de gemeente ${gemeente.name}, en welke hulp er is.`}
      crumbs={crumbsFor(ctx, gemeente.name)}
      nav="hulpwijzer"
    >
      <CrisisStrip lines={crisisLines} />
      <h1 class="utrecht-heading-1">Hulp in de gemeente {gemeente.name}</h1>
      <section aria-labelledby="ingangen-kop">
        <h2 class="utrecht-heading-2" id="ingangen-kop">
          Hier kun je met je vraag terecht
        </h2>
        {entrances.length === 0 ? (
          <p class="utrecht-paragraph">
            We kennen in de gemeente {gemeente.name} nog geen vaste plek waar je met elke vraag
            terecht kunt. Neem contact op met de gemeente: die weet waar je terecht kunt.
          </p>
        ) : (
          <ol class="marke-results">
            {entrances.map((entrance, i) => (
              <li>
                <ServiceCard
                  service={entrance.service}
                  headingId={`ingang-${i + 1}`}
                  level={3}
                  where={`Voor ${entrance.where}`}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="aanbod-kop">
        <h2 class="utrecht-heading-2" id="aanbod-kop">
          Hulp in de gemeente, per onderwerp
        </h2>
        <p class="utrecht-paragraph">
          Eerst wat je zelf of samen met anderen kunt doen, daarna hulp dichtbij en verder weg. Er
          is ook hulp voor de hele regio en online: die zie je als je op een onderwerp klikt.
        </p>
        {byNeed.map(({ need, listings, total }) => (
          <section aria-labelledby={`onderwerp-${need.code}`}>
            <h3 class="utrecht-heading-3" id={`onderwerp-${need.code}`}>
              {need.name}
            </h3>
            <ul class="marke-local-list">
              {listings.map((listing) => (
                <Listing listing={listing} />
              ))}
            </ul>
            {total > listings.length ? (
              <p class="marke-muted">
                Hier staan de eerste {listings.length} van de {total}.
              </p>
            ) : null}
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={searchHref(need.code)}>
                {total > listings.length
                  ? `Alle ${total} bekijken, met contactgegevens en hulp voor de hele regio`
                  : 'Bekijk deze hulp met contactgegevens, en hulp voor de hele regio'}
                <span class="marke-visually-hidden"> ({need.name})</span>
              </a>
            </p>
          </section>
        ))}
        {without.length > 0 ? (
          <p class="utrecht-paragraph">
            In de gemeente zelf staat nog niets bij:{' '}
            {without.map((need, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a class="utrecht-link" href={searchHref(need.code)}>
                  {need.name}
                </a>
              </>
            ))}
            . Klik op een onderwerp voor hulp voor de hele regio en online.
          </p>
        ) : null}
      </section>
      <WaysIn ctx={ctx} />
    </Layout>
  );
}

function Listing({ listing }: { listing: LocalItem }) {
  return (
    <li>
      <strong>{listing.name}</strong> {listing.isDemo ? <DemoTag /> : null}
      <br />
      <span class="marke-muted">
        {LADDER_LABELS[listing.ladder] ?? listing.ladder} · {listing.where}
      </span>
    </li>
  );
}
