/**
 * Shared helpers for the browser tests: the seeded app on a real port, Debian's Chromium through
 * playwright-core, a recorder that catches third-party requests, and an axe-core runner.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import type { Database } from '../../src/db/schema.js';
import { testApp } from '../app.js';
import { type DbKind, seededDatabase } from '../db.js';
import { TEST_PASSWORD } from '../session.js';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** The Nu Html Checker jar from the vnu-jar package. */
export const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar')), 'build/dist/vnu.jar');
export const E2E_TIMEOUT = 120_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether a required tool is present. Missing in CI is a failure (thrown, so the file fails);
 * missing on a developer's machine skips the suite with a loud warning.
 */
function requireTool(label: string, present: boolean, hint: string): boolean {
  if (present) return true;
  if (process.env.CI)
    throw new Error(`${label} TESTS FAILED: ${hint} CI is set, so these checks must run.`);
  console.warn(`\n*** ${label} TESTS SKIPPED: ${hint} Install it to run these checks. ***\n`);
  return false;
}

/** True when Chromium can run; throws in CI when it is missing. */
export function requireBrowser(): boolean {
  return requireTool('BROWSER', existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH} does not exist.`);
}

/** True when a Java runtime can run vnu.jar; throws in CI when it is missing. */
export function requireJava(): boolean {
  let present = true;
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    present = false;
  }
  return requireTool('HTML VALIDITY', present, '`java` is not on the PATH (vnu.jar needs it).');
}

/** `db` lets a journey create accounts and check what was saved. */
export type TestServer = { origin: string; db: Kysely<Database>; close: () => Promise<void> };

/** Serves the app on a seeded database (a PGlite copy, or a fresh PostgreSQL database) on 127.0.0.1. */
export async function startServer(kind: DbKind = 'pglite'): Promise<TestServer> {
  const handle = await seededDatabase(kind);
  const { app } = testApp(handle.db);
  let server: ReturnType<typeof serve> | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    db: handle.db,
    close: async () => {
      const s = server;
      if (s) {
        if ('closeAllConnections' in s) s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      await handle.dispose();
    },
  };
}

export type BrowserSession = {
  context: BrowserContext;
  page: Page;
  /** Every URL any page in the context requested, in order. */
  requests: string[];
  /** Requests that went to a host other than the test server. */
  thirdParty: () => string[];
  close: () => Promise<void>;
};

/**
 * Launches Chromium with a fresh profile. Every request is recorded; requests to other hosts are
 * recorded and aborted, so a test never depends on the network and `thirdParty()` reports them.
 */
export async function launchBrowser(
  origin: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(tmpdir(), 'marke-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    args: CHROMIUM_ARGS,
  });
  const requests: string[] = [];
  context.on('request', (request) => {
    requests.push(request.url());
  });
  const isExternal = (url: URL) => /^(https?|wss?):$/.test(url.protocol) && url.origin !== origin;
  await context.route(isExternal, (route) => route.abort('blockedbyclient'));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    thirdParty: () => requests.filter((url) => isExternal(new URL(url))),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
};

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is now. Evaluated through the DevTools
 * protocol, which the page's CSP does not block; needs a context with JavaScript enabled.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // A page still being replaced has no document for axe: wait until the current one is parsed.
  await page.waitForLoadState('domcontentloaded');
  const loaded = await page.evaluate<boolean>('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  const options = JSON.stringify({ runOnly: { type: 'tag', values: WCAG_TAGS } });
  const result = await page.evaluate<{ violations: AxeViolation[] }>(
    `axe.run(document, ${options}).then((r) => ({ violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    })) }))`,
  );
  return result.violations;
}

/** A readable report of axe violations, printed by the tests when there are any. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1] ?? ''}`)
        .join('\n');
      return `${where}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×)\n${nodes}`;
    })
    .join('\n');
}

/** Fails with the printed violations when axe found any. */
export function assertNoViolations(where: string, violations: AxeViolation[]): void {
  if (violations.length === 0) return;
  const report = formatViolations(where, violations);
  console.error(report);
  throw new Error(`axe found ${violations.length} WCAG 2.1 AA violation(s):\n${report}`);
}

/**
 * Clicks something that loads a new document (a link, a form's submit button) and waits until
 * that document has loaded. `click()` alone returns as soon as the click is dispatched, and
 * `waitForLoadState()` right after it sees the old, already loaded page: a test that reads or
 * fills the page then may act on the page that is about to go (seen in CI).
 */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
  });
  await target.click();
  await navigated;
  await page.waitForLoadState('load');
}

/** Signs in through the login form in the browser, as an account made with createAccount. */
export async function signInInBrowser(page: Page, origin: string, email: string): Promise<void> {
  await page.goto(`${origin}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${origin}/account`);
}

/** The raw HTML of pages as the signed-in browser sees them (vnu checks markup, not the DOM). */
export async function rawPages(context: BrowserContext, origin: string, paths: string[]) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const pages = new Map<string, string>();
  for (const p of paths)
    pages.set(p, await (await fetch(`${origin}${p}`, { headers: { cookie } })).text());
  return pages;
}

/** Nu Html Checker errors per page, in one JVM run. */
export async function vnuErrors(pages: Map<string, string>): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marke-vnu-pages-'));
  try {
    const files = new Map<string, string>();
    for (const [index, [p, html]] of [...pages].entries()) {
      const file = path.join(dir, `page-${index}.html`);
      await writeFile(file, html);
      files.set(file, p);
    }
    const run = spawnSync('java', [
      '-jar',
      VNU_JAR,
      '--format',
      'json',
      '--errors-only',
      ...files.keys(),
    ]);
    const out = run.stderr.toString('utf8').trim() || run.stdout.toString('utf8').trim();
    const messages = (
      JSON.parse(out) as { messages: Array<{ url?: string; message: string; extract?: string }> }
    ).messages;
    return messages.map((m) => {
      const file = decodeURIComponent(new URL(m.url ?? 'file:///x').pathname);
      return `${files.get(file) ?? file}: ${m.message} ${m.extract ?? ''}`;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
