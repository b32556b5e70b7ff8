import { describe, expect, it } from 'vitest';
import { wordSpans, wordsOf } from '../../../../src/lib/search/words';

describe('words', () => {
  it('folds case and diacritics and splits on anything but letters and digits', () => {
    expect(wordsOf('Résumé: fix gitlab-org/gitlab#123, naïve CAFÉ')).toEqual(['resume', 'fix', 'gitlab', 'org', 'gitlab', '123', 'naive', 'cafe']);
    expect(wordsOf('改进 تحسين 🚀')).toEqual(['改进', 'تحسين']);
  });

  it('keeps word positions in the original text', () => {
    expect(wordSpans('Café au lait')).toEqual([
      { start: 0, end: 3, word: 'cafe' },
      { start: 5, end: 6, word: 'au' },
      { start: 8, end: 11, word: 'lait' },
    ]);
  });
});
