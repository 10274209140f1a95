/**
 * Who may use the werkagenda import: every import route × every role against the policy,
 * anonymous visitors sent to the login page, forms without CSRF token refused, uploads over
 * 10 MB refused with a Dutch 413 and millions of rows refused before parsing, while nothing is
 * stored.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, postUpload, signInAs, type TestSession } from '../../../test/session.js';
import { DEFAULT_MAX_ROWS, MAX_UPLOAD_BYTES } from '../../lib/tabular.js';
import { can, ROLE_NAMES, rolesFor } from '../auth/index.js';

type App = ReturnType<typeof testApp>['app'];
const IMPORT = '/beheer/werkagenda/import';

function upload(app: App, s: TestSession, name: string, bytes: Uint8Array | string) {
  return postUpload(app, IMPORT, { _csrf: s.csrf }, { name, bytes }, s.cookie);
}

/** The preview id from the redirect after a successful check. */
function previewId(res: Response): number {
  const match = /\/beheer\/werkagenda\/import\/(\d+)$/.exec(res.headers.get('location') ?? '');
  if (res.status !== 303 || !match) throw new Error(`geen voorbeeld: ${res.status}`);
  return Number(match[1]);
}

describeEachDatabase('werkagenda import access', (get) => {
  const batches = async () =>
    Number(
      (
        await get()
          .db.selectFrom('import_batch')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses uploads over 10 MB with a Dutch 413 and stores nothing', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const before = await batches();
    for (const size of [MAX_UPLOAD_BYTES + 1, 11 * 1024 * 1024]) {
      const bytes = new Uint8Array(size).fill(0x61);
      const res = await upload(app, admin, 'groot.csv', bytes);
      expect(res.status, String(size)).toBe(413);
      expect(await res.text(), String(size)).toContain('groter dan 10 MB');
    }
    expect(await batches()).toBe(before);
  });

  it('refuses millions of tiny rows before parsing them, in Dutch, and stores nothing', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const before = await batches();
    // 8 MB: under the size limit, but 4 million rows would fill the memory when parsed.
    const rows = `code,status\n${'x\n'.repeat(4_000_000)}`;
    const started = performance.now();
    const res = await upload(app, admin, 'veel.csv', rows);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(`hoogstens ${DEFAULT_MAX_ROWS} rijen`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await batches()).toBe(before);
  });

  it('walks every import route × every role against the policy; anonymous and no CSRF refused', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const admin = await signInAs(app, db, 'beheerder');
    const stage = async () =>
      previewId(
        await upload(
          app,
          admin,
          'rol.csv',
          `code,progress\n2.6.3.a,${Math.floor(Math.random() * 100)}\n`,
        ),
      );
    type Route = {
      name: string;
      send: (s: TestSession | undefined, csrf: boolean) => Response | Promise<Response>;
      ok: number;
    };
    const session = (s: TestSession | undefined) => ({ cookie: s?.cookie ?? '' });
    const form = (s: TestSession | undefined, csrf: boolean): Record<string, string> =>
      csrf && s ? { _csrf: s.csrf } : {};
    const routes: Route[] = [
      { name: `GET ${IMPORT}`, ok: 200, send: (s) => app.request(IMPORT, { headers: session(s) }) },
      {
        name: `POST ${IMPORT}`,
        ok: 400,
        send: (s, csrf) => postUpload(app, IMPORT, form(s, csrf), undefined, s?.cookie ?? ''),
      },
      {
        name: `GET ${IMPORT}/:id`,
        ok: 200,
        send: async (s) => app.request(`${IMPORT}/${await stage()}`, { headers: session(s) }),
      },
      {
        name: `POST ${IMPORT}/:id/toepassen`,
        ok: 303,
        send: async (s, csrf) =>
          postForm(app, `${IMPORT}/${await stage()}/toepassen`, form(s, csrf), s?.cookie ?? ''),
      },
      {
        name: `POST ${IMPORT}/:id/annuleren`,
        ok: 303,
        send: async (s, csrf) =>
          postForm(app, `${IMPORT}/${await stage()}/annuleren`, form(s, csrf), s?.cookie ?? ''),
      },
    ];
    expect(rolesFor('agenda:import')).toEqual(['beheerder']);
    for (const route of routes)
      expect((await route.send(undefined, true)).status, `anoniem ${route.name}`).toBe(303);
    for (const role of ROLE_NAMES) {
      const user =
        role === 'beheerder'
          ? admin
          : await signInAs(app, db, role, { organisation: 'ggd-drenthe' });
      const allowed = can(user.user, 'agenda:import');
      expect(allowed, role).toBe(role === 'beheerder');
      for (const route of routes) {
        const res = await route.send(user, true);
        expect(res.status, `${role} ${route.name}`).toBe(allowed ? route.ok : 403);
        if (allowed && route.name.startsWith('POST'))
          expect((await route.send(user, false)).status, `zonder CSRF ${route.name}`).toBe(403);
      }
    }
  }, 120_000);
});
