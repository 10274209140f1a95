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
