/**
 * Managing indicators in beheer (policy `indicators:manage`): create, edit, delete, and add or
 * remove targets. Every save is one transaction with one audit row (entity `indicator`, key = code,
 * so a beheerder sees all changes of an indicator together) and a new data version.
 */
import type { Kysely } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { areaIndex } from '../areas/index.js';
import type { FieldErrors, SessionUser } from '../auth/index.js';
import { bumpDataVersion, goalIndex } from '../plan/index.js';
import { type IndicatorSummary, listIndicatorSummaries } from './indicators.service.js';
import { readCode, readIndicatorForm, readTargetForm } from './indicators-admin.forms.js';
import * as admin from './indicators-admin.repository.js';
import type { GoalLink, IndicatorInput } from './indicators-admin.types.js';

type Db = Kysely<Database>;
type Form = Record<string, string>;
type Row = NonNullable<Awaited<ReturnType<typeof admin.findIndicator>>>;
export type AdminScope = { regionId: number; regionAreaCode: string };

/** Where an indicator's definition lives: only here, in the plan file, or taken over from it. */
export type Origin = 'hier' | 'bestand' | 'overgenomen';

const actorOf = (user: SessionUser) => `user:${user.id}`;

/** Every indicator of the region (public or not) with its targets, statuses and measurements. */
export async function listForAdmin(db: Db, scope: AdminScope) {
  const [summaries, counts, seeded] = await Promise.all([
    listIndicatorSummaries(db, { ...scope, publicOnly: false }),
    admin.measurementCounts(db, scope.regionId),
    admin.seedStates(db, scope.regionId),
  ]);
  return summaries.map((s) => ({
    ...s,
    measurementCount: counts.get(s.id) ?? 0,
    origin: originOf(seeded, s.code),
  }));
}

function originOf(seeded: Map<string, Date | null>, code: string): Origin {
  if (!seeded.has(code)) return 'hier';
  return seeded.get(code) ? 'overgenomen' : 'bestand';
}

export type EditView = {
  indicator: IndicatorSummary;
  measurementCount: number;
  seed: { managedHereAt: Date | null; managedHereBy: string | null } | null;
};

/** One indicator for its edit page, whether public or not. */
export async function getForEdit(
  db: Db,
  scope: AdminScope,
  code: string,
): Promise<Result<EditView, 'NotFound'>> {
  const summary = (await listIndicatorSummaries(db, { ...scope, publicOnly: false })).find(
    (i) => i.code === code,
  );
  if (!summary) return err('NotFound');
  const [measurementCount, seed] = await Promise.all([
    admin.countMeasurements(db, summary.id),
    admin.seedStateOf(db, scope.regionId, code),
  ]);
  return ok({
    indicator: summary,
    measurementCount,
    seed: seed
      ? { managedHereAt: seed.managed_here_at, managedHereBy: seed.managed_here_by }
      : null,
  });
}

