/**
 * Boundary years: a figure's code that is missing from the boundaries of its period's year is
 * reported (with the years that do have it), and the codes added or dropped between years are
 * listed on /datawerkplaats/gebiedsindeling.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { json } from '../../db/upsert.js';
import { getRegion } from '../plan/index.js';
import {
  type BoundaryCode,
  boundaryGapMessage,
  boundaryYearFor,
  compareBoundaryYears,
  findBoundaryGaps,
  periodYear,
} from './boundary-years.js';
import { boundaryGaps, boundaryYearChanges } from './index.js';

const b = (level: string, year: number, code: string, name = code): BoundaryCode => ({
  level,
  year,
  area_code: code,
  name,
  source: `Test ${year}`,
});
// GM0002 exists only in 2022, GM0003 only in 2024 (say GM0002 merged into GM0003).
const BOUNDARIES = [
  b('gemeente', 2022, 'GM0001', 'Eerste'),
  b('gemeente', 2022, 'GM0002', 'Oud'),
  b('gemeente', 2024, 'GM0001', 'Eerste'),
  b('gemeente', 2024, 'GM0003', 'Nieuw'),
  b('provincie', 2022, 'PV99', 'Testprovincie'),
];
const AREAS = new Map([
  ['GM0001', { level: 'gemeente' as const, name: 'Eerste', inRegion: true }],
  ['GM0002', { level: 'gemeente' as const, name: 'Oud', inRegion: true }],
  ['GM0003', { level: 'gemeente' as const, name: 'Nieuw', inRegion: true }],
  ['WK000100', { level: 'wijk' as const, name: 'Wijk', inRegion: true }],
]);

describe('periodYear and boundaryYearFor', () => {
  it('reads the year of every period shape and refuses what is no period', () => {
    expect(['2024', '2024-H2', '2024-Q3', '2024-05'].map(periodYear)).toEqual([
      2024, 2024, 2024, 2024,
    ]);
    expect(['24', '2024-13', '2024-Q5', ''].map(periodYear)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('takes the latest year not after the period, else the earliest (the boundariesForPeriod rule)', () => {
    expect(boundaryYearFor([2022, 2024], 2025)).toBe(2024);
    expect(boundaryYearFor([2024, 2022], 2023)).toBe(2022);
    expect(boundaryYearFor([2022, 2024], 2024)).toBe(2024);
    expect(boundaryYearFor([2022, 2024], 2015)).toBe(2022);
    expect(boundaryYearFor([], 2024)).toBeUndefined();
  });
});

describe('findBoundaryGaps', () => {
  it('reports codes missing from the boundary year of their period, with the years that have them', () => {
    const rows = [
      { areaCode: 'GM0002', period: '2024', row: 2 },
      { areaCode: 'GM0002', period: '2023', row: 3 },
      { areaCode: 'GM0003', period: '2020', row: 4 },
      { areaCode: 'GM0003', period: '2024-Q3', row: 5 },
      { areaCode: 'GM0002', period: '2025-05', row: 6 },
      { areaCode: 'GM0001', period: '2015', row: 7 },
      { areaCode: 'WK000100', period: '2024', row: 8 },
      { areaCode: 'GM9999', period: '2024-H1', row: 9 },
      { areaCode: 'GM0002', period: 'vorig jaar', row: 10 },
      { areaCode: 'onzin', period: '2024', row: 11 },
    ];
    const gaps = findBoundaryGaps(rows, BOUNDARIES, AREAS);
    expect(gaps.map((g) => [g.row.row, g.year, g.otherYears, g.knownArea])).toEqual([
      [2, 2024, [2022], true],
      // A period before the earliest boundary year is drawn on the earliest (2022) set.
      [4, 2022, [2024], true],
      [6, 2024, [2022], true],
      // A code the region does not know: its level comes from its prefix.
      [9, 2024, [], false],
    ]);
    expect(gaps[0]?.level).toBe('gemeente');
    expect(gaps[0]?.row).toBe(rows[0]);
    expect(gaps[0] && boundaryGapMessage(gaps[0])).toBe(
      'GM0002 bestaat niet in de gebiedsindeling van 2024 (gemeente); is de code veranderd? Die code staat wel in 2022.',
    );
    expect(gaps[3] && boundaryGapMessage(gaps[3])).toBe(
      'GM9999 bestaat niet in de gebiedsindeling van 2024 (gemeente); is de code veranderd?',
    );
  });
});

describe('compareBoundaryYears', () => {
  it('lists per level the years and the codes added and removed between consecutive years', () => {
    const levels = compareBoundaryYears(
      [...BOUNDARIES, b('gemeente', 2025, 'GM0001'), b('gemeente', 2025, 'GM0003')],
      AREAS,
    );
    expect(levels.map((l) => l.level)).toEqual(['provincie', 'gemeente']);
    const gemeente = levels[1];
    expect(gemeente?.years).toEqual([
      { year: 2022, count: 2, sources: ['Test 2022'] },
      { year: 2024, count: 2, sources: ['Test 2024'] },
      { year: 2025, count: 2, sources: ['Test 2025'] },
    ]);
    expect(gemeente?.changes).toEqual([
      {
        from: 2022,
        to: 2024,
        added: [{ code: 'GM0003', name: 'Nieuw' }],
        removed: [{ code: 'GM0002', name: 'Oud' }],
      },
      { from: 2024, to: 2025, added: [], removed: [] },
    ]);
    expect(gemeente?.national).toBe(false);
    expect(levels[0]?.changes).toEqual([]);
  });
});

describeEachDatabase('boundary years of Drenthe', (get) => {
  const regionId = async () => {
    const region = await getRegion(get().db, 'drenthe');
    if (!region.ok) throw new Error('geen regio');
    return region.value.id;
  };

  it('finds no gaps in the real figures and reports a changed or unknown code', async () => {
    const id = await regionId();
    const gaps = await boundaryGaps(get().db, id, [
      { areaCode: 'GM0106', period: '2024' },
      { areaCode: 'GM0106', period: '2015' },
      { areaCode: 'WK010600', period: '2023' },
      { areaCode: 'GG0706', period: '2024' },
      { areaCode: 'GG0111', period: '2024' },
      { areaCode: 'ZK06', period: '2024-Q1' },
      { areaCode: 'NL01', period: '2024' },
      { areaCode: 'GM9999', period: '2024-Q3' },
      { areaCode: 'ZK99', period: '2022' },
    ]);
    expect(gaps.map((g) => [g.row.areaCode, g.level, g.year, g.knownArea])).toEqual([
      ['GM9999', 'gemeente', 2024, false],
      ['ZK99', 'zorgkantoorregio', 2022, false],
    ]);
    expect(await boundaryGaps(get().db, id, [])).toEqual([]);
  });

  it('shows the national layers and the gemeenten of 2022 and 2024 on a public page', async () => {
    const id = await regionId();
    const levels = await boundaryYearChanges(get().db, id);
    expect(levels.map((l) => [l.level, l.years.map((y) => [y.year, y.count]), l.national])).toEqual(
      [
        ['provincie', [[2022, 1]], false],
        ['ggd-regio', [[2022, 25]], true],
        ['zorgkantoorregio', [[2022, 31]], true],
        [
          'gemeente',
          [
            [2022, 12],
            [2024, 12],
          ],
          false,
        ],
        ['wijk', [[2024, 189]], false],
      ],
    );
    expect(levels[1]?.own).toEqual([{ code: 'GG0706', name: 'GGD Drenthe' }]);
    expect(levels[2]?.own).toEqual([{ code: 'ZK06', name: 'Drenthe' }]);
    expect(levels[3]?.changes).toEqual([{ from: 2022, to: 2024, added: [], removed: [] }]);
    const page = await testApp(get().db).app.request('/datawerkplaats/gebiedsindeling');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Drenthe valt onder: GGD Drenthe (GG0706).');
    expect(html).toContain('Van 2022 naar 2024: dezelfde codes');
    expect(html).toContain('CBS gebiedsindelingen 2024 (via niektensen/dashboard-3.0)');
    const index = await (await testApp(get().db).app.request('/datawerkplaats')).text();
    expect(index).toContain('href="/datawerkplaats/gebiedsindeling"');
    const bad = await testApp(get().db).app.request('/datawerkplaats/gebiedsindeling?jaar=2024');
    expect(bad.status).toBe(400);
  });

  it('reports a code that exists only in 2022 for a 2024 figure, and lists it as removed', async () => {
    const { db } = get();
    const id = await regionId();
    const geometry = json({
      type: 'Polygon',
      coordinates: [
        [
          [6.5, 52.9],
          [6.6, 52.9],
          [6.6, 53],
          [6.5, 52.9],
        ],
      ],
    });
    await db
      .insertInto('area_boundary')
      .values({
        region_id: id,
        area_code: 'GM0001',
        year: 2022,
        level: 'gemeente',
        name: 'Opgeheven gemeente',
        geometry,
        source: 'Test',
      })
      .execute();
    const gaps = await boundaryGaps(db, id, [
      { areaCode: 'GM0001', period: '2024-05' },
      { areaCode: 'GM0001', period: '2023' },
    ]);
    expect(gaps).toHaveLength(1);
    expect(gaps[0] && boundaryGapMessage(gaps[0])).toBe(
      'GM0001 bestaat niet in de gebiedsindeling van 2024 (gemeente); is de code veranderd? Die code staat wel in 2022.',
    );
    const gemeente = (await boundaryYearChanges(db, id)).find((l) => l.level === 'gemeente');
    expect(gemeente?.changes[0]?.removed).toEqual([{ code: 'GM0001', name: 'Opgeheven gemeente' }]);
    const html = await (await testApp(db).app.request('/datawerkplaats/gebiedsindeling')).text();
    expect(html).toContain('niet meer in 2024: Opgeheven gemeente (GM0001).');
  });
});
