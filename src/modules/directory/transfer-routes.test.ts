/**
 * The Hulpwijzer import page and the open-data downloads through the app: every import route ×
 * every role against the policy, anonymous visitors to the login page, no CSRF token refused,
 * more than 10 MB refused with a Dutch 413, the report per row and the counts as a page, and the
 * public downloads (zip and JSON) for anyone, linked from the open-data page.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postUpload, signInAs, type TestSession } from '../../../test/session.js';
import { can, ROLE_NAMES, rolesFor } from '../auth/index.js';
import { rowCounts, unzipTexts } from './transfer.test-helpers.js';
import { EXPORT_PATHS, MAX_UPLOAD_BYTES } from './transfer.types.js';

const IMPORT = '/beheer/hulpwijzer/import';

describeEachDatabase('Hulpwijzer import page and downloads', (get) => {
  it('walks the import routes × every role; anonymous to the login page; no CSRF refused', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    expect(rolesFor('directory:import')).toEqual(['beheerder']);
    const anonymous = await app.request(IMPORT);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/inloggen');
    const anonymousPost = await postUpload(app, IMPORT, {}, { name: 'h.json', bytes: '[]' }, '');
    expect(anonymousPost.status).toBe(303);
    for (const role of ROLE_NAMES) {
      const s = await signInAs(app, db, role);
      const allowed = can(s.user, 'directory:import');
      const page = await app.request(IMPORT, { headers: { cookie: s.cookie } });
      expect({ role, status: page.status }).toEqual({ role, status: allowed ? 200 : 403 });
      const before = await rowCounts(db);
      const post = await postUpload(
        app,
        IMPORT,
        { _csrf: s.csrf },
        { name: 'h.json', bytes: '[]' },
        s.cookie,
      );
      expect({ role, status: post.status }).toEqual({ role, status: allowed ? 400 : 403 });
      if (!allowed) expect(await post.text()).toContain('Alleen beheerders');
      const noCsrf = await postUpload(app, IMPORT, {}, { name: 'h.json', bytes: '[]' }, s.cookie);
      expect({ role, status: noCsrf.status }).toEqual({ role, status: 403 });
      expect(await rowCounts(db)).toEqual(before);
    }
  });

  it('shows the form with both downloads, the counts after an import, and problems per row', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const page = await (await app.request(IMPORT, { headers: { cookie: admin.cookie } })).text();
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('name="_csrf"');
    expect(page).toContain(`href="/regio/drenthe${EXPORT_PATHS.json}"`);
    expect(page).toContain(`href="/regio/drenthe${EXPORT_PATHS.csv}"`);
    const zip = new Uint8Array(await (await app.request(EXPORT_PATHS.csv)).arrayBuffer());
    const ok = await upload(app, admin, 'hulpwijzer.zip', zip);
    expect(ok.status).toBe(200);
    const report = await ok.text();
    expect(report).toContain('Het bestand is ingelezen.');
    expect(report).toMatch(/<tr class="utrecht-table__row" data-table="service">/);
    const files = await unzipTexts(zip);
    const services = (files.get('services.csv') ?? '').split('\n');
    services[2] = (services[2] ?? '').replace(/,active,/, ',open,');
    files.set('services.csv', services.join('\n'));
    const csvs = [...files].filter(([n]) => n.endsWith('.csv'));
    const body = new FormData();
    body.set('_csrf', admin.csrf);
    for (const [name, text] of csvs) body.append('bestand', new Blob([text]), name);
    const bad = await app.request(IMPORT, {
      method: 'POST',
      body,
      headers: { cookie: admin.cookie },
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="fouten"');
    expect(html).toMatch(
      /<td class="utrecht-table__cell">services\.csv<\/td><td class="utrecht-table__cell">3<\/td><td class="utrecht-table__cell"><code>status<\/code>/,
    );
    expect(html).toContain('Kies een van: active, inactive, defunct, temporarily closed.');
  });

  it("links the downloads of the beheerder's own region, not the default one", async () => {
    const { app } = testApp(get().db);
    await sql`insert into region (code, name) values ('westerkwartier', 'Westerkwartier')`.execute(
      get().db,
    );
    const admin = await signInAs(app, get().db, 'beheerder', { region: 'westerkwartier' });
    const page = await (await app.request(IMPORT, { headers: { cookie: admin.cookie } })).text();
    expect(page).toContain('De gepubliceerde Hulpwijzer van Westerkwartier');
    const links = [...page.matchAll(/href="([^"]*hulpwijzer\/open-data[^"]*)"/g)].map((m) => m[1]);
    expect(links).toEqual([
      `/regio/westerkwartier${EXPORT_PATHS.json}`,
      `/regio/westerkwartier${EXPORT_PATHS.csv}`,
    ]);
    // The link gives that region's directory: empty, not Drenthe's.
    const json = await app.request(links[0] ?? '');
    expect(json.status).toBe(200);
    expect(((await json.json()) as { contents: unknown[] }).contents).toEqual([]);
    expect((await app.request(links[1] ?? '')).status).toBe(200);
  });

  it('refuses more than 10 MB with a Dutch 413 and changes nothing', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const before = await rowCounts(get().db);
    const res = await upload(
      app,
      admin,
      'groot.json',
      new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x20),
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('groter dan 10 MB');
    expect(await rowCounts(get().db)).toEqual(before);
  });

  it('offers the downloads to anyone, in every region site, linked from the open-data page', async () => {
    const { app } = testApp(get().db);
    for (const prefix of ['', '/regio/drenthe']) {
      const zip = await app.request(`${prefix}${EXPORT_PATHS.csv}`);
      expect(zip.status).toBe(200);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      expect(zip.headers.get('set-cookie')).toBeNull();
      const json = await app.request(`${prefix}${EXPORT_PATHS.json}`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toContain('application/json');
      expect(((await json.json()) as { contents: unknown[] }).contents.length).toBeGreaterThan(0);
    }
    const unknown = await app.request(`${EXPORT_PATHS.json}?pagina=2`);
    expect(unknown.status).toBe(400);
    const openData = await (await app.request('/open-data')).text();
    expect(openData).toContain(`href="${EXPORT_PATHS.json}"`);
    expect(openData).toContain(`href="${EXPORT_PATHS.csv}"`);
  });
});

function upload(
  app: ReturnType<typeof testApp>['app'],
  s: TestSession,
  name: string,
  bytes: Uint8Array | string,
) {
  return postUpload(app, IMPORT, { _csrf: s.csrf }, { name, bytes }, s.cookie);
}
