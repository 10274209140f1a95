/**
 * A large Hulpwijzer goes out and comes back in (ADR 0021): with 5 000 more services (generated,
 * `is_demo`) the open-data zip fits the import's limits (10 MB, 100 000 rows), reads back through
 * the import page as unchanged, and fills an emptied directory that then exports the same files.
 * Its JSON export is larger than the upload limit, so the import page says to take the zip.
 */
import { beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postUpload, signInAs, type TestSession } from '../../../test/session.js';
import { drenthe, records, rowCounts, unzipTexts } from './transfer.test-helpers.js';
import { EXPORT_PATHS, MAX_ROWS, MAX_UPLOAD_BYTES } from './transfer.types.js';
import { generateDirectory } from './transfer-large.test-helpers.js';

const IMPORT = '/beheer/hulpwijzer/import';
const SERVICES = 5_000;
const LONG = 600_000;

describeEachDatabase('A large Hulpwijzer out and back in', (get) => {
  let app: ReturnType<typeof testApp>['app'];
  let admin: TestSession;
  let zip: Uint8Array;
  let files: Map<string, string>;
  const upload = (name: string, bytes: Uint8Array) =>
    postUpload(app, IMPORT, { _csrf: admin.csrf }, { name, bytes }, admin.cookie);
  const download = async (path: string) =>
    new Uint8Array(await (await app.request(path)).arrayBuffer());

  beforeAll(async () => {
    const db = get().db;
    await generateDirectory(db, (await drenthe(db)).id, SERVICES);
    app = testApp(db).app;
    admin = await signInAs(app, db, 'beheerder');
    zip = await download(EXPORT_PATHS.csv);
    files = await unzipTexts(zip);
  }, LONG);

  it('the zip fits the import’s limits and reads back as unchanged', {
    timeout: LONG,
  }, async () => {
    const services = records(files.get('services.csv') ?? '').length;
    expect(services).toBeGreaterThan(SERVICES);
    const rows = [...files]
      .filter(([name]) => name.endsWith('.csv'))
      .reduce((sum, [, text]) => sum + records(text).length, 0);
    expect(rows).toBeLessThan(MAX_ROWS);
    expect(zip.byteLength).toBeLessThan(MAX_UPLOAD_BYTES);
    const before = await rowCounts(get().db);
    const res = await upload('hulpwijzer-drenthe-hsds.zip', zip);
    const page = await res.text();
    expect(res.status, page.slice(page.indexOf('<main'), page.indexOf('<main') + 800)).toBe(200);
    expect(page).toContain('Het bestand is ingelezen.');
    const after = await rowCounts(get().db);
    expect({ ...after, audit: before.audit }).toEqual(before);
  });

  it('fills an emptied directory that exports the same files', { timeout: LONG }, async () => {
    const db = get().db;
    const region = await drenthe(db);
    for (const table of ['hsds_service', 'hsds_location', 'hsds_organization'] as const)
      await db.deleteFrom(table).where('region_id', '=', region.id).execute();
    expect(
      records((await unzipTexts(await download(EXPORT_PATHS.csv))).get('services.csv') ?? ''),
    ).toHaveLength(0);
    const res = await upload('hulpwijzer-drenthe-hsds.zip', zip);
    expect(res.status).toBe(200);
    const again = await unzipTexts(await download(EXPORT_PATHS.csv));
    for (const [name, text] of files)
      expect({ name, text: again.get(name) }).toEqual({ name, text });
  });

  it('its JSON is larger than the upload limit: the import page says to take the zip', async () => {
    const json = await download(EXPORT_PATHS.json);
    expect(json.byteLength).toBeGreaterThan(MAX_UPLOAD_BYTES);
    const page = await (await app.request(IMPORT, { headers: { cookie: admin.cookie } })).text();
    expect(page).toContain('Een grote Hulpwijzer leest u in als zip');
    const openData = await (await app.request('/open-data')).text();
    expect(openData).toContain('neem dan de zip');
  });
});
