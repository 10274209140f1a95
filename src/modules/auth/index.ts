/** Public API of the auth module: accounts, sessions, roles and the policy. */

export {
  fieldErrors,
  formFields,
  formWithUpload,
  signedInPageContext,
  type Upload,
  withoutNul,
} from './auth.forms.js';
export { type AuthEnv, loadSession, SESSION_COOKIE, verifyCsrf } from './auth.middleware.js';
export { type Action, can, rolesFor } from './auth.policy.js';
export { authRoutes } from './auth.routes.js';
export { inviteUser, login, sessionFromToken, setPassword } from './auth.service.js';
export { InviteForm, ROLE_NAMES, ROLES, type Role, type SessionUser } from './auth.types.js';
export { CsrfField, ErrorSummary, type FieldErrors } from './views/forms.js';
