/**
 * Import and export of the whole Hulpwijzer as HSDS 3.0 tabular CSV (ADR 0020): the export has
 * the spec's files and columns and only what residents see; read back it changes nothing; read
 * into an emptied directory it gives the same export again, Dutch profile included; the same
 * file twice is a no-op; what an import sets (approval, seed, audit, change history).
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { stableId } from './directory-ids.js';
import { EXPORT_TABLES, STORED_TABLES, TABLES } from './hsds-tables.js';
import { importDirectory } from './transfer.service.js';
import {
  addRichListing,
  beheerder,
  csvFiles,
  drenthe,
  exportCsvs,
  header,
  records,
  rowCounts,
  toCsv,
  zipOf,
} from './transfer.test-helpers.js';

describeEachDatabase('Hulpwijzer import and export (tabular)', (get) => {
  let first: Map<string, string>;

  it('exports every HSDS table with exactly the columns the import reads, and a datapackage.json', async () => {
    await addRichListing(get().db, stableId('service', 'drenthe', 'markehuis-grolloo'));
    first = await exportCsvs(get().db);
    for (const table of STORED_TABLES)
      expect({ table, rows: records(first.get(TABLES[table].file) ?? '').length > 0 }).toEqual({
        table,
        rows: true,
      });
    expect([...first.keys()].sort()).toEqual(
      ['datapackage.json', ...EXPORT_TABLES.map((t) => TABLES[t].file)].sort(),
    );
    for (const table of EXPORT_TABLES)
      expect(header(first.get(TABLES[table].file) ?? '')).toEqual(
        TABLES[table].columns.map((c) => c.name),
      );
    const pkg = JSON.parse(first.get('datapackage.json') ?? '{}');
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.resources.map((r: { path: string }) => r.path)).toContain('services.csv');
    const listed = await get()
      .db.selectFrom('hsds_service')
      .select('is_demo')
      .where('review_status', '=', 'goedgekeurd')
      .execute();
    expect(records(first.get('services.csv') ?? '').length).toBe(listed.length);
    expect(listed.length).toBeGreaterThan(100);
    const all = [...first.values()].join('\n');
    for (const personal of ['submitted_by', 'reviewed_by', 'review_note', 'seed:', 'user:'])
      expect(all).not.toContain(personal);
  });

  it('carries the Dutch profile: ladder and need terms, CBS areas, plan goals, voorbeeld', async () => {
    const attributes = records(first.get('attributes.csv') ?? '');
    const markehuis = stableId('service', 'drenthe', 'markehuis-grolloo');
    const own = attributes.filter((a) => a.link_id === markehuis);
    expect(own.map((a) => a.link_type).sort()).toEqual(
      expect.arrayContaining(['bron', 'hulpladder', 'hulpvraag', 'regioplan-doel']),
    );
    expect(own.find((a) => a.link_type === 'regioplan-doel')?.value).toBe('2.2.2. C');
    const areas = records(first.get('service_areas.csv') ?? '').filter(
      (a) => a.service_id === markehuis,
    );
    expect(areas.length).toBeGreaterThan(0);
    const areaCodes = attributes.filter(
      (a) => a.link_entity === 'service_area' && areas.some((s) => s.id === a.link_id),
    );
    expect(areaCodes.every((a) => /^(GM|WK|BU)\d+|regio|online$/.test(a.value ?? ''))).toBe(true);
    const demo = attributes.filter((a) => a.link_type === 'voorbeeld');
    // Every demo service and the demo organization say so, also where only the column did.
    const demoServices = await get()
      .db.selectFrom('hsds_service')
      .select('id')
      .where('is_demo', '=', true)
      .execute();
    expect(demo.length).toBe(demoServices.length + 1);
    expect(records(first.get('taxonomy_terms.csv') ?? '').length).toBeGreaterThan(20);
  });

  it('reads its own export back as unchanged: nothing written, no audit of changes', async () => {
    const db = get().db;
    const before = await rowCounts(db);
    const imported = await importDirectory(db, await beheerder(db), csvFiles(first));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    for (const table of STORED_TABLES) {
      const c = imported.value.counts[table];
      expect({ table, ...c, unchanged: 0 }).toEqual({
        table,
        added: 0,
        changed: 0,
        unchanged: 0,
        removed: 0,
      });
    }
    expect(imported.value.counts.service.unchanged).toBe(
      records(first.get('services.csv') ?? '').length,
    );
    const after = await rowCounts(db);
    expect({ ...after, audit: before.audit }).toEqual(before);
    expect(after.audit).toBe((before.audit ?? 0) + 1);
  });

  it('round trip: an emptied directory filled from the export exports the same files', async () => {
    const db = get().db;
    const region = await drenthe(db);
    await db.deleteFrom('hsds_service').where('region_id', '=', region.id).execute();
    await db.deleteFrom('hsds_location').where('region_id', '=', region.id).execute();
    await db.deleteFrom('hsds_organization').where('region_id', '=', region.id).execute();
    const emptied = await exportCsvs(db);
    expect(records(emptied.get('services.csv') ?? '').length).toBe(0);
    const imported = await importDirectory(db, await beheerder(db), csvFiles(first));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    expect(imported.value.counts.service.added).toBe(
      records(first.get('services.csv') ?? '').length,
    );
    const again = await exportCsvs(db);
    for (const [name, text] of first)
      expect({ name, text: again.get(name) }).toEqual({ name, text });
    const demo = await db
      .selectFrom('hsds_service')
      .select('id')
      .where('is_demo', '=', true)
      .execute();
    expect(demo.length).toBe(records(first.get('services.csv') ?? '').length - 15);
    const imported2 = await db
      .selectFrom('hsds_service')
      .select(['review_status', 'seeded_from', 'submitted_by'])
      .where('region_id', '=', region.id)
      .execute();
    expect(new Set(imported2.map((s) => `${s.review_status}|${s.seeded_from}`))).toEqual(
      new Set(['goedgekeurd|null']),
    );
  });

  it('the same changed file twice: the second time nothing changes', async () => {
    const db = get().db;
    const services = records(first.get('services.csv') ?? '');
    const total = services.length;
    const columns = header(first.get('services.csv') ?? '');
    const target = services[0];
    if (!target) throw new Error('no services');
    target.alert = 'Tijdelijk gesloten in de zomer.';
    const changed = new Map(first);
    changed.set('services.csv', toCsv(columns, services));
    const once = await importDirectory(db, await beheerder(db), csvFiles(changed));
    if (!once.ok) throw new Error(JSON.stringify(once.error.problems.slice(0, 3)));
    expect(once.value.counts.service).toEqual({
      added: 0,
      changed: 1,
      unchanged: total - 1,
      removed: 0,
    });
    const history = await db
      .selectFrom('hsds_metadata')
      .select(['field_name', 'replacement_value', 'updated_by'])
      .where('resource_id', '=', target.id ?? '')
      .where('last_action_type', '=', 'update')
      .execute();
    expect(history).toEqual([
      {
        field_name: 'alert',
        replacement_value: 'Tijdelijk gesloten in de zomer.',
        updated_by: 'user:1',
      },
    ]);
    const before = await rowCounts(db);
    const twice = await importDirectory(db, await beheerder(db), csvFiles(changed));
    if (!twice.ok) throw new Error('refused');
    expect(twice.value.counts.service).toEqual({
      added: 0,
      changed: 0,
      unchanged: total,
      removed: 0,
    });
    expect({ ...(await rowCounts(db)), audit: before.audit }).toEqual(before);
  });

  it('a zip of the export reads the same as its files, and the audit row has the counts', async () => {
    const db = get().db;
    const now = await exportCsvs(db);
    const zip = await zipOf(new Map([...now].map(([name, text]) => [`hulpwijzer/${name}`, text])));
    const imported = await importDirectory(db, await beheerder(db), [
      { name: 'export.zip', bytes: zip },
    ]);
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    expect(imported.value.counts.service.changed).toBe(0);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'after'])
      .where('action', '=', 'hulpwijzer.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe('user:1');
    expect(JSON.stringify(audit.after)).toContain(
      `"unchanged":${records(now.get('services.csv') ?? '').length}`,
    );
  });

  it("a listing changed only in its areas is no longer the seed's and stays approved", async () => {
    const db = get().db;
    const region = await drenthe(db);
    const markehuis = stableId('service', 'drenthe', 'markehuis-grolloo');
    const now = await exportCsvs(db);
    await sql`update hsds_service set seeded_from = 'hulpwijzer.yaml', review_status = 'ingediend' where id = ${markehuis}`.execute(
      db,
    );
    const attributes = records(now.get('attributes.csv') ?? '');
    const areaIds = new Set(
      records(now.get('service_areas.csv') ?? '')
        .filter((a) => a.service_id === markehuis)
        .map((a) => a.id),
    );
    for (const a of attributes)
      if (areaIds.has(a.link_id ?? '') && a.link_entity === 'service_area') a.value = 'regio';
    const changed = new Map(now);
    changed.set('attributes.csv', toCsv(header(now.get('attributes.csv') ?? ''), attributes));
    const imported = await importDirectory(db, await beheerder(db), csvFiles(changed));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    expect(imported.value.counts.service.changed).toBe(1);
    const row = await db
      .selectFrom('hsds_service')
      .select(['seeded_from', 'review_status'])
      .where('id', '=', markehuis)
      .where('region_id', '=', region.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ seeded_from: null, review_status: 'goedgekeurd' });
    const codes = await db
      .selectFrom('hsds_service_area')
      .select('area_code')
      .where('service_id', '=', markehuis)
      .execute();
    expect(codes.map((c) => c.area_code)).toEqual(['regio']);
  });
});
