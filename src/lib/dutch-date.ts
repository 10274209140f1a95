/**
 * Dates as Dutch readers write them: "5 januari 2026". One place for the month names, so the
 * Hulpwijzer cards, opening hours, import reports and stories say a date the same way.
 */

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/**
 * "2025-03-14" (or a timestamp starting so) → "14 maart 2025"; "2025-03" → "maart 2025".
 * Anything else is returned as it came: a date a person typed is never made up.
 */
export function dutchDate(value: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return value;
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
}

/** The calendar day of a moment in the Netherlands, as "24 november 2026". */
export function dutchDayOf(moment: Date): string {
  // en-CA writes the day as YYYY-MM-DD, which dutchDate reads.
  const day = moment.toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
  return dutchDate(day);
}
