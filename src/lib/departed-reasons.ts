// What the snapshot schema and the page share about departures, apart from both so the page's code reaches no
// schema (zod stays out of the browser) and the schema no page code.

/** Why an item left the list (see scripts/fetch/departed.ts); `unknown` when GitLab was not asked or said nothing. */
export const DEPARTED_REASONS = ['closed', 'uncurated', 'moved', 'hidden', 'unknown'] as const;
export type DepartedReason = (typeof DEPARTED_REASONS)[number];
/** Items that left the list kept at most: the newest, far above what a month of a curated list loses. */
export const DEPARTED_MAX = 2_000;
