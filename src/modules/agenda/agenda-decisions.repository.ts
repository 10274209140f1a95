/** SQL for decisions from monitoring rounds on agenda items, and the latest updates per goal. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DecisionChanges } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The goal's id and its agenda item (if any), by plan code. */
export async function findGoalItem(db: Db, regionId: number, code: string) {
  return db
    .selectFrom('operational_goal as g')
    .leftJoin('agenda_item as a', 'a.operational_goal_id', 'g.id')
    .select([
      'g.id as goal_id',
      'a.id as item_id',
      'a.priority',
      'a.status',
      'a.planned_start',
      'a.planned_end',
      'a.progress',
    ])
    .where('g.region_id', '=', regionId)
    .where('g.code', '=', code)
    .executeTakeFirst();
}

/** Creates the item when the goal has none yet; returns its id. */
export async function ensureItem(db: Db, goalId: number, actor: string): Promise<number> {
  const row = await db
    .insertInto('agenda_item')
    .values({ operational_goal_id: goalId, updated_by: actor })
    .onConflict((oc) => oc.column('operational_goal_id').doUpdateSet({ updated_by: actor }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateItemFields(
  db: Db,
  itemId: number,
  changes: DecisionChanges,
  actor: string,
): Promise<void> {
  await db
    .updateTable('agenda_item')
    .set({ ...changes, updated_at: new Date().toISOString(), updated_by: actor })
    .where('id', '=', itemId)
    .execute();
}

export async function addDecisionUpdate(
  db: Db,
  itemId: number,
  entry: { occurredOn: string; text: string; author: string; decisionId: number },
): Promise<void> {
  await db
    .insertInto('agenda_update')
    .values({
      agenda_item_id: itemId,
      occurred_on: entry.occurredOn,
      text: entry.text,
      author: entry.author,
      kind: 'besluit',
      decision_id: entry.decisionId,
    })
    .execute();
}

/** The newest updates and decisions on these goals, with the round a decision came from. */
export async function listLatestUpdates(
  db: Db,
  regionId: number,
  codes: string[],
  limit: number,
  publicOnly: boolean,
) {
  if (codes.length === 0) return [];
  let query = db
    .selectFrom('agenda_update as u')
    .innerJoin('agenda_item as a', 'a.id', 'u.agenda_item_id')
    .innerJoin('operational_goal as g', 'g.id', 'a.operational_goal_id')
    .leftJoin('round_decision as d', 'd.id', 'u.decision_id')
    .leftJoin('monitoring_round as r', 'r.id', 'd.round_id')
    .select([
      'g.code',
      'u.occurred_on',
      'u.text',
      'u.author',
      'u.kind',
      'u.decision_id',
      'r.code as round_code',
    ])
    .where('g.region_id', '=', regionId)
    .where('g.code', 'in', codes)
    .orderBy('u.occurred_on', 'desc')
    .orderBy('u.id', 'desc')
    .limit(limit);
  // A decision of a round that is not public stays internal until the round is published.
  if (publicOnly)
    query = query.where((eb) =>
      eb.or([eb('u.decision_id', 'is', null), eb('r.is_public', '=', true)]),
    );
  return query.execute();
}
