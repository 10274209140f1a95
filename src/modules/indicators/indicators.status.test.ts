import { describe, expect, it } from 'vitest';
import { meets, periodToYear, projectLinear, statusAgainstTarget } from './indicators.status.js';

const today = new Date('2026-11-23');
const absolute = (comparator: '>=' | '<=' | '=' | '>' | '<', value: number, year: number) => ({
  comparator,
  kind: 'absolute' as const,
  value,
  year,
  baselinePeriod: null,
});

describe('status against a target', () => {
  it('places periods in time and projects a least-squares line', () => {
    expect(periodToYear('2024')).toBe(2024.5);
    expect(periodToYear('2024-H1')).toBe(2024.25);
    expect(periodToYear('2024-Q4')).toBe(2024.875);
    expect(periodToYear('2024-01')).toBeCloseTo(2024.0417, 3);
    expect(
      projectLinear(
        [
          { x: 2020, y: 10 },
          { x: 2022, y: 14 },
        ],
        2030,
      ),
    ).toBe(30);
    expect(
      projectLinear(
        [
          { x: 2020, y: 10 },
          { x: 2020, y: 12 },
        ],
        2030,
      ),
    ).toBe(11);
  });

  it('reads "=" as rounded-equal or beyond in the good direction', () => {
    expect(meets(0.04, '=', 0, 'lager', 1)).toBe(true);
    expect(meets(0.06, '=', 0, 'lager', 1)).toBe(false);
    expect(meets(5, '<', 5, 'lager', 1)).toBe(false);
    expect(meets(46.1, '>', 46, 'hoger', 1)).toBe(true);
    // Without a better direction, "=" means equal after rounding, on either side.
    expect(meets(46.04, '=', 46, 'neutraal', 1)).toBe(true);
    expect(meets(45.96, '=', 46, 'neutraal', 1)).toBe(true);
    expect(meets(46.2, '=', 46, 'neutraal', 1)).toBe(false);
  });

  it('is unknown without measurements or with one that does not meet the target', () => {
    expect(statusAgainstTarget(absolute('>=', 80, 2030), [], 'hoger', 1, today).status).toBe(
      'onbekend',
    );
    const one = statusAgainstTarget(
      absolute('>=', 80, 2030),
      [{ period: '2024', value: 60 }],
      'hoger',
      1,
      today,
    );
    expect(one).toMatchObject({
      status: 'onbekend',
      reason: expect.stringContaining('één meting'),
    });
  });

  it('is on track when the latest value meets the target, or the trend reaches it in time', () => {
    const met = statusAgainstTarget(
      absolute('<=', 38, 2040),
      [{ period: '2024', value: 31 }],
      'lager',
      1,
      today,
    );
    expect(met.status).toBe('op_koers');
    const trend = statusAgainstTarget(
      absolute('>=', 80, 2030),
      [
        { period: '2022', value: 40 },
        { period: '2024', value: 50 },
        { period: '2023', value: 45 },
      ],
      'hoger',
      1,
      today,
    );
    expect(trend).toMatchObject({ status: 'op_koers', projected: 80 });
    const slow = statusAgainstTarget(
      absolute('>=', 80, 2030),
      [
        { period: '2022', value: 40 },
        { period: '2024', value: 42 },
      ],
      'hoger',
      1,
      today,
    );
    expect(slow).toMatchObject({ status: 'niet_op_koers', projected: 48 });
    expect(slow.reason).toContain('2030');
  });

  it('is off track when the target year has passed unmet', () => {
    const late = statusAgainstTarget(
      absolute('>=', 70, 2024),
      [{ period: '2025', value: 60 }],
      'hoger',
      1,
      today,
    );
    expect(late).toMatchObject({
      status: 'niet_op_koers',
      reason: expect.stringContaining('voorbij'),
    });
  });

  it('bases relative and change targets on the baseline (first measurement when none is named)', () => {
    const target = {
      comparator: '<=' as const,
      kind: 'relative' as const,
      value: -20,
      year: 2030,
      baselinePeriod: null,
    };
    const baseOnly = statusAgainstTarget(
      target,
      [{ period: '2023', value: 500 }],
      'lager',
      0,
      today,
    );
    expect(baseOnly).toMatchObject({ status: 'onbekend', goalValue: 400 });
    const down = statusAgainstTarget(
      target,
      [
        { period: '2023', value: 500 },
        { period: '2025', value: 390 },
      ],
      'lager',
      0,
      today,
    );
    expect(down).toMatchObject({ status: 'op_koers', goalValue: 400 });
    const named = statusAgainstTarget(
      { ...target, baselinePeriod: '2019' },
      [{ period: '2023', value: 500 }],
      'lager',
      0,
      today,
    );
    expect(named.reason).toContain('nulmeting');
    const years = statusAgainstTarget(
      { comparator: '>=', kind: 'change', value: 10, year: 2040, baselinePeriod: null },
      [
        { period: '2020', value: 60 },
        { period: '2025', value: 62.5 },
      ],
      'hoger',
      1,
      today,
    );
    expect(years).toMatchObject({ status: 'op_koers', goalValue: 70, projected: 70 });
  });
});
