/** SQL reads of the plan module (regions, plan, themes, opgaven, goals, relations). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** A region with the brand its plan uses in page titles (e.g. "Gezonde Marke"). */
export async function findRegion(db: Db, code: string) {
  return db
    .selectFrom('region')
    .leftJoin('plan', 'plan.region_id', 'region.id')
    .select([
      'region.id',
      'region.code',
      'region.name',
      'region.cbs_code',
      'plan.brand',
      'plan.title as plan_title',
    ])
    .where('region.code', '=', code)
    .executeTakeFirst();
}

/** The /api/v1/regions list names each region with its plan title, so API users find the codes. */
/** Signed-in pages show the user's own region, which the session knows by id. */
export async function findRegionCode(db: Db, id: number) {
  return db.selectFrom('region').select('code').where('id', '=', id).executeTakeFirst();
}

export async function listRegions(db: Db) {
  return db
    .selectFrom('region')
    .leftJoin('plan', 'plan.region_id', 'region.id')
    .select([
      'region.id',
      'region.code',
      'region.name',
      'region.cbs_code',
      'plan.title as plan_title',
    ])
    .orderBy('region.name')
    .execute();
}

/** The home page needs the plan's title and Drentse Droom; without a plan it shows a 404. */
export async function findPlan(db: Db, regionId: number) {
  return db.selectFrom('plan').selectAll().where('region_id', '=', regionId).executeTakeFirst();
}

/** The home page lists the prioritaire thema's; a theme page also links to the other themes. */
export async function listThemes(db: Db, regionId: number) {
  return db
    .selectFrom('theme')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('number')
    .execute();
}

/** The home page shows the rode draden that run through all opgaven, in the plan's order. */
export async function listGuidingThreads(db: Db, regionId: number) {
  return db
    .selectFrom('guiding_thread')
    .select(['slug', 'name'])
    .where('region_id', '=', regionId)
    .orderBy('position')
    .execute();
}

/** Home page cards need every opgave, and programme pages name opgave targets by their name. */
export async function listOpgaven(db: Db, regionId: number) {
  return db
    .selectFrom('opgave')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('number')
    .execute();
}

