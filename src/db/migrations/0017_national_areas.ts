/**
 * National area layers (issue 4 §1): the zorgkantoorregio level, and a mark on areas that come
 * from a national boundary layer (all 25 GGD regions, all 31 zorgkantoorregio's) rather than from
 * the region's own areas.csv. Such areas can be drawn and named, but pages, pickers and the
 * disclosure tree only see the region's own areas.
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
      ('land', 'provincie', 'ggd-regio', 'zorgkantoorregio', 'gemeente', 'wijk', 'buurt'));
    alter table area add column in_region boolean not null default true
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    delete from area where not in_region or level = 'zorgkantoorregio';
    alter table area drop column in_region;
    alter table area drop constraint area_level_check;
    alter table area add constraint area_level_check check (level in
      ('land', 'provincie', 'ggd-regio', 'gemeente', 'wijk', 'buurt'))
  `,
  );
}
