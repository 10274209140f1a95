/**
 * The page cache: compressed bytes with an ETag, 304 on revalidation, and invalidation across
 * two app instances on one database when the data version changes.
 */
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  gunzipSync,
  gzipSync,
} from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/db.js';
import { openDatabase } from '../db/database.js';
import { bumpDataVersion } from '../modules/plan/index.js';
import { PageCache, type PageCacheEnv, pageCacheMiddleware, SHARED_PAGE } from './page-cache.js';

describeEachDatabase('page cache', (get) => {
  it('serves cached pages compressed, with an ETag and 304 on revalidation', async () => {
    const { app } = testApp(get().db);
    const first = await app.request('/doelen/2.1.1.a', {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(first.headers.get('x-marke-cache')).toBe('miss');
    expect(first.headers.get('content-encoding')).toBe('br');
    const etag = first.headers.get('etag') ?? '';
    const second = await app.request('/doelen/2.1.1.a', { headers: { 'accept-encoding': 'gzip' } });
    expect(second.headers.get('x-marke-cache')).toBe('hit');
    expect(second.headers.get('content-encoding')).toBe('gzip');
    expect(second.headers.get('etag')).toBe(etag);
    const revalidated = await app.request('/doelen/2.1.1.a', {
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(304);
  });

  it('never caches error responses', async () => {
    const { app, cache } = testApp(get().db);
    await app.request('/doelen/2.9.9');
    await app.request('/doelen/2.9.9');
    expect(cache.size).toBe(0);
  });

  it('invalidates the cache of a second app instance when the data changes', async () => {
    const db = get().db;
    // On PostgreSQL the second instance has its own connection pool, as a second process would.
    const url = get().url;
    const second = url ? await openDatabase({ kind: 'postgres', url, poolSize: 2 }) : undefined;
    onTestFinished(async () => {
      await second?.close();
    });
    const a = testApp(db);
    const b = testApp(second?.db ?? db);
    const beforeA = await a.app.request('/');
    const beforeB = await b.app.request('/');
    expect((await b.app.request('/')).headers.get('x-marke-cache')).toBe('hit');
    const etagBefore = beforeB.headers.get('etag');
    expect(beforeA.headers.get('etag')).toBe(etagBefore);
    // Instance A (or an import in another process) changes the data.
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('plan')
        .set({ subtitle: 'Nieuwe ondertitel voor de cachetest' })
        .execute();
      await bumpDataVersion(trx);
    });
    const afterB = await b.app.request('/');
    expect(afterB.headers.get('x-marke-cache')).toBe('miss');
    expect(afterB.headers.get('etag')).not.toBe(etagBefore);
    expect(await afterB.text()).toContain('Nieuwe ondertitel voor de cachetest');
    expect(await (await a.app.request('/')).text()).toContain(
      'Nieuwe ondertitel voor de cachetest',
    );
  });
});

describe('page cache middleware', () => {
  function appWithCounter(version = 'v1') {
    const cache = new PageCache(async () => version, 0);
    const app = new Hono<PageCacheEnv>();
    const renders = { shared: 0, own: 0 };
    app.use('*', pageCacheMiddleware(cache));
    app.get('/gedeeld', async (c) => {
      renders.shared++;
      c.set(SHARED_PAGE, true);
      // Slow enough that the concurrent requests below arrive while this render is under way.
      await new Promise((resolve) => setTimeout(resolve, 30));
      return c.html('<p>voor iedereen</p>');
    });
    app.get('/eigen', (c) => {
      renders.own++;
      return c.html('<p>niet gedeeld</p>');
    });
    return { app, renders };
  }
  const asMember = { headers: { cookie: 'marke_session=abc' } };

  it('renders a page once for concurrent misses and serves every waiter the same bytes', async () => {
    const { app, renders } = appWithCounter();
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.request('/gedeeld')));
    expect(renders.shared).toBe(1);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies)).toEqual(new Set(['<p>voor iedereen</p>']));
    expect(responses.filter((r) => r.headers.get('x-marke-cache') === 'miss')).toHaveLength(1);
  });

  it('serves shared pages to signed-in users from the cache, other pages never', async () => {
    const { app, renders } = appWithCounter();
    await app.request('/gedeeld');
    expect((await app.request('/gedeeld', asMember)).headers.get('x-marke-cache')).toBe('hit');
    expect(renders.shared).toBe(1);
    await app.request('/eigen');
    expect((await app.request('/eigen')).headers.get('x-marke-cache')).toBe('hit');
    const member = await app.request('/eigen', asMember);
    expect(member.headers.get('x-marke-cache')).toBeNull();
    expect(renders.own).toBe(2);
    // A signed-in render of a page that is not shared is not stored for anyone either.
    const fresh = appWithCounter();
    await fresh.app.request('/eigen', asMember);
    expect((await fresh.app.request('/eigen')).headers.get('x-marke-cache')).toBe('miss');
  });

  it('sends a body too large to keep compressed in the encoding asked for, and keeps none', async () => {
    const cache = new PageCache(async () => 'v1', 0);
    const app = new Hono<PageCacheEnv>();
    app.use('*', pageCacheMiddleware(cache));
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ code: `BU${i}`, value: i / 10 }));
    app.get('/groot', (c) => c.json(rows));
    const br = await app.request('/groot', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const raw = brotliDecompressSync(Buffer.from(await br.arrayBuffer()));
    expect(raw.length).toBeGreaterThan(512 * 1024);
    expect(JSON.parse(raw.toString())).toEqual(rows);
    const gzip = await app.request('/groot', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('x-marke-cache')).toBe('miss');
    expect(JSON.parse(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString())).toEqual(rows);
    expect((await (await app.request('/groot')).json()) as unknown).toEqual(rows);
    expect(cache.size).toBe(0);
  });

  it('keeps a large body, compressed only as asked and at the fast setting', async () => {
    const cache = new PageCache(async () => 'v1', 0);
    const app = new Hono<PageCacheEnv>();
    let renders = 0;
    app.use('*', pageCacheMiddleware(cache));
    // Numbers that compress badly: raw, gzip and brotli together are over the 512 KB limit,
    // which the cache used to count (and then kept nothing).
    const random = (i: number) => Math.sin(i * 12.9898) * 43758.5453;
    const rows = Array.from({ length: 20_000 }, (_, i) => random(i));
    app.get('/middel', (c) => {
      renders++;
      return c.json(rows);
    });
    const first = await app.request('/middel', { headers: { 'accept-encoding': 'br' } });
    expect(first.headers.get('x-marke-cache')).toBe('miss');
    const sent = Buffer.from(await first.arrayBuffer());
    const raw = brotliDecompressSync(sent);
    expect(raw.length).toBeGreaterThan(256 * 1024);
    expect(raw.length).toBeLessThan(512 * 1024);
    expect(raw.length + gzipSync(raw).length + sent.length).toBeGreaterThan(512 * 1024);
    // Brotli at the fast setting (quality 1), made for this client only.
    const fast = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    expect(sent.equals(fast)).toBe(true);
    const again = await app.request('/middel', { headers: { 'accept-encoding': 'gzip' } });
    expect(again.headers.get('x-marke-cache')).toBe('hit');
    expect(JSON.parse(gunzipSync(Buffer.from(await again.arrayBuffer())).toString())).toEqual(rows);
    expect(renders).toBe(1);
    expect(cache.size).toBe(1);
  });
});
