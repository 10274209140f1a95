/** What a resident's question is about: needs of the profile in order, and crisis signals. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CrisisKind } from './directory.types.js';
import { loadProfile } from './profile.js';
import { chosenNeeds, classify, detectCrisis, type NeedScore, tokenize } from './understand.js';
import { needVocabulary, stemsOf } from './vocabulary.js';

type Db = Kysely<Database>;

/** Longer questions are refused with a message; the form says so too. */
export const MAX_QUESTION_LENGTH = 5000;
/** A long question is understood from its first distinct words (enough for any real question). */
const MAX_QUESTION_WORDS = 80;

export type Understood = {
  /** Every need with a match, best first. */
  needs: NeedScore[];
  /** The needs a search looks for (the best and those close to it). */
  chosen: string[];
  crisis: CrisisKind[];
  /** Stems of the question's words (stop words left out), for the text search. */
  stems: string[];
};

/** Reads a question (at most MAX_QUESTION_LENGTH characters; the caller checks). */
export async function understandQuestion(db: Db, question: string): Promise<Understood> {
  const tokens = tokenize(question);
  const words = [...new Set(tokens)].slice(0, MAX_QUESTION_WORDS);
  const [{ vocabulary }, stemMap] = await Promise.all([needVocabulary(db), stemsOf(db, words)]);
  const stems = [...new Set(words.flatMap((w) => stemMap.get(w) ?? []))];
  const needs = classify(stems, vocabulary);
  const crisis = detectCrisis(tokens, loadProfile().profile.crisis.signals);
  return { needs, chosen: chosenNeeds(needs), crisis, stems };
}

/** After the crisis lines, the help that fits the signal comes first. */
const CRISIS_NEEDS: Record<CrisisKind, string> = {
  suicide: 'mentale-gezondheid',
  violence: 'geweld',
  acute: 'huisarts',
};

/**
 * The needs a search shows sections for, at most three: the help that fits a crisis signal, then
 * the chosen needs. The quality test measures this list, so its figure is what residents get.
 */
export function needsToSearch(understood: Understood): string[] {
  const fromCrisis = understood.crisis.map((kind) => CRISIS_NEEDS[kind]);
  return [...new Set([...fromCrisis, ...understood.chosen])].slice(0, 3);
}
