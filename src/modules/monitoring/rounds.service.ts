/**
 * The cycle data → duiden → dialoog → doen. Starting a round freezes the indicator values and
 * agenda statuses; interpretations and dialogues are added while it is open; decisions change the
 * agenda (with provenance); closing writes the summary and whether the report is public.
 */
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import type { Database, Evidence } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { applyAgendaDecision, currentPlanning, getAgenda } from '../agenda/index.js';
import { can, type SessionUser } from '../auth/index.js';
import { listIndicatorSummaries, targetText } from '../indicators/index.js';
import { bumpDataVersion, goalIndex, parseGoalCode } from '../plan/index.js';
import { getStory, type PublicStory } from '../stories/index.js';
import * as repo from './rounds.repository.js';
import { type DecisionInputForm, parseParticipants } from './rounds.types.js';

type Db = Kysely<Database>;
export type RoundError = 'NotFound' | 'Forbidden' | 'Closed' | 'Exists' | 'Invalid';

const actorOf = (user: SessionUser) => `user:${user.id}`;
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
const today = () => new Date().toISOString().slice(0, 10);

/** Freezes every indicator's latest value and target status, and every agenda item's state. */
export async function startRound(
  db: Db,
  user: SessionUser,
  regionAreaCode: string,
  input: { code: string; title: string },
): Promise<Result<{ code: string }, RoundError>> {
  if (!can(user, 'rounds:manage')) return err('Forbidden');
  if (await repo.findRound(db, user.regionId, input.code)) return err('Exists');
  const scope = { regionId: user.regionId, regionAreaCode, publicOnly: false };
  const [indicators, agenda] = await Promise.all([
    listIndicatorSummaries(db, scope),
    getAgenda(db, user.regionId, {}),
  ]);
  const started = await db
    .transaction()
    .execute(async (trx) => {
      // A double click: the second insert hits unique(region_id, code) and is told "bestaat al".
      const round = await repo.insertRound(
        trx,
        user.regionId,
        input.code,
        input.title,
        actorOf(user),
      );
      await repo.insertIndicatorSnapshot(
        trx,
        indicators.map((i) => {
          const target = i.targets[0];
          return {
            round_id: round.id,
            indicator_code: i.code,
            indicator_name: i.name,
            is_public: i.is_public,
            unit: i.unit,
            decimals: i.decimals,
            area_code: i.latest?.areaCode ?? target?.areaCode ?? regionAreaCode,
            area_name: i.latest?.areaName ?? target?.areaName ?? '',
            period: i.latest?.period ?? null,
            value: i.latest?.value ?? null,
            source: i.latest?.source ?? i.source,
            target_text: target ? targetText(target, i) : '',
            status: target?.status.status ?? 'geen_streefwaarde',
            status_reason: target?.status.reason ?? 'Het plan noemt geen streefwaarde.',
            is_projection: i.latest?.isProjection ?? false,
            is_demo: i.is_demo || (i.latest?.isDemo ?? false),
            goal_codes: i.goals.map((g) => g.code),
          };
        }),
      );
      await repo.insertAgendaSnapshot(
        trx,
        agenda.rows.map((r) => ({
          round_id: round.id,
          goal_code: r.code,
          opgave_slug: r.opgave_slug,
          status: r.status ?? 'niet_gestart',
          priority: r.priority,
          progress: r.item_id ? (r.progress ?? 0) : 0,
          planned_start: r.planned_start,
          planned_end: r.planned_end,
        })),
      );
      await writeAudit(trx, {
        actor: actorOf(user),
        action: 'round.start',
        entityType: 'monitoring_round',
        entityKey: input.code,
        regionId: user.regionId,
        before: null,
        after: { ...input, indicators: indicators.length, goals: agenda.rows.length },
      });
      return true;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return false;
      throw error;
    });
  return started ? ok({ code: input.code }) : err('Exists');
}

/**
 * Runs a change inside a transaction that first locks the round and checks it is still open, so
 * a contribution racing a close cannot land in a closed (perhaps public) round.
 */
async function inOpenRound<T>(
  db: Db,
  roundId: number,
  change: (trx: Transaction<Database>) => Promise<T>,
): Promise<Result<T, 'Closed'>> {
  return db.transaction().execute(async (trx) => {
    const round = await repo.lockRound(trx, roundId);
    if (round?.status !== 'open') return err('Closed' as const);
    return ok(await change(trx));
  });
}

