/**
 * The Drenthe population file per postcode, loaded with the region: 260 postcode areas, five
 * indicators, sums per gemeente; a changed file reloads only its indicators; and a small postcode
 * is hidden with a sibling on every output, apart from the wijken of the same gemeente.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { areaIndex } from '../areas/index.js';
import { getRegion } from '../plan/index.js';
import { importIndicatorsFromDirectory, refreshSuppression } from './index.js';

const DIR = 'data/regions/drenthe';
const FILE = 'bevolking-pc4-leeftijd-2021.csv';
const CODES = [
  'pc4-aandeel-65-plus',
  'pc4-aandeel-75-plus',
  'pc4-inwoners',
  'pc4-inwoners-65-plus',
  'pc4-inwoners-75-plus',
];
const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** A copy of the Drenthe directory where postcode 7705 has only five inhabitants (age 0-4). */
async function directoryWithSmallPostcode(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marke-pc4-'));
  temps.push(dir);
  await cp(DIR, dir, { recursive: true });
  // The file has Windows line ends (\r\n); keep them.
  const lines = (await readFile(path.join(DIR, FILE), 'utf8')).split('\r\n').map((line) => {
    const cells = line.split(',');
    if (cells[0] !== '7705') return line;
    const count = cells[4] === '0-4' ? '5' : '0';
    return [...cells.slice(0, 5), count, count, '0'].join(',');
  });
  await writeFile(path.join(dir, FILE), lines.join('\r\n'));
  return dir;
}

