/** HSDS schedule rows (RFC 5545 fields) in plain Dutch, as the resident card says them. */
import { describe, expect, it } from 'vitest';
import {
  clockTime,
  SCHEDULE_FIELDS,
  type ScheduleFields,
  scheduleLines,
  scheduleText,
} from './schedule-text.js';

const row = (fields: Partial<ScheduleFields>): ScheduleFields => ({
  ...(Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, null])) as ScheduleFields),
  ...fields,
});
const text = (fields: Partial<ScheduleFields>) => scheduleText(row(fields))?.text;

describe('schedule text', () => {
  it('says weekdays and hours as residents write them', () => {
    expect(text({ freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '12:00' })).toBe(
      'maandag en woensdag 9.00–12.00',
    );
    expect(text({ byday: 'MO,TU,WE,TH,FR', opens_at: '08:30:00', closes_at: '17:00' })).toBe(
      'maandag tot en met vrijdag 8.30–17.00',
    );
    expect(text({ byday: 'FR,MO,TU,WE', opens_at: '13:00' })).toBe(
      'maandag tot en met woensdag en vrijdag vanaf 13.00',
    );
    expect(text({ byday: 'SA', closes_at: '12:00+01:00' })).toBe('zaterdag tot 12.00');
  });

  it('says how often and which occurrence in a month', () => {
    expect(text({ freq: 'WEEKLY', interval: 2, byday: 'TH', opens_at: '19:30' })).toBe(
      'om de week op donderdag vanaf 19.30',
    );
    expect(text({ freq: 'MONTHLY', byday: '1TU', opens_at: '19:30', closes_at: '21:00' })).toBe(
      'de eerste dinsdag van de maand 19.30–21.00',
    );
    expect(text({ freq: 'MONTHLY', byday: '2MO,4MO,-1FR' })).toBe(
      'de tweede en vierde maandag van de maand en de laatste vrijdag van de maand',
    );
    expect(text({ freq: 'MONTHLY', bymonthday: '1,15,-1' })).toBe(
      'op de 1e, de 15e en de laatste dag van de maand',
    );
    expect(text({ freq: 'WEEKLY', interval: 3, byday: 'MO', dtstart: '2026-01-05' })).toBe(
      'elke 3 weken op maandag (te beginnen op 5 januari 2026)',
    );
  });

  it('adds the period, the description and the notes, and shows a description alone', () => {
    expect(
      text({
        byday: 'MO',
        opens_at: '10:00',
        closes_at: '11:00',
        valid_from: '2026-01-01',
        valid_to: '2026-03-31',
        notes: 'Niet in de schoolvakanties.',
      }),
    ).toBe(
      'maandag 10.00–11.00 (vanaf 1 januari 2026, tot en met 31 maart 2026). Niet in de schoolvakanties',
    );
    expect(text({ description: 'Elke werkdag, bel eerst even.' })).toBe(
      'Elke werkdag, bel eerst even',
    );
    expect(scheduleText(row({}))).toBeNull();
    expect(scheduleText(row({ schedule_link: 'javascript:alert(1)' }))).toBeNull();
    expect(scheduleText(row({ schedule_link: 'https://example.org/agenda' }))).toEqual({
      text: '',
      link: 'https://example.org/agenda',
    });
  });

  it('keeps text it cannot read, and says a time zone other than Dutch time', () => {
    expect(clockTime('09:00Z')).toBe('9.00 (UTC)');
    expect(clockTime('09:00-05:00')).toBe('9.00 (UTC-05:00)');
    expect(clockTime('09:00+02:00')).toBe('9.00');
    expect(clockTime('na de lunch')).toBe('na de lunch');
    expect(text({ byday: 'XX', opens_at: '9:00' })).toBe('XX vanaf 9.00');
  });

  it('merges rows that differ only in their weekdays, in week order, without repeats', () => {
    const lines = scheduleLines([
      row({ byday: 'WE', opens_at: '09:00', closes_at: '12:00' }),
      row({ byday: 'TU', opens_at: '13:00', closes_at: '16:00' }),
      row({ byday: 'MO', opens_at: '09:00', closes_at: '12:00' }),
      row({ description: 'Op afspraak' }),
      row({ description: 'Op afspraak' }),
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      'maandag en woensdag 9.00–12.00',
      'dinsdag 13.00–16.00',
      'Op afspraak',
    ]);
  });
});
