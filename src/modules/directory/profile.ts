/**
 * The Dutch profile of the Hulpwijzer (`data/hulpwijzer/profiel.yaml`, ADR 0016): the same for
 * every region, so it is read from the repository once per process rather than per region dir.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type Profile, ProfileFile } from './directory.types.js';
import { taxonomyId, termId } from './directory-ids.js';
import type { TermRow } from './directory-seed.repository.js';

export const PROFILE_URL = new URL('../../../data/hulpwijzer/profiel.yaml', import.meta.url);
export const NEED_TAXONOMY = 'hulpvraag';
export const LADDER_TAXONOMY = 'hulpladder';
export const PROFILE_TAXONOMY = 'marke-profiel';

let cached: { bytes: Buffer; profile: Profile } | undefined;

/** The profile file's bytes and content; throws when the file is broken (a bug in the repo). */
export function loadProfile(): { bytes: Buffer; profile: Profile } {
  if (cached) return cached;
  const bytes = readFileSync(PROFILE_URL);
  const parsed = ProfileFile.safeParse(parseYaml(bytes.toString('utf8')));
  if (!parsed.success)
    throw new Error(
      `profiel.yaml klopt niet: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  cached = { bytes, profile: parsed.data };
  return cached;
}

/** The profile as HSDS taxonomy and taxonomy_term rows, with stable ids. */
export function profileRows(profile: Profile) {
  const taxonomies = profile.taxonomies.map((t) => ({
    id: taxonomyId(t.code),
    name: t.name,
    description: t.description,
    version: profile.version,
  }));
  const term = (
    taxonomy: string,
    position: number,
    t: { code: string; name: string; description: string },
    keywords: string[],
  ): TermRow => ({
    id: termId(taxonomy, t.code),
    taxonomy_id: taxonomyId(taxonomy),
    code: t.code,
    name: t.name,
    description: t.description,
    parent_id: null,
    term_uri: null,
    keywords,
    position,
  });
  const terms = [
    ...profile.needs.map((n, i) => term(NEED_TAXONOMY, i, n, [...n.woorden, ...n.synoniemen])),
    ...profile.ladder.map((l, i) => term(LADDER_TAXONOMY, i, l, [])),
    ...profile.profileTerms.map((p, i) => term(PROFILE_TAXONOMY, i, p, [])),
  ];
  return { taxonomies, terms };
}
