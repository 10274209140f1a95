/**
 * HTML validity with the Nu Html Checker (vnu.jar) on every page type, and no broken internal
 * links on those pages. Plain HTTP, no browser: one JVM run checks all pages at once.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, requireJava, startServer, type TestServer, VNU_JAR } from './browser.js';
import { PAGES } from './pages.js';

/** Invalid on purpose: an <img> without alt and a <div> directly inside a <ul>. */
const KNOWN_BAD_HTML =
  '<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body><img src="a.png"><ul><div>x</div></ul></body></html>';

type VnuMessage = {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
};

/** Runs vnu once over all files and returns its messages (errors only). */
function runVnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files]);
    const stderr: Buffer[] = [];
    const stdout: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.on('error', reject);
    child.on('close', () => {
      const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8').trim();
      const json = text(stderr) || text(stdout);
      try {
        const parsed = JSON.parse(json) as { messages: VnuMessage[] };
        resolve(parsed.messages);
      } catch {
        reject(new Error(`vnu gave no JSON: ${json.slice(0, 500)}`));
      }
    });
  });
}

/** Same-site links in a page's HTML (href on <a>), without fragments. */
function internalLinks(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"#][^"]*)"/g)) {
    const href = (match[1] ?? '').replaceAll('&amp;', '&');
    if (href.startsWith('/') && !href.startsWith('//')) links.push(href.split('#')[0] ?? href);
  }
  return links;
}

describe('HTML of every page type', () => {
  let server: TestServer;
  const html = new Map<string, string>();

  beforeAll(async () => {
    server = await startServer();
    for (const page of PAGES) {
      const response = await fetch(`${server.origin}${page.path}`);
      expect(response.status, page.path).toBe(page.status);
      html.set(page.path, await response.text());
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  it.skipIf(!requireJava())(
    'is valid according to the Nu Html Checker',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'marke-vnu-'));
      try {
        const files = new Map<string, string>();
        for (const [index, page] of PAGES.entries()) {
          const file = path.join(dir, `page-${String(index).padStart(2, '0')}.html`);
          await writeFile(file, html.get(page.path) ?? '');
          files.set(`file:${file}`, page.path);
        }
        // Self-check in the same JVM run: a known-bad page must produce errors.
        const bad = path.join(dir, 'known-bad.html');
        await writeFile(bad, KNOWN_BAD_HTML);
        const paths = [...files.keys()].map((f) => f.slice('file:'.length));
        const messages = await runVnu([...paths, bad]);
        const isError = (m: VnuMessage) => m.type === 'error' || m.type === 'non-document-error';
        const selfCheck = messages.filter((m) => isError(m) && m.url === `file:${bad}`);
        expect(selfCheck.length, 'vnu missed the errors in the known-bad page').toBeGreaterThan(1);
        const errors = messages.filter((m) => isError(m) && m.url !== `file:${bad}`);
        const report = errors
          .map((m) => {
            const page = files.get(m.url ?? '') ?? m.url ?? '?';
            return `${page}:${m.lastLine ?? '?'}: ${m.message}\n    ${m.extract ?? ''}`;
          })
          .join('\n');
        if (errors.length > 0) console.error(`vnu found ${errors.length} error(s):\n${report}`);
        expect(errors.length, report).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    E2E_TIMEOUT,
  );

  it(
    'has no broken internal links',
    async () => {
      const targets = new Set<string>();
      for (const page of PAGES)
        for (const link of internalLinks(html.get(page.path) ?? '')) targets.add(link);
      const queue = [...targets];
      const broken: string[] = [];
      const worker = async () => {
        for (let target = queue.pop(); target !== undefined; target = queue.pop()) {
          const response = await fetch(`${server.origin}${target}`, { method: 'HEAD' });
          if (response.status !== 200) broken.push(`${target} → ${response.status}`);
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
      expect(targets.size).toBeGreaterThan(100);
      expect(broken, broken.join('\n')).toEqual([]);
    },
    // ~1 600 links (every area's map, profile and trend): ~80 s alone, more beside other suites.
    3 * E2E_TIMEOUT,
  );

  it('has a target for every same-page link (#id)', () => {
    for (const page of PAGES) {
      const doc = html.get(page.path) ?? '';
      for (const match of doc.matchAll(/\bhref="#([^"]+)"/g)) {
        expect(doc, `${page.path} links to #${match[1]}`).toContain(`id="${match[1]}"`);
      }
    }
  });

  it('declares Dutch, a title, one h1, a main landmark and the skip link', () => {
    for (const page of PAGES) {
      const doc = html.get(page.path) ?? '';
      expect(doc, page.path).toMatch(/^<!DOCTYPE html><html lang="nl">/);
      expect(doc.match(/<h1[\s>]/g)?.length, page.path).toBe(1);
      expect(doc, page.path).toMatch(/<title>[^<]+<\/title>/);
      expect(doc, page.path).toContain('<main id="inhoud"');
      expect(doc, page.path).toContain('href="#inhoud"');
    }
  });
});
