/** Read services for programmes, initiatives, glossary and plan texts. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import { isSlug, nameKey } from '../../lib/slug.js';
import * as repo from './plan.repository.js';
import type { Region } from './plan.service.js';
import * as links from './plan-links.repository.js';

type Db = Kysely<Database>;

/** The programmes page shows what each programme contributes to, so rows carry targets. */
export async function listProgrammes(db: Db, region: Region) {
  const [programmes, contributions, opgaven] = await Promise.all([
    links.listProgrammes(db, region.id),
    links.listProgrammeContributions(db, region.id),
    repo.listOpgaven(db, region.id),
  ]);
  return programmes.map((p) => ({
    ...p,
    contributions: contributions
      .filter((c) => c.programme_id === p.id)
      .map((c) => ({
        ...c,
        label:
          c.target_kind === 'opgave'
            ? `opgave ${opgaven.find((o) => o.slug === c.target_code)?.name ?? c.target_code}`
            : `doel ${c.target_code}`,
        path:
          c.target_kind === 'opgave'
            ? `/opgaven/${c.target_code}`
            : `/doelen/${c.target_code.replace('. ', '.').toLowerCase()}`,
      })),
  }));
}

/** Programme page and API: partners, and targets titled with the goal or opgave they name. */
export async function getProgramme(db: Db, region: Region, slug: string) {
  if (!isSlug(slug)) return err('NotFound' as const);
  const programme = await links.findProgramme(db, region.id, slug);
  if (!programme) return err('NotFound' as const);
  const [partners, contributions, opgaven] = await Promise.all([
    links.listProgrammePartners(db, [programme.id]),
    links.listProgrammeContributions(db, region.id),
    repo.listOpgaven(db, region.id),
  ]);
  const own = contributions.filter((c) => c.programme_id === programme.id);
  const goalTitles = await repo.goalTitles(
    db,
    region.id,
    own.filter((c) => c.target_kind === 'goal').map((c) => c.target_code),
  );
  const targets = own.map((c) =>
    c.target_kind === 'goal'
      ? {
          kind: 'goal' as const,
          code: c.target_code,
          text: goalTitles.find((t) => t.code === c.target_code)?.text ?? '',
        }
      : {
          kind: 'opgave' as const,
          code: c.target_code,
          text: opgaven.find((o) => o.slug === c.target_code)?.name ?? c.target_code,
        },
  );
  return ok({ programme, partners, targets });
}

/** Routes never touch repositories; the initiatives page gets its list through this service. */
export const listInitiatives = (db: Db, region: Region) => links.listInitiatives(db, region.id);

/** Initiative page and API; an invalid or unknown slug is a NotFound, not an exception. */
export async function getInitiative(db: Db, region: Region, slug: string) {
  if (!isSlug(slug)) return err('NotFound' as const);
  const initiative = await links.findInitiative(db, region.id, slug);
  if (!initiative) return err('NotFound' as const);
  const [goals, programmes] = await Promise.all([
    links.listInitiativeGoals(db, initiative.id),
    links.listProgrammes(db, region.id),
  ]);
  // Some initiatives are also a transformation programme of Bijlage A; the page links them.
  const names = [initiative.name, ...initiative.aliases].map(nameKey);
  const programme = programmes.find((p) => names.includes(nameKey(p.name))) ?? null;
  return ok({
    initiative,
    goals,
    programme: programme && { slug: programme.slug, name: programme.name },
  });
}

/** Routes never touch repositories; the begrippen page gets the glossary through this service. */
export const listGlossary = (db: Db, region: Region) => links.listGlossary(db, region.id);
/** Routes never touch repositories; the /plan page gets its sections through this service. */
export const listSections = (db: Db, region: Region) => links.listSections(db, region.id);

/** One plan text for /plan/:slug and the sections API; a bad slug is a NotFound, not an error. */
export async function getSection(db: Db, region: Region, slug: string) {
  if (!isSlug(slug)) return err('NotFound' as const);
  const section = await links.findSection(db, region.id, slug);
  return section ? ok(section) : err('NotFound' as const);
}

/** A prioritair thema with its ambition for 2040 and its schrijfteam (governance). */
export async function getTheme(db: Db, region: Region, slug: string) {
  if (!isSlug(slug)) return err('NotFound' as const);
  const themes = await repo.listThemes(db, region.id);
  const theme = themes.find((t) => t.slug === slug);
  if (!theme) return err('NotFound' as const);
  return ok({ theme, themes });
}
