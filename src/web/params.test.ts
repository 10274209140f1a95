/**
 * Query strings: a link shared with tracking parameters (fbclid, utm_source …) opens the public
 * page through a redirect to the same address without them; every other unknown parameter, and
 * any parameter the API does not take, still answers 400.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/db.js';
import { isTrackingParameter } from './params.js';

const TRACKING =
  'fbclid=IwAR2xYz_abc&gclid=Cj0KCQ&utm_source=facebook&utm_medium=social&utm_campaign=mantelzorg' +
  '&utm_term=logeren&utm_content=post1&mc_eid=4d2f&mc_cid=9a1';

describe('isTrackingParameter', () => {
  it('knows the tracking names of shared links, in any case, and none of the pages’ own', () => {
    for (const name of ['fbclid', 'gclid', 'utm_source', 'UTM_Medium', 'utm_whatever', 'mc_eid'])
      expect(isTrackingParameter(name), name).toBe(true);
    for (const name of ['vraag', 'plaats', 'onderwerp', 'q', 'utm', 'status', 'fbclid2'])
      expect(isTrackingParameter(name), name).toBe(false);
  });
});

describeEachDatabase('tracking parameters on shared links', (get) => {
  const request = (url: string, init?: RequestInit) => testApp(get().db).app.request(url, init);

  it.each([
    ['/', '/'],
    ['/doelen/2.1.1', '/doelen/2.1.1'],
    ['/werkagenda', '/werkagenda'],
    ['/hulpwijzer', '/hulpwijzer'],
    ['/hulpwijzer/gemeente/GM1680', '/hulpwijzer/gemeente/GM1680'],
    ['/regio/drenthe/hulpwijzer/begin?voor=mezelf', '/regio/drenthe/hulpwijzer/begin?voor=mezelf'],
    [
      '/hulpwijzer?vraag=ik%20ben%20eenzaam&plaats=Grolloo',
      '/hulpwijzer?vraag=ik%20ben%20eenzaam&plaats=Grolloo',
    ],
  ])('%s with tracking parameters is sent to itself without them', async (page, target) => {
    const joiner = page.includes('?') ? '&' : '?';
    const res = await request(`${page}${joiner}${TRACKING}`);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(target);
    expect((await request(target)).status).toBe(200);
  });

  it('keeps the page’s own parameters byte for byte and in their order, wherever the codes are', async () => {
    const res = await request(
      '/hulpwijzer?utm_source=fb&vraag=mijn+vader+is+vaak+alleen&fbclid=x&plaats=9444&utm_medium=social',
    );
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(
      '/hulpwijzer?vraag=mijn+vader+is+vaak+alleen&plaats=9444',
    );
    const head = await request('/verhalen?fbclid=abc', { method: 'HEAD' });
    expect(head.status).toBe(301);
    expect(head.headers.get('location')).toBe('/verhalen');
  });

  it('still refuses other unknown parameters on pages, and everything unknown in the API', async () => {
    const mixed = await request('/hulpwijzer?vraag=eenzaam&foo=bar&fbclid=abc');
    expect(mixed.status).toBe(301);
    const cleaned = await request(mixed.headers.get('location') ?? '');
    expect(cleaned.status).toBe(400);
    expect(await cleaned.text()).toContain('foo');
    expect((await request('/doelen/2.1.1?foo=bar')).status).toBe(400);
    for (const url of [
      '/api/v1/regions/drenthe/goals?utm_source=facebook',
      '/api/hsds/services?fbclid=abc',
    ]) {
      const api = await request(url);
      expect(api.status, url).toBe(400);
      expect(api.headers.get('content-type')).toContain('problem+json');
    }
  });
});
