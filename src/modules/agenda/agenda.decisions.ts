/**
 * Decisions ("doen") of a monitoring round change an agenda item: priority, status, planning.
 * The change lands on the item's timeline as a decision that points back to the round, so every
 * later view of the item shows where the change came from.
 */
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import type { Database, DecisionChanges } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { parseGoalCode } from '../plan/index.js';
import * as repo from './agenda-decisions.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export type DecisionInput = {
  regionId: number;
  goalCode: string;
  changes: DecisionChanges;
  reason: string;
  roundCode: string;
  decisionId: number;
  author: string;
  actor: string;
  today: string;
};

/** The fields a decision may change, as they are now (for the decision's "before"). */
export async function currentPlanning(
  db: Db,
  regionId: number,
  rawCode: string,
): Promise<Result<DecisionChanges & { code: string }, 'NotFound'>> {
  const code = parseGoalCode(rawCode);
  if (code?.kind !== 'operational') return err('NotFound');
  const row = await repo.findGoalItem(db, regionId, code.code);
  if (!row) return err('NotFound');
  return ok({
    code: code.code,
    priority: row.priority ?? null,
    status: row.status ?? 'niet_gestart',
    planned_start: row.planned_start ?? null,
    planned_end: row.planned_end ?? null,
  });
}

/** Applies the changes inside the caller's transaction; writes the timeline entry and audit row. */
export async function applyAgendaDecision(trx: Db, input: DecisionInput): Promise<void> {
  const row = await repo.findGoalItem(trx, input.regionId, input.goalCode);
  if (!row) throw new Error(`Doel ${input.goalCode} bestaat niet.`);
  const itemId = row.item_id ?? (await repo.ensureItem(trx, row.goal_id, input.actor));
  const before = {
    priority: row.priority ?? null,
    status: row.status ?? 'niet_gestart',
    planned_start: row.planned_start ?? null,
    planned_end: row.planned_end ?? null,
  };
  await repo.updateItemFields(trx, itemId, input.changes, input.actor);
  await repo.addDecisionUpdate(trx, itemId, {
    occurredOn: input.today,
    text: `Besluit uit monitoringsronde ${input.roundCode}: ${input.reason}`,
    author: input.author,
    decisionId: input.decisionId,
  });
  await writeAudit(trx, {
    actor: input.actor,
    action: 'agenda_item.decision',
    entityType: 'agenda_item',
    entityKey: input.goalCode,
    regionId: input.regionId,
    before,
    after: { ...before, ...input.changes, decision_id: input.decisionId, round: input.roundCode },
  });
}

/** Latest updates and decisions on a set of goals, for evidence cards and reports. */
export function latestAgendaUpdates(
  db: Db,
  regionId: number,
  codes: string[],
  options: { limit: number; publicOnly: boolean },
) {
  return repo.listLatestUpdates(db, regionId, codes, options.limit, options.publicOnly);
}
