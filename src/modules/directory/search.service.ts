/**
 * The resident's search (issue 5 §2): a question in their own words and a place. Needs come from
 * the question, services from the needs and the place; each need's services are ordered by the
 * ladder (zelf → verder weg), then by nearness. A question that signals crisis gets the crisis
 * lines first.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  type CardOwner,
  type CardPlace,
  type ContactRows,
  cardContacts,
  type ServiceContact,
} from './card-contact.js';
import type { CrisisKind, CrisisLine } from './directory.types.js';
import { termId } from './directory-ids.js';
import { contactPartsOf } from './hsds-children.repository.js';
import { localAreasOf, type Nearness, nearnessOf, orderByLadderAndNearness } from './nearness.js';
import { type Place, type PlaceIndex, placeIndex, resolvePlace, servedAreaText } from './places.js';
import { loadProfile, PROFILE_TAXONOMY } from './profile.js';
import {
  MAX_QUESTION_LENGTH,
  needsToSearch,
  type Understood,
  understandQuestion,
} from './question.service.js';
import {
  type Candidate,
  findByText,
  type ServiceCard,
  serviceCards,
  servicePlaces,
} from './search.repository.js';
import { findForNeeds } from './search-candidates.service.js';
import { type NeedTerm, needVocabulary } from './vocabulary.js';

type Db = Kysely<Database>;

export const MAX_PLACE_LENGTH = 100;
const CANDIDATE_LIMIT = 2000;
/** Cards per need on a page, also per page of one topic's whole list (`pagina`). */
export const CARDS_PER_NEED = 8;
/** Highest page number read; more digits are not a page. */
const MAX_PAGE = 9999;

export type { ServiceContact } from './card-contact.js';
export { addressLine } from './card-contact.js';
export type { Nearness } from './nearness.js';
/** A candidate with its nearness, before its card is read. */
export type Ranked = Candidate & { nearness: Nearness };
export type ServiceHit = Ranked & ServiceCard & { contact: ServiceContact };
/**
 * Where a section's cards are in the need's whole list (ladder, then nearness): `first` is the
 * number of the first card; `continues` says the cards are exactly page `page` of that list, so
 * page `page + 1` goes on where they end (a question's later need skips cards an earlier need
 * showed: its cards are then no page of its own list).
 */
export type SectionPaging = {
  page: number;
  pages: number;
  total: number;
  /** Of `total`: those for the place itself (its areas and gemeente), not for everyone. */
  local: number;
  first: number;
  continues: boolean;
};
export type NeedSection = {
  need: NeedTerm;
  services: ServiceHit[];
  more: number;
  paging: SectionPaging;
};
type RankedSection = Omit<NeedSection, 'services'> & { services: Ranked[] };

export type SearchOutcome = {
  question: string;
  /** The need chosen by its code (`onderwerp`: topic links, the paths), when no question is typed. */
  topic: NeedTerm | null;
  /** The page of the topic's list (`pagina`), 1 when none is asked for. */
  page: number;
  placeText: string;
  place: Place | null;
  placeSuggestions: string[];
  understood: Understood | null;
  sections: NeedSection[];
  /** Services found by their own words when the question named no need (e.g. a name). */
  byText: ServiceHit[];
  /**
   * Without a place a name is looked up in the whole region: where each local service found is
   * offered ("Voor Grolloo (gemeente Aa en Hunze)"), for its card instead of how far.
   */
  servedIn: Map<string, string>;
  crisis: CrisisLine[];
  errors: { field: 'vraag' | 'plaats' | 'onderwerp' | 'pagina'; message: string }[];
};

const CRISIS_LINES: Record<CrisisKind, string[]> = {
  suicide: ['113', '112'],
  violence: ['veilig-thuis', '112'],
  acute: ['112', 'huisartsenpost'],
};

/** The crisis lines for the signals found, most urgent first, each once. */
export function crisisLinesFor(kinds: CrisisKind[]): CrisisLine[] {
  const lines = loadProfile().profile.crisis.lines;
  const codes = [...new Set(kinds.flatMap((k) => CRISIS_LINES[k]))];
  return codes.flatMap((code) => lines.find((l) => l.code === code) ?? []);
}

