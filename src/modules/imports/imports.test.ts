/** Staged imports: preview, confirm once, all-or-nothing, duplicate file, other user's preview. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { signInAs } from '../../../test/session.js';
import { applyStaged, discardStaged, listImports, loadStaged, stageImport } from './index.js';

const file = new TextEncoder().encode('code,status\n2.1.1.A,loopt\n');

describeEachDatabase('staged imports', (get) => {
  it('applies a preview once, detects the same file again, and keeps other users out', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const owner = (await signInAs(app, db, 'beheerder')).user;
    const other = (await signInAs(app, db, 'beheerder')).user;
    const staged = await stageImport(db, owner, {
      kind: 'test',
      filename: 'a.csv',
      bytes: file,
      rowCount: 1,
      payload: { rows: [1] },
    });
    expect(staged.previous).toBeUndefined();
    expect((await loadStaged(db, other, 'test', staged.id)).ok).toBe(false);
    expect((await loadStaged(db, owner, 'andere-soort', staged.id)).ok).toBe(false);
    const loaded = await loadStaged(db, owner, 'test', staged.id);
    expect(loaded.ok && loaded.value.payload).toEqual({ rows: [1] });

    const applied = await applyStaged(db, owner, 'test', staged.id, async (_trx, payload, id) => ({
      payload,
      id,
    }));
    expect(applied).toEqual({ ok: true, value: { payload: { rows: [1] }, id: staged.id } });
    const again = await applyStaged(db, owner, 'test', staged.id, async () => 'nogmaals');
    expect(again).toEqual({ ok: false, error: 'AlreadyApplied' });

    const second = await stageImport(db, owner, {
      kind: 'test',
      filename: 'b.csv',
      bytes: file,
      rowCount: 1,
      payload: {},
    });
    expect(second.previous?.filename).toBe('a.csv');
    expect(await applyStaged(db, owner, 'test', second.id, async () => 1)).toEqual({
      ok: false,
      error: 'Duplicate',
    });
    expect(
      await applyStaged(db, owner, 'test', second.id, async () => 1, { allowDuplicate: true }),
    ).toEqual({ ok: true, value: 1 });
    expect((await listImports(db, owner.regionId, 'test')).map((b) => b.filename)).toEqual([
      'b.csv',
      'a.csv',
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select('entity_key')
      .where('action', '=', 'import.apply')
      .execute();
    expect(audit.map((a) => a.entity_key)).toContain(`test:${staged.id}`);
  });

  it('rolls everything back when applying throws, and the preview stays open', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const user = (await signInAs(app, db, 'data')).user;
    const staged = await stageImport(db, user, {
      kind: 'test-rollback',
      filename: 'c.csv',
      bytes: new TextEncoder().encode('x\n1\n'),
      rowCount: 1,
      payload: {},
    });
    await expect(
      applyStaged(db, user, 'test-rollback', staged.id, async (trx) => {
        await trx
          .insertInto('audit_log')
          .values({
            actor: 'test',
            action: 'half',
            entity_type: 't',
            entity_key: 'k',
            region_id: null,
          })
          .execute();
        throw new Error('rij 2 kan niet');
      }),
    ).rejects.toThrow('rij 2 kan niet');
    const half = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'half')
      .execute();
    expect(half).toEqual([]);
    expect((await loadStaged(db, user, 'test-rollback', staged.id)).ok).toBe(true);
    expect((await discardStaged(db, user, 'test-rollback', staged.id)).ok).toBe(true);
    expect((await loadStaged(db, user, 'test-rollback', staged.id)).ok).toBe(false);
  });
});
