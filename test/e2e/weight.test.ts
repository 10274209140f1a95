/**
 * Page weight for a slow rural connection: every page type, with the stylesheet it links, must
 * be ≤ 60 KB on the wire with brotli. Measured as raw (still compressed) bytes via node:http,
 * because fetch() decompresses.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, startServer, type TestServer } from './browser.js';
import { PAGES } from './pages.js';

const BUDGET_BYTES = 60 * 1024;

type Raw = { status: number; encoding: string; bytes: number; body: Buffer };

/** GETs a URL asking for brotli and returns the bytes exactly as they came over the wire. */
function getRaw(url: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers['content-encoding'] ?? 'identity'),
          bytes: body.length,
          body,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('page weight', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it(
    `keeps every page type with its CSS under ${BUDGET_BYTES / 1024} KB (brotli)`,
    async () => {
      const rows: Array<Record<string, string | number>> = [];
      const tooHeavy: string[] = [];
      const stylesheets = new Map<string, Raw>();
      for (const page of PAGES) {
        const url = `${server.origin}${page.path}`;
        const htmlRaw = await getRaw(url);
        expect(htmlRaw.status, page.path).toBe(page.status);
        // The HTML text itself, decompressed, to find the stylesheet it links.
        const html = await (await fetch(url)).text();
        const cssLinks = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
          (m) => m[1] ?? '',
        );
        expect(cssLinks.length, page.path).toBeGreaterThan(0);
        let cssBytes = 0;
        for (const href of cssLinks) {
          const css = stylesheets.get(href) ?? (await getRaw(`${server.origin}${href}`));
          expect(css.status, href).toBe(200);
          expect(css.encoding, href).toBe('br');
          stylesheets.set(href, css);
          cssBytes += css.bytes;
        }
        const total = htmlRaw.bytes + cssBytes;
        rows.push({
          page: page.name,
          path: page.path.length > 40 ? `${page.path.slice(0, 37)}…` : page.path,
          status: htmlRaw.status,
          'html (enc)': `${htmlRaw.bytes} (${htmlRaw.encoding})`,
          css: cssBytes,
          'total KB': Number((total / 1024).toFixed(1)),
        });
        if (total > BUDGET_BYTES) tooHeavy.push(`${page.path}: ${total} bytes`);
      }
      console.log('Page weight, bytes on the wire with accept-encoding: br');
      console.table(rows);
      expect(tooHeavy, tooHeavy.join('\n')).toEqual([]);
      // Cacheable pages are served compressed; only small no-store error pages may be identity.
      const uncompressed = rows.filter(
        (r) => r.status === 200 && String(r['html (enc)']).endsWith('(identity)'),
      );
      expect(uncompressed).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