/**
 * Searches the region's directory; bad input comes back as Dutch messages, never as an error.
 * `topic` is a need's code (a topic link, a path's answer): that need alone, unless the resident
 * typed a question, which then says what they look for.
 */
export async function searchDirectory(
  db: Db,
  regionId: number,
  input: { question: string; place: string; topic?: string | undefined; page?: string | undefined },
): Promise<SearchOutcome> {
  // Control characters (a NUL byte cannot even reach PostgreSQL) are only ever typos or probes.
  const question = withoutControlCharacters(input.question).trim();
  const placeText = withoutControlCharacters(input.place).trim();
  const topicCode = withoutControlCharacters(input.topic ?? '').trim();
  const { terms } = await needVocabulary(db);
  const topic = topicCode ? terms.find((t) => t.code === topicCode) : undefined;
  const pageText = withoutControlCharacters(input.page ?? '').trim();
  const page = pageNumber(pageText);
  const outcome: SearchOutcome = {
    question,
    topic: topic && !question ? topic : null,
    page: page ?? 1,
    placeText,
    place: null,
    placeSuggestions: [],
    understood: null,
    sections: [],
    byText: [],
    servedIn: new Map(),
    crisis: [],
    errors: [],
  };
  if (question.length > MAX_QUESTION_LENGTH)
    outcome.errors.push({
      field: 'vraag',
      message: `Je vraag is te lang. Gebruik hoogstens ${MAX_QUESTION_LENGTH} tekens; een paar woorden is genoeg.`,
    });
  if (placeText.length > MAX_PLACE_LENGTH)
    outcome.errors.push({
      field: 'plaats',
      message: 'Vul alleen de naam van je dorp, wijk of gemeente in, of je postcode.',
    });
  if (topicCode && !topic)
    outcome.errors.push({
      field: 'onderwerp',
      message:
        'Dit onderwerp kennen we niet. Kies een onderwerp uit de lijst hieronder, of typ je vraag in je eigen woorden.',
    });
  if (page === null)
    outcome.errors.push({
      field: 'pagina',
      message:
        'Dit paginanummer klopt niet. Gebruik de links "Vorige pagina" en "Volgende pagina".',
    });
  else if (pageText && !outcome.topic && !(topicCode && !topic))
    outcome.errors.push({
      field: 'pagina',
      message: 'Verder kijken kan alleen bij één onderwerp. Kies hieronder een onderwerp.',
    });
  if (outcome.errors.length > 0) return outcome;
  if (placeText) {
    const found = await resolvePlace(db, regionId, placeText);
    outcome.place = found.place;
    if (!found.place) {
      outcome.placeSuggestions = found.suggestions;
      outcome.errors.push({
        field: 'plaats',
        message: unknownPlaceMessage(placeText, found.ambiguous),
      });
    }
  }
  if (!question && !outcome.topic && !outcome.place) return outcome;
  // A topic's own name is read for crisis signals only ("Geweld of onveilig thuis").
  const text = question || outcome.topic?.name;
  const understood = text ? await understandQuestion(db, text) : null;
  // A topic is that need alone, not what the words of its name also suggest ("Weet niet waar ik
  // moet beginnen" is not about dementia). Links from before `onderwerp` sent the need's name as
  // the question: a question that is exactly a need's name still chooses that need.
  const chosen =
    outcome.topic ??
    terms.find((t) => t.name.toLocaleLowerCase('nl') === question.toLocaleLowerCase('nl'));
  if (understood && chosen) understood.chosen = [chosen.code];
  outcome.understood = understood;
  outcome.crisis = crisisLinesFor(understood?.crisis ?? []);
  // Without a question, a place shows its one local entrance: where to start.
  const needCodes = understood ? needsToSearch(understood) : ['informatie-advies'];
  if (question && needCodes.length === 0) {
    const ranked = await servicesByText(db, regionId, question, outcome.place);
    const cards = await cardsOf(db, ranked);
    outcome.byText = ranked.flatMap((r) => cards(r));
    if (!outcome.place) outcome.servedIn = await servedWithoutPlace(db, regionId, ranked);
    return outcome;
  }
  const paged = outcome.topic ? { code: outcome.topic.code, page: outcome.page } : null;
  const sections = await sectionsFor(db, regionId, needCodes, outcome.place, paged);
  const pastEnd = sections.find((s) => s.need.code === paged?.code && paged.page > s.paging.pages);
  if (pastEnd) {
    const { pages } = pastEnd.paging;
    outcome.errors.push({
      field: 'pagina',
      message: `Pagina ${outcome.page} is er niet. Bij dit onderwerp ${pages === 1 ? 'is er 1 pagina' : `zijn er ${pages} pagina's`}.`,
    });
    return outcome;
  }
  const cards = await cardsOf(
    db,
    sections.flatMap((s) => s.services),
  );
  outcome.sections = sections.map((s) => ({ ...s, services: s.services.flatMap((r) => cards(r)) }));
  return outcome;
}

