/**
 * "Laatst gecontroleerd" (issue 5 §3, ADR 0018): how old a listing's check may be. The one place
 * for these limits: the resident search hides with HIDDEN_AFTER_MONTHS and the editors' overview
 * and start page count with all three. A listing never checked counts from when it was made
 * (coalesce(assured_date, created_at), the search's own rule).
 */

/** From this age a redacteur is asked to check the listing ("Controleer deze vermelding"). */
export const CHECK_DUE_AFTER_MONTHS = 6;
/** From this age the listing is marked as out of date in the editors' overview. */
export const FLAGGED_AFTER_MONTHS = 12;
/** From this age residents no longer find the listing (search.repository's visibility rule). */
export const HIDDEN_AFTER_MONTHS = 15;

/** A listing's state by the age of its last check, oldest last. */
export const FRESHNESS = ['actueel', 'controleren', 'verouderd', 'verborgen'] as const;
export type Freshness = (typeof FRESHNESS)[number];

/** The months after which each state starts, for the SQL that decides it. */
export const FRESHNESS_FROM_MONTHS: Record<Exclude<Freshness, 'actueel'>, number> = {
  controleren: CHECK_DUE_AFTER_MONTHS,
  verouderd: FLAGGED_AFTER_MONTHS,
  verborgen: HIDDEN_AFTER_MONTHS,
};

/** What the overview says about each state (B1, to the organisation's editor). */
export const FRESHNESS_TEXT: Record<Freshness, string> = {
  actueel: 'Actueel',
  controleren: 'Controleer deze vermelding',
  verouderd: `Verouderd — wordt na ${HIDDEN_AFTER_MONTHS} maanden verborgen`,
  verborgen: 'Verborgen voor inwoners',
};

/** True for the states that ask the editor to check the listing now. */
export const needsCheck = (freshness: Freshness) => freshness !== 'actueel';
