/**
 * A source's new rounding must reach the rows an import is writing at that moment. The rule change
 * recomputes the stored shown figures (ADR 0015) of the rows it can see; rows of an import not yet
 * committed it cannot, so it waits for the region's figure lock the import holds (db/locks.ts).
 * Without that wait the map API showed those rows unrounded (found in review: `[…,0.123456,7,33]`
 * where the presenter says `[…,0.1,5,35]`).
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import type { SessionUser } from '../auth/index.js';
import { updateSourcePolicy } from '../sources/index.js';
import { refreshSuppression } from './indicators.disclosure.js';
import { lockDisclosure } from './indicators.repository.js';
import { toMeasurement } from './indicators.service.js';
import { listFiguresAt } from './indicators-map.repository.js';
import { figuresJsonAt } from './indicators-map-json.repository.js';

describeEachDatabase('shown figures while an import and a rule change overlap', (get) => {
  it('waits for the import, so its rows get the new rounding too', async () => {
    const db = get().db;
    const region = await db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    const indicator = await db
      .selectFrom('indicator')
      .select('id')
      .where('code', '=', 'inwoners')
      .executeTakeFirstOrThrow();
    const [first, second] = await db
      .selectFrom('area')
      .select('code')
      .where('region_id', '=', region.id)
      .where('level', '=', 'wijk')
      .orderBy('code')
      .limit(2)
      .execute();
    if (!first || !second) throw new Error('no wijken');
    const source = await db
      .insertInto('data_source')
      .values({
        region_id: region.id,
        code: 'gelijktijdig',
        provider: 'Test',
        dataset: 'Test',
        licence: 'test',
        refresh: 'eenmalig',
        threshold: 10,
        decimals: null,
        count_base: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = (area: string) => ({
      indicator_id: indicator.id,
      area_code: area,
      period: '2031',
      value: '0.123456',
      numerator: '7',
      denominator: '33',
      source: 'Testbron',
      data_source_id: source.id,
    });
    await db.insertInto('measurement').values(row(first.code)).execute();

    // An import writes a row under the region's lock and has not committed yet…
    let commitImport = () => {};
    let written = () => {};
    const rowWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    const importing = db.transaction().execute(async (trx) => {
      await lockDisclosure(trx, region.id);
      await trx.insertInto('measurement').values(row(second.code)).execute();
      written();
      await new Promise<void>((resolve) => {
        commitImport = resolve;
      });
    });
    await rowWritten;
    // …while a beheerder saves new rules for its source.
    const beheerder: SessionUser = {
      id: 1,
      email: 'beheer@example.org',
      name: 'Beheerder',
      role: 'beheerder',
      regionId: region.id,
      organisationId: null,
    };
    const saving = updateSourcePolicy(
      db,
      beheerder,
      'gelijktijdig',
      { threshold: 10, decimals: 1, count_base: 5, refresh: 'eenmalig' },
      (trx, regionId) => refreshSuppression(trx, regionId, [indicator.id]),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    commitImport();
    await importing;
    expect((await saving).ok).toBe(true);

    const filter = { regionId: region.id, indicatorId: indicator.id, period: '2031' };
    const presented = (await listFiguresAt(db, { ...filter, level: 'wijk' })).map((r) => {
      const m = toMeasurement(r, new Map());
      return [m.areaCode, m.value, m.numerator, m.denominator];
    });
    expect(presented).toHaveLength(2);
    for (const figure of presented) expect(figure.slice(1)).toEqual([0.1, 5, 35]);
    const body = JSON.parse(await figuresJsonAt(db, { ...filter, level: 'wijk' })) as {
      groups: Array<{ rows: unknown[][] }>;
    };
    const stored = body.groups.flatMap((g) => g.rows);
    expect(stored.sort()).toEqual(presented.sort());
  });
});
