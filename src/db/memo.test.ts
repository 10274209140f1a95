/** The data-version memo: reused until a change, shared by concurrent callers, failures retried. */
import { expect, it, onTestFinished, vi } from 'vitest';
import { describeEachDatabase } from '../../test/db.js';
import { bumpDataVersion } from '../modules/plan/index.js';
import { memoByDataVersion, withSharedDataVersion } from './memo.js';

describeEachDatabase('memo by data version', (get) => {
  it('computes once per version and key, and again after a change', async () => {
    const { db } = get();
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([
      memoByDataVersion(db, 'k', compute),
      memoByDataVersion(db, 'k', compute),
    ]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await memoByDataVersion(db, 'other', compute)).toBe(2);
    await db.transaction().execute((trx) => bumpDataVersion(trx));
    expect(await memoByDataVersion(db, 'k', compute)).toBe(3);
    await expect(
      memoByDataVersion(db, 'fails', async () => {
        throw new Error('kapot');
      }),
    ).rejects.toThrow('kapot');
    expect(await memoByDataVersion(db, 'fails', async () => 'nu wel')).toBe('nu wel');
  });

  it('computes again on a new day, because statuses against targets depend on the date', async () => {
    const { db } = get();
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    let runs = 0;
    const compute = async () => ++runs;
    vi.setSystemTime(new Date('2026-12-31T23:59:00Z'));
    await memoByDataVersion(db, 'dag', compute);
    expect(await memoByDataVersion(db, 'dag', compute)).toBe(1);
    vi.setSystemTime(new Date('2027-01-01T00:01:00Z'));
    expect(await memoByDataVersion(db, 'dag', compute)).toBe(2);
  });

  it('reads the version once inside a request that cannot write, at every call outside one', async () => {
    const { db } = get();
    let runs = 0;
    const compute = async () => ++runs;
    await withSharedDataVersion(async () => {
      expect(await memoByDataVersion(db, 'gedeeld', compute)).toBe(1);
      // A change by someone else during this request: the request keeps the version it began with.
      await db.transaction().execute((trx) => bumpDataVersion(trx));
      expect(await memoByDataVersion(db, 'gedeeld', compute)).toBe(1);
      expect(await memoByDataVersion(db, 'nog-een', compute)).toBe(2);
    });
    // Outside (a request that writes, a script): every call asks, so the change is seen at once.
    expect(await memoByDataVersion(db, 'gedeeld', compute)).toBe(3);
    await db.transaction().execute((trx) => bumpDataVersion(trx));
    expect(await memoByDataVersion(db, 'gedeeld', compute)).toBe(4);
    // Two requests do not share: the next one reads the version anew.
    await withSharedDataVersion(async () => {
      await db.transaction().execute((trx) => bumpDataVersion(trx));
      expect(await memoByDataVersion(db, 'gedeeld', compute)).toBe(5);
      // A request still on an older version computes for itself and leaves the newer memo alone.
      await withSharedDataVersion(async () => {
        await db.transaction().execute((trx) => bumpDataVersion(trx));
        expect(await memoByDataVersion(db, 'gedeeld', compute)).toBe(6);
      });
      expect(await memoByDataVersion(db, 'gedeeld', compute)).toBe(7);
    });
    expect(await memoByDataVersion(db, 'gedeeld', compute)).toBe(6);
  });
});