/** Opgave pages (HTML and API) are addressed by slug; a missing slug becomes a 404. */
export async function findOpgave(db: Db, regionId: number, slug: string) {
  return db
    .selectFrom('opgave')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The plan cites opgaven by number, so /opgaven/3 redirects to the opgave's slug URL. */
export async function findOpgaveByNumber(db: Db, regionId: number, number: number) {
  return db
    .selectFrom('opgave')
    .select(['slug'])
    .where('region_id', '=', regionId)
    .where('number', '=', number)
    .executeTakeFirst();
}

const strategicColumns = [
  'strategic_goal.id',
  'strategic_goal.code',
  'strategic_goal.chapter1_code',
  'strategic_goal.text_chapter1',
  'strategic_goal.text_chapter2',
  'strategic_goal.notes',
  'strategic_goal.position',
  'strategic_goal.opgave_id',
] as const;

/** Home, opgave and goal-list pages group strategic goals by opgave, so rows carry its slug. */
export async function listStrategicGoals(db: Db, regionId: number) {
  return db
    .selectFrom('strategic_goal')
    .innerJoin('opgave', 'opgave.id', 'strategic_goal.opgave_id')
    .select([
      ...strategicColumns,
      'opgave.slug as opgave_slug',
      'opgave.name as opgave_name',
      'opgave.number as opgave_number',
    ])
    .where('strategic_goal.region_id', '=', regionId)
    .orderBy('opgave.number')
    .orderBy('strategic_goal.position')
    .execute();
}

/** A strategic goal page names its opgave in the breadcrumb, so the row carries the opgave. */
export async function findStrategicGoal(db: Db, regionId: number, code: string) {
  return db
    .selectFrom('strategic_goal')
    .innerJoin('opgave', 'opgave.id', 'strategic_goal.opgave_id')
    .select([
      ...strategicColumns,
      'opgave.slug as opgave_slug',
      'opgave.name as opgave_name',
      'opgave.number as opgave_number',
    ])
    .where('strategic_goal.region_id', '=', regionId)
    .where('strategic_goal.code', '=', code)
    .executeTakeFirst();
}

const operationalColumns = [
  'operational_goal.id',
  'operational_goal.code',
  'operational_goal.kind',
  'operational_goal.label',
  'operational_goal.text',
  'operational_goal.text_missing',
  'operational_goal.details',
  'operational_goal.planning',
  'operational_goal.deadline_year',
  'operational_goal.deadline_note',
  'operational_goal.target',
  'operational_goal.inspiration_tbd',
  'operational_goal.initiators_tbd',
  'operational_goal.position',
  'operational_goal.strategic_goal_id',
] as const;

/** Goal lists and the opgave timeline place each operational goal under its strategic goal. */
export async function listOperationalGoals(db: Db, regionId: number) {
  return db
    .selectFrom('operational_goal')
    .innerJoin('strategic_goal', 'strategic_goal.id', 'operational_goal.strategic_goal_id')
    .innerJoin('opgave', 'opgave.id', 'strategic_goal.opgave_id')
    .select([
      ...operationalColumns,
      'strategic_goal.code as strategic_code',
      'opgave.slug as opgave_slug',
      'opgave.number as opgave_number',
    ])
    .where('operational_goal.region_id', '=', regionId)
    .orderBy('opgave.number')
    .orderBy('strategic_goal.position')
    .orderBy('operational_goal.position')
    .execute();
}

/** An operational goal page links up to its strategic goal and opgave, so it carries both. */
export async function findOperationalGoal(db: Db, regionId: number, code: string) {
  return db
    .selectFrom('operational_goal')
    .innerJoin('strategic_goal', 'strategic_goal.id', 'operational_goal.strategic_goal_id')
    .innerJoin('opgave', 'opgave.id', 'strategic_goal.opgave_id')
    .select([
      ...operationalColumns,
      'strategic_goal.code as strategic_code',
      'strategic_goal.text_chapter2 as strategic_text',
      'opgave.slug as opgave_slug',
      'opgave.name as opgave_name',
      'opgave.number as opgave_number',
    ])
    .where('operational_goal.region_id', '=', regionId)
    .where('operational_goal.code', '=', code)
    .executeTakeFirst();
}

/** Relations in both directions: rows where the goal is the source or the target. */
export async function listRelations(db: Db, regionId: number, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('goal_relation')
    .select(['source_code', 'target_code'])
    .where('region_id', '=', regionId)
    .where((eb) => eb.or([eb('source_code', 'in', codes), eb('target_code', 'in', codes)]))
    .execute();
}

/** Short titles for a set of goal codes (strategic and operational), for link lists. */
export async function goalTitles(db: Db, regionId: number, codes: string[]) {
  if (codes.length === 0) return [];
  const strategic = await db
    .selectFrom('strategic_goal')
    .select(['code', 'text_chapter2 as text'])
    .where('region_id', '=', regionId)
    .where('code', 'in', codes)
    .execute();
  const operational = await db
    .selectFrom('operational_goal')
    .select(['code', 'text', 'label'])
    .where('region_id', '=', regionId)
    .where('code', 'in', codes)
    .execute();
  return [
    ...strategic.map((g) => ({ code: g.code, text: g.text })),
    ...operational.map((g) => ({
      code: g.code,
      text: g.label ? `${g.label}: ${g.text ?? ''}` : (g.text ?? ''),
    })),
  ];
}

/** The page cache compares this version to drop cached pages after an import bumps it. */
export async function currentDataVersion(db: Db): Promise<string> {
  const row = await db
    .selectFrom('data_version')
    .select((eb) => eb.cast<string>('version', 'text').as('version'))
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.version ?? '0';
}

/** The initiatives the plan names, by slug, so other modules can link to them. */
export async function listInitiativeNames(db: Db, regionId: number) {
  return db
    .selectFrom('initiative')
    .select(['slug', 'name'])
    .where('region_id', '=', regionId)
    .orderBy('slug')
    .execute();
}
