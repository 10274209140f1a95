/**
 * Writing and publishing stories: each change is checked against the policy, saved in one
 * transaction with its audit row (before and after), and refreshes public pages when they change.
 */
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import { isRowId } from '../../db/ids.js';
import type { Database, StoryStatus } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { SessionUser } from '../auth/index.js';
import { bumpDataVersion } from '../plan/index.js';
import {
  canCreateStory,
  canEditStory,
  canPublishStory,
  canViewStory,
  SUBMITTED,
  storyScope,
} from './stories.policy.js';
import { checkPrivacy, type PrivacyFlag } from './stories.privacy.js';
import * as repo from './stories.repository.js';
import { RejectForm } from './stories.types.js';
import { checkStoryForm, loadStoryRefs, type StoryFormFailure } from './stories-form.service.js';
import { type StoryDetail, toStoryDetail } from './stories-view.service.js';

type Db = Kysely<Database>;

export type StoryError =
  | 'NotFound'
  | 'Forbidden'
  | 'NoOrganisation'
  | 'AlreadyPublished'
  | 'AlreadyRejected'
  | StoryFormFailure;

const actorOf = (user: SessionUser) => `user:${user.id}`;

async function audit(
  trx: Transaction<Database>,
  user: SessionUser,
  action: string,
  id: number,
  before: unknown,
  after: unknown,
) {
  await writeAudit(trx, {
    actor: actorOf(user),
    action,
    entityType: 'story',
    entityKey: String(id),
    regionId: user.regionId,
    before,
    after,
  });
}

/** A new story for the user's organisation: concept, or handed in for publication. */
export async function createStory(
  db: Db,
  user: SessionUser,
  form: Record<string, string>,
): Promise<Result<{ id: number; status: StoryStatus }, StoryError>> {
  const right = canCreateStory(user);
  if (right !== 'ok') return err(right === 'no-organisation' ? 'NoOrganisation' : 'Forbidden');
  const checked = checkStoryForm(form, await loadStoryRefs(db, user.regionId));
  if (!checked.ok) return err(checked.error);
  const status: StoryStatus = checked.value.action === 'indienen' ? 'ingediend' : 'concept';
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await repo.insertStory(trx, {
      regionId: user.regionId,
      organisationId: user.organisationId,
      status,
      actor: actorOf(user),
      values: checked.value.values,
    });
    await audit(trx, user, 'story.create', inserted.id, null, inserted);
    return inserted;
  });
  return ok({ id: row.id, status: row.status });
}

/**
 * Saves an edit. A published story (only beheerders may edit it) stays published and public pages
 * refresh; other stories become concept or handed in again, which also clears a rejection.
 */
export async function updateStory(
  db: Db,
  user: SessionUser,
  id: number,
  form: Record<string, string>,
): Promise<Result<{ id: number; status: StoryStatus }, StoryError>> {
  const refs = await loadStoryRefs(db, user.regionId);
  return db.transaction().execute(async (trx) => {
    const before = await repo.lockStory(trx, id);
    if (!before || before.region_id !== user.regionId) return err('NotFound' as const);
    if (!canEditStory(user, before)) return err('Forbidden' as const);
    const checked = checkStoryForm(form, refs);
    if (!checked.ok) return err(checked.error);
    const status: StoryStatus =
      before.status === 'gepubliceerd'
        ? 'gepubliceerd'
        : checked.value.action === 'indienen'
          ? 'ingediend'
          : 'concept';
    const after = await repo.updateStory(trx, id, {
      status,
      actor: actorOf(user),
      values: checked.value.values,
    });
    await audit(trx, user, 'story.update', id, before, after);
    if (status === 'gepubliceerd') await bumpDataVersion(trx);
    return ok({ id, status });
  });
}

/** Publishes a story (beheerders); it appears on /verhalen and in the API at once. */
export async function publishStory(
  db: Db,
  user: SessionUser,
  id: number,
): Promise<Result<{ id: number }, StoryError>> {
  return db.transaction().execute(async (trx) => {
    const before = await repo.lockStory(trx, id);
    if (!before || before.region_id !== user.regionId) return err('NotFound' as const);
    if (!canPublishStory(user, before)) return err('Forbidden' as const);
    if (before.status === 'gepubliceerd') return err('AlreadyPublished' as const);
    const after = await repo.setStatus(trx, id, { status: 'gepubliceerd', actor: actorOf(user) });
    await audit(trx, user, 'story.publish', id, before, after);
    await bumpDataVersion(trx);
    return ok({ id });
  });
}

/** Rejects a story with a reason the writer sees; a published story leaves the public pages. */
export async function rejectStory(
  db: Db,
  user: SessionUser,
  id: number,
  form: Record<string, string>,
): Promise<Result<{ id: number }, StoryError>> {
  const parsed = RejectForm.safeParse(form);
  return db.transaction().execute(async (trx) => {
    const before = await repo.lockStory(trx, id);
    if (!before || before.region_id !== user.regionId) return err('NotFound' as const);
    if (!canPublishStory(user, before)) return err('Forbidden' as const);
    if (before.status === 'afgewezen') return err('AlreadyRejected' as const);
    if (!parsed.success)
      return err({
        kind: 'Invalid' as const,
        errors: { reason: parsed.error.issues[0]?.message ?? 'Schrijf een reden.' },
        flags: [],
      });
    const after = await repo.setStatus(trx, id, {
      status: 'afgewezen',
      actor: actorOf(user),
      reason: parsed.data.reason,
    });
    await audit(trx, user, 'story.reject', id, before, after);
    await bumpDataVersion(trx);
    return ok({ id });
  });
}

export type StoryPage = {
  story: StoryDetail;
  flags: PrivacyFlag[];
  canEdit: boolean;
  canPublish: boolean;
};

/** One story for its signed-in page, with the privacy flags the publisher should look at. */
export async function getStoryForUser(
  db: Db,
  user: SessionUser,
  id: number,
): Promise<Result<StoryPage, 'NotFound' | 'Forbidden'>> {
  if (!isRowId(id)) return err('NotFound');
  const row = await repo.findStory(db, id);
  if (!row || row.region_id !== user.regionId) return err('NotFound');
  if (!canViewStory(user, row)) return err('Forbidden');
  const refs = await loadStoryRefs(db, user.regionId);
  return ok({
    story: toStoryDetail(row, refs),
    flags: checkPrivacy(row.text, refs.knownNames),
    canEdit: canEditStory(user, row),
    canPublish: canPublishStory(user, row),
  });
}

/** The signed-in list: what the user's role may see, optionally one status (beheerders filter). */
export async function listStoriesForUser(db: Db, user: SessionUser, status?: StoryStatus) {
  const scope = storyScope(user);
  if (scope.kind === 'none') return { scope, stories: [] };
  const statuses =
    scope.kind === 'submitted'
      ? SUBMITTED.filter((s) => !status || s === status)
      : status
        ? [status]
        : undefined;
  const [rows, refs] = await Promise.all([
    repo.listStories(db, user.regionId, {
      organisationId: scope.kind === 'organisation' ? scope.organisationId : undefined,
      statuses,
    }),
    loadStoryRefs(db, user.regionId),
  ]);
  return { scope, stories: rows.map((row) => toStoryDetail(row, refs)) };
}
