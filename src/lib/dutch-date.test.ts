import { describe, expect, it } from 'vitest';
import { dutchDate, dutchDayOf } from './dutch-date.js';

describe('dutchDate', () => {
  it('writes a day and a month as Dutch readers do', () => {
    expect(dutchDate('2026-01-05')).toBe('5 januari 2026');
    expect(dutchDate('2025-12-31')).toBe('31 december 2025');
    expect(dutchDate('2025-03')).toBe('maart 2025');
    expect(dutchDate('2020-01-15T10:00:00Z')).toBe('15 januari 2020');
  });

  it('returns what is not a date as it came', () => {
    expect(dutchDate('')).toBe('');
    expect(dutchDate('volgende week')).toBe('volgende week');
    expect(dutchDate('2025-13-01')).toBe('2025-13-01');
  });

  it('takes the day in the Netherlands, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(dutchDayOf(new Date('2025-12-31T23:30:00Z'))).toBe('1 januari 2026');
    expect(dutchDayOf(new Date('2026-07-01T21:59:00Z'))).toBe('1 juli 2026');
    expect(dutchDayOf(new Date('2026-07-01T22:00:00Z'))).toBe('2 juli 2026');
  });
});
