/**
 * The importer: broken files are refused with file, path and message and change nothing;
 * unchanged files are skipped; a forced re-import keeps ids stable; every import is audited;
 * a second region's plan lives beside Drenthe's without mixing.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { importPlanFromDirectory, loadPlanFiles } from './index.js';

async function copyOfDrenthe(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marke-plan-'));
  await cp('data/regions/drenthe', dir, { recursive: true });
  return dir;
}

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const full = path.join(dir, file);
  await writeFile(full, change(await readFile(full, 'utf8')));
}

it('reports a schema error with the file, the path inside it and what is wrong', async () => {
  const dir = await copyOfDrenthe();
  await edit(dir, 'opgaven/1-netwerkaanpak.yaml', (t) =>
    t.replace('code: 2.1.1. B', 'code: 2.1.1.B'),
  );
  const result = await loadPlanFiles(dir);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toContainEqual(
    expect.objectContaining({
      file: 'opgaven/1-netwerkaanpak.yaml',
      path: expect.stringMatching(/^strategic_goals\[0\]\.operational_goals\[1\]\.code$/),
      message: expect.stringContaining('2.1.1. A'),
    }),
  );
});

it('reports broken YAML, missing files and broken references', async () => {
  const dir = await copyOfDrenthe();
  await writeFile(path.join(dir, 'glossary.yaml'), 'terms: [unclosed');
  await edit(dir, 'programmes.yaml', (t) => t.replace('"2.5.1"', '"2.5.9"'));
  const result = await loadPlanFiles(dir);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(
    result.error.some((e) => e.file === 'glossary.yaml' && e.message.includes('geen geldige YAML')),
  ).toBe(true);
  const refs = await copyOfDrenthe();
  await edit(refs, 'programmes.yaml', (t) => t.replace('"2.5.1"', '"2.5.9"'));
  const refResult = await loadPlanFiles(refs);
  expect(refResult.ok).toBe(false);
  if (!refResult.ok)
    expect(refResult.error).toContainEqual(
      expect.objectContaining({ file: 'programmes.yaml', message: 'doel 2.5.9 bestaat niet' }),
    );
});

describeEachDatabase('importing plans', (get) => {
  it('skips an unchanged plan', async () => {
    const result = await importPlanFromDirectory(get().db, 'data/regions/drenthe', {
      actor: 'test',
    });
    expect(result.ok && result.value.status).toBe('unchanged');
  });

  it('refuses a broken plan and leaves the database exactly as it was', async () => {
    const before = await get()
      .db.selectFrom('plan')
      .select(['checksum', 'imported_at'])
      .executeTakeFirstOrThrow();
    const dir = await copyOfDrenthe();
    await edit(dir, 'opgaven/2-sterke-sociale-basis.yaml', (t) =>
      t.replace(/related:\n(\s+)- 2\.1\.1\. A/, 'related:\n$1- 2.1.1. Q'),
    );
    await edit(dir, 'region.yaml', (t) =>
      t.replace('title: Regioplan Drenthe', 'title: Gewijzigd'),
    );
    const result = await importPlanFromDirectory(get().db, dir, { actor: 'test' });
    expect(result.ok).toBe(false);
    const after = await get()
      .db.selectFrom('plan')
      .select(['checksum', 'imported_at', 'title'])
      .executeTakeFirstOrThrow();
    expect(after.checksum).toBe(before.checksum);
    expect(after.title).toBe('Regioplan Drenthe');
  });

  it('rolls back everything when the database refuses a row halfway through the import', async () => {
    const db = get().db;
    await sql`create or replace function marke_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'test: geweigerd'; end $$`.execute(
      db,
    );
    await sql`create trigger marke_test_refuse before insert on plan_section for each row when (new.title = 'BOOM') execute function marke_test_refuse()`.execute(
      db,
    );
    try {
      const dir = await copyOfDrenthe();
      await edit(dir, 'region.yaml', (t) =>
        t.replace('title: Regioplan Drenthe', 'title: Half geïmporteerd'),
      );
      await edit(dir, 'opgaven/1-netwerkaanpak.yaml', (t) =>
        t.replace('naar een Drentse definitie van', 'naar een halve definitie van'),
      );
      await edit(dir, 'sections.yaml', (t) => t.replace(/title: .+/, 'title: BOOM'));
      await expect(importPlanFromDirectory(db, dir, { actor: 'test:rollback' })).rejects.toThrow(
        /geweigerd/,
      );
      const plan = await db.selectFrom('plan').select('title').executeTakeFirstOrThrow();
      expect(plan.title).toBe('Regioplan Drenthe');
      const goal = await db
        .selectFrom('operational_goal')
        .select('text')
        .where('code', '=', '2.1.1. A')
        .executeTakeFirstOrThrow();
      expect(goal.text).toContain('Drentse definitie');
      expect(
        await db
          .selectFrom('audit_log')
          .select('id')
          .where('actor', '=', 'test:rollback')
          .execute(),
      ).toHaveLength(0);
    } finally {
      await sql`drop trigger marke_test_refuse on plan_section`.execute(db);
      await sql`drop function marke_test_refuse()`.execute(db);
    }
  });

  it('re-imports a changed plan in place: ids stay, texts change, an audit row is written', async () => {
    const db = get().db;
    const idBefore = await db
      .selectFrom('operational_goal')
      .select('id')
      .where('code', '=', '2.1.1. A')
      .executeTakeFirstOrThrow();
    const dir = await copyOfDrenthe();
    await edit(dir, 'region.yaml', (t) =>
      t.replace('title: Regioplan Drenthe', 'title: Regioplan Drenthe (herzien)'),
    );
    await edit(dir, 'opgaven/1-netwerkaanpak.yaml', (t) =>
      t.replace('naar een Drentse definitie van', 'naar een Drentse omschrijving van'),
    );
    const result = await importPlanFromDirectory(db, dir, { actor: 'test:reimport' });
    expect(result.ok && result.value.status).toBe('imported');
    const idAfter = await db
      .selectFrom('operational_goal')
      .select('id')
      .where('code', '=', '2.1.1. A')
      .executeTakeFirstOrThrow();
    expect(idAfter.id).toBe(idBefore.id);
    const plan = await db.selectFrom('plan').select('title').executeTakeFirstOrThrow();
    expect(plan.title).toBe('Regioplan Drenthe (herzien)');
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor', '=', 'test:reimport')
      .execute();
    const summary = audit.filter((a) => a.action === 'plan.import');
    expect(summary).toHaveLength(1);
    expect(summary[0]?.before).not.toBeNull();
    // One row per changed entity, with the old and the new version.
    const changed = audit.filter((a) => a.action.endsWith('.update'));
    expect(changed.map((a) => a.entity_type).sort()).toEqual(['operational_goal', 'plan']);
    const goal = changed.find((a) => a.entity_type === 'operational_goal');
    expect(goal?.entity_key).toBe('2.1.1. A');
    expect(JSON.stringify(goal?.before)).toContain('Drentse definitie');
    expect(JSON.stringify(goal?.after)).toContain('Drentse omschrijving');
    await importPlanFromDirectory(db, 'data/regions/drenthe', { actor: 'test:restore' });
  });

  it('lets only one of two simultaneous imports of the same change write (advisory lock)', async () => {
    const db = get().db;
    const dir = await copyOfDrenthe();
    await edit(dir, 'region.yaml', (t) =>
      t.replace('title: Regioplan Drenthe', 'title: Regioplan Drenthe (tegelijk)'),
    );
    const outcomes = await Promise.all([
      importPlanFromDirectory(db, dir, { actor: 'test:race' }),
      importPlanFromDirectory(db, dir, { actor: 'test:race' }),
    ]);
    const statuses = outcomes.map((o) => (o.ok ? o.value.status : 'error')).sort();
    expect(statuses).toEqual(['imported', 'unchanged']);
    expect(
      await db.selectFrom('plan_import').select('id').where('actor', '=', 'test:race').execute(),
    ).toHaveLength(1);
    await importPlanFromDirectory(db, 'data/regions/drenthe', { actor: 'test:restore' });
  });

  it('keeps a second region separate from Drenthe', async () => {
    const db = get().db;
    const result = await importPlanFromDirectory(db, 'test/fixtures/regions/testland', {
      actor: 'test',
    });
    expect(result.ok && result.value.status).toBe('imported');
    const { app } = testApp(db);
    const testland = await (await app.request('/regio/testland/doelen/2.1.1.a')).text();
    expect(testland).toContain('Proefdorp een testplan');
    expect(testland).not.toContain('community care');
    const drenthe = await (await app.request('/doelen/2.1.1.a')).text();
    expect(drenthe).toContain('community care');
    expect(drenthe).not.toContain('Proefdorp');
    expect((await app.request('/regio/testland/doelen/2.2.1')).status).toBe(404);
    expect((await app.request('/regio/testland/')).status).toBe(200);
    expect((await app.request('/regio/testland')).status).toBe(200);
    expect((await app.request('/regio/testland/organisaties/cosis')).status).toBe(404);
    const search = await (await app.request('/regio/testland/zoeken?q=mantelzorgers')).text();
    expect(search).toContain('Niets gevonden');
    const api = (await (await app.request('/api/v1/regions/testland/goals')).json()) as {
      operational_goals: unknown[];
    };
    expect(api.operational_goals).toHaveLength(1);
    const regions = (await (await app.request('/api/v1/regions')).json()) as Array<{
      code: string;
    }>;
    expect(regions.map((r) => r.code).sort()).toEqual(['drenthe', 'testland']);
    expect(
      await db
        .selectFrom('operational_goal')
        .select('code')
        .where('code', '=', '2.1.1. A')
        .execute(),
    ).toHaveLength(2);
  });
});
