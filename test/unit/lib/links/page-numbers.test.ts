import { describe, expect, it } from 'vitest';
import { GAP, pageNumbers } from '../../../../src/lib/links/page-numbers';

const _ = GAP;

describe('pageNumbers', () => {
  it('lists every page when there are few', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the first, the last and two on each side of the current page, with gaps between', () => {
    expect(pageNumbers(8, 100)).toEqual([1, _, 6, 7, 8, 9, 10, _, 100]);
    expect(pageNumbers(1, 100)).toEqual([1, 2, 3, _, 100]);
    expect(pageNumbers(100, 100)).toEqual([1, _, 98, 99, 100]);
    expect(pageNumbers(50, 100, 1)).toEqual([1, _, 49, 50, 51, _, 100]);
  });

  it('never leaves a gap for one page: that page is listed instead', () => {
    expect(pageNumbers(5, 100)).toEqual([1, 2, 3, 4, 5, 6, 7, _, 100]);
    expect(pageNumbers(4, 100)).toEqual([1, 2, 3, 4, 5, 6, _, 100]);
    expect(pageNumbers(96, 100)).toEqual([1, _, 94, 95, 96, 97, 98, 99, 100]);
  });

  it('over every page of every length up to 40: sorted, unique, within bounds, the current, first and last in it, no gap at an end or beside another', () => {
    for (let last = 1; last <= 40; last++) {
      for (let current = 1; current <= last; current++) {
        const numbers = pageNumbers(current, last);
        const pages = numbers.filter((n): n is number => n !== GAP);
        expect(pages).toEqual([...new Set(pages)].sort((a, b) => a - b));
        expect(pages[0]).toBe(1);
        expect(pages.at(-1)).toBe(last);
        expect(pages).toContain(current);
        for (let around = current - 2; around <= current + 2; around++) if (around >= 1 && around <= last) expect(pages).toContain(around);
        numbers.forEach((n, at) => {
          if (n !== GAP) return;
          const before = numbers[at - 1] as number;
          const after = numbers[at + 1] as number;
          // A gap stands for two pages or more, and only where pages are missing.
          expect(after - before).toBeGreaterThan(2);
        });
        // Consecutive numbers without a gap are consecutive pages.
        numbers.forEach((n, at) => {
          const next = numbers[at + 1];
          if (n !== GAP && next !== undefined && next !== GAP) expect(next).toBe(n + 1);
        });
        expect(numbers.length).toBeLessThanOrEqual(9);
      }
    }
  });
});
