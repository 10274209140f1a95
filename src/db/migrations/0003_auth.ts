/** Accounts, sessions, one-time password links and login throttling (issue 3, section 1). */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table app_user (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      email text not null,
      name text not null default '',
      role text not null check (role in ('beheerder', 'trekker', 'redacteur', 'data', 'lezer')),
      organisation_id int references organisation(id) on delete set null,
      password_hash text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index app_user_email on app_user (lower(email));
    create table user_session (
      id text primary key,
      user_id int not null references app_user(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index user_session_user on user_session (user_id);
    create table password_token (
      id text primary key,
      user_id int not null references app_user(id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create table login_attempt (
      key text primary key,
      failures int not null,
      window_start timestamptz not null,
      locked_until timestamptz
    );
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'drop table if exists login_attempt, password_token, user_session, app_user cascade;\n',
  );
}
