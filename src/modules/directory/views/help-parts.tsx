/** Parts shared by the Hulpwijzer's result pages: the local entrance, help per need, links. */
import { DemoTag } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import type { Entrance } from '../local-help.service.js';
import type { NeedSection, ServiceHit } from '../search.service.js';
import { ServiceCard } from './service-card.js';

/** The one place to start, shown first; honest when the place has none of its own. */
export function EntranceBox({ ctx, entrance }: { ctx: PageContext; entrance: Entrance }) {
  const { place, found, wanted } = entrance;
  const gemeenteLink = (
    <a class="utrecht-link" href={href(ctx, `/hulpwijzer/gemeente/${place.gemeenteCode}`)}>
      alle hulp in de gemeente {place.gemeenteName}
    </a>
  );
  return (
    <section class="marke-entrance" aria-labelledby="ingang-kop">
      <h2 class="utrecht-heading-2" id="ingang-kop">
        {found ? `Hier kun je beginnen: ${found.service.name}` : 'Waar kun je beginnen?'}
        {found?.service.is_demo ? (
          <>
            {' '}
            <DemoTag />
          </>
        ) : null}
      </h2>
      <p class="utrecht-paragraph">{entranceText(entrance)}</p>
      {found ? <ServiceCard service={found.service} headingId="ingang-dienst" level={3} /> : null}
      {found && wanted === 'mantelzorg' && found.kind === 'algemeen' ? (
        <p class="utrecht-paragraph">
          Een mantelzorgloket voor {place.label} staat nog niet in de Hulpwijzer.
        </p>
      ) : null}
      <p class="utrecht-paragraph marke-no-print">Bekijk ook {gemeenteLink}.</p>
    </section>
  );
}

function entranceText({ place, found }: Entrance): string {
  const where = place.wijkCode ? place.label : `de gemeente ${place.gemeenteName}`;
  if (!found)
    return `We kennen voor ${where} nog geen vaste plek waar je met elke vraag terecht kunt. Neem contact op met de gemeente ${place.gemeenteName}: die weet waar je terecht kunt. De hulp hieronder kun je ook zelf bekijken.`;
  const what =
    found.kind === 'mantelzorg'
      ? 'Hier kun je terecht met vragen over zorgen voor een ander, en om even vrij te krijgen.'
      : 'Hier kun je terecht met elke vraag over hulp, zorg en meedoen. Ze denken met je mee en weten wat er in de buurt is.';
  if (found.scope === 'plaats') return `${what} Dit is de plek in ${place.label} zelf.`;
  // A mantelzorgloket is usually one per gemeente: only a missing village entrance is news.
  const gap =
    place.wijkCode && found.kind === 'algemeen'
      ? `In ${place.label} zelf kennen we nog geen eigen plek, zoals een dorpscoördinator. `
      : '';
  if (found.scope === 'gemeente')
    return `${gap}${what} Dit is voor heel de gemeente ${place.gemeenteName}.`;
  return `${gap}In de gemeente ${place.gemeenteName} kennen we nog geen vaste plek. ${what} Dit is voor de hele regio.`;
}

/**
 * Help per need, ladder first, as cards; `prefix` keeps the card ids on one page unique. A need
 * the resident chose is shown even without help (`showEmpty`), saying so; a need read from a
 * free question is left out when its services were all shown above, as on the search page.
 */
export function NeedSections({
  sections,
  prefix,
  title,
  showEmpty = false,
}: {
  sections: NeedSection[];
  prefix: string;
  title: (section: NeedSection) => string;
  showEmpty?: boolean;
}) {
  const shown = showEmpty ? sections : sections.filter((s) => s.services.length > 0);
  return (
    <>
      {shown.map((section) => (
        <section aria-labelledby={`${prefix}-${section.need.code}`}>
          <h2 class="utrecht-heading-2" id={`${prefix}-${section.need.code}`}>
            {title(section)}
          </h2>
          {section.services.length === 0 ? (
            <p class="utrecht-paragraph">Hier staat voor deze plaats nog geen andere hulp.</p>
          ) : (
            <CardList services={section.services} prefix={`${prefix}-${section.need.code}`} />
          )}
          {section.more > 0 ? <p class="marke-muted">En nog {section.more} andere.</p> : null}
        </section>
      ))}
    </>
  );
}

/** Cards under a section's h2, each an h3; `where` replaces "how far" (found without a place). */
export function CardList({
  services,
  prefix,
  where,
}: {
  services: ServiceHit[];
  prefix: string;
  where?: ReadonlyMap<string, string>;
}) {
  return (
    <ol class="marke-results">
      {services.map((service, i) => (
        <li>
          <ServiceCard
            service={service}
            headingId={`${prefix}-${i + 1}`}
            level={3}
            where={where?.get(service.id)}
          />
        </li>
      ))}
    </ol>
  );
}

/** The query string of a page: names and values encoded, empty ones left out. */
export function query(params: Record<string, string | null | undefined>): string {
  const pairs = Object.entries(params).filter(
    (pair): pair is [string, string] => typeof pair[1] === 'string',
  );
  return pairs.length === 0
    ? ''
    : `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** To the print version of the page with these answers. */
export function PrintLink({
  ctx,
  params,
}: {
  ctx: PageContext;
  params: Record<string, string | null | undefined>;
}) {
  return (
    <p class="utrecht-paragraph marke-no-print">
      <a class="utrecht-link" href={href(ctx, `/hulpwijzer/afdrukken${query(params)}`)}>
        Afdrukken of bewaren
      </a>{' '}
      <span class="marke-muted">(een eenvoudige pagina om te printen of als pdf te bewaren)</span>
    </p>
  );
}

/** The other ways in, offered on the search page and after every result. */
export function WaysIn({ ctx }: { ctx: PageContext }) {
  return (
    <nav class="marke-ways-in marke-no-print" aria-labelledby="wegen-kop">
      <h2 class="utrecht-heading-2" id="wegen-kop">
        Op een andere manier zoeken
      </h2>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={href(ctx, '/hulpwijzer/begin')}>
            Ik weet niet waar ik moet beginnen
          </a>
          : drie korte vragen, en je ziet waar je in je eigen dorp of wijk terecht kunt.
        </li>
        <li>
          <a class="utrecht-link" href={href(ctx, '/hulpwijzer/voor-een-ander')}>
            Ik zoek hulp voor iemand anders
          </a>
          : voor als je zorgt voor je partner, ouder, kind, buur of vriend.
        </li>
        <li>
          <a class="utrecht-link" href={href(ctx, '/hulpwijzer/gemeenten')}>
            Hulp per gemeente
          </a>
          : alles wat er in jouw gemeente is.
        </li>
      </ul>
    </nav>
  );
}
