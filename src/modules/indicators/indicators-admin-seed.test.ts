/**
 * The plan file and beheer side by side: an unchanged file changes nothing; a changed file writes
 * only its changed entries, never an indicator edited, created or deleted in beheer, and says so.
 */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { describeEachDatabase } from '../../../test/db.js';
import { createAccount } from '../../../test/session.js';
import { importIndicatorsFromDirectory } from './index.js';
import {
  addTarget,
  createIndicator,
  deleteIndicator,
  getForEdit,
  updateIndicator,
} from './indicators-admin.service.js';
import { valuesOf } from './views/indicator-admin.js';

const SOURCE = 'data/regions/drenthe';
type Entry = {
  code: string;
  name: string;
  description: string;
  [key: string]: unknown;
};

/** A copy of the region's indicator files with some entries changed or added. */
async function changedCopy(change: (entries: Entry[]) => Entry[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marke-indicators-'));
  const file = parse(await readFile(path.join(SOURCE, 'indicators.yaml'), 'utf8')) as {
    indicators: Entry[];
  };
  await writeFile(
    path.join(dir, 'indicators.yaml'),
    stringify({ ...file, indicators: change(file.indicators) }),
  );
  // Every data file and every further indicator file (indicators-<name>.yaml) of the region.
  for (const name of await readdir(SOURCE))
    if (name.endsWith('.csv') || /^indicators-.+\.yaml$/.test(name))
      await copyFile(path.join(SOURCE, name), path.join(dir, name));
  return dir;
}

describeEachDatabase('plan file and beheer', (get) => {
  it('keeps beheer edits, writes only changed entries and reports what it did not take over', async () => {
    const { db } = get();
    const data = await createAccount(db, 'data');
    const region = data.regionId;
    const scope = { regionId: region, regionAreaCode: 'PV22' };
    const stored = async (code: string) => {
      const view = await getForEdit(db, scope, code);
      if (!view.ok) throw new Error(`${code} ontbreekt`);
      return valuesOf(view.value.indicator, 'PV22');
    };

    // Edits in beheer: a name, a target, a deletion and a new indicator.
    const renamed = await updateIndicator(db, data, 'acp-ouderen', {
      ...(await stored('acp-ouderen')),
      name: 'ACP-gesprekken bij ouderen (aangepast)',
    });
    expect(renamed.ok).toBe(true);
    const target = await addTarget(db, data, 'hybride-zorg-gebruik', {
      t_comparator: '>=',
      t_kind: 'absolute',
      t_value: '60',
      t_year: '2027',
      t_area: 'PV22',
      t_baseline: '',
      t_source: 'Test',
      t_note: '',
    });
    expect(target.ok).toBe(true);
    expect((await deleteIndicator(db, data, 'wil-maar-kan-niet-bewegen')).ok).toBe(true);
    const created = await createIndicator(db, data, {
      ...(await stored('overgewicht')),
      code: 'test-later-in-bestand',
      name: 'Test: later ook in het bestand',
    });
    expect(created.ok).toBe(true);

    // Unchanged file: nothing happens (the whole-file checksum skips it).
    expect(await importIndicatorsFromDirectory(db, region, SOURCE, 'test')).toEqual({
      ok: true,
      value: { status: 'unchanged' },
    });

    // A newer value for a seeded cell (as a later import would write) must survive a reload.
    const roken = await db
      .selectFrom('indicator')
      .select('id')
      .where('code', '=', 'roken-jongvolwassenen')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('measurement')
      .set({ value: 33.3 })
      .where('indicator_id', '=', roken.id)
      .where('area_code', '=', 'GM0106')
      .where('period', '=', '2024')
      .execute();

    const dir = await changedCopy((entries) => [
      ...entries.map((e) => {
        if (e.code === 'overgewicht') return { ...e, description: 'Nieuwe tekst uit het bestand.' };
        if (e.code === 'acp-ouderen') return { ...e, name: 'Naam uit het bestand' };
        if (e.code === 'wil-maar-kan-niet-bewegen') return { ...e, name: 'Terug uit het bestand' };
        return e;
      }),
      {
        ...(entries.find((e) => e.code === 'overgewicht') as Entry),
        code: 'test-later-in-bestand',
        name: 'Uit het bestand',
      },
    ]);
    try {
      const loaded = await importIndicatorsFromDirectory(db, region, dir, 'test');
      expect(loaded).toEqual({
        ok: true,
        value: {
          status: 'loaded',
          indicators: 1,
          measurements: 0,
          // In the file's order.
          skipped: ['wil-maar-kan-niet-bewegen', 'acp-ouderen', 'test-later-in-bestand'],
        },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const names = await db
      .selectFrom('indicator')
      .select(['code', 'name', 'description'])
      .where('code', 'in', [
        'acp-ouderen',
        'overgewicht',
        'wil-maar-kan-niet-bewegen',
        'test-later-in-bestand',
      ])
      .orderBy('code')
      .execute();
    expect(names.map((n) => [n.code, n.name])).toEqual([
      ['acp-ouderen', 'ACP-gesprekken bij ouderen (aangepast)'],
      ['overgewicht', 'Overgewicht'],
      ['test-later-in-bestand', 'Test: later ook in het bestand'],
    ]);
    expect(names.find((n) => n.code === 'overgewicht')?.description).toBe(
      'Nieuwe tekst uit het bestand.',
    );
    const hybride = await db
      .selectFrom('indicator_target')
      .innerJoin('indicator', 'indicator.id', 'indicator_target.indicator_id')
      .select('year')
      .where('indicator.code', '=', 'hybride-zorg-gebruik')
      .orderBy('year')
      .execute();
    expect(hybride.map((t) => t.year)).toEqual([2024, 2027]);
    const kept = await db
      .selectFrom('measurement')
      .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
      .select('value')
      .where('indicator.code', '=', 'roken-jongvolwassenen')
      .where('area_code', '=', 'GM0106')
      .executeTakeFirstOrThrow();
    expect(Number(kept.value)).toBe(33.3);

    const skippedAudit = await db
      .selectFrom('audit_log')
      .select(['entity_key', 'after'])
      .where('action', '=', 'indicator.seed_skipped')
      .orderBy('id')
      .execute();
    expect(skippedAudit.map((a) => a.entity_key)).toEqual([
      'wil-maar-kan-niet-bewegen',
      'acp-ouderen',
      'test-later-in-bestand',
    ]);
    expect(skippedAudit[1]?.after).toMatchObject({ file: { name: 'Naam uit het bestand' } });
    const states = await db
      .selectFrom('indicator_seed')
      .select(['code', 'managed_here_by'])
      .where('code', 'in', ['acp-ouderen', 'overgewicht', 'test-later-in-bestand'])
      .orderBy('code')
      .execute();
    expect(states).toEqual([
      { code: 'acp-ouderen', managed_here_by: `user:${data.id}` },
      { code: 'overgewicht', managed_here_by: null },
      { code: 'test-later-in-bestand', managed_here_by: 'beheer' },
    ]);
  });

  it('adopts a database loaded before per-indicator states existed without rewriting it', async () => {
    const { db } = get();
    const data = await createAccount(db, 'data');
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('indicator_seed')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Back to the state of an older database: the file's checksum is stored, no states.
    const dir = await changedCopy((entries) => entries);
    try {
      const first = await importIndicatorsFromDirectory(db, data.regionId, dir, 'test');
      expect(first.ok && first.value.status).toBe('loaded');
      await db.deleteFrom('indicator_seed').execute();
      const audits = await db.selectFrom('audit_log').select('id').execute();
      expect(await importIndicatorsFromDirectory(db, data.regionId, dir, 'test')).toEqual({
        ok: true,
        value: { status: 'unchanged' },
      });
      // One state per entry of every indicator file (the Gezondheidsmonitor has its own file).
      let entries = 0;
      for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yaml')))
        entries += (
          parse(await readFile(path.join(dir, name), 'utf8'), {
            merge: true,
            maxAliasCount: 1000,
          }) as {
            indicators: Entry[];
          }
        ).indicators.length;
      expect(entries).toBeGreaterThan(170);
      expect(await count()).toBe(entries);
      expect(await db.selectFrom('audit_log').select('id').execute()).toHaveLength(audits.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
