/**
 * Paging of one need (`pagina`, issue 5 §2): a gemeente page's "Alle N bekijken" leads to all N,
 * page by page in the search's own order (ladder, then nearness), each listing once; a question's
 * section links to the rest of its need; a bad page number gets a Dutch message, never a 500; a
 * page stays within the 40 KB budget.
 */
import { brotliCompressSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import type { Database } from '../../db/schema.js';
import { GEMEENTE, generateServices } from './many-services.test-helpers.js';
import { CARDS_PER_NEED } from './search.service.js';
import { LADDER_LABELS } from './views/service-card.js';
import { isVisibleEntry } from './visibility.sql.js';

const NEED = 'eenzaamheid';
const REGIONAL = 6;
const LADDER = Object.values(LADDER_LABELS);

const decode = (text: string) =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** The need's cards on a result page: number (from the heading id), name, ladder step. */
function cardsOf(html: string, need = NEED) {
  const start = html.indexOf(`id="behoefte-${need}"`);
  if (start < 0) return [];
  const section = html.slice(start, html.indexOf('</section>', start));
  return [
    ...section.matchAll(
      new RegExp(
        `<h4 class="utrecht-heading-4" id="${need}-(\\d+)">([^<]*)[\\s\\S]*?<p class="marke-muted">([^·<]+) ·`,
        'g',
      ),
    ),
  ].map((m) => ({
    number: Number(m[1]),
    name: decode((m[2] ?? '').trim()),
    step: LADDER.indexOf((m[3] ?? '').trim()),
  }));
}

/** The link with this rel (next/prev) on a result page. */
const linkOf = (html: string, rel: string) =>
  decode(new RegExp(`<a class="utrecht-link" href="([^"]+)" rel="${rel}"`).exec(html)?.[1] ?? '');

/** The visible services for the need by name, with their tier for a whole gemeente. */
async function listedFor(db: Kysely<Database>, need: string) {
  const { id: regionId } = await db
    .selectFrom('region')
    .select('id')
    .where('code', '=', 'drenthe')
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('hsds_search_entry as e')
    .select(['e.name', 'e.area_codes', 'e.need_codes'])
    .where(isVisibleEntry('e', regionId))
    .execute();
  const local = (a: string) => a.startsWith(`WK${GEMEENTE.slice(2)}`) || a.startsWith('BU1680');
  const tierOf = (areas: string[]) =>
    areas.some(local)
      ? 0
      : areas.includes(GEMEENTE)
        ? 1
        : areas.includes('regio')
          ? 2
          : areas.includes('online')
            ? 3
            : 4;
  return new Map(
    rows
      .filter((r) => r.need_codes.includes(need) && tierOf(r.area_codes) < 4)
      .map((r) => [r.name, tierOf(r.area_codes)]),
  );
}

describeEachDatabase('Hulpwijzer: all help of one need, page by page', (get) => {
  const request = (url: string) => testApp(get().db).app.request(url);
  // More than a few pages of one need in Aa en Hunze, a few of them for the whole region (which
  // the search shows beside the gemeente's own), added once for all tests of the file.
  let generated: Promise<void> | undefined;
  const ready = () => {
    generated ??= (async () => {
      const db = get().db;
      await generateServices(db, 400);
      const regional = await db
        .selectFrom('hsds_service as s')
        .innerJoin('hsds_organization as o', 'o.id', 's.organization_id')
        .innerJoin('hsds_search_entry as e', 'e.service_id', 's.id')
        .select('s.id')
        .where('o.name', '=', 'Voorbeeldorganisatie (veel diensten)')
        .where(sql<boolean>`${NEED} = any(e.need_codes)`)
        .orderBy('s.name')
        .limit(REGIONAL)
        .execute();
      await db
        .updateTable('hsds_service_area')
        .set({ area_code: 'regio' })
        .where(
          'service_id',
          'in',
          regional.map((r) => r.id),
        )
        .execute();
    })();
    return generated;
  };

  it('leads from "Alle N bekijken" to all N, each once, in ladder order, pages ≤ 40 KB', async () => {
    const db = get().db;
    await ready();
    const gemeente = await (await request(`/hulpwijzer/gemeente/${GEMEENTE}`)).text();
    const section = gemeente.slice(gemeente.indexOf(`id="onderwerp-${NEED}"`));
    const all = Number(/Alle (\d+) bekijken/.exec(section)?.[1]);
    const listed = await listedFor(db, NEED);
    const inGemeente = [...listed].filter(([, tier]) => tier <= 1).map(([name]) => name);
    expect(all).toBe(inGemeente.length);
    expect(listed.size - all).toBe(REGIONAL);
    expect(all).toBeGreaterThan(CARDS_PER_NEED * 2);
    let url = decode(/<a class="utrecht-link" href="([^"]+)"/.exec(section)?.[1] ?? '');
    expect(url).toBe(`/hulpwijzer?onderwerp=${NEED}&plaats=Aa%20en%20Hunze`);

    const seen: ReturnType<typeof cardsOf> = [];
    const urls: string[] = [];
    while (url) {
      const res = await request(url);
      expect(res.status, url).toBe(200);
      const html = await res.text();
      const cards = cardsOf(html);
      // Page 2 goes on where page 1 ended: numbered on from the last card, never empty.
      expect(cards.map((c) => c.number)).toEqual(cards.map((_, i) => seen.length + i + 1));
      expect(cards.length).toBe(Math.min(CARDS_PER_NEED, listed.size - seen.length));
      expect(html).toContain(
        `Er is ${listed.size} keer hulp bij dit onderwerp: ${all} in Aa en Hunze en ${listed.size - all} voor de hele regio of online.`,
      );
      const size = brotliCompressSync(Buffer.from(html)).length;
      expect(size, `${url}: ${size} bytes with brotli`).toBeLessThanOrEqual(40 * 1024);
      expect(html.length, url).toBeLessThan(100 * 1024);
      if (urls.length > 0) expect(linkOf(html, 'prev')).toBe(urls[urls.length - 1]);
      else expect(linkOf(html, 'prev')).toBe('');
      seen.push(...cards);
      urls.push(url);
      url = linkOf(html, 'next');
    }
    expect(urls.length).toBe(Math.ceil(listed.size / CARDS_PER_NEED));
    expect(urls[1]).toBe(`/hulpwijzer?onderwerp=${NEED}&plaats=Aa%20en%20Hunze&pagina=2`);
    // Every listing exactly once: all N of the gemeente page, and the region's help beside them.
    const names = seen.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(listed.size);
    expect(names.filter((n) => (listed.get(n) ?? 9) <= 1).sort()).toEqual(inGemeente.sort());
    // Ladder first, then the gemeente's own help before the region's, across every page.
    const keys = seen.map((c) => [c.step, listed.get(c.name) ?? 9] as const);
    for (const [i, [step, tier]] of keys.entries()) {
      expect(step).toBeGreaterThanOrEqual(0);
      const [stepBefore, tierBefore] = keys[i - 1] ?? [0, 0];
      expect(step > stepBefore || (step === stepBefore && tier >= tierBefore), names[i]).toBe(true);
    }
  });

  it("links a question's section to the next page of its need, which goes on from it", async () => {
    await ready();
    const html = await (
      await request('/hulpwijzer?vraag=ik+ben+eenzaam&plaats=Aa+en+Hunze')
    ).text();
    const first = cardsOf(html);
    expect(first).toHaveLength(CARDS_PER_NEED);
    const more =
      /<a class="utrecht-link" href="([^"]+)">Meer hulp bij [^<]+ bekijken \(nog (\d+)\)/.exec(
        html,
      );
    expect(decode(more?.[1] ?? '')).toBe(
      `/hulpwijzer?onderwerp=${NEED}&plaats=Aa%20en%20Hunze&pagina=2`,
    );
    const page1 = cardsOf(
      await (await request(`/hulpwijzer?onderwerp=${NEED}&plaats=Aa+en+Hunze`)).text(),
    );
    expect(page1.map((c) => c.name)).toEqual(first.map((c) => c.name));
    const page2 = cardsOf(await (await request(decode(more?.[1] ?? ''))).text());
    expect(page2[0]?.number).toBe(CARDS_PER_NEED + 1);
    expect(page2.some((c) => first.some((f) => f.name === c.name))).toBe(false);
    const listed = await listedFor(get().db, NEED);
    expect(Number(more?.[2])).toBe(listed.size - CARDS_PER_NEED);
  });

  it('answers a bad or missing page in Dutch with a way back, never a 500', async () => {
    await ready();
    const base = `/hulpwijzer?onderwerp=${NEED}&plaats=Aa+en+Hunze`;
    const listed = await listedFor(get().db, NEED);
    const pages = Math.ceil(listed.size / CARDS_PER_NEED);
    for (const value of ['abc', '0', '-1', '1.5', '2e1', '99999', 'x%00', '1%202']) {
      const res = await request(`${base}&pagina=${value}`);
      expect(res.status, value).toBe(400);
      const page = await res.text();
      expect(page, value).toContain('Dit paginanummer klopt niet.');
      expect(page).toContain(`href="/hulpwijzer?onderwerp=${NEED}&amp;plaats=Aa%20en%20Hunze"`);
      expect(cardsOf(page)).toEqual([]);
    }
    for (const value of [pages + 1, 9999]) {
      const res = await request(`${base}&pagina=${value}`);
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain(
        `Pagina ${value} is er niet. Bij dit onderwerp zijn er ${pages} pagina&#39;s.`,
      );
      expect(page).toContain('id="pagina"');
    }
    // Only one topic has pages: with a question (or nothing) a page number is refused.
    for (const url of [
      '/hulpwijzer?vraag=eenzaam&plaats=Grolloo&pagina=2',
      '/hulpwijzer?pagina=2',
    ]) {
      const res = await request(url);
      expect(res.status, url).toBe(400);
      expect(await res.text()).toContain('Verder kijken kan alleen bij één onderwerp.');
    }
    // Empty and 1 are the first page; the last page is there.
    expect((await request(`${base}&pagina=`)).status).toBe(200);
    expect(cardsOf(await (await request(`${base}&pagina=1`)).text())[0]?.number).toBe(1);
    const last = await request(`${base}&pagina=${pages}`);
    expect(last.status).toBe(200);
    expect(last.headers.get('cache-control')).toBe('no-store');
    expect(linkOf(await last.text(), 'next')).toBe('');
    // Unknown parameters are still refused.
    expect((await request(`${base}&page=2`)).status).toBe(400);
  });
});
