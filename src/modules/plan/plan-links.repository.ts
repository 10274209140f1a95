/** SQL reads for what hangs on goals: initiatives, initiators, programmes, texts, search. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Operational goal pages and the goal API list the inspiring initiatives the plan names. */
export async function listGoalInitiatives(db: Db, goalIds: number[]) {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('operational_goal_initiative as link')
    .innerJoin('initiative', 'initiative.id', 'link.initiative_id')
    .select([
      'link.operational_goal_id',
      'link.label',
      'link.position',
      'initiative.slug',
      'initiative.name',
    ])
    .where('link.operational_goal_id', 'in', goalIds)
    .orderBy('link.operational_goal_id')
    .orderBy('link.position')
    .execute();
}

/** Operational goal pages and the API list possible initiators, linked to organisation/sector. */
export async function listGoalInitiators(db: Db, goalIds: number[]) {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('operational_goal_initiator as link')
    .leftJoin('organisation', 'organisation.id', 'link.organisation_id')
    .leftJoin('sector', 'sector.id', 'link.sector_id')
    .select([
      'sector.slug as sector_slug',
      'link.operational_goal_id',
      'link.name',
      'link.note',
      'link.position',
      'organisation.slug as organisation_slug',
      'organisation.name as organisation_name',
    ])
    .where('link.operational_goal_id', 'in', goalIds)
    .orderBy('link.operational_goal_id')
    .orderBy('link.position')
    .execute();
}

/** The programmes page and the home page's count need Bijlage A's programmes in order. */
export async function listProgrammes(db: Db, regionId: number) {
  return db
    .selectFrom('programme')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('number')
    .execute();
}

/** Programme pages and /programmes/:slug in the API address a programme by slug. */
export async function findProgramme(db: Db, regionId: number, slug: string) {
  return db
    .selectFrom('programme')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** A programme page lists its partners, linked to their organisation when the plan names one. */
export async function listProgrammePartners(db: Db, programmeIds: number[]) {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('programme_partner as p')
    .leftJoin('organisation', 'organisation.id', 'p.organisation_id')
    .select([
      'p.programme_id',
      'p.name',
      'p.note',
      'p.position',
      'organisation.slug as organisation_slug',
    ])
    .where('p.programme_id', 'in', programmeIds)
    .orderBy('p.programme_id')
    .orderBy('p.position')
    .execute();
}

/** Goal, opgave and programme pages show which programmes contribute to which goal or opgave. */
export async function listProgrammeContributions(db: Db, regionId: number) {
  return db
    .selectFrom('programme_contribution as c')
    .innerJoin('programme', 'programme.id', 'c.programme_id')
    .select([
      'c.programme_id',
      'c.target_kind',
      'c.target_code',
      'programme.slug',
      'programme.name',
      'programme.number',
    ])
    .where('programme.region_id', '=', regionId)
    .orderBy('programme.number')
    .execute();
}

/** The initiatives page shows each initiative with the number of goals that name it. */
export async function listInitiatives(db: Db, regionId: number) {
  return db
    .selectFrom('initiative')
    .leftJoin('operational_goal_initiative as link', 'link.initiative_id', 'initiative.id')
    .select([
      'initiative.id',
      'initiative.slug',
      'initiative.name',
      (eb) => eb.fn.count<number>('link.operational_goal_id').as('goal_count'),
    ])
    .where('initiative.region_id', '=', regionId)
    .groupBy(['initiative.id', 'initiative.slug', 'initiative.name'])
    .orderBy('initiative.name')
    .execute();
}

/** Initiative pages and /initiatives/:slug in the API address an initiative by slug. */
export async function findInitiative(db: Db, regionId: number, slug: string) {
  return db
    .selectFrom('initiative')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** An initiative page lists the goals that name it, with the line it appears under there. */
export async function listInitiativeGoals(db: Db, initiativeId: number) {
  return db
    .selectFrom('operational_goal_initiative as link')
    .innerJoin('operational_goal', 'operational_goal.id', 'link.operational_goal_id')
    .select([
      'operational_goal.code',
      'operational_goal.text',
      'operational_goal.label',
      'link.label as line',
    ])
    .where('link.initiative_id', '=', initiativeId)
    .orderBy('operational_goal.code')
    .execute();
}

/** The begrippen page shows the plan's glossary: begrippen first, then afkortingen. */
export async function listGlossary(db: Db, regionId: number) {
  return db
    .selectFrom('glossary_entry')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('kind', 'desc')
    .orderBy('position')
    .execute();
}

/** The /plan page lists the plan's other chapters; opgaven and goals have their own pages. */
export async function listSections(db: Db, regionId: number) {
  return db
    .selectFrom('plan_section')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('position')
    .execute();
}

/** One plan text for /plan/:slug (HTML) and /sections/:slug (API), addressed by slug. */
export async function findSection(db: Db, regionId: number, slug: string) {
  return db
    .selectFrom('plan_section')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/**
 * Dutch full-text search. `stemQuery` holds the stemmed words; `prefixQuery` the same words cut to
 * a shorter stem with prefix matching, so "mantelzorgers" also finds "mantelzorg".
 */
export async function searchDocuments(
  db: Db,
  regionId: number,
  query: { text: string; prefixQuery: string },
  limit: number,
) {
  const tsquery = sql`(websearch_to_tsquery('dutch', ${query.text}) || to_tsquery('simple', ${query.prefixQuery}))`;
  return db
    .selectFrom('search_document')
    .select([
      'entity_type',
      'entity_key',
      'title',
      'summary',
      'url_path',
      sql<number>`ts_rank_cd(document, ${tsquery})`.as('rank'),
      sql<string>`ts_headline('dutch', body, ${tsquery}, 'MaxWords=30, MinWords=12, StartSel=<<, StopSel=>>, MaxFragments=1')`.as(
        'headline',
      ),
    ])
    .where('region_id', '=', regionId)
    .where(sql<boolean>`document @@ ${tsquery}`)
    .orderBy('rank', 'desc')
    .orderBy('title')
    .limit(limit)
    .execute();
}

/** The search document of one goal by its code, shaped like a search hit (for code look-ups). */
export async function findSearchDocument(db: Db, regionId: number, code: string) {
  return db
    .selectFrom('search_document')
    .select([
      'entity_type',
      'entity_key',
      'title',
      'summary',
      'url_path',
      sql<number>`1`.as('rank'),
      'summary as headline',
    ])
    .where('region_id', '=', regionId)
    .where('entity_key', '=', code)
    .where('entity_type', 'in', ['strategisch_doel', 'operationeel_doel'])
    .execute();
}
