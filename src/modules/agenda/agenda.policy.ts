/** Who may change an agenda item: beheerders always, trekkers of an owning organisation. */
import type { SessionUser } from '../auth/index.js';

/** True when the user may edit an item owned by these organisations. */
export function canEditAgendaItem(
  user: SessionUser | undefined,
  ownerOrganisationIds: number[],
): boolean {
  if (!user) return false;
  if (user.role === 'beheerder') return true;
  return (
    user.role === 'trekker' &&
    user.organisationId !== null &&
    ownerOrganisationIds.includes(user.organisationId)
  );
}

/** Only beheerders assign the owning organisations of an item. */
export function canAssignOwners(user: SessionUser | undefined): boolean {
  return user?.role === 'beheerder';
}
