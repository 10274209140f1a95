/**
 * Postcode areas (issue 4 §1): the level `postcode` for 4-digit postcode areas (PC4), coded
 * `PC` + the four digits (`PC7705`). CBS has no code prefix for PC4 areas; `PC` is no prefix CBS
 * uses, so the code cannot collide with a CBS area code. A postcode area's parent is the gemeente
 * its data file assigns it to (a PC4 area can cross a gemeente border).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table area drop constraint area_level_check;
    alter table area add constraint area_level_check check (level in
      ('land', 'provincie', 'ggd-regio', 'zorgkantoorregio', 'gemeente', 'wijk', 'buurt', 'postcode'));
    alter table area drop constraint area_code_check;
    alter table area add constraint area_code_check check (code ~
      '^(NL01|PV[0-9]{2}|GG[0-9]{4}|ZK[0-9]{2}|GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}|PC[1-9][0-9]{3})$')
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    delete from area where level = 'postcode';
    alter table area drop constraint area_code_check;
    alter table area add constraint area_code_check check (code ~
      '^(NL01|PV[0-9]{2}|GG[0-9]{4}|ZK[0-9]{2}|GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$');
    alter table area drop constraint area_level_check;
    alter table area add constraint area_level_check check (level in
      ('land', 'provincie', 'ggd-regio', 'zorgkantoorregio', 'gemeente', 'wijk', 'buurt'))
  `,
  );
}
