/**
 * Caches rendered public GET responses with their compressed bytes and an ETag. Entries are tied
 * to the database's data version; any process that sees a newer version drops its cache, so
 * several app processes behind a load balancer stay consistent without talking to each other.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type Encoded, encodeAll, encodedBody, pickEncoding } from './compression.js';

type Entry = { etag: string; contentType: string; encoded: Encoded };

const CACHEABLE_TYPES =
  /^(text\/html|application\/json|application\/problem\+json|text\/csv|application\/openapi\+json)/;

export class PageCache {
  private entries = new Map<string, Entry>();
  private version: string | null = null;
  private checkedAt = 0;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly readVersion: () => Promise<string>,
    private readonly checkMs: number,
    private readonly maxEntries = 2000,
  ) {}

  /** The data version, re-read from the database at most every `checkMs` milliseconds. */
  async currentVersion(): Promise<string> {
    if (this.version !== null && Date.now() - this.checkedAt < this.checkMs) return this.version;
    this.pending ??= this.readVersion().finally(() => {
      this.pending = null;
    });
    const version = await this.pending;
    this.checkedAt = Date.now();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    return version;
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: Entry): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }
}

function respond(
  entry: Entry,
  ifNoneMatch: string | undefined,
  acceptEncoding: string | undefined,
  head: boolean,
): Response {
  const headers = new Headers({
    'content-type': entry.contentType,
    etag: entry.etag,
    vary: 'Accept-Encoding',
    'cache-control': 'public, max-age=0, must-revalidate',
    'x-marke-cache': 'hit',
  });
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === entry.etag)) {
    return new Response(null, { status: 304, headers });
  }
  const { body, header } = encodedBody(entry.encoded, pickEncoding(acceptEncoding));
  if (header) headers.set('content-encoding', header);
  headers.set('content-length', String(body.length));
  return new Response(head ? null : new Uint8Array(body), { status: 200, headers });
}

/** Middleware: serves cached bytes, or renders, stores and serves compressed bytes. */
export function pageCacheMiddleware(cache: PageCache): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    const key = `${url.pathname}${url.search}`;
    const version = await cache.currentVersion();
    const ifNoneMatch = c.req.header('if-none-match');
    const acceptEncoding = c.req.header('accept-encoding');
    const cached = cache.get(key);
    if (cached) {
      c.res = respond(cached, ifNoneMatch, acceptEncoding, method === 'HEAD');
      return;
    }
    await next();
    const res = c.res;
    const contentType = res.headers.get('content-type') ?? '';
    if (
      res.status !== 200 ||
      !CACHEABLE_TYPES.test(contentType) ||
      res.headers.get('cache-control')?.includes('no-store')
    )
      return;
    const body = Buffer.from(await res.arrayBuffer());
    const hash = createHash('sha1').update(body).digest('hex').slice(0, 16);
    const entry: Entry = { etag: `"v${version}-${hash}"`, contentType, encoded: encodeAll(body) };
    cache.set(key, entry);
    const fresh = respond(entry, ifNoneMatch, acceptEncoding, method === 'HEAD');
    fresh.headers.set('x-marke-cache', 'miss');
    for (const [name, value] of res.headers) {
      if (!fresh.headers.has(name) && name !== 'content-length') fresh.headers.set(name, value);
    }
    c.res = new Response(fresh.body, { status: fresh.status, headers: fresh.headers });
  };
}
