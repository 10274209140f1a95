/** Who may do what. Every protected route asks here; the route × role test walks this table. */
import type { Role, SessionUser } from './auth.types.js';

export type Action = 'account:view' | 'users:manage' | 'audit:view';

const ALLOWED: Record<Action, readonly Role[]> = {
  'account:view': ['beheerder', 'trekker', 'redacteur', 'data', 'lezer'],
  'users:manage': ['beheerder'],
  'audit:view': ['beheerder'],
};

/** True when the (possibly anonymous) user may perform the action. */
export function can(user: SessionUser | undefined, action: Action): boolean {
  return !!user && ALLOWED[action].includes(user.role);
}

/** The roles allowed an action, for the policy table in tests and docs. */
export function rolesFor(action: Action): readonly Role[] {
  return ALLOWED[action];
}
