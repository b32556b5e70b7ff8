import { describe, expect, it } from 'vitest';
import { fitsIn, truncateTo } from '../../../../src/lib/text/characters';

describe('fitsIn', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(fitsIn('abc', 3)).toBe(true);
    expect(fitsIn('abcd', 3)).toBe(false);
    expect(fitsIn('😀😀😀', 3)).toBe(true);
    expect(fitsIn('😀😀😀a', 3)).toBe(false);
    expect(fitsIn('x'.repeat(1_000_000), 255)).toBe(false);
  });
});

describe('truncateTo', () => {
  it('leaves text that fits as it is', () => {
    expect(truncateTo('abc', 3)).toBe('abc');
    expect(truncateTo('😀😀😀', 3)).toBe('😀😀😀');
  });

  it('cuts to max characters ending in an ellipsis, never inside a surrogate pair', () => {
    expect(truncateTo('abcd', 3)).toBe('ab…');
    expect(truncateTo('😀😀😀😀', 3)).toBe('😀😀…');
    const cut = truncateTo('x'.repeat(1_000_000), 255);
    expect(cut).toHaveLength(255);
    expect(fitsIn(cut, 255)).toBe(true);
  });
});
