/**
 * The shown figures' functions follow this code, not a migration snapshot: on start they are
 * left alone when current, and replaced — every row recomputed — when they differ, are missing
 * their triggers or have a trigger switched off.
 */
import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import type { Database } from '../../db/schema.js';
import { syncShownFigures } from './shown-figure.sql.js';

type Db = Kysely<Database>;

/** One real Drenthe figure: the population of the wijk Centrum (Assen). */
async function centrum(db: Db) {
  return db
    .selectFrom('measurement')
    .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
    .select(['measurement.id', 'measurement.shown_figure', 'measurement.value'])
    .where('indicator.code', '=', 'inwoners')
    .where('measurement.area_code', '=', 'WK010600')
    .where('measurement.period', '=', '2024')
    .executeTakeFirstOrThrow();
}

/** Spoils the stored figure of one row while the trigger is off (as a stale database would be). */
async function spoil(db: Db, id: string) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table measurement disable trigger measurement_shown_figure`.execute(trx);
    await trx
      .updateTable('measurement')
      .set({ shown_figure: '["oud"]' })
      .where('id', '=', id)
      .execute();
    await sql`alter table measurement enable trigger measurement_shown_figure`.execute(trx);
  });
}

describeEachDatabase('shown figures kept by the database', (get) => {
  it('every row has its figure after the migrations, and a second start changes nothing', async () => {
    const db = get().db;
    const missing = await db
      .selectFrom('measurement')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shown_figure', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(missing.n)).toBe(0);
    const row = await centrum(db);
    // Inwoners: a count without numerator, denominator or interval; trailing nulls left out.
    expect(JSON.parse(row.shown_figure ?? 'null')).toEqual(['WK010600', Number(row.value)]);
    expect(await syncShownFigures(db)).toBe('unchanged');
  });

  it('rebuilds when the definitions differ from this code, recomputing every row', async () => {
    const db = get().db;
    const row = await centrum(db);
    await spoil(db, row.id);
    expect((await centrum(db)).shown_figure).toBe('["oud"]');
    await sql`comment on function marke_shown_figure() is 'marke:oud'`.execute(db);
    expect(await syncShownFigures(db)).toBe('rebuilt');
    expect((await centrum(db)).shown_figure).toBe(row.shown_figure);
    expect(await syncShownFigures(db)).toBe('unchanged');
  });

  it('rebuilds when a trigger is missing or switched off', async () => {
    const db = get().db;
    const row = await centrum(db);
    await sql`alter table measurement disable trigger measurement_shown_figure`.execute(db);
    await db
      .updateTable('measurement')
      .set({ shown_figure: '["oud"]' })
      .where('id', '=', row.id)
      .execute();
    expect(await syncShownFigures(db)).toBe('rebuilt');
    expect((await centrum(db)).shown_figure).toBe(row.shown_figure);
    await sql`drop trigger data_source_shown_figures on data_source`.execute(db);
    expect(await syncShownFigures(db)).toBe('rebuilt');
    expect(await syncShownFigures(db)).toBe('unchanged');
    // Both triggers work again: a write is recomputed, whatever it puts in the column.
    await db
      .updateTable('measurement')
      .set({ shown_figure: '["nep"]' })
      .where('id', '=', row.id)
      .execute();
    expect((await centrum(db)).shown_figure).toBe(row.shown_figure);
  });
});