/** A round with all four steps; the public version only when the round is public. */
export async function getRound(db: Db, regionId: number, code: string, publicOnly: boolean) {
  const round = await repo.findRound(db, regionId, code);
  if (!round || (publicOnly && !round.is_public)) return err('NotFound' as const);
  const [indicators, agenda, interpretations, dialogues, decisions] = await Promise.all([
    repo.listIndicatorSnapshot(db, round.id),
    repo.listAgendaSnapshot(db, round.id),
    repo.listInterpretations(db, round.id),
    repo.listDialogues(db, round.id),
    repo.listDecisions(db, round.id),
  ]);
  // Public: public when the round started and still public now (an indicator hidden later, e.g.
  // after a data problem, leaves the public report too).
  const publicNow = publicOnly ? await publicIndicatorCodes(db, regionId) : undefined;
  const shownIndicators = publicNow
    ? indicators.filter((i) => i.is_public && publicNow.has(i.indicator_code))
    : indicators;
  const stories = await storiesBroughtIn(
    db,
    regionId,
    dialogues.flatMap((d) => d.story_ids),
  );
  const shownCodes = new Set(shownIndicators.map((i) => i.indicator_code));
  const shownInterpretationRows = interpretations.filter(
    (i) => i.subject_kind !== 'indicator' || shownCodes.has(i.subject_key),
  );
  const shownInterpretations = new Set(shownInterpretationRows.map((i) => i.id));
  return ok({
    round,
    indicators: shownIndicators.map((i) => ({
      ...i,
      value: i.value === null ? null : Number(i.value),
    })),
    agenda,
    interpretations: shownInterpretationRows,
    dialogues,
    decisions: publicOnly
      ? decisions.map((d) => ({
          ...d,
          evidence: d.evidence.filter(
            (e) =>
              (e.kind !== 'indicator' || shownCodes.has(e.ref)) &&
              (e.kind !== 'verhaal' || stories.some((st) => String(st.id) === e.ref)) &&
              (e.kind !== 'duiding' || shownInterpretations.has(Number(e.ref))),
          ),
        }))
      : decisions,
    stories,
  });
}

async function publicIndicatorCodes(db: Db, regionId: number): Promise<Set<string>> {
  const summaries = await listIndicatorSummaries(db, {
    regionId,
    regionAreaCode: '',
    publicOnly: true,
  });
  return new Set(summaries.map((i) => i.code));
}

/**
 * The stories brought into dialogues that are still published in this region. A story that was
 * withdrawn later disappears from the round's pages and report too.
 */
async function storiesBroughtIn(db: Db, regionId: number, ids: number[]): Promise<PublicStory[]> {
  const stories: PublicStory[] = [];
  for (const id of [...new Set(ids)]) {
    const story = await getStory(db, id);
    if (story.ok && story.value.regionId === regionId && story.value.status === 'gepubliceerd')
      stories.push(story.value);
  }
  return stories;
}
export type RoundView = Extract<Awaited<ReturnType<typeof getRound>>, { ok: true }>['value'];

export function listRounds(db: Db, regionId: number, publicOnly: boolean) {
  return repo.listRounds(db, regionId, publicOnly);
}

async function openRound(
  db: Db,
  user: SessionUser,
  code: string,
  action: 'rounds:manage' | 'rounds:contribute',
) {
  if (!can(user, action)) return err('Forbidden' as const);
  const round = await repo.findRound(db, user.regionId, code);
  if (!round) return err('NotFound' as const);
  if (round.status !== 'open') return err('Closed' as const);
  return ok(round);
}

/** "Duiden": what the figures mean, about an opgave, a goal or an indicator of the snapshot. */
export async function addInterpretation(
  db: Db,
  user: SessionUser,
  code: string,
  input: { subject: string; text: string },
): Promise<Result<number, RoundError>> {
  const round = await openRound(db, user, code, 'rounds:contribute');
  if (!round.ok) return round;
  const [kind, ...rest] = input.subject.split(':');
  const key = rest.join(':');
  if (!(await subjectExists(db, user.regionId, round.value.id, kind ?? '', key)))
    return err('Invalid');
  const row = await inOpenRound(db, round.value.id, async (trx) => {
    const inserted = await repo.insertInterpretation(trx, {
      roundId: round.value.id,
      kind: kind as 'opgave' | 'doel' | 'indicator',
      key,
      text: input.text,
      author: user.name || user.email,
      role: user.role,
    });
    await writeAudit(trx, {
      actor: actorOf(user),
      action: 'round.interpretation',
      entityType: 'monitoring_round',
      entityKey: code,
      regionId: user.regionId,
      before: null,
      after: inserted,
    });
    return inserted;
  });
  return row.ok ? ok(row.value.id) : row;
}

async function subjectExists(db: Db, regionId: number, roundId: number, kind: string, key: string) {
  if (kind === 'indicator')
    return (await repo.listIndicatorSnapshot(db, roundId)).some((i) => i.indicator_code === key);
  const goals = await goalIndex(db, regionId);
  if (kind === 'opgave') return [...goals.values()].some((g) => g.opgaveSlug === key);
  return kind === 'doel' && goals.has(key);
}

