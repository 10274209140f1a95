/**
 * Dutch phone numbers as organisations write them for residents: 0592 123456, 06-12345678,
 * +31 6 1234 5678, 0800-0113, 0900 1234567, 14 0592 (a gemeente's 14-number). Anything else is
 * most likely a typo a resident would dial in vain.
 */

/** Spaces, dashes, dots, slashes and brackets people put between digit groups. */
const SEPARATORS = /[\s\-./()]/g;

/** True when the text is one Dutch phone number in a usual spelling. */
export function isDutchPhoneNumber(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 25 || !/^[+(0-9][0-9\s\-./()]*$/.test(trimmed)) return false;
  // "+31 (0)592 …": the (0) is written for those who dial within the country.
  const digits = trimmed
    .replace(/^(\+31|0031)\s*\(0\)/, '$1')
    .replace(SEPARATORS, '')
    .replace(/^(\+31|0031)/, '0');
  if (/^0[1-9][0-9]{8}$/.test(digits)) return !/^0(800|900|906|909)/.test(digits);
  // Free (0800) and paid (090x) numbers have 4 or 7 digits after the prefix.
  if (/^0(800|900|906|909)([0-9]{4}|[0-9]{7})$/.test(digits)) return true;
  // 14 + the area code without its 0: 14 050, 14 0592 is written with the 0 too.
  return /^14(0?[1-9][0-9]{1,2})$/.test(digits);
}
