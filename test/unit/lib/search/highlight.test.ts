import { describe, expect, it } from 'vitest';
import { highlightSegments } from '../../../../src/lib/search/highlight';

describe('highlightSegments', () => {
  it('splits the text around the ranges, covering all of it', () => {
    expect(highlightSegments('Pipeline editor crash', [[9, 14]])).toEqual([
      { text: 'Pipeline ', match: false },
      { text: 'editor', match: true },
      { text: ' crash', match: false },
    ]);
    expect(highlightSegments('abcdef', [[0, 5]])).toEqual([{ text: 'abcdef', match: true }]);
  });

  it('merges overlapping and adjacent ranges and sorts them', () => {
    expect(
      highlightSegments('abcdefghij', [
        [6, 8],
        [0, 2],
        [1, 3],
        [4, 5],
      ]),
    ).toEqual([
      { text: 'abcdefghi', match: true },
      { text: 'j', match: false },
    ]);
  });

  it('ignores single-character and invalid ranges', () => {
    expect(
      highlightSegments('abcdef', [
        [2, 2],
        [4, 3],
      ]),
    ).toEqual([{ text: 'abcdef', match: false }]);
    expect(
      highlightSegments('abcdef', [
        [0, 0],
        [3, 4],
      ]),
    ).toEqual([
      { text: 'abc', match: false },
      { text: 'de', match: true },
      { text: 'f', match: false },
    ]);
  });

  it('clamps ranges to the text', () => {
    expect(
      highlightSegments('abc', [
        [-5, 1],
        [2, 99],
      ]),
    ).toEqual([
      { text: 'ab', match: true },
      { text: 'c', match: false },
    ]);
  });

  it('returns the whole text unmatched without ranges, and nothing for no text', () => {
    expect(highlightSegments('abc', undefined)).toEqual([{ text: 'abc', match: false }]);
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(highlightSegments('', [[0, 3]])).toEqual([]);
  });
});