/** For each service with a local area: the areas it is offered in, as the card says them. */
async function servedWithoutPlace(
  db: Db,
  regionId: number,
  ranked: Ranked[],
): Promise<Map<string, string>> {
  const index = await placeIndex(db, regionId);
  return new Map(
    ranked.flatMap((r) => {
      const text = servedAreaText(r.areas, index);
      return text ? [[r.id, text] as const] : [];
    }),
  );
}

/** The full cards of these services, in their order (a service removed meanwhile: left out). */
export async function loadCards(db: Db, ranked: Ranked[]): Promise<ServiceHit[]> {
  const cards = await cardsOf(db, ranked);
  return ranked.flatMap((r) => cards(r));
}

/**
 * The cards of the services on the page — only those are read in full: fields, organisation,
 * source, places, then their phones, contacts and times, one query per table for all cards
 * (never per card). A service removed meanwhile simply has no card.
 */
async function cardsOf(db: Db, ranked: Ranked[]): Promise<(r: Ranked) => ServiceHit[]> {
  const ids = [...new Set(ranked.map((r) => r.id))];
  const [rows, places] = await Promise.all([
    serviceCards(db, ids, termId(PROFILE_TAXONOMY, 'bron')),
    servicePlaces(db, ids),
  ]);
  const byId = new Map<string, ServiceCard>();
  const owners: CardOwner[] = [];
  for (const { organization_id, organization_email, organization_website, ...card } of rows) {
    if (byId.has(card.id)) continue;
    byId.set(card.id, card);
    owners.push({ ...card, organization_id, organization_email, organization_website });
  }
  const parts =
    owners.length === 0
      ? { contacts: [], phones: [], schedules: [] }
      : await contactRowsOf(
          db,
          ids,
          places,
          owners.map((o) => o.organization_id),
        );
  const contacts = cardContacts(owners, places, parts);
  return (r) => {
    const card = byId.get(r.id);
    const contact = contacts.get(r.id);
    return card && contact ? [{ ...r, ...card, contact }] : [];
  };
}

/**
 * The contact rows (contacts, phones, times) a card reads for these services at these places and
 * for their organizations; the editor's preview reads them the same way.
 */
export async function contactRowsOf(
  db: Db,
  serviceIds: string[],
  places: CardPlace[],
  organizationIds: string[],
): Promise<ContactRows> {
  return contactPartsOf(db, {
    services: serviceIds,
    serviceAtLocations: places.map((p) => p.sal_id),
    locations: [...new Set(places.map((p) => p.location_id))],
    organizations: [...new Set(organizationIds)],
  });
}

function withoutControlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function unknownPlaceMessage(text: string, ambiguous: boolean): string {
  if (ambiguous) return `Er zijn meer plaatsen die "${text}" heten. Kies hieronder de goede.`;
  return `We kennen "${text}" niet als plaats in deze regio. Kijk of de naam goed gespeld is, of vul je postcode of gemeente in.`;
}

