/** Disclosure control: which figures may be shown, and why not. */

/** The rules of one data source (the catalogue holds them per source). */
export type DisclosurePolicy = {
  /** Figures based on fewer observations than this are suppressed (default 10). */
  threshold: number;
  /** Values are shown with at most this many decimals (rounding, not truncation). */
  decimals?: number;
  /** Counts (numerator, denominator, sample size) are rounded to a multiple of this, e.g. 5. */
  countBase?: number;
};

export const DEFAULT_POLICY: DisclosurePolicy = { threshold: 10 };

/**
 * One figure before disclosure control: an area's value for one indicator and period, with the
 * counts it rests on when known. `n` is the number of observations (sample size, else denominator).
 */
export type Cell = {
  areaCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  ciLow: number | null;
  ciHigh: number | null;
};

export type Suppression =
  /** Fewer observations than the threshold. */
  | 'primary'
  /** Hidden so that a suppressed sibling cannot be worked out from the parent total. */
  | 'secondary';

/** A figure after disclosure control; a suppressed cell has no value and no counts. */
export type DisclosedCell<C extends Cell = Cell> = C & { suppressed: Suppression | null };

/** Shown wherever a suppressed value would have been ("te weinig waarnemingen"). */
export const SUPPRESSED_TEXT: Record<Suppression, string> = {
  primary: 'te weinig waarnemingen',
  secondary:
    'te weinig waarnemingen (afgeschermd: anders is een verborgen cijfer terug te rekenen)',
};
