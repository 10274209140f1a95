/**
 * Areas with CBS codes (PV22, GM…, WK…, BU…) per region: what measurements, stories and panel
 * results refer to. The datawerkplaats (issue 4) adds years and boundaries to this table.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table area (
      id serial primary key,
      region_id int not null references region(id) on delete cascade,
      code text not null check (code ~ '^(NL01|PV[0-9]{2}|GG[0-9]{4}|ZK[0-9]{2}|GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$'),
      name text not null,
      level text not null check (level in ('land', 'provincie', 'ggd-regio', 'gemeente', 'wijk', 'buurt')),
      parent_code text,
      unique (region_id, code)
    );
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table if exists area cascade;\n');
}
