/**
 * The stylesheet: selected NL Design System (Utrecht) component CSS plus Marke's theme and layout,
 * bundled once at start, fingerprinted and precompressed so it can be cached for a year.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** NL Design System components the pages use (minified builds from @utrecht/*-css). */
const COMPONENTS = [
  'root',
  'document',
  'skip-link',
  'heading-1',
  'heading-2',
  'heading-3',
  'heading-4',
  'paragraph',
  'link',
  'table',
  'unordered-list',
  'ordered-list',
  'button',
  'form-field',
  'form-label',
  'form-fieldset',
  'textbox',
  'textarea',
  'select',
  'checkbox',
  'alert',
  'separator',
];

export type Asset = {
  path: string;
  type: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
};

function componentCss(name: string): string {
  const file = require.resolve(`@utrecht/${name}-css/dist/index.min.css`);
  return readFileSync(file, 'utf8');
}

function ownAsset(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./assets/${name}`, import.meta.url)), 'utf8');
}

/** Builds the CSS bundle; called once per process. */
export function buildStylesheet(): Asset {
  const css = [
    ownAsset('marke-theme.css'),
    ...COMPONENTS.map(componentCss),
    ownAsset('marke.css'),
  ].join('\n');
  const raw = Buffer.from(css, 'utf8');
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12);
  return {
    path: `/assets/marke.${hash}.css`,
    type: 'text/css; charset=utf-8',
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${hash}"`,
  };
}

/** A small same-origin script from `assets/` (progressive enhancement), fingerprinted like the CSS. */
export function buildScript(name: string): Asset {
  const raw = Buffer.from(ownAsset(name), 'utf8');
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12);
  return {
    path: `/assets/${name.replace(/\.js$/, '')}.${hash}.js`,
    type: 'text/javascript; charset=utf-8',
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${hash}"`,
  };
}
