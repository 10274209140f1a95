/**
 * Stable ids for the profile and seeded listings (ADR 0016): UUID v5 from a name, so a restart,
 * a re-seed and another installation give the same thing the same id.
 */
import { v5 } from 'uuid';

const MARKE_HULPWIJZER = v5('https://github.com/marke/hulpwijzer', v5.URL);

/** The id of a named thing, e.g. stableId('term', 'hulpvraag', 'dementie'). */
export function stableId(...parts: string[]): string {
  return v5(parts.join('/'), MARKE_HULPWIJZER);
}

export const taxonomyId = (code: string) => stableId('taxonomy', code);
export const termId = (taxonomyCode: string, code: string) => stableId('term', taxonomyCode, code);
