/**
 * The whole Hulpwijzer as HSDS 3.0 JSON (ADR 0020): the export is a Page of fully nested
 * services that validates against the spec's JSON schemas (ajv), reads back as unchanged, and
 * gives the same file again after a round trip through an emptied directory; the tabular export
 * of the same directory carries the same listings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { stableId } from './directory-ids.js';
import { STORED_TABLES } from './hsds-tables.js';
import { publicDirectoryJson } from './open-data.service.js';
import { importDirectory } from './transfer.service.js';
import {
  addRichListing,
  beheerder,
  drenthe,
  exportCsvs,
  records,
  rowCounts,
} from './transfer.test-helpers.js';

const SCHEMAS = 'test/fixtures/hsds-3.0';

/** ajv with every vendored schema added under its file name, so relative $refs resolve. */
function hsdsValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(SCHEMAS).filter(
    (f) => f.endsWith('.json') && f !== 'openapi.json',
  ))
    ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')), file);
  return ajv;
}

const jsonFile = (text: string) => [
  { name: 'hulpwijzer.json', bytes: new TextEncoder().encode(text) },
];
const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');
const LANGUAGE = '00000000-0000-4000-8000-0000000000f1';

describeEachDatabase('Hulpwijzer import and export (JSON)', (get) => {
  let first: string;
  beforeAll(async () => {
    await addRichListing(get().db, MARKEHUIS);
    first = await publicDirectoryJson(get().db, (await drenthe(get().db)).id);
  });

  it('is a Page of services that each validate against the HSDS 3.0 service schema', () => {
    const page = JSON.parse(first);
    expect(page).toMatchObject({
      page_number: 1,
      total_pages: 1,
      first_page: true,
      last_page: true,
      empty: false,
    });
    expect(page.size).toBe(page.contents.length);
    expect(page.total_items).toBe(page.contents.length);
    const validate = hsdsValidator().getSchema('service.json');
    if (!validate) throw new Error('schema missing');
    for (const service of page.contents) {
      const valid = validate(service);
      expect({ id: service.id, errors: valid ? null : validate.errors?.slice(0, 3) }).toEqual({
        id: service.id,
        errors: null,
      });
    }
    const rich = page.contents.find((s: { id: string }) => s.id === MARKEHUIS);
    expect(rich.phones[0].number).toBe('0592 000 000');
    expect(rich.service_at_locations[0].location.addresses[0].city).toBe('Testdorp');
    expect(first).not.toContain('"metadata"');
    for (const personal of ['submitted_by', 'reviewed_by', 'review_note', 'assurer_email'])
      expect(first).not.toContain(personal);
  });

  it('lists the same services as the tabular export', async () => {
    const csv = records((await exportCsvs(get().db)).get('services.csv') ?? '');
    const ids = JSON.parse(first).contents.map((s: { id: string }) => s.id);
    expect(ids.sort()).toEqual(csv.map((s) => s.id).sort());
  });

  it('reads its own export back as unchanged (also with a byte-order mark in front)', async () => {
    const db = get().db;
    const before = await rowCounts(db);
    const imported = await importDirectory(db, await beheerder(db), jsonFile(`\uFEFF${first}`));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    for (const table of STORED_TABLES)
      expect({ table, ...imported.value.counts[table], unchanged: 0 }).toEqual({
        table,
        added: 0,
        changed: 0,
        unchanged: 0,
        removed: 0,
      });
    expect({ ...(await rowCounts(db)), audit: before.audit }).toEqual(before);
  });

  it('round trip: an emptied directory filled from the JSON exports the same JSON', async () => {
    const db = get().db;
    const region = await drenthe(db);
    for (const table of ['hsds_service', 'hsds_location', 'hsds_organization'] as const)
      await db.deleteFrom(table).where('region_id', '=', region.id).execute();
    expect(JSON.parse(await publicDirectoryJson(db, region.id)).contents).toEqual([]);
    const imported = await importDirectory(db, await beheerder(db), jsonFile(first));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    expect(imported.value.counts.phone.added).toBe(2);
    expect(await publicDirectoryJson(db, region.id)).toBe(first);
  });

  it('the same JSON twice: the second time nothing changes', async () => {
    const db = get().db;
    const page = JSON.parse(first);
    page.contents[0].alert = 'Let op: gesloten op feestdagen.';
    const changed = JSON.stringify(page);
    const once = await importDirectory(db, await beheerder(db), jsonFile(changed));
    if (!once.ok) throw new Error(JSON.stringify(once.error.problems.slice(0, 3)));
    expect(once.value.counts.service.changed).toBe(1);
    const twice = await importDirectory(db, await beheerder(db), jsonFile(changed));
    if (!twice.ok) throw new Error('refused');
    expect(twice.value.counts.service.changed).toBe(0);
    expect(twice.value.counts.service.unchanged).toBe(page.contents.length);
  });

  it('a phone left out of a service in the file is removed from that service only', async () => {
    const db = get().db;
    const page = JSON.parse(await publicDirectoryJson(db, (await drenthe(db)).id));
    const rich = page.contents.find((s: { id: string }) => s.id === MARKEHUIS);
    rich.phones = [];
    const imported = await importDirectory(db, await beheerder(db), jsonFile(JSON.stringify(page)));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    expect(imported.value.counts.phone).toMatchObject({ removed: 1, unchanged: 1 });
    expect(imported.value.counts.service.changed).toBe(1);
  });

  it('a service offered twice at one location is refused at the second, nothing changed', async () => {
    const db = get().db;
    const page = JSON.parse(await publicDirectoryJson(db, (await drenthe(db)).id));
    const index = page.contents.findIndex((s: { id: string }) => s.id === MARKEHUIS);
    const rich = page.contents[index];
    rich.service_at_locations.push({ ...rich.service_at_locations[0], id: stableId('tweede sal') });
    const before = await rowCounts(db);
    const refused = await importDirectory(db, await beheerder(db), jsonFile(JSON.stringify(page)));
    if (refused.ok) throw new Error('accepted');
    expect(refused.error.problems).toEqual([
      expect.objectContaining({
        path: `contents[${index}].service_at_locations[1]`,
        column: 'location_id',
        message: expect.stringMatching(/^Deze dienst staat al op deze locatie/),
      }),
    ]);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('a language of a contact’s phone goes out and survives a re-import', async () => {
    const db = get().db;
    const contactPhone = '00000000-0000-4000-8000-000000000007';
    await db
      .insertInto('hsds_language')
      .values({ id: LANGUAGE, phone_id: contactPhone, name: 'Fries', code: 'fy', note: null })
      .execute();
    const text = await publicDirectoryJson(db, (await drenthe(db)).id);
    const rich = JSON.parse(text).contents.find((s: { id: string }) => s.id === MARKEHUIS);
    expect(rich.contacts[0].phones[0]).toMatchObject({
      id: contactPhone,
      languages: [{ id: LANGUAGE, phone_id: contactPhone, name: 'Fries', code: 'fy' }],
    });
    const validate = hsdsValidator().getSchema('service.json');
    expect(validate?.(rich), JSON.stringify(validate?.errors?.slice(0, 3))).toBe(true);
    const imported = await importDirectory(db, await beheerder(db), jsonFile(text));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems.slice(0, 3)));
    expect(imported.value.counts.language).toMatchObject({ added: 0, removed: 0, changed: 0 });
    const kept = await db.selectFrom('hsds_language').select('id').where('id', '=', LANGUAGE);
    expect(await kept.execute()).toEqual([{ id: LANGUAGE }]);
  });
});
