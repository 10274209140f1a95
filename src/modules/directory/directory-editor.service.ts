/**
 * The editors' work on listings (issue 5 §3, ADR 0018): create, edit, check, end and reopen,
 * approve and reject. Each change is checked against the policy, written in one transaction with
 * an audit row and HSDS metadata rows, takes the listing out of the seed (so a re-seed never
 * overwrites it) and refreshes the public pages.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { FieldErrors, SessionUser } from '../auth/index.js';
import { bumpDataVersion, getRegionById } from '../plan/index.js';
import {
  canEditListing,
  canModerate,
  editorScope,
  reviewAfterEdit,
  reviewStatusForNew,
} from './directory.policy.js';
import { checkListingForm, loadEditorRefs } from './directory-editor.form.js';
import * as repo from './directory-editor.repository.js';
import { feesDescription, type ListingInput, ReviewForm, UUID } from './directory-editor.types.js';
import { termId } from './directory-ids.js';
import { listingSnapshot, metadataRows } from './directory-metadata.js';
import * as orgRepo from './directory-organizations.repository.js';
import { replaceServiceLinks } from './directory-seed.repository.js';
import { LADDER_TAXONOMY, NEED_TAXONOMY, PROFILE_TAXONOMY } from './profile.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export type ListingError =
  | 'NotFound'
  | 'Forbidden'
  | 'NoOrganisation'
  | 'NoDirectoryOrganization'
  | { kind: 'Invalid'; errors: FieldErrors };

export type PostedForm = { fields: Record<string, string>; repeated: string[] };

const actorOf = (user: SessionUser) => `user:${user.id}`;
/** HSDS metadata names the person who made the change. */
export const updatedByOf = (user: SessionUser) => user.name || user.email;

/** The organisation that checks: the user's own (a beheerder without one is the programme team). */
export async function assurerOf(db: Db, user: SessionUser): Promise<string> {
  const name = user.organisationId
    ? await orgRepo.planOrganisationName(db, user.organisationId)
    : null;
  return name ?? 'Programmateam';
}

/** The directory organisations the user may put a listing under. */
export async function organizationChoices(db: Db, user: SessionUser) {
  const scope = editorScope(user);
  if (scope.kind === 'all') return orgRepo.listOrganizations(db, user.regionId, null);
  if (scope.kind === 'organisation')
    return orgRepo.listOrganizations(db, user.regionId, scope.planOrganisationId);
  return [];
}

async function checkForm(db: Db, user: SessionUser, form: PostedForm) {
  const [refs, choices] = await Promise.all([
    loadEditorRefs(db, user.regionId),
    organizationChoices(db, user),
  ]);
  return checkListingForm(form.fields, form.repeated, refs, new Set(choices.map((o) => o.id)));
}

function termIdsOf(input: ListingInput) {
  return {
    ladder: termId(LADDER_TAXONOMY, input.ladder),
    needs: input.needs.map((n) => termId(NEED_TAXONOMY, n)),
    profile: (code: string) => termId(PROFILE_TAXONOMY, code),
  };
}

function serviceValues(input: ListingInput): repo.ServiceValues {
  return {
    organization_id: input.organizationId,
    name: input.name,
    description: input.description,
    eligibility_description: input.eligibility,
    fees_description: feesDescription(input.cost),
    url: input.url,
    email: input.email,
  };
}

/** Areas, attributes and parts of a listing, written the way the seed writes them. */
async function writeParts(
  trx: Trx,
  user: SessionUser,
  id: string,
  input: ListingInput,
  kept: { source: string | null; isDemo: boolean },
) {
  const region = await getRegionById(trx, user.regionId);
  await replaceServiceLinks(trx, { id, ...input, ...kept }, termIdsOf(input));
  await repo.replaceServiceParts(
    trx,
    { id, regionId: user.regionId, stateProvince: region.ok ? region.value.name : '' },
    input,
  );
}

/** Audit row, metadata rows and a new data version for one change of a listing. */
async function record(
  trx: Trx,
  user: SessionUser,
  action: string,
  id: string,
  before: repo.ListingDetail | null,
): Promise<void> {
  const after = await repo.findListing(trx, id);
  if (!after) throw new Error(`listing ${id} vanished inside its own transaction`);
  const [snapBefore, snapAfter] = [before ? listingSnapshot(before) : null, listingSnapshot(after)];
  await repo.insertMetadata(
    trx,
    metadataRows({ id, type: 'service' }, snapBefore, snapAfter, updatedByOf(user)),
  );
  await writeAudit(trx, {
    actor: actorOf(user),
    action,
    entityType: 'hsds_service',
    entityKey: id,
    regionId: user.regionId,
    before: snapBefore,
    after: snapAfter,
  });
  await bumpDataVersion(trx);
}

