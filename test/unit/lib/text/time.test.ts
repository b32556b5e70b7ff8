import { describe, expect, it } from 'vitest';
import { calendarDate, exactTime, relativeTime, TIME_UNITS } from '../../../../src/lib/text/time';

describe('relativeTime', () => {
  it('says how long ago', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    expect(relativeTime(now - 5 * 3_600_000, now)).toBe('5 hours ago');
    expect(relativeTime(now - 86_400_000, now)).toBe('yesterday');
    expect(relativeTime(now - 3 * 365 * 86_400_000, now)).toBe('3 years ago');
    expect(relativeTime(now - 10_000, now)).toBe('just now');
  });

  // The reference it replaces: what Intl says for the same largest whole unit.
  const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const reference = (elapsed: number) => {
    const found = TIME_UNITS.find(([, size]) => Math.abs(elapsed) >= size);
    return found ? intl.format(-Math.trunc(elapsed / found[1]), found[0]) : 'just now';
  };

  it('says what Intl.RelativeTimeFormat says, in the past and the future', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    const amounts = [0, 1, 2, 5, 29, 59, 61, 89, 120, 1439, 1440, 2881, 10_079, 10_080, 43_199, 43_200, 86_400, 525_599, 525_600, 1_051_200];
    for (const minutes of amounts) {
      for (const sign of [1, -1]) {
        const elapsed = sign * (minutes * 60_000 + 1_000);
        expect(relativeTime(now - elapsed, now), `${sign * minutes} minutes`).toBe(reference(elapsed));
      }
    }
    expect(relativeTime(now - 1_500 * 365 * 86_400_000, now)).toBe('1,500 years ago');
  });
});

describe('calendarDate and exactTime', () => {
  it('give the day and the minute in UTC, the day a prefix of the minute', () => {
    const ms = Date.parse('2026-11-21T23:30:59Z');
    expect(calendarDate(ms)).toBe('2026-11-21');
    expect(exactTime(ms)).toBe('2026-11-21 23:30 UTC');
    expect(exactTime(ms).startsWith(calendarDate(ms))).toBe(true);
  });
});
