/**
 * Understanding a resident's question: which needs of the profile it is about, and whether it
 * signals a crisis. Words are stemmed by PostgreSQL's Dutch Snowball stemmer (ADR 0016) and
 * matched with tolerance for typos and Dutch compounds; a phrase of the profile counts when all
 * its words are in the question.
 */
import { distance } from 'fastest-levenshtein';
import type { CrisisKind } from './directory.types.js';

/** Lowercase, accents off ("suïcide" → "suicide"), split on anything but letters and digits. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length >= 2);
}

/** Stems of words; a stop word stems to null. */
export type StemMap = ReadonlyMap<string, string | null>;

type Phrase = { stems: string[] };
export type NeedVocabulary = {
  needs: { code: string; phrases: Phrase[] }[];
  /** Every stem of every phrase, for matching the question's stems against. */
  stems: string[];
};

/** The words of each need (its name and keywords) as stemmed phrases. */
export function buildVocabulary(
  needs: { code: string; name: string; keywords: string[] }[],
  stems: StemMap,
): NeedVocabulary {
  const all = new Set<string>();
  const built = needs.map((need) => {
    const phrases = [need.name, ...need.keywords].flatMap((text) => {
      const phraseStems = tokenize(text).flatMap((token) => stems.get(token) ?? []);
      for (const stem of phraseStems) all.add(stem);
      return phraseStems.length > 0 ? [{ stems: phraseStems }] : [];
    });
    return { code: need.code, phrases };
  });
  return { needs: built, stems: [...all] };
}

/** How well a question stem stands for a vocabulary stem: 1 exact, less for a typo or compound. */
export function stemMatch(question: string, vocabulary: string): number {
  if (question === vocabulary) return 1;
  const shorter = Math.min(question.length, vocabulary.length);
  if (shorter >= 4 && Math.abs(question.length - vocabulary.length) <= 2) {
    const allowed = shorter >= 7 ? 2 : 1;
    if (distance(question, vocabulary) <= allowed) return 0.8;
  }
  // Dutch writes compounds as one word: "dementiezorg", "geldproblemen", "mantelzorgloket".
  if (vocabulary.length >= 5 && question.length > vocabulary.length) {
    if (question.startsWith(vocabulary) || question.endsWith(vocabulary)) return 0.6;
  }
  // A short word before a general tail says what the trouble is: "gokprobleem", "drankzucht".
  if (vocabulary.length >= 3 && question.startsWith(vocabulary)) {
    const tail = question.slice(vocabulary.length);
    if (COMPOUND_TAILS.some((t) => tail === t || tail === `s${t}`)) return 0.7;
  }
  return 0;
}

/** Stems of words that end a compound without changing what it is about. */
const COMPOUND_TAILS = [
  'probleem',
  'problem',
  'zorg',
  'klacht',
  'zucht',
  'verslav',
  'hulp',
  'vrag',
];

export type NeedScore = { code: string; score: number };

/** Needs ordered by how much of the question they explain; only needs with a match. */
export function classify(questionStems: string[], vocabulary: NeedVocabulary): NeedScore[] {
  const matches = new Map<string, { stem: string; weight: number }[]>();
  for (const stem of new Set(questionStems))
    matches.set(
      stem,
      vocabulary.stems.flatMap((v) => {
        const weight = stemMatch(stem, v);
        return weight > 0 ? [{ stem: v, weight }] : [];
      }),
    );
  const weightOf = (vocabStem: string) => {
    let best = 0;
    let by: string | undefined;
    for (const [question, found] of matches)
      for (const m of found)
        if (m.stem === vocabStem && m.weight > best) {
          best = m.weight;
          by = question;
        }
    return { best, by };
  };
  const scores: NeedScore[] = [];
  vocabulary.needs.forEach((need) => {
    const used = new Map<string, number>();
    let phraseBonus = 0;
    for (const phrase of need.phrases) {
      const parts = phrase.stems.map(weightOf);
      if (parts.some((p) => p.best === 0)) continue;
      for (const part of parts)
        if (part.by) used.set(part.by, Math.max(used.get(part.by) ?? 0, part.best));
      if (parts.length > 1) phraseBonus += 0.5 * (parts.length - 1);
    }
    const score = [...used.values()].reduce((sum, w) => sum + w, 0) + phraseBonus;
    if (score > 0) scores.push({ code: need.code, score });
  });
  const order = new Map(vocabulary.needs.map((n, i) => [n.code, i]));
  return scores.sort(
    (a, b) => b.score - a.score || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0),
  );
}

/**
 * The needs a search looks for, at most three: the best, and others with at least one whole word
 * that are not far behind ("moeder met dementie wil logeren" is about respite and dementia).
 */
export function chosenNeeds(scores: NeedScore[]): string[] {
  const best = scores[0]?.score ?? 0;
  return scores
    .filter((s, i) => i === 0 || (s.score >= 1 && s.score >= best * 0.15))
    .slice(0, 3)
    .map((s) => s.code);
}

/**
 * Crisis signals are matched on the words themselves, not stems, and stop words count: "niet
 * meer leven" must not fire on "gezond leven". No typo tolerance: one letter turns "gebeld" into
 * "geweld". A long word may start a compound ("zelfmoordgedachten"); other forms of a word are
 * listed in the profile. The words of a phrase come in order, a few apart.
 */
export function detectCrisis(
  tokens: string[],
  signals: Record<CrisisKind, string[]>,
): CrisisKind[] {
  const found: CrisisKind[] = [];
  for (const kind of Object.keys(signals) as CrisisKind[])
    if (signals[kind].some((phrase) => phraseInTokens(tokenize(phrase), tokens))) found.push(kind);
  return found;
}

const COMPOUND_HEAD_LENGTH = 8;

function wordMatches(token: string, word: string): boolean {
  return token === word || (word.length >= COMPOUND_HEAD_LENGTH && token.startsWith(word));
}

const MAX_GAP = 2;

function phraseInTokens(words: string[], tokens: string[]): boolean {
  if (words.length === 0) return false;
  for (let start = 0; start < tokens.length; start++) {
    if (!wordMatches(tokens[start] ?? '', words[0] ?? '')) continue;
    let at = start;
    let complete = true;
    for (const word of words.slice(1)) {
      let next = -1;
      for (let i = at + 1; i <= Math.min(at + 1 + MAX_GAP, tokens.length - 1); i++)
        if (wordMatches(tokens[i] ?? '', word)) {
          next = i;
          break;
        }
      if (next < 0) {
        complete = false;
        break;
      }
      at = next;
    }
    if (complete) return true;
  }
  return false;
}
