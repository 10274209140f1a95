/** SQL of the werkagenda: items per operational goal, owners, dated updates, audit. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { json } from '../../db/upsert.js';
import type { ItemInput } from './agenda.types.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The agenda table: every operational goal of a region with its agenda item (if any). */
export async function listAgendaRows(db: Db, regionId: number) {
  return db
    .selectFrom('operational_goal as g')
    .innerJoin('strategic_goal as s', 's.id', 'g.strategic_goal_id')
    .innerJoin('opgave as o', 'o.id', 's.opgave_id')
    .leftJoin('agenda_item as a', 'a.operational_goal_id', 'g.id')
    .select([
      'g.id as goal_id',
      'g.code',
      'g.label',
      'g.text',
      'g.deadline_year',
      's.code as strategic_code',
      'o.slug as opgave_slug',
      'o.name as opgave_name',
      'o.number as opgave_number',
      'a.id as item_id',
      'a.priority',
      'a.phase',
      'a.planned_start',
      'a.planned_end',
      'a.status',
      'a.progress',
      'a.updated_at',
      'a.updated_by',
    ])
    .where('g.region_id', '=', regionId)
    .orderBy('o.number')
    .orderBy('s.position')
    .orderBy('g.position')
    .execute();
}

/** The organisations that own agenda items (for the trekker's edit right and the owner column). */
export async function listOwners(db: Db, regionId: number) {
  return db
    .selectFrom('agenda_owner as ow')
    .innerJoin('organisation as org', 'org.id', 'ow.organisation_id')
    .select(['ow.agenda_item_id', 'org.id as organisation_id', 'org.slug', 'org.name'])
    .where('org.region_id', '=', regionId)
    .execute();
}

/**
 * The dated progress updates of one item, newest first, for its timeline. Public pages leave out
 * decisions of monitoring rounds that are not public (yet): their reasons belong to the round.
 */
export async function listUpdates(db: Db, itemId: number, publicOnly = false) {
  let query = db
    .selectFrom('agenda_update as u')
    .leftJoin('round_decision as d', 'd.id', 'u.decision_id')
    .leftJoin('monitoring_round as r', 'r.id', 'd.round_id')
    .select(['u.occurred_on', 'u.text', 'u.author', 'u.kind', 'r.code as round_code'])
    .where('u.agenda_item_id', '=', itemId)
    .orderBy('u.occurred_on', 'desc')
    .orderBy('u.id', 'desc');
  if (publicOnly)
    query = query.where((eb) =>
      eb.or([eb('u.decision_id', 'is', null), eb('r.is_public', '=', true)]),
    );
  return query.execute();
}

/** Writes an item (created on first save) and returns it before and after, for the audit row. */
export async function saveItem(db: Db, goalId: number, input: ItemInput, actor: string) {
  const before = await db
    .selectFrom('agenda_item')
    .selectAll()
    .where('operational_goal_id', '=', goalId)
    .executeTakeFirst();
  const values = {
    priority: input.priority ?? null,
    phase: input.phase ?? null,
    planned_start: input.planned_start ?? null,
    planned_end: input.planned_end ?? null,
    status: input.status,
    progress: input.progress,
    updated_at: new Date().toISOString(),
    updated_by: actor,
  };
  const after = await db
    .insertInto('agenda_item')
    .values({ operational_goal_id: goalId, trekker_user_id: null, ...values })
    .onConflict((oc) => oc.column('operational_goal_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: before ?? null, after };
}

/** Adds a dated progress update or decision to an item's timeline. */
export async function addUpdate(
  db: Db,
  itemId: number,
  update: { occurredOn: string; text: string; author: string; kind?: 'update' | 'besluit' },
): Promise<void> {
  await db
    .insertInto('agenda_update')
    .values({
      agenda_item_id: itemId,
      occurred_on: update.occurredOn,
      text: update.text,
      author: update.author,
      kind: update.kind ?? 'update',
    })
    .execute();
}

/** Replaces the owning organisations of an item (the edit form and the import both use this). */
export async function replaceOwners(db: Db, itemId: number, organisationIds: number[]) {
  await db.deleteFrom('agenda_owner').where('agenda_item_id', '=', itemId).execute();
  if (organisationIds.length === 0) return;
  await db
    .insertInto('agenda_owner')
    .values(organisationIds.map((id) => ({ agenda_item_id: itemId, organisation_id: id })))
    .execute();
}

/** The region's organisations by slug, to check and resolve an import's owner column. */
export async function listOrganisations(db: Db, regionId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'slug'])
    .where('region_id', '=', regionId)
    .execute();
}

/** Display names of accounts named as `user:<id>` (who applied an import). */
export async function listUserNames(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('app_user').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
}

/** Audit row of an agenda change (who, when, before, after); imports pass their own action. */
export async function auditAgenda(
  db: Db,
  entry: {
    actor: string;
    regionId: number;
    code: string;
    before: unknown;
    after: unknown;
    action?: string;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action ?? (entry.before ? 'agenda_item.update' : 'agenda_item.create'),
      entity_type: 'agenda_item',
      entity_key: entry.code,
      region_id: entry.regionId,
      before: entry.before ? json(entry.before) : null,
      after: json(entry.after),
    })
    .execute();
}

/** The date of each item's latest progress update, for "aandacht nodig". */
export async function listLastUpdates(db: Db, regionId: number) {
  return db
    .selectFrom('agenda_update as u')
    .innerJoin('agenda_item as a', 'a.id', 'u.agenda_item_id')
    .innerJoin('operational_goal as g', 'g.id', 'a.operational_goal_id')
    .select(['u.agenda_item_id', (eb) => eb.fn.max('u.occurred_on').as('last_on')])
    .where('g.region_id', '=', regionId)
    .groupBy('u.agenda_item_id')
    .execute();
}

/** Goals on which an organisation is named as potential initiator, for "waar zijn wij trekker". */
export async function listInitiatorGoalIds(db: Db, organisationId: number) {
  return db
    .selectFrom('operational_goal_initiator')
    .select('operational_goal_id')
    .where('organisation_id', '=', organisationId)
    .execute();
}
