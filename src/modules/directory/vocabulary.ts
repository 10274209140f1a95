/**
 * The need vocabulary (memoised per data version) and a per-database cache of stems, so a search
 * asks PostgreSQL only for words it has not stemmed before.
 */
import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import { taxonomyId } from './directory-ids.js';
import * as repo from './directory-terms.repository.js';
import { NEED_TAXONOMY } from './profile.js';
import { buildVocabulary, type NeedVocabulary, tokenize } from './understand.js';

type Db = Kysely<Database>;

const STEM_CACHE_LIMIT = 50_000;
const stemCaches = new WeakMap<Db, Map<string, string | null>>();

/** Stems of the given words, from the cache or in one query for the words not seen before. */
export async function stemsOf(
  db: Db,
  words: Iterable<string>,
): Promise<Map<string, string | null>> {
  let cache = stemCaches.get(db);
  if (!cache) {
    cache = new Map();
    stemCaches.set(db, cache);
  }
  const wanted = [...new Set(words)];
  const missing = wanted.filter((w) => !cache.has(w));
  if (missing.length > 0) {
    if (cache.size + missing.length > STEM_CACHE_LIMIT) cache.clear();
    for (const row of await repo.stemWords(db, missing))
      cache.set(row.word, row.lexemes?.[0] ?? null);
  }
  return new Map(wanted.map((w) => [w, cache.get(w) ?? null]));
}

export type NeedTerm = { id: string; code: string; name: string; description: string };

/** The needs of the profile and their stemmed vocabulary. */
export function needVocabulary(db: Db): Promise<{ terms: NeedTerm[]; vocabulary: NeedVocabulary }> {
  return memoByDataVersion(db, 'hulpwijzer:vocabulary', async () => {
    const rows = await repo.listTerms(db, taxonomyId(NEED_TAXONOMY));
    const words = rows.flatMap((r) => [r.name, ...r.keywords].flatMap(tokenize));
    const stems = await stemsOf(db, words);
    const vocabulary = buildVocabulary(
      rows.map((r) => ({ code: r.code, name: r.name, keywords: r.keywords })),
      stems,
    );
    const terms = rows.map(({ id, code, name, description }) => ({ id, code, name, description }));
    return { terms, vocabulary };
  });
}
