/** SQL of the auth module: users, sessions, one-time tokens, login throttling. */
import { type Kysely, sql } from 'kysely';
import type { Database, Role } from '../../db/schema.js';
import { json } from '../../db/upsert.js';

type Db = Kysely<Database>;

const userColumns = [
  'id',
  'email',
  'name',
  'role',
  'region_id',
  'organisation_id',
  'password_hash',
  'active',
] as const;

/** Login and invitations look a user up by e-mail, case-insensitively. */
export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .select(userColumns)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** Creates a user and writes the audit row in the caller's transaction. */
export async function insertUser(
  db: Db,
  user: {
    regionId: number;
    email: string;
    name: string;
    role: Role;
    organisationId: number | null;
  },
  actor: string,
) {
  const row = await db
    .insertInto('app_user')
    .values({
      region_id: user.regionId,
      email: user.email,
      name: user.name,
      role: user.role,
      organisation_id: user.organisationId,
    })
    .returning(['id', 'email', 'name', 'role', 'organisation_id'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('audit_log')
    .values({
      actor,
      action: 'user.create',
      entity_type: 'user',
      entity_key: String(row.id),
      region_id: user.regionId,
      before: null,
      after: json(row),
    })
    .execute();
  return row;
}

/** The user management page lists a region's accounts. */
export async function listUsers(db: Db, regionId: number) {
  return db
    .selectFrom('app_user')
    .leftJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select([
      'app_user.id',
      'app_user.email',
      'app_user.name',
      'app_user.role',
      'app_user.active',
      'organisation.name as organisation_name',
      sql<boolean>`app_user.password_hash is not null`.as('has_password'),
    ])
    .where('app_user.region_id', '=', regionId)
    .orderBy('app_user.email')
    .execute();
}

/** One-time set-password links are stored as hashes; the link itself is shown once. */
export async function insertPasswordToken(
  db: Db,
  userId: number,
  tokenHash: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto('password_token')
    .values({ id: tokenHash, user_id: userId, expires_at: expiresAt.toISOString(), used_at: null })
    .execute();
}

/** A set-password link is valid once and until it expires. */
export async function findUsablePasswordToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('password_token')
    .select(['id', 'user_id'])
    .where('id', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Sets the password, spends the token and writes an audit row (without the hash). */
export async function setPasswordWithToken(
  db: Db,
  tokenHash: string,
  userId: number,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('password_token')
    .set({ used_at: new Date().toISOString() })
    .where('id', '=', tokenHash)
    .execute();
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
  await db
    .insertInto('audit_log')
    .values({
      actor: `user:${userId}`,
      action: 'user.set_password',
      entity_type: 'user',
      entity_key: String(userId),
      region_id: null,
      before: null,
      after: json({ password: 'gewijzigd' }),
    })
    .execute();
}

/** Sessions are stored by the hash of their cookie token, so a database leak yields no live cookies. */
export async function insertSession(
  db: Db,
  session: { id: string; userId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt.toISOString(),
    })
    .execute();
}

/** Every signed-in request loads its session and user in one query. */
export async function findSession(db: Db, id: string) {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select([
      'user_session.csrf_token',
      'app_user.id',
      'app_user.email',
      'app_user.name',
      'app_user.role',
      'app_user.region_id',
      'app_user.organisation_id',
    ])
    .where('user_session.id', '=', id)
    .where('user_session.expires_at', '>', sql<Date>`now()`)
    .where('app_user.active', '=', true)
    .executeTakeFirst();
}

/** Logging out removes the session row, so the cookie is dead everywhere at once. */
export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', id).execute();
}

/** Login throttling: the current failure window of a key (`email:…` or `ip:…`). */
export async function findAttempt(db: Db, key: string) {
  return db.selectFrom('login_attempt').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Records a failed login; locks the key when it reaches the limit within the window. */
export async function recordFailure(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
): Promise<void> {
  const now = new Date();
  const current = await findAttempt(db, key);
  const fresh = !current || now.getTime() - current.window_start.getTime() > windowMs;
  const failures = fresh ? 1 : (current?.failures ?? 0) + 1;
  const lockedUntil = failures >= limit ? new Date(now.getTime() + windowMs).toISOString() : null;
  await db
    .insertInto('login_attempt')
    .values({
      key,
      failures,
      window_start: (fresh ? now : (current?.window_start ?? now)).toISOString(),
      locked_until: lockedUntil,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures,
        window_start: (fresh ? now : (current?.window_start ?? now)).toISOString(),
        locked_until: lockedUntil,
      }),
    )
    .execute();
}

/** A successful login clears the account's failures (the IP's stay, against password spraying). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('key', '=', key).execute();
}

/** The audit page: a region's newest audit rows, optionally for one entity. */
export async function listAuditEntries(
  db: Db,
  regionId: number,
  filter: { entityType?: string; entityKey?: string; limit: number },
) {
  let query = db
    .selectFrom('audit_log')
    .select([
      'id',
      'occurred_at',
      'actor',
      'action',
      'entity_type',
      'entity_key',
      'before',
      'after',
    ])
    .where('region_id', '=', regionId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityKey) query = query.where('entity_key', '=', filter.entityKey);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}