/** A new listing: a redacteur's waits for review, a beheerder's is published at once. */
export async function createListing(
  db: Db,
  user: SessionUser,
  form: PostedForm,
): Promise<Result<{ id: string; reviewStatus: string }, ListingError>> {
  const scope = editorScope(user);
  if (scope.kind === 'none') return err('Forbidden');
  if (scope.kind === 'no-organisation') return err('NoOrganisation');
  const checked = await checkForm(db, user, form);
  if (!checked.ok) return err({ kind: 'Invalid', errors: checked.errors });
  const { input } = checked;
  const moderator = canModerate(user);
  const assurer = moderator ? null : await assurerOf(db, user);
  const id = randomUUID();
  const reviewStatus = reviewStatusForNew(user);
  await db.transaction().execute(async (trx) => {
    await repo.insertService(trx, {
      id,
      region_id: user.regionId,
      ...serviceValues(input),
      review_status: reviewStatus,
      submitted_by: actorOf(user),
      // The organisation filled in every field: that is a check. A beheerder's entry is not.
      assured_by: assurer,
      checked: !moderator,
    });
    const source = assurer ? `Opgegeven door ${assurer}.` : 'Ingevoerd door het programmateam.';
    await writeParts(trx, user, id, input, { source, isDemo: false });
    await record(trx, user, 'hulpwijzer.create', id, null);
  });
  return ok({ id, reviewStatus });
}

/** The listing locked, if it is there and the user may edit it. */
async function editable(trx: Trx, user: SessionUser, id: string) {
  if (!UUID.test(id) || !(await repo.lockListing(trx, id))) return err('NotFound' as const);
  const before = await repo.findListing(trx, id);
  if (!before || before.region_id !== user.regionId) return err('NotFound' as const);
  if (!canEditListing(user, before)) return err('Forbidden' as const);
  return ok(before);
}

/**
 * Saves an edit. What it does to the review is the policy's (reviewAfterEdit); a redacteur's save
 * is also a check of the listing, because the whole form was in front of them.
 */
export async function updateListing(
  db: Db,
  user: SessionUser,
  id: string,
  form: PostedForm,
): Promise<Result<{ id: string; reviewStatus: string }, ListingError>> {
  const checked = await checkForm(db, user, form);
  const moderator = canModerate(user);
  const assurer = moderator ? null : await assurerOf(db, user);
  return db.transaction().execute(async (trx) => {
    const found = await editable(trx, user, id);
    if (!found.ok) return found;
    if (!checked.ok) return err({ kind: 'Invalid' as const, errors: checked.errors });
    const before = found.value;
    const review = reviewAfterEdit(user, before);
    await repo.updateService(trx, id, {
      ...serviceValues(checked.input),
      ...review,
      ...(assurer ? { assured_by: assurer, checked: true } : {}),
      modified: true,
    });
    const source = assurer ? `Opgegeven door ${assurer}.` : (before.sources[0] ?? null);
    await writeParts(trx, user, id, checked.input, { source, isDemo: before.is_demo });
    await record(trx, user, 'hulpwijzer.update', id, before);
    return ok({ id, reviewStatus: review.review_status });
  });
}

/** "Gecontroleerd, alles klopt nog": checked today by the user's organisation. */
export async function verifyListing(
  db: Db,
  user: SessionUser,
  id: string,
): Promise<Result<{ id: string }, ListingError>> {
  const assurer = await assurerOf(db, user);
  return db.transaction().execute(async (trx) => {
    const found = await editable(trx, user, id);
    if (!found.ok) return found;
    await repo.updateService(trx, id, { assured_by: assurer, checked: true });
    await record(trx, user, 'hulpwijzer.verify', id, found.value);
    return ok({ id });
  });
}

/** Ends a listing (no longer offered: residents stop finding it) or offers it again. */
export async function setListingStatus(
  db: Db,
  user: SessionUser,
  id: string,
  status: 'active' | 'inactive',
): Promise<Result<{ id: string }, ListingError>> {
  return db.transaction().execute(async (trx) => {
    const found = await editable(trx, user, id);
    if (!found.ok) return found;
    if (found.value.status === status) return ok({ id });
    await repo.updateService(trx, id, { status, modified: true });
    await record(
      trx,
      user,
      status === 'active' ? 'hulpwijzer.reopen' : 'hulpwijzer.end',
      id,
      found.value,
    );
    return ok({ id });
  });
}

/**
 * A beheerder's decision: approve (published; also "seen" for a change after approval) or reject
 * with a note the organisation reads (taken off the resident pages).
 */
export async function reviewListing(
  db: Db,
  user: SessionUser,
  id: string,
  form: Record<string, string>,
): Promise<Result<{ id: string; decision: 'goedkeuren' | 'afwijzen' }, ListingError>> {
  const parsed = ReviewForm.safeParse(form);
  return db.transaction().execute(async (trx) => {
    if (!UUID.test(id) || !(await repo.lockListing(trx, id))) return err('NotFound' as const);
    const before = await repo.findListing(trx, id);
    if (!before || before.region_id !== user.regionId) return err('NotFound' as const);
    if (!canModerate(user, before)) return err('Forbidden' as const);
    if (!parsed.success)
      return err({
        kind: 'Invalid' as const,
        errors: { besluit: parsed.error.issues[0]?.message ?? '' },
      });
    const { besluit, opmerking } = parsed.data;
    if (besluit === 'afwijzen' && (opmerking ?? '').length < 5)
      return err({
        kind: 'Invalid' as const,
        errors: {
          opmerking: 'Schrijf de organisatie waarom u de vermelding afwijst (minstens 5 tekens).',
        },
      });
    await repo.updateService(trx, id, {
      review_status: besluit === 'goedkeuren' ? 'goedgekeurd' : 'afgewezen',
      review_note: opmerking,
      reviewed_by: actorOf(user),
      reviewed: true,
      edited_since_review: false,
    });
    await record(
      trx,
      user,
      `hulpwijzer.${besluit === 'goedkeuren' ? 'approve' : 'reject'}`,
      id,
      before,
    );
    return ok({ id, decision: besluit });
  });
}
