/** Files about individual people are refused: citizen-number-like values, dates, rows per person. */
import { describe, expect, it } from 'vitest';
import { findPersonLevel, passesElfproef } from './person-level.js';

const table = (columns: string[], rows: string[][]) => ({
  columns,
  rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))),
});

describe('person-level files', () => {
  it('knows the elfproef', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('111222334')).toBe(false);
    expect(passesElfproef('12345678')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
    // A leading zero lost in a spreadsheet: 012345672 written as 12345672.
    expect(passesElfproef('12345672')).toBe(passesElfproef('012345672'));
  });

  it('refuses a column of citizen-service-number-like values, whatever its name', () => {
    const found = findPersonLevel(
      table(
        ['kenmerk', 'area_code'],
        [
          ['111222333', 'GM0106'],
          ['111222345', 'GM0106'],
          ['111222357', 'GM0114'],
          ['111222369', 'GM0114'],
        ],
      ),
    );
    expect(found?.column).toBe('kolom 1');
    expect(found?.message).toContain('"kenmerk"');
    expect(found?.message).toContain('burgerservicenummers');
    expect(found?.message).not.toContain('111222333');
  });

  it('refuses date-of-birth columns by name or by full dates, and files with rows per person', () => {
    expect(findPersonLevel(table(['geboortedatum'], [['']]))?.column).toBe('geboortedatum');
    // Births per area (CBS GeboorteTotaal_25) are no date of birth.
    expect(findPersonLevel(table(['geboortetotaal_25'], [['12']]))).toBeUndefined();
    const dates = table(['datum'], [['1950-01-02'], ['03-04-1961'], ['5/6/1972']]);
    expect(findPersonLevel(dates)?.message).toContain('volledige datums');
    const rows = Array.from({ length: 60 }, (_, i) => [
      'overgewicht',
      'GM0106',
      '2024',
      String(i % 2),
    ]);
    const perPerson = table(['indicator', 'area_code', 'period', 'value'], rows);
    const found = findPersonLevel(perPerson, (r) => `${r.indicator}|${r.area_code}|${r.period}`);
    expect(found?.message).toContain('60 rijen voor 1 cijfers');
  });

  it('never repeats a value from a file without a header row, however small', () => {
    const found = findPersonLevel(
      table(['111222333', '1950-01-02'], [['111222345', '1961-03-04']]),
    );
    expect(found?.column).toBe('kolom 1');
    expect(found?.message).not.toContain('111222333');
    expect(findPersonLevel(table(['a', '1950-01-02'], []))?.message).not.toContain('1950');
  });

  it('leaves dates in the period column to the import (a spreadsheet makes 2024-05 a date)', () => {
    const periods = table(['period'], [['2024-05-01'], ['2024-06-01'], ['2024-07-01']]);
    expect(findPersonLevel(periods)).toBeUndefined();
  });

  it('lets ordinary aggregate files through (periods, codes, percentages)', () => {
    const ok = table(
      ['indicator', 'area_code', 'period', 'value', 'denominator'],
      [
        ['a', 'GM0106', '2024-05', '27,1', '123456789'],
        ['a', 'GM0114', '2024-Q2', '30', '1200'],
        ['a', 'PV22', '2024', '29', '900'],
      ],
    );
    expect(findPersonLevel(ok, (r) => `${r.indicator}|${r.area_code}|${r.period}`)).toBeUndefined();
  });
});
