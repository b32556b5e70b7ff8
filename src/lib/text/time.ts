import { formatCount } from './format';

type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';

/** The units relative times are given in, largest first, with their lengths in milliseconds. */
export const TIME_UNITS: ReadonlyArray<readonly [Unit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

// The words Intl.RelativeTimeFormat('en', { numeric: 'auto' }) uses for one unit back or ahead. Spelt out here
// because the first Intl call of a page loads ICU data, 10 to 20 ms of one task while the page hydrates.
const LAST: Partial<Record<Unit, [string, string]>> = {
  year: ['last year', 'next year'],
  month: ['last month', 'next month'],
  week: ['last week', 'next week'],
  day: ['yesterday', 'tomorrow'],
};

/** "5 hours ago", "yesterday", "3 years ago": the largest whole unit between `then` and `now` (milliseconds). */
export function relativeTime(then: number, now: number): string {
  const elapsed = now - then;
  for (const [unit, size] of TIME_UNITS) {
    if (Math.abs(elapsed) < size) continue;
    const count = Math.trunc(Math.abs(elapsed) / size);
    const past = elapsed > 0;
    if (count === 1 && LAST[unit]) return LAST[unit][past ? 0 : 1];
    const amount = `${formatCount(count)} ${unit}${count === 1 ? '' : 's'}`;
    return past ? `${amount} ago` : `in ${amount}`;
  }
  return 'just now';
}

/**
 * "2026-11-21": the day (UTC), for pages that cannot know the reader's clock. Static HTML may be read days after it
 * was built (and the nightly build can fail), so an age computed at build time would go on saying "5 hours ago";
 * a date stays true. In the browser, relative-times.ts and the list's island turn it into "5 hours ago".
 */
export function calendarDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2026-11-21 03:00 UTC": the exact time, for tooltips; plain formatting, cheap enough for every card of a build. */
export function exactTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
