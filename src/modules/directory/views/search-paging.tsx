/**
 * Paging of one need's whole list on the search page: how many there are and which ones this
 * page shows, "Vorige pagina" / "Volgende pagina" for a topic, and for a section that has more a
 * link to the rest. Plain links (GET), so it works without JavaScript.
 */

import { href, type PageContext } from '../../../web/context.js';
import type { NeedSection, SearchOutcome } from '../search.service.js';
import { query } from './help-parts.js';

/** The search for one need at the outcome's place; page 1 has no `pagina`. */
function pageHref(ctx: PageContext, outcome: SearchOutcome, need: string, page: number): string {
  const params = {
    onderwerp: need,
    plaats: outcome.place?.label ?? (outcome.placeText || undefined),
    pagina: page > 1 ? String(page) : undefined,
  };
  return href(ctx, `/hulpwijzer${query(params)}`);
}

/** "Er is 52 keer hulp …: 40 in Aa en Hunze en 12 voor de hele regio of online." */
function countText(section: NeedSection, outcome: SearchOutcome): string {
  const { total, local } = section.paging;
  const everyone = total - local;
  const place = outcome.place;
  if (!place || local === 0 || everyone === 0) return `Er is ${total} keer hulp bij dit onderwerp.`;
  return `Er is ${total} keer hulp bij dit onderwerp: ${local} in ${place.label} en ${everyone} voor de hele regio of online.`;
}

/** Above a topic's cards when its list has more than one page: how many, which ones. */
export function PageStatus({ section, outcome }: { section: NeedSection; outcome: SearchOutcome }) {
  const { page, pages, first } = section.paging;
  if (pages <= 1) return null;
  const last = first + section.services.length - 1;
  return (
    <p class="utrecht-paragraph">
      {countText(section, outcome)} Je ziet nummer {first} tot en met {last} (pagina {page} van{' '}
      {pages}).
    </p>
  );
}

/** Below a topic's cards: the page before and after, when there are any. */
export function Pager({
  ctx,
  section,
  outcome,
}: {
  ctx: PageContext;
  section: NeedSection;
  outcome: SearchOutcome;
}) {
  const { page, pages } = section.paging;
  if (pages <= 1) return null;
  const code = section.need.code;
  return (
    <nav aria-label={`Pagina's van ${section.need.name}`} class="marke-search">
      {page > 1 ? (
        <a class="utrecht-link" href={pageHref(ctx, outcome, code, page - 1)} rel="prev">
          Vorige pagina
        </a>
      ) : null}
      {page < pages ? (
        <a class="utrecht-link" href={pageHref(ctx, outcome, code, page + 1)} rel="next">
          Volgende pagina (nog {section.more})
        </a>
      ) : null}
    </nav>
  );
}

/**
 * Below a section of a question with more help of its need: to the next page of that need when
 * the cards shown are its first page, else to the need's whole list from the start.
 */
export function MoreLink({
  ctx,
  section,
  outcome,
}: {
  ctx: PageContext;
  section: NeedSection;
  outcome: SearchOutcome;
}) {
  const { total, continues } = section.paging;
  const next = continues && section.services.length > 0;
  return (
    <p class="utrecht-paragraph">
      Hierboven staat de hulp die het dichtst bij is.{' '}
      <a class="utrecht-link" href={pageHref(ctx, outcome, section.need.code, next ? 2 : 1)}>
        {next
          ? `Meer hulp bij ${section.need.name} bekijken (nog ${total - section.services.length})`
          : `Alle ${total} bij ${section.need.name} bekijken`}
      </a>
    </p>
  );
}

/** Where the error summary's link for a bad page lands: the way back to the first page. */
export function PageError({ ctx, outcome }: { ctx: PageContext; outcome: SearchOutcome }) {
  const { topic } = outcome;
  return (
    <p class="utrecht-paragraph" id="pagina">
      {topic ? (
        <a class="utrecht-link" href={pageHref(ctx, outcome, topic.code, 1)}>
          Bekijk de eerste pagina van {topic.name}
        </a>
      ) : (
        <a class="utrecht-link" href="#onderwerp">
          Kies een onderwerp
        </a>
      )}
    </p>
  );
}
