/** Plain-text helpers for the plan's text blocks (paragraphs, lists, headings, quotes). */

export type Block =
  | string
  | { list: string[]; ordered?: boolean }
  | { heading: string }
  | { quote: string; by?: string };

/** Narrows stored jsonb to blocks; stored data was validated on import, so this only filters junk. */
export function asBlocks(value: unknown): Block[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (b): b is Block =>
      typeof b === 'string' || (typeof b === 'object' && b !== null && !Array.isArray(b)),
  );
}

/** Removes the `**bold**` markup the plan text uses. */
export function stripMarkup(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1');
}

/** Flattens blocks to one plain string for search indexing and CSV cells. */
export function blocksToText(blocks: unknown): string {
  return asBlocks(blocks)
    .map((block) => {
      if (typeof block === 'string') return stripMarkup(block);
      if ('list' in block) return block.list.map(stripMarkup).join('\n');
      if ('heading' in block) return stripMarkup(block.heading);
      return block.by ? `${stripMarkup(block.quote)} — ${block.by}` : stripMarkup(block.quote);
    })
    .join('\n\n');
}

/** First sentence-ish excerpt of a text, for result summaries. */
export function excerpt(text: string, max = 220): string {
  const clean = stripMarkup(text).replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)} …`;
}
