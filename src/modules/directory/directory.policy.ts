/**
 * Who may do what with the Hulpwijzer's listings (issue 5 §3, ADR 0018). The coarse rights come
 * from the auth policy (`directory:edit`, `directory:moderate`); the rules about one's own
 * organisation and region live here. A redacteur's organisation is a plan organisation; the
 * directory organisations pointing at it (`plan_organisation_id`) are the ones they maintain.
 */
import { can, type SessionUser } from '../auth/index.js';

/** A listing or directory organisation as far as the rules need it. */
export type OwnedRef = { region_id: number; plan_organisation_id: number | null };

export type EditorScope =
  /** Beheerders: every listing of their region. */
  | { kind: 'all' }
  /** Redacteuren: the listings of the directory organisations linked to their organisation. */
  | { kind: 'organisation'; planOrganisationId: number }
  /** A redacteur whose account has no organisation yet: nothing to maintain until it has. */
  | { kind: 'no-organisation' }
  | { kind: 'none' };

/** Which listings the user maintains. */
export function editorScope(user: SessionUser | undefined): EditorScope {
  if (!user || !can(user, 'directory:edit')) return { kind: 'none' };
  if (can(user, 'directory:moderate')) return { kind: 'all' };
  return user.organisationId === null
    ? { kind: 'no-organisation' }
    : { kind: 'organisation', planOrganisationId: user.organisationId };
}

/** True when the listing (or directory organisation) is one the user maintains. */
export function canEditListing(user: SessionUser | undefined, ref: OwnedRef): boolean {
  if (!user || ref.region_id !== user.regionId) return false;
  const scope = editorScope(user);
  if (scope.kind === 'all') return true;
  return scope.kind === 'organisation' && ref.plan_organisation_id === scope.planOrganisationId;
}

/** Approving and rejecting is the programme team's (beheerders') decision, in their region. */
export function canModerate(user: SessionUser | undefined, ref?: { region_id: number }): boolean {
  return can(user, 'directory:moderate') && (!ref || ref.region_id === user?.regionId);
}

export type CreateOrganizationRight = 'ok' | 'forbidden' | 'no-organisation' | 'exists';

/**
 * Beheerders add any directory organisation; a redacteur adds the one of their own organisation,
 * on first use only (later listings go under it).
 */
export function canCreateOrganization(
  user: SessionUser | undefined,
  linkedOrganizations: number,
): CreateOrganizationRight {
  const scope = editorScope(user);
  if (scope.kind === 'all') return 'ok';
  if (scope.kind === 'no-organisation') return 'no-organisation';
  if (scope.kind === 'none') return 'forbidden';
  return linkedOrganizations > 0 ? 'exists' : 'ok';
}

/**
 * The plan organisation a new directory organisation is linked to: a redacteur's own, always;
 * a beheerder's choice (or none).
 */
export function planOrganisationFor(
  user: SessionUser,
  chosen: number | null,
): number | null | 'forbidden' {
  const scope = editorScope(user);
  if (scope.kind === 'all') return chosen;
  if (scope.kind === 'organisation') return scope.planOrganisationId;
  return 'forbidden';
}

/** A listing created by a beheerder is published at once; a redacteur's waits for review. */
export function reviewStatusForNew(user: SessionUser): 'goedgekeurd' | 'ingediend' {
  return canModerate(user) ? 'goedgekeurd' : 'ingediend';
}

type ReviewStatus = 'ingediend' | 'goedgekeurd' | 'afgewezen';

/**
 * What a saved edit does to the review (ADR 0018): a redacteur's change to an approved listing
 * keeps it published and puts it in the beheerders' queue as "changed since approval"; a rejected
 * listing that is changed is handed in again. A beheerder's own edit changes neither.
 */
export function reviewAfterEdit(
  user: SessionUser,
  before: { review_status: ReviewStatus; edited_since_review: boolean },
): { review_status: ReviewStatus; edited_since_review: boolean } {
  if (canModerate(user))
    return { review_status: before.review_status, edited_since_review: before.edited_since_review };
  if (before.review_status === 'goedgekeurd')
    return { review_status: 'goedgekeurd', edited_since_review: true };
  return { review_status: 'ingediend', edited_since_review: false };
}
