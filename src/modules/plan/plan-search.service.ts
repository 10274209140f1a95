/** Search over all plan content with PostgreSQL Dutch full-text search, grouped by entity type. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { parseGoalCode } from './goal-codes.js';
import type { Region } from './plan.service.js';
import { findSearchDocument, searchDocuments } from './plan-links.repository.js';

const TYPE_ORDER = [
  'opgave',
  'strategisch_doel',
  'operationeel_doel',
  'programma',
  'initiatief',
  'organisatie',
  'thema',
  'begrip',
  'afkorting',
  'tekst',
];
const SUFFIXES = ['ers', 'er', 'en', 'es', 's', 'e'];

type Hit = Awaited<ReturnType<typeof searchDocuments>>[number];
export type SearchResults = { total: number; groups: Array<{ type: string; items: Hit[] }> };
export type SearchError = 'EmptyQuery' | 'QueryTooLong';

/** Words of a query: letters and digits only, so they are safe inside a tsquery. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 12);
}

/**
 * Prefix query on a shortened stem: Dutch agent nouns and plurals ("mantelzorgers") then also
 * match the base word ("mantelzorg"), which the Snowball stemmer keeps apart.
 */
export function prefixQuery(words: string[]): string {
  return words
    .map((word) => {
      const suffix = SUFFIXES.find((s) => word.endsWith(s) && word.length - s.length >= 4);
      return `${suffix ? word.slice(0, -suffix.length) : word}:*`;
    })
    .join(' & ');
}

/** The search page and /search API: a goal code finds that goal first, then full-text hits. */
export async function searchPlan(
  db: Kysely<Database>,
  region: Region,
  query: string,
): Promise<Result<SearchResults, SearchError>> {
  if (query.length > 200) return err('QueryTooLong');
  // A goal code ("2.1.1", "2.2.1.b", chapter-1 "1.1.1") finds that goal first.
  const code = parseGoalCode(query);
  const exact = code ? await findSearchDocument(db, region.id, code.code) : [];
  const words = queryWords(query);
  if (words.length === 0 && exact.length === 0) return err('EmptyQuery');
  const found =
    words.length > 0
      ? await searchDocuments(
          db,
          region.id,
          { text: words.join(' '), prefixQuery: prefixQuery(words) },
          200,
        )
      : [];
  const isExact = (hit: (typeof found)[number]) =>
    exact.some((e) => e.entity_key === hit.entity_key && e.entity_type === hit.entity_type);
  const hits = [...exact, ...found.filter((hit) => !isExact(hit))];
  const groups = TYPE_ORDER.map((type) => ({
    type,
    items: hits.filter((h) => h.entity_type === type),
  })).filter((g) => g.items.length > 0);
  return ok({ total: hits.length, groups });
}
