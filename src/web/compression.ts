/** Content negotiation for precompressed bodies (brotli first, then gzip). */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoded = { raw: Buffer; gzip: Buffer; br: Buffer };

/** Compresses a body once so cached responses can be served without recompressing. */
export function encodeAll(body: string | Buffer): Encoded {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return {
    raw,
    gzip: gzipSync(raw, { level: 6 }),
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  };
}

/** Picks the best encoding the client accepts. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  const accept = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return 'identity';
}

/** The body and header for the chosen encoding. */
export function encodedBody(
  encoded: Encoded,
  encoding: 'br' | 'gzip' | 'identity',
): { body: Buffer; header?: string } {
  if (encoding === 'br') return { body: encoded.br, header: 'br' };
  if (encoding === 'gzip') return { body: encoded.gzip, header: 'gzip' };
  return { body: encoded.raw };
}

/**
 * One body compressed for one client: for pages the page cache does not keep (a form shown again
 * with its errors), which would otherwise go out uncompressed.
 */
export function encodeFor(
  body: string,
  acceptEncoding: string | undefined,
): { body: Buffer; header?: string } {
  const raw = Buffer.from(body, 'utf8');
  const encoding = pickEncoding(acceptEncoding);
  if (encoding === 'br')
    return {
      body: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      header: 'br',
    };
  if (encoding === 'gzip') return { body: gzipSync(raw, { level: 6 }), header: 'gzip' };
  return { body: raw };
}
