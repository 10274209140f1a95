/**
 * Parties named by group ("Gemeenten", "Drentse VVT Partijen", "Huisartsen") link to their sector,
 * so the organisations page can show on which goals a whole sector is named.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Group-named parties ("Gemeenten") need a sector link for the organisations page. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table operational_goal_initiator add column sector_id int references sector(id) on delete set null;
    alter table programme_partner add column sector_id int references sector(id) on delete set null;
    create index operational_goal_initiator_sector on operational_goal_initiator (sector_id);
  `,
  );
}

/** Kysely's Migrator calls this on migrateDown; it drops only the sector links 0002 added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table operational_goal_initiator drop column sector_id;
    alter table programme_partner drop column sector_id;
  `,
  );
}
