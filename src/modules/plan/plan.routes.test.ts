/** Route tests with app.request(): every page type, canonical URLs, Dutch 404/400, headers. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';

describeEachDatabase('public pages', (get) => {
  const request = (path: string, init?: RequestInit) => testApp(get().db).app.request(path, init);

  it.each([
    ['/', 'Drentse Droom'],
    ['/opgaven/netwerkaanpak', 'Wat is de opgave en waarom?'],
    ['/doelen', 'Alle doelen'],
    ['/doelen/2.1.1', 'Strategisch doel 2.1.1'],
    ['/doelen/2.1.1.a', 'community care'],
    ['/doelen/2.1.3.e', 'ontbreekt in de bronversie'],
    ['/doelen/2.6.3.a', 'Oplossingsrichting 2.6.3. A'],
    ['/programmas', 'Hart voor Elkaar'],
    ['/organisaties', 'Leidende coalitie'],
    ['/organisaties/cosis', 'Cosis'],
    ['/governance', 'Schrijfteam'],
    ['/begrippen', 'Naoberschap'],
    ['/initiatieven', 'Assen Bloeit'],
    ['/plan', 'Monitoring'],
    ['/plan/monitoring', 'GGD Drenthe'],
    ['/open-data', 'export.json'],
    ['/themas/mentale-gezondheid', 'Ambitie voor 2040'],
    ['/zoeken', 'Zoekwoorden'],
  ])('%s renders in Dutch with the content', async (path, text) => {
    const res = await request(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('href="#inhoud"');
    expect(html).toContain(text);
  });

  it('shows an operational goal with initiatives, initiators, related goals both ways and programmes', async () => {
    const html = await (await request('/doelen/2.2.2.a')).text();
    expect(html).toContain('Inspirerende initiatieven');
    expect(html).toContain('/initiatieven/');
    expect(html).toContain('Dit doel noemt:');
    expect(html).toContain('/doelen/2.6.1.a');
    // Parties named as a whole group link to their sector on the organisations page.
    expect(html).toContain('href="/organisaties#sector-huisartsen"');
    expect(html).toContain('href="/organisaties#sector-drentse-vvt-partijen"');
    const organisations = await (await request('/organisaties')).text();
    expect(organisations).toMatch(
      /De hele sector Huisartsen wordt als groep genoemd[\s\S]*href="\/doelen\/2\.2\.2\.a"/,
    );
    const target = await (await request('/doelen/2.6.1.a')).text();
    expect(target).toContain('Dit doel wordt genoemd bij:');
    expect(target).toContain('/doelen/2.2.2.a');
    const withProgramme = await (await request('/doelen/2.2.1.b')).text();
    expect(withProgramme).toContain('/programmas/advance-care-planning');
    expect(withProgramme).toContain('noemt dit doel');
    expect(html).toContain('via de hele opgave');
  });

  it('draws the opgave timeline as an SVG with a title, a description and the table beside it', async () => {
    const html = await (await request('/opgaven/toekomstbestendige-arbeidsmarkt')).text();
    expect(html).toMatch(/<svg class="marke-timeline-svg"[^>]*role="img"/);
    expect(html).toContain('<title id="tijdlijn-titel">');
    expect(html).toContain('<desc id="tijdlijn-uitleg">');
    // 2.5.1. A: planned 2024–2026 in the plan's table, deadline 2025 in its text.
    expect(html).toContain('<title>2.5.1. A: doeljaar 2025, gepland: 2024, 2025, 2026</title>');
    expect(html).toContain('<caption');
  });

  it('redirects non-canonical goal codes and opgave numbers', async () => {
    for (const path of ['/doelen/2.1.1.A', '/doelen/2.1.1-a', '/doelen/2.1.1.%20A']) {
      const res = await request(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get('location')).toBe('/doelen/2.1.1.a');
    }
    const res = await request('/opgaven/1');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/opgaven/netwerkaanpak');
  });

  it.each([
    '/doelen/2.9.9',
    '/doelen/2.1.1.z',
    '/doelen/onzin',
    '/opgaven/bestaat-niet',
    '/programmas/x',
    '/organisaties/x',
    '/plan/x',
    '/initiatieven/x',
    '/nergens',
    '/regio/atlantis/',
  ])('%s is a Dutch 404 page', async (path) => {
    const res = await request(path);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('lang="nl"');
    expect(html).toMatch(/bestaat niet|niet vinden|staat niet/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a too long search with a 400 page, not a 500', async () => {
    const res = await request(`/zoeken?q=${'a'.repeat(201)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('te lang');
    const empty = await request('/zoeken?q=%21%21');
    expect(empty.status).toBe(400);
  });

  it('sends security headers and a CSP without inline scripts', async () => {
    const res = await request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('set-cookie')).toBeNull();
    const html = await res.text();
    expect(html).not.toMatch(/<script/);
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
  });

  it('serves the stylesheet fingerprinted, compressed and cacheable for a year', async () => {
    const html = await (await request('/')).text();
    const href = /href="(\/assets\/marke\.[a-f0-9]+\.css)"/.exec(html)?.[1] ?? '';
    const res = await request(href, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });
});
