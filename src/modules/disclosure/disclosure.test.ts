/** Disclosure control: primary and secondary suppression, rounding, and nothing left to recompute. */
import { describe, expect, it } from 'vitest';
import {
  areaGroups,
  areaPartitionGroups,
  disclose,
  discloseCells,
  periodGroups,
} from './disclosure.service.js';
import { type Cell, DEFAULT_POLICY } from './disclosure.types.js';

const cell = (areaCode: string, numerator: number, denominator: number): Cell => ({
  areaCode,
  value: (100 * numerator) / denominator,
  numerator,
  denominator,
  sampleSize: null,
  ciLow: null,
  ciHigh: null,
});

// A gemeente with three wijken; the gemeente's counts are the sum of its wijken.
const PARENTS: Record<string, string> = {
  WK000101: 'GM0001',
  WK000102: 'GM0001',
  WK000103: 'GM0001',
  GM0001: 'GG0001',
  GM0002: 'GG0001',
};
const parentOf = (code: string) => PARENTS[code] ?? null;

describe('disclose', () => {
  it('hides a figure from fewer than 10 observations with its counts and interval', () => {
    const [small, big] = disclose(
      [
        { ...cell('GM0001', 3, 8), ciLow: 10, ciHigh: 70 },
        { ...cell('GM0002', 30, 80), ciLow: 30, ciHigh: 45 },
      ],
      DEFAULT_POLICY,
      () => null,
    );
    expect(small).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      ciLow: null,
      ciHigh: null,
      suppressed: 'primary',
    });
    expect(big).toMatchObject({ value: 37.5, numerator: 30, suppressed: null });
  });

  it('uses the sample size before the denominator, and keeps figures whose n is unknown', () => {
    const [bySample, unknown] = disclose(
      [
        { ...cell('GM0001', 300, 800), sampleSize: 9 },
        {
          areaCode: 'GM0002',
          value: 12,
          numerator: null,
          denominator: null,
          sampleSize: null,
          ciLow: null,
          ciHigh: null,
        },
      ],
      DEFAULT_POLICY,
      () => null,
    );
    expect(bySample?.suppressed).toBe('primary');
    expect(unknown).toMatchObject({ value: 12, suppressed: null });
  });

  it('hides a second wijk when one is hidden, so parent minus siblings gives nothing away', () => {
    const cells = [
      cell('GM0001', 60, 200),
      cell('WK000101', 2, 5),
      cell('WK000102', 20, 60),
      cell('WK000103', 38, 135),
    ];
    const out = disclose(cells, DEFAULT_POLICY, parentOf);
    const by = new Map(out.map((c) => [c.areaCode, c]));
    expect(by.get('WK000101')?.suppressed).toBe('primary');
    // The smallest other wijk is hidden too; the gemeente total stays.
    expect(by.get('WK000102')?.suppressed).toBe('secondary');
    expect(by.get('WK000103')?.suppressed).toBeNull();
    expect(by.get('GM0001')?.value).toBe(30);
    // Proof: from what is shown, the hidden wijken can only be known together, not apart.
    const shown = out.filter((c) => c.suppressed === null && c.areaCode.startsWith('WK'));
    const restNumerator = 60 - shown.reduce((sum, c) => sum + (c.numerator ?? 0), 0);
    expect(restNumerator).toBe(22);
    expect(out.filter((c) => c.suppressed).length).toBe(2);
  });

  it('carries secondary suppression up and down until no group has a single hidden member', () => {
    // GM0002 is too small. Then GM0001 = GG0001 − GM0002 would give it away, so GM0001 goes too;
    // but GM0001 = the sum of its three wijken, so one wijk (the smallest) goes as well.
    const cells = [
      cell('GG0001', 70, 209),
      cell('GM0001', 67, 200),
      cell('GM0002', 3, 9),
      cell('WK000101', 20, 60),
      cell('WK000102', 20, 70),
      cell('WK000103', 27, 70),
    ];
    const by = new Map(
      disclose(cells, DEFAULT_POLICY, parentOf).map((c) => [c.areaCode, c.suppressed]),
    );
    expect(by.get('GM0002')).toBe('primary');
    expect(by.get('GM0001')).toBe('secondary');
    expect(by.get('WK000101')).toBe('secondary');
    expect(by.get('WK000102')).toBeNull();
    expect(by.get('GG0001')).toBeNull();
  });

  it('hides the parent when its only child is hidden (the two are the same figure)', () => {
    const by = new Map(
      disclose([cell('GM0001', 4, 8), cell('WK000101', 4, 8)], { threshold: 10 }, parentOf).map(
        (c) => [c.areaCode, c.suppressed],
      ),
    );
    expect(by.get('WK000101')).toBe('primary');
    expect(by.get('GM0001')).toBe('primary');
    const single = disclose(
      [cell('GM0001', 40, 80), { ...cell('WK000101', 4, 80), sampleSize: 5 }],
      { threshold: 10 },
      parentOf,
    );
    expect(single.map((c) => c.suppressed)).toEqual(['secondary', 'primary']);
  });

  it('rounds values and counts as the source prescribes', () => {
    const [c] = disclose(
      [{ ...cell('GM0001', 123, 457), ciLow: 22.449, ciHigh: 31.551 }],
      { threshold: 10, decimals: 1, countBase: 5 },
      () => null,
    );
    expect(c).toMatchObject({
      value: 26.9,
      numerator: 125,
      denominator: 455,
      ciLow: 22.4,
      ciHigh: 31.6,
    });
  });

  it('counts an unpublished cell as unknown: two unknowns need no extra hiding, one does', () => {
    const out = disclose(
      [
        cell('GM0001', 60, 200),
        cell('WK000101', 2, 5),
        { ...cell('WK000102', 0, 1), value: null, numerator: null, denominator: null },
        cell('WK000103', 38, 135),
      ],
      DEFAULT_POLICY,
      parentOf,
    );
    // The hidden wijk and the unpublished one can only be known together.
    expect(out.find((c) => c.areaCode === 'WK000103')?.suppressed).toBeNull();
    // A cell the source itself kept secret ("x") is protected like our own.
    const secret = disclose(
      [
        cell('GM0001', 60, 200),
        { ...cell('WK000101', 0, 1), value: null, numerator: null, denominator: null },
        cell('WK000102', 20, 60),
        cell('WK000103', 38, 135),
      ],
      DEFAULT_POLICY,
      parentOf,
    );
    expect(secret.find((c) => c.areaCode === 'WK000102')?.suppressed).toBe('secondary');
  });

  it('treats areas without any figure as unknown parts of their parent (missing middle level)', () => {
    // GM1 = WKa + WKb; WKa has no figure, but its buurt BU1 is hidden: WKb must go too,
    // or BU1 = GM1 − WKb − BU2.
    const children: Record<string, string[]> = {
      GM0001: ['WK000101', 'WK000102'],
      WK000101: ['BU00010101', 'BU00010102'],
    };
    const cells = [
      cell('GM0001', 50, 200),
      cell('WK000102', 30, 100),
      cell('BU00010101', 2, 5),
      cell('BU00010102', 18, 95),
    ];
    const groups = areaGroups(
      cells.map((c) => c.areaCode),
      (code) => children[code] ?? [],
    );
    const by = new Map(
      discloseCells(cells, DEFAULT_POLICY, groups, (c) => c.areaCode).map((c) => [
        c.areaCode,
        c.suppressed,
      ]),
    );
    expect(by.get('BU00010101')).toBe('primary');
    expect(by.get('WK000102')).toBe('secondary');
  });

  it('protects through a second total that covers the same areas (GGD region = province)', () => {
    const children: Record<string, string[]> = { PV22: ['GM0001', 'GM0002'] };
    const cells = [cell('GG0706', 60, 209), cell('GM0001', 57, 200), cell('GM0002', 3, 9)];
    const groups = areaGroups(
      cells.map((c) => c.areaCode),
      (code) => children[code] ?? [],
      (code) => code,
      new Map([['GG0706', 'PV22']]),
    );
    const out = discloseCells(cells, DEFAULT_POLICY, groups, (c) => c.areaCode);
    expect(out.map((c) => c.suppressed)).toEqual([null, 'secondary', 'primary']);
  });

  it('treats two divisions of one gemeente (wijken, postcodes) as two groups, never one', () => {
    // GM0001 is the sum of its two wijken and, separately, of its three postcode areas.
    const partitions: Record<string, string[][]> = {
      GM0001: [
        ['WK000101', 'WK000102'],
        ['PC1001', 'PC1002', 'PC1003'],
      ],
    };
    const groups = areaPartitionGroups(['GM0001'], (code) => partitions[code] ?? []);
    expect(groups).toEqual([
      { total: 'GM0001', parts: ['WK000101', 'WK000102'] },
      { total: 'GM0001', parts: ['PC1001', 'PC1002', 'PC1003'] },
    ]);
    const count = (areaCode: string, n: number): Cell => ({
      areaCode,
      value: n,
      numerator: null,
      denominator: null,
      sampleSize: n,
      ciLow: null,
      ciHigh: null,
    });
    const decide = (cells: Cell[], g = groups) =>
      new Map(
        discloseCells(cells, DEFAULT_POLICY, g, (c) => c.areaCode).map((c) => [
          c.areaCode,
          c.suppressed,
        ]),
      );
    // A postcode figure set (no wijk figures): a small postcode takes the smallest other one with it.
    const postcodes = decide([
      count('GM0001', 300),
      count('PC1001', 5),
      count('PC1002', 95),
      count('PC1003', 200),
    ]);
    expect([...postcodes]).toEqual([
      ['GM0001', null],
      ['PC1001', 'primary'],
      ['PC1002', 'secondary'],
      ['PC1003', null],
    ]);
    // One mixed group would count the absent wijk figures as unknown and protect nothing.
    const mixed = [
      { total: 'GM0001', parts: ['WK000101', 'WK000102', 'PC1001', 'PC1002', 'PC1003'] },
    ];
    const unprotected = decide(
      [count('GM0001', 300), count('PC1001', 5), count('PC1002', 95), count('PC1003', 200)],
      mixed,
    );
    expect(unprotected.get('PC1002')).toBeNull();
    // A wijk figure set is protected as before, by the wijk group alone.
    const wijken = decide([count('GM0001', 300), count('WK000101', 4), count('WK000102', 296)]);
    expect([...wijken.values()]).toEqual([null, 'primary', 'secondary']);
  });

  it('protects over time: a year is the sum of its quarters', () => {
    const periods = ['2024', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];
    const cells = periods.map((p, i) => ({ ...cell('GM0001', 10, i === 2 ? 6 : 50), period: p }));
    const groups = periodGroups(periods, (p) => p);
    const out = discloseCells(cells, DEFAULT_POLICY, groups, (c) => c.period);
    expect(out.filter((c) => c.suppressed).map((c) => [c.period, c.suppressed])).toEqual([
      ['2024-Q1', 'secondary'],
      ['2024-Q2', 'primary'],
    ]);
  });

  it('leaves no group with exactly one hidden member in 200 random hierarchies', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const parents = new Map<string, string>();
      const cells: Cell[] = [cell('GG0001', 1, 1000)];
      for (let g = 1; g <= 1 + Math.floor(random() * 4); g++) {
        const gm = `GM000${g}`;
        parents.set(gm, 'GG0001');
        cells.push(cell(gm, 1, 20 + Math.floor(random() * 200)));
        for (let w = 1; w <= Math.floor(random() * 4); w++) {
          const wk = `WK000${g}0${w}`;
          parents.set(wk, gm);
          cells.push(cell(wk, 1, 1 + Math.floor(random() * 40)));
        }
      }
      const out = disclose(cells, DEFAULT_POLICY, (c) => parents.get(c) ?? null);
      const hidden = new Set(out.filter((c) => c.suppressed).map((c) => c.areaCode));
      for (const c of cells)
        if ((c.denominator ?? 0) < 10) expect(hidden.has(c.areaCode)).toBe(true);
      const groups = new Map<string, string[]>();
      for (const [child, parent] of parents)
        groups.set(parent, [...(groups.get(parent) ?? []), child]);
      for (const [parent, children] of groups) {
        const count = [parent, ...children].filter((m) => hidden.has(m)).length;
        expect(count, `${parent}: ${children.join(',')}`).not.toBe(1);
      }
    }
  });
});
