/**
 * Import and export of the whole Hulpwijzer as HSDS 3.0 (ADR 0020). Signed in:
 * `/beheer/hulpwijzer/import` (beheerders only, policy action `directory:import`; the auth routes
 * load the session and allow 10 MB on this path). Public, per region site: the open-data
 * downloads under `/hulpwijzer/open-data/`.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type Context, Hono } from 'hono';
import { stream } from 'hono/streaming';
import { htmlError } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { type AuthEnv, can, signedInPageContext, verifyCsrf, withoutNul } from '../auth/index.js';
import { OpenDataFiles, type OpenDataKind } from './open-data.service.js';
import { importDirectory } from './transfer.service.js';
import { EXPORT_PATHS } from './transfer.types.js';
import type { UploadFile } from './transfer-read.js';
import { IMPORT_PATH, TransferPage, type TransferPageState } from './views/transfer-page.js';

type C = Context<AuthEnv>;
type Session = NonNullable<AuthEnv['Variables']['session']>;

/** The signed-in import page; mounted at the site root with the other `/beheer` routes. */
export function directoryTransferAdminRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = new Hono<AuthEnv>({ strict: false });
  const pageContext = (c: C) => signedInPageContext(deps, c);

  const guard = async (c: C): Promise<Session | Response> => {
    const session = c.get('session');
    if (!session) return c.redirect('/inloggen', 303);
    if (!can(session.user, 'directory:import'))
      return htmlError(
        c,
        await pageContext(c),
        403,
        'Alleen beheerders kunnen de Hulpwijzer inlezen.',
      );
    return session;
  };

  const page = async (c: C, session: Session, state: TransferPageState, status: 200 | 400 | 413) =>
    c.html(
      <TransferPage ctx={await pageContext(c)} csrf={session.csrfToken} state={state} />,
      status,
    );

  app.get(IMPORT_PATH, async (c) => {
    const session = await guard(c);
    if (session instanceof Response) return session;
    return page(c, session, {}, 200);
  });

  app.post(IMPORT_PATH, async (c) => {
    const session = await guard(c);
    if (session instanceof Response) return session;
    const { fields, files } = await uploadedFiles(c);
    if (!verifyCsrf(c, fields._csrf))
      return htmlError(
        c,
        await pageContext(c),
        403,
        'Dit formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw.',
      );
    const imported = await importDirectory(db, session.user, files);
    if (!imported.ok)
      return page(
        c,
        session,
        { error: imported.error.message, problems: imported.error.problems },
        imported.error.status,
      );
    return page(c, session, { outcome: imported.value }, 200);
  });

  return app;
}

/** The posted text fields and every chosen file of the field `bestand`. */
async function uploadedFiles(
  c: C,
): Promise<{ fields: Record<string, string>; files: UploadFile[] }> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  const files: UploadFile[] = [];
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string') fields[key] = withoutNul(item);
      else if (key === 'bestand' && item instanceof File && item.size > 0)
        files.push({
          name: withoutNul(item.name),
          bytes: new Uint8Array(await item.arrayBuffer()),
        });
    }
  }
  return { fields, files };
}

const DOWNLOADS = {
  json: { type: 'application/json; charset=utf-8', file: 'hsds.json' },
  zip: { type: 'application/zip', file: 'hsds.zip' },
} as const;

/**
 * The open-data downloads of the directory, in every region's site: made once per directory
 * version and kept (open-data.service.ts); their own ETag, so the page cache passes them through.
 * The JSON is kept gzipped: sent so to clients that take gzip, unpacked while sent to others.
 */
export function directoryExportRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  const files = new OpenDataFiles(db);
  const download = (kind: OpenDataKind) => async (c: Context<AppEnv>) => {
    const { region } = c.get('ctx');
    const answer = await files.answer(region, kind, c.req.header('if-none-match'));
    c.header('cache-control', 'public, max-age=0, must-revalidate');
    c.header('vary', 'Accept-Encoding');
    if (answer.status === 304) {
      c.header('etag', answer.etag);
      return c.body(null, 304);
    }
    if (answer.etag) c.header('etag', answer.etag);
    else c.header('cache-control', 'no-store');
    c.header('content-type', DOWNLOADS[kind].type);
    c.header(
      'content-disposition',
      `attachment; filename="hulpwijzer-${region.code}-${DOWNLOADS[kind].file}"`,
    );
    const bytes = new Uint8Array(answer.bytes);
    if (kind === 'zip' || /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) {
      if (kind === 'json') c.header('content-encoding', 'gzip');
      c.header('content-length', String(bytes.byteLength));
      return c.body(bytes, 200);
    }
    return stream(c, async (out) => {
      for await (const chunk of Readable.from([answer.bytes]).pipe(createGunzip()))
        await out.write(chunk as Uint8Array);
    });
  };
  app.get(EXPORT_PATHS.csv, download('zip'));
  app.get(EXPORT_PATHS.json, download('json'));
  return app;
}