describeEachDatabase('population per postcode', (get) => {
  async function regionId() {
    const region = await getRegion(get().db, 'drenthe');
    if (!region.ok) throw new Error('geen regio');
    return region.value.id;
  }

  async function figures(area?: string) {
    let query = get()
      .db.selectFrom('measurement')
      .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
      .innerJoin('area', 'area.code', 'measurement.area_code')
      .select([
        'indicator.code',
        'area_code',
        'area.level',
        'area.parent_code',
        'period',
        'value',
        'measurement.numerator',
        'measurement.denominator',
        'sample_size',
        'suppressed',
        'measurement.source',
      ])
      .where('indicator.code', 'in', CODES);
    if (area) query = query.where('area_code', '=', area);
    return query.execute();
  }

  it('loads 260 postcode areas under their gemeente, five indicators with sums, none hidden', async () => {
    const { db } = get();
    const areas = [...(await areaIndex(db, await regionId())).values()];
    const postcodes = areas.filter((a) => a.level === 'postcode');
    expect(postcodes).toHaveLength(260);
    const gemeenten = new Set(areas.filter((a) => a.level === 'gemeente').map((a) => a.code));
    expect(postcodes.every((p) => gemeenten.has(p.parentCode ?? ''))).toBe(true);
    expect(areas.find((a) => a.code === 'PC7705')).toMatchObject({
      name: '7705 Drogteropslagen',
      parentCode: 'GM1690',
    });
    const all = await figures();
    expect(all).toHaveLength(5 * (260 + 12 + 1));
    const of = (code: string, area: string) =>
      all.find((f) => f.code === code && f.area_code === area);
    // 7705: the 20 age groups add up to 340; 65+ = 20+10+15+5 = 50; 75+ = 15+5 = 20.
    expect(Number(of('pc4-inwoners', 'PC7705')?.value)).toBe(340);
    expect(Number(of('pc4-inwoners-65-plus', 'PC7705')?.value)).toBe(50);
    expect(Number(of('pc4-inwoners-75-plus', 'PC7705')?.sample_size)).toBe(340);
    expect(of('pc4-aandeel-65-plus', 'PC7705')).toMatchObject({ period: '2021' });
    expect(Number(of('pc4-aandeel-65-plus', 'PC7705')?.numerator)).toBe(50);
    expect(Number(of('pc4-aandeel-65-plus', 'PC7705')?.denominator)).toBe(340);
    expect(Number(of('pc4-aandeel-65-plus', 'PC7705')?.value)).toBeCloseTo(14.7059, 4);
    expect(of('pc4-inwoners', 'PC7705')?.source).toContain('CBS');
    // A gemeente is the sum of its postcodes; the province of all 260.
    for (const code of CODES.filter((c) => c.startsWith('pc4-inwoners'))) {
      const sum = all
        .filter((f) => f.code === code && f.parent_code === 'GM1690')
        .reduce((s, f) => s + Number(f.value), 0);
      expect(Number(of(code, 'GM1690')?.value)).toBe(sum);
    }
    expect(Number(of('pc4-inwoners', 'PV22')?.value)).toBe(494_695);
    // The smallest postcodes have 10 inhabitants: at the threshold, so nothing is hidden.
    expect(all.filter((f) => f.suppressed !== null)).toEqual([]);
  });

  it('reloads only the postcode indicators when the file changes, and hides a small postcode with a sibling', async () => {
    const { db } = get();
    const id = await regionId();
    expect(await importIndicatorsFromDirectory(db, id, DIR, 'test')).toEqual({
      ok: true,
      value: { status: 'unchanged' },
    });
    const dir = await directoryWithSmallPostcode();
    const loaded = await importIndicatorsFromDirectory(db, id, dir, 'test');
    expect(loaded).toMatchObject({ ok: true, value: { status: 'loaded', indicators: 5 } });
    expect(await importIndicatorsFromDirectory(db, id, dir, 'test')).toEqual({
      ok: true,
      value: { status: 'unchanged' },
    });
    const all = await figures();
    // 7705 (5 inhabitants) on its own; 7935 (75, the smallest other postcode of De Wolden) so
    // that De Wolden minus the other postcodes does not give 7705 away. The same two on all five.
    for (const code of CODES) {
      const hidden = all.filter((f) => f.code === code && f.suppressed !== null);
      expect(hidden.map((f) => [f.area_code, f.suppressed]).sort(), code).toEqual([
        ['PC7705', 'primary'],
        ['PC7935', 'secondary'],
      ]);
    }
    expect(
      Number(all.find((f) => f.code === 'pc4-inwoners' && f.area_code === 'GM1690')?.value),
    ).toBe(24_380 - 340 + 5);
  });

  it('shows the hidden postcodes nowhere: profile, indicator page, API, CSV', async () => {
    const { app } = testApp(get().db);
    const profile = await (await app.request('/datawerkplaats/gebied/GM1690')).text();
    const row = (html: string, postcode: string) =>
      html.match(new RegExp(`<th[^>]*scope="row"[^>]*>${postcode}</th>(.*?)</tr>`, 's'))?.[1] ?? '';
    for (const postcode of ['7705', '7935']) {
      const cells = row(profile, postcode);
      expect(cells, postcode).not.toBe('');
      expect(cells.match(/te weinig waarnemingen/g), postcode).toHaveLength(5);
      expect(cells, postcode).not.toMatch(/[0-9]+,[0-9]%|>[0-9.]+</);
    }
    // A visible postcode of the same gemeente, for contrast: its inhabitants are shown.
    expect(row(profile, '7964')).toContain('350');
    expect(profile).toContain('Periode: 2021');
    expect(profile).toContain('CBS, Bevolking en leeftijd per postcode (83502NED)');
    const csv = await (await app.request('/api/v1/regions/drenthe/measurements.csv')).text();
    for (const code of CODES)
      for (const area of ['PC7705', 'PC7935'])
        expect(csv).toMatch(new RegExp(`\\n${code},${area},2021,x,,,,,,`));
    for (const code of CODES) {
      const json = (await (
        await app.request(`/api/v1/regions/drenthe/indicators/${code}`)
      ).json()) as { measurements: Array<Record<string, unknown>> };
      const hidden = json.measurements.filter((m) =>
        ['PC7705', 'PC7935'].includes(`${m.area_code}`),
      );
      expect(hidden, code).toHaveLength(2);
      for (const m of hidden) {
        expect(m).toMatchObject({
          value: null,
          numerator: null,
          denominator: null,
          sample_size: null,
        });
        expect(m.missing_reason).toMatch(/^te weinig waarnemingen/);
      }
      const page = await (await app.request(`/indicatoren/${code}`)).text();
      for (const area of ['PC7705', 'PC7935']) {
        const cell = page.match(new RegExp(`${area}</span></th>(.*?)</tr>`, 's'))?.[1] ?? '';
        expect(cell, `${code} ${area}`).toContain('te weinig waarnemingen');
        expect(cell, `${code} ${area}`).not.toMatch(/n = /);
      }
    }
  });

  it('keeps wijk figures in their own group: a small wijk still takes a wijk sibling with it', async () => {
    const { db } = get();
    const id = await regionId();
    const indicator = await db
      .selectFrom('indicator')
      .select('id')
      .where('code', '=', 'hybride-zorg-gebruik')
      .executeTakeFirstOrThrow();
    // De Wolden and its 14 wijken: Wijk 03 rests on 6 people, Wijk 01 is the smallest other.
    const wijken = Array.from({ length: 14 }, (_, i) => `WK1690${String(i).padStart(2, '0')}`);
    const size = (code: string) => (code === 'WK169003' ? 6 : code === 'WK169001' ? 50 : 100);
    await db
      .insertInto('measurement')
      .values(
        ['GM1690', ...wijken].map((code) => ({
          indicator_id: indicator.id,
          area_code: code,
          period: '2025',
          value: 30,
          numerator: code === 'GM1690' ? 1000 : Math.round(size(code) * 0.3),
          denominator: code === 'GM1690' ? 3000 : size(code),
          source: 'Test',
        })),
      )
      .execute();
    await refreshSuppression(db, id, [indicator.id]);
    const rows = await db
      .selectFrom('measurement')
      .select(['area_code', 'suppressed'])
      .where('indicator_id', '=', indicator.id)
      .where('period', '=', '2025')
      .where('suppressed', 'is not', null)
      .orderBy('area_code')
      .execute();
    // With one mixed group (wijken + postcodes without figures) Wijk 01 would stay visible.
    expect(rows).toEqual([
      { area_code: 'WK169001', suppressed: 'secondary' },
      { area_code: 'WK169003', suppressed: 'primary' },
    ]);
  });
});
