/**
 * Directory organisations for the editors: a redacteur adds their own on first use (linked to
 * their plan organisation), beheerders add any and link it to a plan organisation or none. An
 * edit is audited, recorded as HSDS metadata and takes the organisation out of the seed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { fieldErrors, type SessionUser } from '../auth/index.js';
import { bumpDataVersion } from '../plan/index.js';
import {
  canCreateOrganization,
  canEditListing,
  editorScope,
  planOrganisationFor,
} from './directory.policy.js';
import * as repo from './directory-editor.repository.js';
import { type ListingError, updatedByOf } from './directory-editor.service.js';
import { OrganizationForm, UUID } from './directory-editor.types.js';
import { metadataRows, organizationSnapshot } from './directory-metadata.js';
import * as orgRepo from './directory-organizations.repository.js';

type Db = Kysely<Database>;

/** How many directory organisations are linked to the user's own organisation. */
async function linkedCount(db: Db, user: SessionUser): Promise<number> {
  const scope = editorScope(user);
  if (scope.kind !== 'organisation') return 0;
  return (await orgRepo.listOrganizations(db, user.regionId, scope.planOrganisationId)).length;
}

/** The plan organisations a beheerder may link to; a redacteur chooses none (always their own). */
export async function planOrganisationChoices(db: Db, user: SessionUser) {
  return editorScope(user).kind === 'all'
    ? orgRepo.listPlanOrganisations(db, user.regionId)
    : undefined;
}

/** A redacteur's own organisation's name: what their directory organisation is first called. */
export async function ownOrganisationName(db: Db, user: SessionUser): Promise<string | null> {
  if (editorScope(user).kind !== 'organisation' || user.organisationId === null) return null;
  return orgRepo.planOrganisationName(db, user.organisationId);
}

/** Whether the user may add an organisation now, and why not. */
export async function organizationCreateRight(db: Db, user: SessionUser) {
  return canCreateOrganization(user, await linkedCount(db, user));
}

/** The organisation to edit, if the user maintains it. */
export async function organizationForEditor(db: Db, user: SessionUser, id: string) {
  if (!UUID.test(id)) return err('NotFound' as const);
  const org = await orgRepo.findOrganization(db, id);
  if (!org || org.region_id !== user.regionId) return err('NotFound' as const);
  if (!canEditListing(user, org)) return err('Forbidden' as const);
  return ok(org);
}

function parse(form: Record<string, string>) {
  const parsed = OrganizationForm.safeParse(form);
  if (!parsed.success) return err({ kind: 'Invalid' as const, errors: fieldErrors(parsed.error) });
  const { naam, beschrijving, email, website, plan_organisatie } = parsed.data;
  return ok({
    values: { name: naam, description: beschrijving, email, website },
    planOrganisation: plan_organisatie,
  });
}

/** A plan organisation a beheerder chose must be one of the region's. */
async function checkPlanChoice(db: Db, user: SessionUser, chosen: number | null) {
  if (chosen === null) return true;
  return (await orgRepo.listPlanOrganisations(db, user.regionId)).some((o) => o.id === chosen);
}

export async function createOrganization(
  db: Db,
  user: SessionUser,
  form: Record<string, string>,
): Promise<Result<{ id: string }, ListingError | 'Exists'>> {
  const right = await organizationCreateRight(db, user);
  if (right === 'forbidden') return err('Forbidden');
  if (right === 'no-organisation') return err('NoOrganisation');
  if (right === 'exists') return err('Exists');
  const parsed = parse(form);
  if (!parsed.ok) return parsed;
  const planId = planOrganisationFor(user, parsed.value.planOrganisation);
  if (planId === 'forbidden') return err('Forbidden');
  if (!(await checkPlanChoice(db, user, planId)))
    return err({
      kind: 'Invalid',
      errors: { plan_organisatie: 'Kies een organisatie uit de lijst.' },
    });
  const id = randomUUID();
  const row = {
    id,
    region_id: user.regionId,
    plan_organisation_id: planId,
    ...parsed.value.values,
  };
  await db.transaction().execute(async (trx) => {
    await orgRepo.insertOrganization(trx, row);
    const after = organizationSnapshot(row);
    await repo.insertMetadata(
      trx,
      metadataRows({ id, type: 'organization' }, null, after, updatedByOf(user)),
    );
    await writeAudit(trx, {
      actor: `user:${user.id}`,
      action: 'hulpwijzer.organization.create',
      entityType: 'hsds_organization',
      entityKey: id,
      regionId: user.regionId,
      before: null,
      after,
    });
    await bumpDataVersion(trx);
  });
  return ok({ id });
}

export async function updateOrganization(
  db: Db,
  user: SessionUser,
  id: string,
  form: Record<string, string>,
): Promise<Result<{ id: string }, ListingError>> {
  const found = await organizationForEditor(db, user, id);
  if (!found.ok) return found;
  const parsed = parse(form);
  if (!parsed.ok) return parsed;
  const before = found.value;
  // Only a beheerder moves an organisation to another plan organisation, and only with the field.
  const planId =
    editorScope(user).kind === 'all' && 'plan_organisatie' in form
      ? parsed.value.planOrganisation
      : before.plan_organisation_id;
  if (!(await checkPlanChoice(db, user, planId)))
    return err({
      kind: 'Invalid',
      errors: { plan_organisatie: 'Kies een organisatie uit de lijst.' },
    });
  await db.transaction().execute(async (trx) => {
    await orgRepo.updateOrganization(trx, id, {
      ...parsed.value.values,
      plan_organisation_id: planId,
    });
    const [snapBefore, snapAfter] = [
      organizationSnapshot(before),
      organizationSnapshot({ ...parsed.value.values, plan_organisation_id: planId }),
    ];
    await repo.insertMetadata(
      trx,
      metadataRows({ id, type: 'organization' }, snapBefore, snapAfter, updatedByOf(user)),
    );
    await writeAudit(trx, {
      actor: `user:${user.id}`,
      action: 'hulpwijzer.organization.update',
      entityType: 'hsds_organization',
      entityKey: id,
      regionId: user.regionId,
      before: snapBefore,
      after: snapAfter,
    });
    await bumpDataVersion(trx);
  });
  return ok({ id });
}
