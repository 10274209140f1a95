/**
 * The privacy check of a story, before it is saved. Pure functions: the caller passes the place
 * and organisation names that may appear (they are not people). E-mail addresses, phone numbers
 * and addresses block saving; probable names need the writer's explicit confirmation, because a
 * name check can only guess.
 */

export type PrivacyFlagKind = 'email' | 'telefoon' | 'adres' | 'naam';
export type PrivacyFlag = { kind: PrivacyFlagKind; fragment: string; index: number };

/** Contact details and addresses can never be saved; names can, after the writer checked them. */
export const BLOCKING_KINDS: readonly PrivacyFlagKind[] = ['email', 'telefoon', 'adres'];

/**
 * Common Dutch first names (and a few frequent in Drenthe and among newer Dutch). Kept small and
 * in code on purpose: a long list flags ordinary words ("Roos", "Wil") too often, and the check
 * only has to catch the usual slip ("toen Gerrit belde"), not prove that a text is anonymous.
 * Only capitalised words not at the start of a sentence count, so "Wil je mee?" is not a name.
 */
const FIRST_NAMES = new Set(
  `Jan Piet Kees Klaas Henk Gerrit Harm Hendrik Albert Johan Willem Geert Bert Roelof Jannes
  Lammert Egbert Hans Peter Mark Thomas Daan Sem Lucas Bram Tim Kevin Jeroen Martijn Sander Dennis
  Wim Anton Freek Ruben Stefan Joost Erik Frank Rob Ton Sjoerd Wietse Jelle Tjeerd
  Anna Maria Emma Julia Sophie Lotte Lisa Sanne Anouk Eva Fenna Tess Mila Sara Linda Ingrid
  Marian Marianne Annie Gerda Jannie Hennie Riek Hilda Truus Wilma Ria Els Karin Monique Petra
  Esther Janny Geesje Roelie Aaltje Grietje Jantje Harmke Wil Roos Bas Mies Joke Tineke Henny
  Mohammed Mohamed Fatima Ahmed Yusuf Ayse Youssef Omar Aisha`.split(/\s+/),
);

/** Words before a name that make the next capitalised word a person ("mevrouw Jansen"). */
const TITLES =
  /(?<![\p{L}.])(mevrouw|mevr\.|mw\.|meneer|mijnheer|mnr\.|dhr\.|de heer|mr\.|dr\.|dokter|juf|juffrouw|meester|zuster|broeder|opa|oma|tante|oom|buurman|buurvrouw)(?!\p{L})/giu;
/** Phrases that introduce a name ("ik heet Anna", "mijn naam is Bakker"). */
const INTRODUCTIONS =
  /(?<!\p{L})(ik\s+ben|ik\s+heet|mijn\s+naam\s+is|hij\s+heet|zij\s+heet|ze\s+heet|heette|genaamd|noem\s+mij|noem\s+me)(?!\p{L})/giu;
