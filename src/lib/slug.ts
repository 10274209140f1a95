/** Turns a Dutch name into a URL slug: "Drentse Apothekers Coöperatie" → "drentse-apothekers-cooperatie". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Normalises a name for matching references: case, accents, punctuation and spacing ignored. */
export function nameKey(text: string): string {
  return slugify(text).replace(/-/g, ' ');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a plausible slug (lowercase words with hyphens, ≤ 120 chars); anything else never reaches SQL. */
export function isSlug(value: string): boolean {
  return value.length <= 120 && SLUG.test(value);
}
