import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../../src/lib/text/format';

describe('formatCount', () => {
  it("writes integers as toLocaleString('en') does", () => {
    const values = [0, 1, 9, 10, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 123_456_789, -1, -1234, -1_000_000];
    for (const n of values) expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });
});