function snapshot(code: string, input: IndicatorInput) {
  return {
    code,
    name: input.name,
    description: input.description,
    numerator: input.numerator,
    denominator: input.denominator,
    unit: input.unit,
    decimals: input.decimals,
    direction: input.direction,
    source: input.source,
    area_levels: input.areaLevels,
    frequency: input.frequency,
    track: input.track,
    is_public: input.isPublic,
    goals: [...input.goals].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

function inputOf(row: Row, goals: GoalLink[]): IndicatorInput {
  return {
    name: row.name,
    description: row.description,
    numerator: row.numerator,
    denominator: row.denominator,
    unit: row.unit,
    decimals: row.decimals,
    direction: row.direction,
    source: row.source,
    areaLevels: row.area_levels as IndicatorInput['areaLevels'],
    frequency: row.frequency,
    track: row.track,
    isPublic: row.is_public,
    goals,
  };
}

/** Reads the form against the plan's goals; the goal index is loaded once per save. */
async function readForm(db: Db, regionId: number, form: Form) {
  const goals = await goalIndex(db, regionId);
  return readIndicatorForm(form, new Set(goals.keys()));
}

const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';

export async function createIndicator(
  db: Db,
  user: SessionUser,
  form: Form,
): Promise<Result<{ code: string }, FieldErrors>> {
  const code = readCode(form);
  const input = await readForm(db, user.regionId, form);
  if (!code.ok || !input.ok)
    return err({ ...(code.ok ? {} : code.error), ...(input.ok ? {} : input.error) });
  const taken = { code: `Er is al een indicator met de code ${code.value}. Kies een andere code.` };
  try {
    return await db.transaction().execute(async (trx) => {
      if (await admin.findIndicator(trx, user.regionId, code.value)) return err(taken);
      const id = await admin.insertIndicator(trx, user.regionId, code.value, input.value);
      await admin.replaceGoalLinks(trx, id, input.value.goals);
      await writeAudit(trx, {
        actor: actorOf(user),
        action: 'indicator.create',
        entityType: 'indicator',
        entityKey: code.value,
        regionId: user.regionId,
        before: null,
        after: snapshot(code.value, input.value),
      });
      await bumpDataVersion(trx);
      return ok({ code: code.value });
    });
  } catch (e) {
    // Two people creating the same code at once: the unique index decides, the form explains.
    if (isUniqueViolation(e)) return err(taken);
    throw e;
  }
}

/** Everything except `is_public` comes from the plan file for a seeded indicator. */
function fileFieldsChanged(before: IndicatorInput, after: IndicatorInput, code: string): boolean {
  const { is_public: _a, ...was } = snapshot(code, before);
  const { is_public: _b, ...now } = snapshot(code, after);
  return JSON.stringify(was) !== JSON.stringify(now);
}

export async function updateIndicator(
  db: Db,
  user: SessionUser,
  code: string,
  form: Form,
): Promise<Result<{ code: string }, FieldErrors | 'NotFound'>> {
  const input = await readForm(db, user.regionId, form);
  if (!input.ok) return input;
  return db.transaction().execute(async (trx) => {
    const row = await admin.findIndicator(trx, user.regionId, code, true);
    if (!row) return err('NotFound' as const);
    const before = inputOf(row, await admin.goalLinksOf(trx, row.id));
    await admin.updateIndicator(trx, row.id, input.value);
    await admin.replaceGoalLinks(trx, row.id, input.value.goals);
    if (fileFieldsChanged(before, input.value, code))
      await admin.markManagedHere(trx, user.regionId, code, actorOf(user));
    await writeAudit(trx, {
      actor: actorOf(user),
      action: 'indicator.update',
      entityType: 'indicator',
      entityKey: code,
      regionId: user.regionId,
      before: snapshot(code, before),
      after: snapshot(code, input.value),
    });
    await bumpDataVersion(trx);
    return ok({ code });
  });
}

/** Only an indicator without measurements can go; hiding it (not public) is the alternative. */
export async function deleteIndicator(
  db: Db,
  user: SessionUser,
  code: string,
): Promise<Result<{ code: string }, 'NotFound' | { measurements: number }>> {
  return db.transaction().execute(async (trx) => {
    // The lock also makes a measurement import for this indicator wait until we are done.
    const row = await admin.findIndicator(trx, user.regionId, code, true);
    if (!row) return err('NotFound' as const);
    const measurements = await admin.countMeasurements(trx, row.id);
    if (measurements > 0) return err({ measurements });
    const before = {
      ...snapshot(code, inputOf(row, await admin.goalLinksOf(trx, row.id))),
      targets: await admin.targetsOf(trx, row.id),
    };
    await admin.deleteIndicator(trx, row.id);
    await admin.markManagedHere(trx, user.regionId, code, actorOf(user));
    await writeAudit(trx, {
      actor: actorOf(user),
      action: 'indicator.delete',
      entityType: 'indicator',
      entityKey: code,
      regionId: user.regionId,
      before,
      after: null,
    });
    await bumpDataVersion(trx);
    return ok({ code });
  });
}

export async function addTarget(
  db: Db,
  user: SessionUser,
  code: string,
  form: Form,
): Promise<Result<{ id: number }, FieldErrors | 'NotFound'>> {
  const areas = await areaIndex(db, user.regionId);
  const input = readTargetForm(form, new Set(areas.keys()));
  if (!input.ok) return input;
  return db.transaction().execute(async (trx) => {
    const row = await admin.findIndicator(trx, user.regionId, code, true);
    if (!row) return err('NotFound' as const);
    const target = await admin.insertTarget(trx, row.id, input.value);
    await admin.markManagedHere(trx, user.regionId, code, actorOf(user));
    await writeAudit(trx, {
      actor: actorOf(user),
      action: 'indicator_target.create',
      entityType: 'indicator',
      entityKey: code,
      regionId: user.regionId,
      before: null,
      after: target,
    });
    await bumpDataVersion(trx);
    return ok({ id: target.id });
  });
}

export async function removeTarget(
  db: Db,
  user: SessionUser,
  code: string,
  targetId: number,
): Promise<Result<{ id: number }, 'NotFound'>> {
  return db.transaction().execute(async (trx) => {
    const row = await admin.findIndicator(trx, user.regionId, code, true);
    if (!row) return err('NotFound' as const);
    const removed = await admin.deleteTarget(trx, row.id, targetId);
    if (!removed) return err('NotFound' as const);
    await admin.markManagedHere(trx, user.regionId, code, actorOf(user));
    await writeAudit(trx, {
      actor: actorOf(user),
      action: 'indicator_target.delete',
      entityType: 'indicator',
      entityKey: code,
      regionId: user.regionId,
      before: removed,
      after: null,
    });
    await bumpDataVersion(trx);
    return ok({ id: targetId });
  });
}