/** A `pagina` value: empty is the first page, a bad one null. */
function pageNumber(text: string): number | null {
  if (text === '') return 1;
  return /^[1-9][0-9]*$/.test(text) && Number(text) <= MAX_PAGE ? Number(text) : null;
}

/**
 * Each need's cards. The `paged` need (a topic) shows page `page` of its own whole list, so the
 * pages go on where the one before ended; a question's other needs skip cards an earlier need
 * already showed.
 */
async function sectionsFor(
  db: Db,
  regionId: number,
  needCodes: string[],
  place: Place | null,
  paged: { code: string; page: number } | null,
): Promise<RankedSection[]> {
  const { terms } = await needVocabulary(db);
  const chosen = needCodes.flatMap((code) => terms.find((t) => t.code === code) ?? []);
  const index = await placeIndex(db, regionId);
  const { candidates, totals, localTotals } = await findForNeeds(db, {
    ...baseFilter(regionId, place, index),
    needCodes: chosen.map((t) => t.code),
    // A need's cards skip services an earlier need already showed: enough for every section;
    // page p of a topic needs its first p pages (ADR 0022: whole ladder steps up to those).
    keepPerNeed: CARDS_PER_NEED * Math.max(chosen.length, paged?.page ?? 1),
  });
  const hits = withNearness(candidates, place, index);
  const shown: Ranked[] = [];
  return chosen.map((need) => {
    const own = hits.filter((h) => h.needs.includes(need.code));
    const total = totals.get(need.code) ?? 0;
    const page = need.code === paged?.code ? paged.page : 1;
    const paging = {
      page,
      pages: Math.max(1, Math.ceil(total / CARDS_PER_NEED)),
      total,
      local: localTotals.get(need.code) ?? 0,
    };
    if (need.code === paged?.code) {
      const start = (page - 1) * CARDS_PER_NEED;
      const services = own.slice(start, start + CARDS_PER_NEED);
      shown.push(...services);
      const more = total - start - services.length;
      return { need, services, more, paging: { ...paging, first: start + 1, continues: true } };
    }
    const shownBefore = shown.filter((h) => h.needs.includes(need.code)).length;
    const ids = new Set(shown.map((h) => h.id));
    const services = own.filter((h) => !ids.has(h.id)).slice(0, CARDS_PER_NEED);
    shown.push(...services);
    const continues = services.every((s, i) => own[i]?.id === s.id);
    const more = total - shownBefore - services.length;
    return { need, services, more, paging: { ...paging, first: 1, continues } };
  });
}

async function servicesByText(
  db: Db,
  regionId: number,
  question: string,
  place: Place | null,
): Promise<Ranked[]> {
  // A name is looked up everywhere when no place is given: it says which service is meant.
  const index = await placeIndex(db, regionId);
  const found = await findByText(db, {
    ...baseFilter(regionId, place, index),
    ...(place ? {} : { areaCodes: null }),
    text: question,
    limit: CANDIDATE_LIMIT,
  });
  return withNearness(found, place, index).slice(0, CARDS_PER_NEED);
}

function baseFilter(regionId: number, place: Place | null, index: PlaceIndex) {
  return {
    regionId,
    // Without a place only help for everyone: local help needs to know where you are.
    areaCodes: place ? areaChain(place, index) : ['regio', 'online'],
  };
}

/**
 * The service areas near a place: its buurt and wijk, or a village's wijk and its buurten (for a
 * whole gemeente or a postcode we cannot place in a wijk: every wijk and buurt of the gemeente),
 * its gemeente, the region, online.
 */
function areaChain(place: Place, index: PlaceIndex): string[] {
  return [...localAreasOf(place, index), place.gemeenteCode, 'regio', 'online'];
}

function withNearness(found: Candidate[], place: Place | null, index: PlaceIndex): Ranked[] {
  const hits = found.map((s) => ({ ...s, nearness: nearnessOf(s, place, index.centres) }));
  return orderByLadderAndNearness(hits, place, index);
}
