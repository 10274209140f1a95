/**
 * HTML → PDF with the Chromium that is installed on the machine (Debian's `chromium`), through
 * playwright-core. The HTML page stays the source of truth; without Chromium there is no PDF and
 * the caller says so. One PDF at a time, so a burst of requests cannot start many browsers.
 */
import { existsSync } from 'node:fs';
import { buildStylesheet } from './assets.js';

const CHROMIUM = process.env.MARKE_CHROMIUM ?? '/usr/bin/chromium';
let css: string | undefined;
let queue: Promise<unknown> = Promise.resolve();

export function pdfAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Renders a full HTML page (its stylesheet link replaced by the CSS itself) to an A4 PDF. */
export async function htmlToPdf(html: string): Promise<Uint8Array<ArrayBuffer>> {
  css ??= buildStylesheet().raw.toString('utf8');
  const inlined = html.replace(/<link rel="stylesheet" href="[^"]*"\/?>/, `<style>${css}</style>`);
  const run = queue.then(async () => {
    // Loaded on the first PDF: playwright-core is large and most processes never print.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage();
      // Offline by construction: nothing on the page may fetch anything.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(inlined, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const bytes = new Uint8Array(pdf.byteLength);
      bytes.set(pdf);
      return bytes;
    } finally {
      await browser.close();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
