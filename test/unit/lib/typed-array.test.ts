import { describe, expect, it } from 'vitest';
import { doubled } from '../../../src/lib/typed-array';

describe('doubled', () => {
  it('keeps the values and type, and fills the new half', () => {
    const grown = doubled(Int32Array.from([1, -2, 3]), -1);
    expect(grown).toBeInstanceOf(Int32Array);
    expect([...grown]).toEqual([1, -2, 3, -1, -1, -1]);
    expect([...doubled(Uint16Array.from([7, 8]))]).toEqual([7, 8, 0, 0]);
  });
});
