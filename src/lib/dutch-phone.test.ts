import { describe, expect, it } from 'vitest';
import { isDutchPhoneNumber } from './dutch-phone.js';

describe('isDutchPhoneNumber', () => {
  it.each([
    '0592 123456',
    '06-12345678',
    '06 1234 5678',
    '050 - 123 45 67',
    '(0592) 12 34 56',
    '+31 6 1234 5678',
    '+31 (0)592 123456',
    '0031 592 123456',
    '0800-0113',
    '0800 2000',
    '0900 1234567',
    '14 0592',
    '14 050',
    '088 1234567',
  ])('accepts %s', (number) => {
    expect(isDutchPhoneNumber(number)).toBe(true);
  });

  it.each([
    '',
    '12345',
    '0592 12345',
    '0592 1234567',
    '06-1234567',
    '+32 2 123 45 67',
    '+44 20 7946 0958',
    '0800 12345',
    '0900 123',
    'bel ons',
    '06-12345678 of 06-87654321',
    '0592 123456 toestel 12',
    '1',
    '0'.repeat(30),
  ])('refuses %s', (number) => {
    expect(isDutchPhoneNumber(number)).toBe(false);
  });
});
