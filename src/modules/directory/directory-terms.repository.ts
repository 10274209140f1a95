/** SQL reads of the profile's terms and of PostgreSQL's Dutch stemmer (ADR 0016). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Snowball stems of words (`dutch_stem`); a stop word gives an empty list. */
export async function stemWords(db: Db, words: string[]) {
  if (words.length === 0) return [];
  const result = await sql<{ word: string; lexemes: string[] | null }>`
    select word, ts_lexize('dutch_stem', word) as lexemes
    from unnest(${words}::text[]) as t(word)`.execute(db);
  return result.rows;
}

/** The terms of one profile taxonomy in profile order. */
export async function listTerms(db: Db, taxonomyId: string) {
  return db
    .selectFrom('hsds_taxonomy_term')
    .select(['id', 'code', 'name', 'description', 'keywords'])
    .where('taxonomy_id', '=', taxonomyId)
    .orderBy('position')
    .execute();
}