/** Optional Dutch surname prefixes, then a capitalised word: "de Vries", "van der Berg", "Bakker". */
const NAME_AFTER =
  /\s+((?:(?:van|de|der|den|ter|ten|te|'t|in\s+'t|op|uit)\s+)*)(\p{Lu}[\p{Ll}'’-]+)/uy;
const CAPITALISED = /(?<![\p{L}\d])\p{Lu}\p{Ll}+(?![\p{L}\d])/gu;

/** Dates (14-03-2025, 14/3/25, 2025-03-14) are digit groups too, but never part of a phone number. */
const DATE = /\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}/g;
const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.\p{L}{2,}/gu;
/** A Dutch postcode (9401 AB) followed by a house number, or a street with a house number. */
const POSTCODE_WITH_NUMBER =
  /(?<![\p{L}\d])[1-9]\d{3}\s?[A-Z]{2}(?![\p{L}])[\s,]+\d{1,5}[a-zA-Z]?(?!\d)/gu;
const STREET_WITH_NUMBER =
  /(?<![\p{L}])\p{Lu}\p{Ll}*(?:straat|weg|laan|plein|dijk|dreef|pad|singel|kade|gracht|steeg|hof|brink)\s+\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?(?!\d)/gu;
const NUMBER_AFTER_POSTCODE =
  /(?<![\p{L}\d])\d{1,5}[a-zA-Z]?[\s,]+[1-9]\d{3}\s?[A-Z]{2}(?![\p{L}])/gu;

export type KnownNames = { places: readonly string[]; organisations: readonly string[] };

/** All flags in the text, in order of appearance; known places and organisations are never names. */
export function checkPrivacy(text: string, known: KnownNames = { places: [], organisations: [] }) {
  const masked = maskKnownNames(text, [...known.places, ...known.organisations]);
  const flags: PrivacyFlag[] = [
    ...matchAll(text, EMAIL, 'email'),
    ...findPhoneNumbers(text),
    ...matchAll(text, POSTCODE_WITH_NUMBER, 'adres'),
    ...matchAll(text, NUMBER_AFTER_POSTCODE, 'adres'),
    ...matchAll(masked, STREET_WITH_NUMBER, 'adres').map((f) => original(text, f)),
    ...findNames(masked).map((f) => original(text, f)),
  ];
  return mergeOverlaps(flags);
}

/** True when the text may be saved as it is (no contact details or addresses). */
export function hasBlockingFlags(flags: readonly PrivacyFlag[]): boolean {
  return flags.some((f) => BLOCKING_KINDS.includes(f.kind));
}

/** The probable names a writer must confirm, as one string the form sends back with the confirmation. */
export function nameSignature(flags: readonly PrivacyFlag[]): string {
  return flags
    .filter((f) => f.kind === 'naam')
    .map((f) => f.fragment)
    .join(' | ');
}

function matchAll(text: string, pattern: RegExp, kind: PrivacyFlagKind): PrivacyFlag[] {
  return [...text.matchAll(pattern)].map((m) => ({ kind, fragment: m[0], index: m.index ?? 0 }));
}

function original(text: string, flag: PrivacyFlag): PrivacyFlag {
  return { ...flag, fragment: text.slice(flag.index, flag.index + flag.fragment.length) };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces known place and organisation names by underscores of the same length, so positions
 * stay the same and "Dokter Drenthe" or "Assen" can no longer look like a person.
 */
export function maskKnownNames(text: string, names: readonly string[]): string {
  const usable = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  let masked = text;
  for (const name of usable) {
    // One word keeps its case ("GERRIT" the app is not "Gerrit"); a phrase may start lowercase.
    const flags = /\s/.test(name) ? 'giu' : 'gu';
    const pattern = new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(name)}(?![\\p{L}\\d])`, flags);
    masked = masked.replace(pattern, (m) => '_'.repeat(m.length));
  }
  return masked;
}

/**
 * A position is a sentence start when only spaces, quotes, brackets or a bullet stand between it
 * and the text's start, a newline, or the last . ! ? : or ….
 */
export function isSentenceStart(text: string, index: number): boolean {
  // Only a short window before the word: scanning from the start made long texts quadratic.
  const start = Math.max(0, index - SENTENCE_WINDOW);
  const upto = text.slice(start, index);
  const tail = /[\s"'“”‘’„([*•–-]*$/u.exec(upto)?.[0] ?? '';
  const before = upto.slice(0, upto.length - tail.length);
  return (before === '' && start === 0) || tail.includes('\n') || /[.!?:…]$/.test(before);
}

const SENTENCE_WINDOW = 40;

function nameAfter(text: string, from: number): { end: number } | undefined {
  NAME_AFTER.lastIndex = from;
  const match = NAME_AFTER.exec(text);
  return match ? { end: from + match[0].length } : undefined;
}

function findNames(text: string): PrivacyFlag[] {
  const flags: PrivacyFlag[] = [];
  for (const pattern of [TITLES, INTRODUCTIONS]) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const name = nameAfter(text, start + m[0].length);
      if (name) flags.push({ kind: 'naam', fragment: text.slice(start, name.end), index: start });
    }
  }
  for (const m of text.matchAll(CAPITALISED)) {
    const start = m.index ?? 0;
    if (!FIRST_NAMES.has(m[0])) continue;
    const surname = nameAfter(text, start + m[0].length);
    // At a sentence start a first name alone may be an ordinary word; with a surname it is a name.
    if (isSentenceStart(text, start) && !surname) continue;
    const end = surname?.end ?? start + m[0].length;
    flags.push({ kind: 'naam', fragment: text.slice(start, end), index: start });
  }
  return flags;
}

/**
 * Dutch phone numbers in their usual spellings: 06-12345678, 0592 123456, 050 - 123 45 67,
 * +31 6 1234 5678, +31 (0)6 …, 0031 6 …. Digit groups joined by spaces, hyphens, dots or brackets
 * are read as one number when they add up to 0 + nine digits; dates such as 01-02-2024 are not.
 */
export function findPhoneNumbers(text: string): PrivacyFlag[] {
  const groups = [...text.matchAll(/\+?\d+/g)].map((m) => ({
    value: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const dates = [...text.matchAll(DATE)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const inDate = (at: number) => dates.some(([from = 0, to = 0]) => at >= from && at < to);
  const flags: PrivacyFlag[] = [];
  let skipUntil = -1;
  for (let i = 0; i < groups.length; i++) {
    const first = groups[i];
    if (!first || first.start < skipUntil || inDate(first.start)) continue;
    let digits = nationalPrefix(first.value);
    if (digits === undefined) continue;
    for (let j = i; j < groups.length; j++) {
      const group = groups[j];
      if (!group || inDate(group.start)) break;
      if (j > i) {
        const gap = text.slice(groups[j - 1]?.end ?? 0, group.start);
        if (!/^[\s\-.()/]{1,3}$/.test(gap)) break;
        const trunkZero = group.value === '0' && gap.endsWith('(') && digits === '0';
        if (!trunkZero) digits += group.value;
      }
      if (digits.length > 10) break;
      if (/^0[1-9]\d{8}$/.test(digits)) {
        flags.push({
          kind: 'telefoon',
          fragment: text.slice(first.start, group.end),
          index: first.start,
        });
        skipUntil = group.end;
        break;
      }
    }
  }
  return flags;
}

/** The first group as national digits: "+31"/"0031" become the trunk "0"; others must start with 0. */
function nationalPrefix(value: string): string | undefined {
  const international = /^(?:\+|00)31(\d*)$/.exec(value);
  if (international) return `0${international[1] ?? ''}`;
  if (value.startsWith('+')) return undefined;
  return value.startsWith('0') && !value.startsWith('00') ? value : undefined;
}

/** Keeps one flag per stretch of text (the first found: a phone number stays a phone number). */
function mergeOverlaps(flags: PrivacyFlag[]): PrivacyFlag[] {
  const sorted = [...flags].sort(
    (a, b) => a.index - b.index || b.fragment.length - a.fragment.length,
  );
  const kept: PrivacyFlag[] = [];
  for (const flag of sorted) {
    const last = kept[kept.length - 1];
    if (last && flag.index < last.index + last.fragment.length) {
      if (
        last.kind === flag.kind &&
        flag.index + flag.fragment.length > last.index + last.fragment.length
      )
        kept[kept.length - 1] = {
          ...last,
          fragment: `${last.fragment}${flag.fragment.slice(last.index + last.fragment.length - flag.index)}`,
        };
      else if (BLOCKING_KINDS.includes(flag.kind) && !BLOCKING_KINDS.includes(last.kind))
        kept[kept.length - 1] = flag;
      continue;
    }
    kept.push(flag);
  }
  return kept;
}
