/** SQL for monitoring rounds, their snapshots, interpretations, dialogues and decisions. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DecisionChanges, Evidence, Participant } from '../../db/schema.js';
import { json } from '../../db/upsert.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findRound(db: Db, regionId: number, code: string) {
  return db
    .selectFrom('monitoring_round')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function listRounds(db: Db, regionId: number, publicOnly: boolean) {
  let query = db
    .selectFrom('monitoring_round')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('code', 'desc');
  if (publicOnly) query = query.where('is_public', '=', true);
  return query.execute();
}

export async function insertRound(
  db: Db,
  regionId: number,
  code: string,
  title: string,
  actor: string,
) {
  return db
    .insertInto('monitoring_round')
    .values({ region_id: regionId, code, title, started_by: actor })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type IndicatorSnapshotRow = Omit<
  Database['round_indicator_snapshot'],
  'goal_codes' | 'value'
> & {
  value: number | null;
  goal_codes: string[];
};

export async function insertIndicatorSnapshot(db: Db, rows: IndicatorSnapshotRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('round_indicator_snapshot')
    .values(rows.map((r) => ({ ...r, goal_codes: json(r.goal_codes) })))
    .execute();
}

export async function insertAgendaSnapshot(db: Db, rows: Array<Database['round_agenda_snapshot']>) {
  if (rows.length === 0) return;
  await db.insertInto('round_agenda_snapshot').values(rows).execute();
}

export async function listIndicatorSnapshot(db: Db, roundId: number) {
  return db
    .selectFrom('round_indicator_snapshot')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('indicator_code')
    .execute();
}

export async function listAgendaSnapshot(db: Db, roundId: number) {
  return db
    .selectFrom('round_agenda_snapshot')
    .selectAll()
    .where('round_id', '=', roundId)
    .execute();
}

export async function insertInterpretation(
  db: Db,
  row: {
    roundId: number;
    kind: 'opgave' | 'doel' | 'indicator';
    key: string;
    text: string;
    author: string;
    role: string;
  },
) {
  return db
    .insertInto('round_interpretation')
    .values({
      round_id: row.roundId,
      subject_kind: row.kind,
      subject_key: row.key,
      text: row.text,
      author: row.author,
      author_role: row.role,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listInterpretations(db: Db, roundId: number) {
  return db
    .selectFrom('round_interpretation')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute();
}

export async function insertDialogue(
  db: Db,
  row: {
    roundId: number;
    heldOn: string;
    participants: Participant[];
    notes: string;
    storyIds: number[];
    createdBy: string;
  },
) {
  return db
    .insertInto('round_dialogue')
    .values({
      round_id: row.roundId,
      held_on: row.heldOn,
      participants: json(row.participants),
      notes: row.notes,
      story_ids: json(row.storyIds),
      created_by: row.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listDialogues(db: Db, roundId: number) {
  return db
    .selectFrom('round_dialogue')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('held_on')
    .execute();
}

export async function insertDecision(
  db: Db,
  row: {
    roundId: number;
    goalCode: string;
    reason: string;
    changes: DecisionChanges;
    before: DecisionChanges;
    evidence: Evidence[];
    decidedOn: string;
    decidedBy: string;
  },
) {
  return db
    .insertInto('round_decision')
    .values({
      round_id: row.roundId,
      goal_code: row.goalCode,
      reason: row.reason,
      changes: json(row.changes),
      before: json(row.before),
      evidence: json(row.evidence),
      decided_on: row.decidedOn,
      decided_by: row.decidedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listDecisions(db: Db, roundId: number) {
  return db
    .selectFrom('round_decision')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute();
}

export async function closeRound(db: Db, roundId: number, summary: string, isPublic: boolean) {
  return db
    .updateTable('monitoring_round')
    .set({ status: 'afgesloten', summary, is_public: isPublic, closed_at: new Date() })
    .where('id', '=', roundId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Locks the round row until the end of the transaction (open/closed check and change together). */
export async function lockRound(db: Db, roundId: number) {
  return db
    .selectFrom('monitoring_round')
    .select(['id', 'status'])
    .where('id', '=', roundId)
    .forUpdate()
    .executeTakeFirst();
}
