/**
 * Accessibility on real Chromium: axe (WCAG 2.1 A/AA) on every page type, the skip link for
 * keyboard users, visible focus, and no request to any host but our own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AxeViolation,
  assertNoViolations,
  type BrowserSession,
  E2E_TIMEOUT,
  formatViolations,
  launchBrowser,
  requireBrowser,
  runAxe,
  startServer,
  type TestServer,
} from './browser.js';
import { PAGES } from './pages.js';

const hasBrowser = requireBrowser();

type FocusInfo = {
  text: string;
  href: string | null;
  inMain: boolean;
  width: number;
  height: number;
  top: number;
  left: number;
  outlineStyle: string;
  outlineWidth: string;
  boxShadow: string;
};

/** Describes document.activeElement: where it is, its box and its focus styles. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    text: (el.textContent ?? '').trim(),
    href: el.getAttribute('href'),
    inMain: Boolean(el.closest('main')),
    width: box.width, height: box.height, top: box.top, left: box.left,
    outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth, boxShadow: style.boxShadow,
  };
})()`;

describe.skipIf(!hasBrowser)('accessibility in Chromium', () => {
  let server: TestServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(server.origin);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'has no axe violations on any page type',
    async () => {
      const { page } = browser;
      const failures: string[] = [];
      let total = 0;
      for (const pageCase of PAGES) {
        const response = await page.goto(`${server.origin}${pageCase.path}`);
        expect(response?.status(), pageCase.path).toBe(pageCase.status);
        const violations: AxeViolation[] = await runAxe(page);
        total += violations.length;
        if (violations.length > 0) failures.push(formatViolations(pageCase.name, violations));
      }
      if (failures.length > 0) console.error(failures.join('\n'));
      expect(failures, failures.join('\n')).toEqual([]);
      expect(total).toBe(0);
      expect(browser.thirdParty()).toEqual([]);
      expect(browser.requests.length).toBeGreaterThanOrEqual(PAGES.length);
    },
    E2E_TIMEOUT,
  );

  it(
    'offers a visible skip link as the first Tab stop that moves to the main content',
    async () => {
      const { page } = browser;
      await page.goto(`${server.origin}/`);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<FocusInfo | null>(FOCUSED);
      expect(focused?.text).toBe('Naar de inhoud');
      expect(focused?.href).toBe('#inhoud');
      expect(await page.locator('a[href="#inhoud"]').isVisible()).toBe(true);
      // Visible means a real box inside the viewport, not a 1px clipped "sr-only" box.
      expect(focused?.width).toBeGreaterThan(20);
      expect(focused?.height).toBeGreaterThan(10);
      expect(focused?.top).toBeGreaterThanOrEqual(0);
      expect(focused?.left).toBeGreaterThanOrEqual(0);

      await page.keyboard.press('Enter');
      await page.waitForURL(/#inhoud$/);
      expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('inhoud');
      // The next Tab continues inside the main content, not in the header.
      await page.keyboard.press('Tab');
      expect((await page.evaluate<FocusInfo | null>(FOCUSED))?.inMain).toBe(true);
      assertNoViolations('home na skiplink', await runAxe(page));
    },
    E2E_TIMEOUT,
  );

  it(
    'shows a visible focus indicator on links in the main content',
    async () => {
      const { page } = browser;
      await page.goto(`${server.origin}/doelen/2.1.1`);
      let focused: FocusInfo | null = null;
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate<FocusInfo | null>(FOCUSED);
        if (focused?.inMain && focused.href) break;
      }
      expect(focused?.inMain, 'no link in <main> reached with Tab').toBe(true);
      const outline = focused?.outlineStyle !== 'none' && focused?.outlineWidth !== '0px';
      const shadow = (focused?.boxShadow ?? 'none') !== 'none';
      expect(outline || shadow, JSON.stringify(focused)).toBe(true);
    },
    E2E_TIMEOUT,
  );

  it('made no third-party requests', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.thirdParty()).toEqual([]);
  });

  it(
    'self-check: axe and the request recorder do catch a bad page',
    async () => {
      const page = await browser.context.newPage();
      const before = browser.thirdParty().length;
      await page.goto(`${server.origin}/open-data`);
      // Break the page the way a careless change would: no lang, an image without alt from a CDN.
      await page.evaluate(`document.documentElement.removeAttribute('lang');
        const img = document.createElement('img');
        img.src = 'https://cdn.example.com/pixel.png';
        document.querySelector('main').append(img);`);
      await page.waitForTimeout(200);
      const ids = (await runAxe(page)).map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt']));
      expect(browser.thirdParty().slice(before)).toEqual(['https://cdn.example.com/pixel.png']);
      await page.close();
    },
    E2E_TIMEOUT,
  );
});
