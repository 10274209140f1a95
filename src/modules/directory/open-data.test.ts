/**
 * The open-data downloads at scale (ADR 0021): each file is made once per directory version and
 * kept; its ETag names that version, so a revalidation is a 304 before anything is made; any
 * write to an HSDS table (even SQL by hand, which bumps no data version) makes a new file; the
 * JSON goes out gzipped, or unpacked while it streams to a client that takes no gzip.
 */
import { gunzipSync } from 'node:zlib';
import { type KyselyPlugin, sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { stableId } from './directory-ids.js';
import { publicDirectoryJson } from './open-data.service.js';
import { addRichListing, drenthe, unzipTexts } from './transfer.test-helpers.js';
import { EXPORT_PATHS } from './transfer.types.js';

const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');
const PHONE = '00000000-0000-4000-8000-000000000005';
const GZIP = { 'accept-encoding': 'gzip' };

describeEachDatabase('Hulpwijzer open-data downloads', (get) => {
  let queries = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  let app: ReturnType<typeof testApp>['app'];
  const request = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers });
  const counted = async (path: string, headers: Record<string, string> = {}) => {
    queries = 0;
    const res = await request(path, headers);
    const body = new Uint8Array(await res.arrayBuffer());
    return { res, body, queries };
  };

  beforeAll(async () => {
    await addRichListing(get().db, MARKEHUIS);
    app = testApp(get().db.withPlugin(counter)).app;
  });

  it('is made once per version: again it costs no more than the version and the region', async () => {
    const first = await counted(EXPORT_PATHS.json, GZIP);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('content-encoding')).toBe('gzip');
    expect(first.res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(first.res.headers.get('etag')).toMatch(/^"hsds-json-drenthe-\d+-\d{8}"$/);
    expect(first.queries).toBeGreaterThan(10);
    const text = gunzipSync(first.body).toString('utf8');
    expect(text).toBe(await publicDirectoryJson(get().db, (await drenthe(get().db)).id));
    const again = await counted(EXPORT_PATHS.json, GZIP);
    expect(again.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
    expect(Buffer.from(again.body).equals(Buffer.from(first.body))).toBe(true);
    expect(again.queries).toBeLessThanOrEqual(3);
  });

  it('answers If-None-Match with a 304 before making anything', async () => {
    const etag = (await request(EXPORT_PATHS.json, GZIP)).headers.get('etag') ?? '';
    // A fresh app (another process, or after a restart) has nothing kept, and still makes nothing.
    app = testApp(get().db.withPlugin(counter)).app;
    const revalidated = await counted(EXPORT_PATHS.json, { ...GZIP, 'if-none-match': etag });
    expect(revalidated.res.status).toBe(304);
    expect(revalidated.res.headers.get('etag')).toBe(etag);
    expect(revalidated.body.byteLength).toBe(0);
    expect(revalidated.queries).toBeLessThanOrEqual(3);
    const other = await request(EXPORT_PATHS.json, { 'if-none-match': '"hsds-json-drenthe-1-1"' });
    expect(other.status).toBe(200);
  });

  it('follows every write to an HSDS table, also SQL by hand that bumps no data version', async () => {
    const before = await request(EXPORT_PATHS.json, GZIP);
    const etag = before.headers.get('etag');
    await sql`update hsds_phone set number = '0592 999 999' where id = ${PHONE}`.execute(get().db);
    const after = await request(EXPORT_PATHS.json, { ...GZIP, 'if-none-match': etag ?? '' });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const text = gunzipSync(new Uint8Array(await after.arrayBuffer())).toString('utf8');
    expect(text).toContain('0592 999 999');
    expect(text).not.toContain('0592 000 000');
    // A statement that empties a table counts as a write too (TRUNCATE has its own trigger).
    const version = after.headers.get('etag');
    await sql`truncate hsds_metadata`.execute(get().db);
    expect((await request(EXPORT_PATHS.json, GZIP)).headers.get('etag')).not.toBe(version);
  });

  it('streams the plain JSON to a client that takes no gzip', async () => {
    const res = await request(EXPORT_PATHS.json);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="hulpwijzer-drenthe-hsds.json"',
    );
    expect(await res.text()).toBe(
      await publicDirectoryJson(get().db, (await drenthe(get().db)).id),
    );
  });

  it('keeps the tabular zip the same way, and both under the region prefix', async () => {
    const first = await counted(EXPORT_PATHS.csv, GZIP);
    expect(first.res.headers.get('content-type')).toBe('application/zip');
    expect(first.res.headers.get('content-encoding')).toBeNull();
    const etag = first.res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"hsds-zip-drenthe-/);
    expect((await unzipTexts(first.body)).get('services.csv')).toContain('Markehuis');
    const again = await counted(EXPORT_PATHS.csv);
    expect(again.queries).toBeLessThanOrEqual(3);
    expect(Buffer.from(again.body).equals(Buffer.from(first.body))).toBe(true);
    expect((await request(EXPORT_PATHS.csv, { 'if-none-match': etag })).status).toBe(304);
    const regional = await request(`/regio/drenthe${EXPORT_PATHS.json}`, GZIP);
    expect(regional.status).toBe(200);
    expect(regional.headers.get('etag')).toMatch(/^"hsds-json-drenthe-/);
  });
});
