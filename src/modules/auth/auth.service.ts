/** Accounts and sessions: invite, set a password once, log in with throttling, log out. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { hashPassword, randomToken, verifyPassword } from './auth.password.js';
import * as repo from './auth.repository.js';
import type { AuthError, Session } from './auth.types.js';

type Db = Kysely<Database>;

export const SESSION_HOURS = 12;
const TOKEN_DAYS = 7;
/** Failed logins allowed per account and per IP address within the window, before a lock-out. */
export const LOGIN_LIMIT = { failures: 5, windowMs: 15 * 60 * 1000 };

/** Only hashes of tokens are stored; the token itself travels in the cookie or link. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates an account without a password and returns a one-time set-password token. */
export async function inviteUser(
  db: Db,
  input: {
    regionId: number;
    email: string;
    name: string;
    role: Role;
    organisationId: number | null;
  },
  actor: string,
): Promise<Result<{ userId: number; token: string }, AuthError>> {
  if (await repo.findUserByEmail(db, input.email)) return err('EmailTaken');
  const token = randomToken();
  const userId = await db.transaction().execute(async (trx) => {
    const user = await repo.insertUser(trx, input, actor);
    await repo.insertPasswordToken(
      trx,
      user.id,
      tokenHash(token),
      new Date(Date.now() + TOKEN_DAYS * 24 * 3600 * 1000),
    );
    return user.id;
  });
  return ok({ userId, token });
}

/** Checks a set-password link before showing its form. */
export async function checkPasswordToken(db: Db, token: string): Promise<boolean> {
  return (await repo.findUsablePasswordToken(db, tokenHash(token))) !== undefined;
}

/** Spends a one-time link to set the password; also ends every session of that user. */
export async function setPassword(
  db: Db,
  token: string,
  password: string,
): Promise<Result<{ userId: number }, AuthError>> {
  const found = await repo.findUsablePasswordToken(db, tokenHash(token));
  if (!found) return err('TokenInvalid');
  const hash = await hashPassword(password);
  await db
    .transaction()
    .execute((trx) => repo.setPasswordWithToken(trx, found.id, found.user_id, hash));
  return ok({ userId: found.user_id });
}

async function isLocked(db: Db, key: string): Promise<boolean> {
  const attempt = await repo.findAttempt(db, key);
  return !!attempt?.locked_until && attempt.locked_until.getTime() > Date.now();
}

/**
 * Logs in: throttled per account and per IP (both count failures), the same answer for an
 * unknown e-mail and a wrong password, and a new session with its own CSRF token on success.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<Result<{ token: string; session: Session }, AuthError>> {
  const keys = [`email:${input.email.toLowerCase()}`, `ip:${input.ip}`];
  for (const key of keys) if (await isLocked(db, key)) return err('TooManyAttempts');
  const user = await repo.findUserByEmail(db, input.email);
  const valid =
    !!user &&
    user.active &&
    !!user.password_hash &&
    (await verifyPassword(input.password, user.password_hash));
  if (!user || !valid) {
    for (const key of keys)
      await repo.recordFailure(db, key, LOGIN_LIMIT.failures, LOGIN_LIMIT.windowMs);
    return err('InvalidCredentials');
  }
  await repo.clearFailures(db, keys[0] ?? '');
  const token = randomToken();
  const csrfToken = randomToken();
  await repo.insertSession(db, {
    id: tokenHash(token),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600 * 1000),
  });
  const session: Session = {
    csrfToken,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      regionId: user.region_id,
      organisationId: user.organisation_id,
    },
  };
  return ok({ token, session });
}

/** The session behind a cookie token, or undefined when it is unknown, expired or the user is inactive. */
export async function sessionFromToken(db: Db, token: string): Promise<Session | undefined> {
  const row = await repo.findSession(db, tokenHash(token));
  if (!row) return undefined;
  return {
    csrfToken: row.csrf_token,
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      regionId: row.region_id,
      organisationId: row.organisation_id,
    },
  };
}

/** Ends a session everywhere. */
export async function logout(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, tokenHash(token));
}

export const listUsers = repo.listUsers;

/** The audit trail beheerders read per entity (who, when, before, after). */
export const listAudit = repo.listAuditEntries;
