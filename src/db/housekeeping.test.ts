/** Hand-made autovacuum for PGlite (ADR 0022): tidies after bulk changes, at start and when due. */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/db.js';
import {
  housekeepingRound,
  startHousekeeping,
  tablesDueForTidying,
  tidyIfNeverAnalysed,
  tidyTables,
} from './housekeeping.js';

describeEachDatabase('database housekeeping', (get) => {
  const reltuples = async (table: string) => {
    const { rows } = await sql<{ n: number }>`
      select reltuples::int as n from pg_class where relname = ${table}`.execute(get().db);
    return rows[0]?.n;
  };
  const probe = async (table: string, rows: number) => {
    const { db } = get();
    await sql.raw(`create table ${table} (id int primary key, note text)`).execute(db);
    await sql
      .raw(`insert into ${table} select i, 'a' from generate_series(1, ${rows}) as i`)
      .execute(db);
  };

  it('refuses anything but a plain table name, so nothing can be smuggled into VACUUM', async () => {
    await expect(tidyTables(get().db, ['plan; drop table plan'])).rejects.toThrow(/tabelnaam/);
    await expect(tidyTables(get().db, ['Plan'])).rejects.toThrow(/tabelnaam/);
  });

  it('at start tidies a database with a never-analysed table, and only then', async () => {
    const { db } = get();
    await probe('hk_never', 1200);
    expect(await reltuples('hk_never')).toBe(-1);
    expect(await tidyIfNeverAnalysed(db)).toBe(true);
    expect(await reltuples('hk_never')).toBe(1200);
    expect(await tidyIfNeverAnalysed(db)).toBe(false);
  });

  it('tidies a table once its changes pass autovacuum’s threshold, and then no longer', async () => {
    const { db } = get();
    await probe('hk_due', 1000);
    await tidyTables(db, ['hk_due']);
    expect(await tablesDueForTidying(db)).not.toContain('hk_due');
    // 20 % + 50 of 1000 rows is the vacuum threshold: 400 updated rows pass it.
    await sql`update hk_due set note = 'b' where id <= 400`.execute(db);
    await expect.poll(() => tablesDueForTidying(db), { timeout: 5000 }).toContain('hk_due');
    expect(await housekeepingRound(db)).toContain('hk_due');
    expect(await tablesDueForTidying(db)).not.toContain('hk_due');
  });

  it('a few changed rows are not worth a round', async () => {
    const { db } = get();
    await probe('hk_small', 1000);
    await tidyTables(db, ['hk_small']);
    await sql`update hk_small set note = 'b' where id <= 20`.execute(db);
    expect(await tablesDueForTidying(db)).not.toContain('hk_small');
  });

  it('the rounds start at once and stop cleanly, reporting failures instead of throwing', async () => {
    const { db } = get();
    await probe('hk_rounds', 300);
    const errors: unknown[] = [];
    const housekeeping = startHousekeeping(db, {
      intervalMs: 60_000,
      onError: (e) => errors.push(e),
    });
    await housekeeping.stop();
    expect(errors).toEqual([]);
    expect(await reltuples('hk_rounds')).toBe(300);
  });
});
