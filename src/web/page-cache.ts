/**
 * Caches rendered public GET responses with their compressed bytes and an ETag. Entries are tied
 * to the database's data version; any process that sees a newer version drops its cache, so
 * several app processes behind a load balancer stay consistent without talking to each other.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { type Encoded, encodeAll, encodedBody, pickEncoding } from './compression.js';

type Entry = {
  version: string;
  etag: string;
  headers: Array<[string, string]>;
  encoded: Encoded;
  bytes: number;
  /** The same page for every visitor (see SHARED_PAGE), so signed-in users may get it too. */
  shared: boolean;
};

const CACHEABLE_TYPES = /^(text\/html|application\/json|application\/problem\+json|text\/csv)/;
/** Headers that are recomputed per response and must not be replayed from the cache. */
const PER_RESPONSE = new Set([
  'content-length',
  'content-encoding',
  'etag',
  'vary',
  'cache-control',
  'x-marke-cache',
]);
/** Bodies larger than this are rendered each time rather than cached (e.g. the full JSON export). */
const MAX_ENTRY_BYTES = 512 * 1024;
/**
 * Bodies larger than this are compressed only in the encoding a client asks for, when it asks,
 * at a fast setting (a national buurt map from the API: ~370 KB, each request for another
 * indicator or year a miss).
 */
const FAST_ENCODING_BYTES = 256 * 1024;

/**
 * A large body: only the encodings clients take are made, at a fast setting. Both encodings at
 * the cache's settings cost 116 ms for a 4.6 MB national map (JSON); brotli quality 1 takes 4 ms
 * and is as small as gzip level 6.
 */
function encodeOnce(raw: Buffer): Encoded {
  let gzip: Buffer | undefined;
  let br: Buffer | undefined;
  return {
    raw,
    get gzip() {
      gzip ??= gzipSync(raw, { level: 1 });
      return gzip;
    },
    get br() {
      br ??= brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
      return br;
    },
  };
}

export class PageCache {
  private entries = new Map<string, Entry>();
  private totalBytes = 0;
  private version: string | null = null;
  private checkedAt = 0;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly readVersion: () => Promise<string>,
    private readonly checkMs: number,
    private readonly maxBytes = 64 * 1024 * 1024,
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
      this.totalBytes = 0;
      this.version = version;
    }
    return version;
  }

  /** An entry only counts when it was rendered for the version now current. */
  get(key: string, version: string): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && entry.version === version ? entry : undefined;
  }

  /** Stores an entry unless the data changed while it was rendered; evicts oldest beyond the budget. */
  set(key: string, entry: Entry): void {
    if (entry.version !== this.version || entry.encoded.raw.length > MAX_ENTRY_BYTES) return;
    const previous = this.entries.get(key);
    if (previous) this.totalBytes -= previous.bytes;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.totalBytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.totalBytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.totalBytes -= old.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

function respond(
  entry: Entry,
  request: { ifNoneMatch?: string; acceptEncoding?: string; head: boolean },
  state: 'hit' | 'miss',
): Response {
  const headers = new Headers(entry.headers);
  headers.set('etag', entry.etag);
  headers.set('vary', 'Accept-Encoding');
  headers.set('cache-control', 'public, max-age=0, must-revalidate');
  headers.set('x-marke-cache', state);
  if (request.ifNoneMatch?.split(',').some((tag) => tag.trim() === entry.etag)) {
    return new Response(null, { status: 304, headers });
  }
  const { body, header } = encodedBody(entry.encoded, pickEncoding(request.acceptEncoding));
  if (header) headers.set('content-encoding', header);
  headers.set('content-length', String(body.length));
  return new Response(request.head ? null : new Uint8Array(body), { status: 200, headers });
}

/**
 * Marks a response as the same for every visitor, signed in or not (set by the public site's
 * routes, whose pages never read the session). Only such entries are served to signed-in users.
 */
export const SHARED_PAGE = 'sharedPage';
export type PageCacheEnv = { Variables: { [SHARED_PAGE]?: boolean } };

function signedIn(cookie: string | undefined): boolean {
  return /(?:^|;\s*)marke_session=/.test(cookie ?? '');
}

/** Turns a rendered response into a cache entry, or undefined when it must not be cached. */
async function toEntry(
  res: Response,
  version: string,
  shared: boolean,
): Promise<Entry | undefined> {
  const contentType = res.headers.get('content-type') ?? '';
  // A response with its own ETag keeps its own versions (the Hulpwijzer's open-data files,
  // ADR 0021): passed through as it is, its body never read here (it may be a stream).
  if (
    res.headers.has('etag') ||
    res.status !== 200 ||
    !CACHEABLE_TYPES.test(contentType) ||
    res.headers.get('cache-control')?.includes('no-store') ||
    res.headers.has('set-cookie')
  )
    return undefined;
  const body = Buffer.from(await res.arrayBuffer());
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 16);
  const headers = [...res.headers].filter(([name]) => !PER_RESPONSE.has(name.toLowerCase()));
  // Large (perhaps too large to keep: set() refuses it): no encodings made in advance. Counted
  // as twice its size, the most its two compressed forms of text can add.
  const large = body.length > FAST_ENCODING_BYTES;
  const encoded = large ? encodeOnce(body) : encodeAll(body);
  return {
    version,
    etag: `"v${version}-${hash}"`,
    headers,
    encoded,
    bytes: large ? 2 * body.length : encoded.raw.length + encoded.gzip.length + encoded.br.length,
    shared,
  };
}

/**
 * Middleware: serves cached bytes, or renders, stores and serves compressed bytes. Concurrent
 * misses for the same page wait for the one render already under way (after a change, twenty
 * visitors cost one render, not twenty).
 */
export function pageCacheMiddleware(cache: PageCache): MiddlewareHandler<PageCacheEnv> {
  const rendering = new Map<string, Promise<Entry | undefined>>();
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') return next();
    // Signed-in requests may see more than the public: they only get entries marked shared.
    const member = signedIn(c.req.header('cookie'));
    const url = new URL(c.req.url);
    const key = `${url.pathname}${url.search}`;
    const version = await cache.currentVersion();
    const request = {
      ifNoneMatch: c.req.header('if-none-match'),
      acceptEncoding: c.req.header('accept-encoding'),
      head: method === 'HEAD',
    };
    const usable = (entry: Entry | undefined) =>
      entry && (!member || entry.shared) ? entry : undefined;
    const cached = usable(cache.get(key, version));
    if (cached) {
      c.res = respond(cached, request, 'hit');
      return;
    }
    const flightKey = `${version} ${key}`;
    const inFlight = rendering.get(flightKey);
    if (inFlight) {
      const entry = usable(await inFlight);
      if (entry) {
        c.res = respond(entry, request, 'hit');
        return;
      }
      return next();
    }
    let finish: (entry: Entry | undefined) => void = () => {};
    rendering.set(
      flightKey,
      new Promise((resolve) => {
        finish = resolve;
      }),
    );
    let entry: Entry | undefined;
    try {
      await next();
      const shared = c.get(SHARED_PAGE) === true;
      // What a signed-in user saw on a page that is not shared is never kept for anyone.
      if (!member || shared) entry = await toEntry(c.res, version, shared);
    } finally {
      rendering.delete(flightKey);
      finish(entry);
    }
    if (!entry) return;
    cache.set(key, entry);
    c.res = respond(entry, request, 'miss');
  };
}
