/** Who may do what. Every protected route asks here; the route × role test walks this table. */
import type { Role, SessionUser } from './auth.types.js';

export type Action =
  | 'account:view'
  | 'users:manage'
  | 'audit:view'
  | 'agenda:import'
  | 'monitoring:read'
  | 'indicators:manage'
  | 'measurements:import'
  | 'stories:write'
  | 'stories:publish'
  | 'rounds:manage'
  | 'rounds:contribute'
  | 'areas:manage'
  | 'directory:import'
  | 'directory:edit'
  | 'directory:moderate';

const SIGNED_IN: readonly Role[] = ['beheerder', 'trekker', 'redacteur', 'data', 'lezer'];

/**
 * Beheerders are the programme team; trekkers own goals; redacteuren write for their organisation;
 * data stewards keep indicators and imports; lezers read what is not public yet.
 */
const ALLOWED: Record<Action, readonly Role[]> = {
  'account:view': SIGNED_IN,
  'users:manage': ['beheerder'],
  'audit:view': ['beheerder'],
  'agenda:import': ['beheerder'],
  'monitoring:read': SIGNED_IN,
  'indicators:manage': ['beheerder', 'data'],
  'measurements:import': ['beheerder', 'data'],
  'stories:write': ['beheerder', 'redacteur'],
  'stories:publish': ['beheerder'],
  'rounds:manage': ['beheerder'],
  'rounds:contribute': ['beheerder', 'trekker', 'data'],
  'areas:manage': ['beheerder'],
  // Reading in a whole directory approves its listings: the moderators' decision (ADR 0020).
  'directory:import': ['beheerder'],
  'directory:edit': ['beheerder', 'redacteur'],
  'directory:moderate': ['beheerder'],
};

/** True when the (possibly anonymous) user may perform the action. */
export function can(user: SessionUser | undefined, action: Action): boolean {
  return !!user && ALLOWED[action].includes(user.role);
}

/** The roles allowed an action, for the policy table in tests and docs. */
export function rolesFor(action: Action): readonly Role[] {
  return ALLOWED[action];
}
