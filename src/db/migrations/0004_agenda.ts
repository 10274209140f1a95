/** Werkagenda (issue 3, section 2): one agenda item per operational goal, owners and dated updates. */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table agenda_item (
      id serial primary key,
      operational_goal_id int not null unique references operational_goal(id) on delete cascade,
      priority text check (priority in ('must', 'should', 'could')),
      phase text,
      planned_start text check (planned_start ~ '^20[2-4][0-9](-Q[1-4])?$'),
      planned_end text check (planned_end ~ '^20[2-4][0-9](-Q[1-4])?$'),
      status text not null default 'niet_gestart' check (status in ('niet_gestart', 'loopt', 'risico', 'vertraagd', 'afgerond', 'gestopt')),
      progress int not null default 0 check (progress between 0 and 100),
      trekker_user_id int references app_user(id) on delete set null,
      updated_at timestamptz not null default now(),
      updated_by text not null default 'system'
    );
    create table agenda_owner (
      agenda_item_id int not null references agenda_item(id) on delete cascade,
      organisation_id int not null references organisation(id) on delete cascade,
      primary key (agenda_item_id, organisation_id)
    );
    create table agenda_update (
      id serial primary key,
      agenda_item_id int not null references agenda_item(id) on delete cascade,
      occurred_on text not null check (occurred_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      text text not null,
      author text not null,
      created_at timestamptz not null default now()
    );
    create index agenda_update_item on agenda_update (agenda_item_id, occurred_on desc);
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'drop table if exists agenda_update, agenda_owner, agenda_item cascade;\n',
  );
}