/** "Dialoog": a session with who took part (roles and organisations, no names) and its notes. */
export async function addDialogue(
  db: Db,
  user: SessionUser,
  code: string,
  input: { held_on: string; participants: string; notes: string; storyIds: number[] },
): Promise<Result<number, RoundError>> {
  const round = await openRound(db, user, code, 'rounds:contribute');
  if (!round.ok) return round;
  const stories = await storiesBroughtIn(db, user.regionId, input.storyIds);
  if (stories.length !== new Set(input.storyIds).size) return err('Invalid');
  const row = await inOpenRound(db, round.value.id, async (trx) => {
    const inserted = await repo.insertDialogue(trx, {
      roundId: round.value.id,
      heldOn: input.held_on,
      participants: parseParticipants(input.participants),
      notes: input.notes,
      storyIds: input.storyIds,
      createdBy: user.name || user.email,
    });
    await writeAudit(trx, {
      actor: actorOf(user),
      action: 'round.dialogue',
      entityType: 'monitoring_round',
      entityKey: code,
      regionId: user.regionId,
      before: null,
      after: inserted,
    });
    return inserted;
  });
  return row.ok ? ok(row.value.id) : row;
}

/** Evidence refs must point into this round: its interpretations, dialogues or snapshot. */
async function checkEvidence(
  db: Db,
  roundId: number,
  refs: string[],
): Promise<Evidence[] | undefined> {
  const [interpretations, dialogues, indicators] = await Promise.all([
    repo.listInterpretations(db, roundId),
    repo.listDialogues(db, roundId),
    repo.listIndicatorSnapshot(db, roundId),
  ]);
  const valid = new Set([
    ...interpretations.map((i) => `duiding:${i.id}`),
    ...dialogues.map((d) => `dialoog:${d.id}`),
    ...dialogues.flatMap((d) => d.story_ids.map((id) => `verhaal:${id}`)),
    ...indicators.map((i) => `indicator:${i.indicator_code}`),
  ]);
  if (refs.length === 0 || refs.some((r) => !valid.has(r))) return undefined;
  return refs.map((r) => {
    const [kind, ...rest] = r.split(':');
    return { kind: kind as Evidence['kind'], ref: rest.join(':') };
  });
}

/** "Doen": a decision that changes the agenda, with its reason and the evidence it rests on. */
export async function addDecision(
  db: Db,
  user: SessionUser,
  code: string,
  input: DecisionInputForm,
  evidenceRefs: string[],
): Promise<Result<number, RoundError | 'UnknownGoal' | 'NoEvidence'>> {
  const round = await openRound(db, user, code, 'rounds:manage');
  if (!round.ok) return round;
  const goal = parseGoalCode(input.goal);
  if (goal?.kind !== 'operational') return err('UnknownGoal');
  const before = await currentPlanning(db, user.regionId, goal.code);
  if (!before.ok) return err('UnknownGoal');
  const evidence = await checkEvidence(db, round.value.id, evidenceRefs);
  if (!evidence) return err('NoEvidence');
  const changes = Object.fromEntries(
    (['priority', 'status', 'planned_start', 'planned_end'] as const)
      .filter((k) => input[k] !== undefined)
      .map((k) => [k, input[k]]),
  );
  const { code: _code, ...beforeFields } = before.value;
  const id = await inOpenRound(db, round.value.id, async (trx) => {
    const decision = await repo.insertDecision(trx, {
      roundId: round.value.id,
      goalCode: goal.code,
      reason: input.reason,
      changes,
      before: beforeFields,
      evidence,
      decidedOn: today(),
      decidedBy: user.name || user.email,
    });
    await applyAgendaDecision(trx, {
      regionId: user.regionId,
      goalCode: goal.code,
      changes,
      reason: input.reason,
      roundCode: code,
      decisionId: decision.id,
      author: user.name || user.email,
      actor: actorOf(user),
      today: today(),
    });
    await writeAudit(trx, {
      actor: actorOf(user),
      action: 'round.decision',
      entityType: 'monitoring_round',
      entityKey: code,
      regionId: user.regionId,
      before: beforeFields,
      after: decision,
    });
    await bumpDataVersion(trx);
    return decision.id;
  });
  return id;
}

/** Closes the round with its summary; a public round's report appears on the public site. */
export async function closeRound(
  db: Db,
  user: SessionUser,
  code: string,
  input: { summary: string; isPublic: boolean },
): Promise<Result<string, RoundError>> {
  const round = await openRound(db, user, code, 'rounds:manage');
  if (!round.ok) return round;
  const closed = await inOpenRound(db, round.value.id, async (trx) => {
    const after = await repo.closeRound(trx, round.value.id, input.summary, input.isPublic);
    await writeAudit(trx, {
      actor: actorOf(user),
      action: 'round.close',
      entityType: 'monitoring_round',
      entityKey: code,
      regionId: user.regionId,
      before: round.value,
      after,
    });
    await bumpDataVersion(trx);
  });
  return closed.ok ? ok(code) : closed;
}
