/**
 * Read-only SQL for what stories, notes and panel results refer to: opgaven, goals, organisations
 * and governance bodies of the plan (tags are checked against these before anything is saved).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function listOpgaven(db: Db, regionId: number) {
  return db
    .selectFrom('opgave')
    .select(['slug', 'name', 'number'])
    .where('region_id', '=', regionId)
    .orderBy('number')
    .execute();
}

/** Every strategic and operational goal code with the slug of its opgave. */
export async function listGoalRefs(db: Db, regionId: number) {
  const strategic = await db
    .selectFrom('strategic_goal as s')
    .innerJoin('opgave as o', 'o.id', 's.opgave_id')
    .select(['s.code', 'o.slug as opgave_slug'])
    .where('s.region_id', '=', regionId)
    .execute();
  const operational = await db
    .selectFrom('operational_goal as g')
    .innerJoin('strategic_goal as s', 's.id', 'g.strategic_goal_id')
    .innerJoin('opgave as o', 'o.id', 's.opgave_id')
    .select(['g.code', 'o.slug as opgave_slug'])
    .where('g.region_id', '=', regionId)
    .execute();
  return [...strategic, ...operational];
}

/** Organisation names, short names and aliases: never flagged as a person's name. */
export async function listOrganisationNames(db: Db, regionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation')
    .select(['name', 'short_name', 'aliases'])
    .where('region_id', '=', regionId)
    .execute();
  return rows.flatMap((r) => [r.name, ...(r.short_name ? [r.short_name] : []), ...r.aliases]);
}

export async function findOrganisationName(db: Db, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name;
}

export async function listGovernanceBodies(db: Db, regionId: number) {
  return db
    .selectFrom('governance_body')
    .select(['slug', 'name'])
    .where('region_id', '=', regionId)
    .orderBy('position')
    .execute();
}
