const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "5 hours ago", "yesterday", "3 years ago": the largest whole unit between `then` and `now` (milliseconds). */
export function relativeTime(then: number, now: number): string {
  const elapsed = now - then;
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return relative.format(-Math.trunc(elapsed / size), unit);
  }
  return 'just now';
}

/** "2026-11-21 03:00 UTC": the exact time, for tooltips; plain formatting, cheap enough for every card of a build. */
export function exactTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
