import { describe, expect, it } from 'vitest';
import { shrinkRefusal } from '../../../scripts/fetch/write-snapshot';

describe('shrinkRefusal', () => {
  it('refuses fewer than half of the previous issues, and only then', () => {
    expect(shrinkRefusal(100, 49)).toMatch(/49 issues, fewer than half of the previous 100/);
    expect(shrinkRefusal(100, 50)).toBeUndefined();
    expect(shrinkRefusal(0, 0)).toBeUndefined();
  });
});
