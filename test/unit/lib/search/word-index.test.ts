import { describe, expect, it } from 'vitest';
import { buildWordIndex as build, matchVocabulary, QUALITY, withinOneEdit, type FieldTexts } from '../../../../src/lib/search/word-index';

const buildWordIndex = (documents: readonly FieldTexts[]) => build(documents.length, (doc) => documents[doc]!);
const postingsOf = (index: ReturnType<typeof buildWordIndex>, word: string) => {
  const at = index.vocabulary.indexOf(word);
  return [...index.postings.subarray(index.starts[at], index.starts[at + 1])];
};

describe('withinOneEdit', () => {
  it.each([
    ['pipeline', 'pipeline', true],
    ['pipline', 'pipeline', true],
    ['pipelinee', 'pipeline', true],
    ['pipelnie', 'pipeline', true],
    ['xipeline', 'pipeline', true],
    ['ipeline', 'pipeline', true],
    ['pipeline', 'pipelines', true],
    ['pipliine', 'pipeline', false],
    ['pplne', 'pipeline', false],
    ['abc', 'cab', false],
    ['', 'a', true],
    ['ab', 'ba', true],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });

  it('compares with the beginning of the candidate when given a length', () => {
    expect(withinOneEdit('piplin', 'pipeline', 7)).toBe(true);
    expect(withinOneEdit('piplin', 'pipeline', 4)).toBe(false);
  });
});

describe('matchVocabulary', () => {
  const index = buildWordIndex([
    [['Pipeline editor'], [], [], [], ['pipelines run']],
    [['Merge trains'], [], [], [], ['The pipe is broken']],
    [['Go to Settings in Gitaly'], [], [], [], ['A pi chart']],
  ]);
  const words = (word: string) =>
    Object.fromEntries([...matchVocabulary(index, word)].map(([at, quality]) => [index.vocabulary[at], quality]));

  it('finds the word, the words it begins, and from five letters words one typo away', () => {
    expect(words('pipe')).toEqual({ pipe: QUALITY.exact, pipeline: QUALITY.prefix, pipelines: QUALITY.prefix });
    expect(words('pipline')).toEqual({ pipeline: QUALITY.typo, pipelines: QUALITY.typo });
    expect(words('pipl')).toEqual({});
    expect(words('trian')).toEqual({ trains: QUALITY.typo });
  });

  it('matches numbers as typed or as their beginning, never one digit off', () => {
    const numbers = buildWordIndex([[['Fix 12345 and 12346 over http2'], ['#1234'], [], [], []]]);
    const found = (word: string) =>
      Object.fromEntries([...matchVocabulary(numbers, word)].map(([at, quality]) => [numbers.vocabulary[at], quality]));
    expect(found('12345')).toEqual({ 12345: QUALITY.exact });
    expect(found('1234')).toEqual({ 1234: QUALITY.exact, 12345: QUALITY.prefix, 12346: QUALITY.prefix });
    expect(found('12347')).toEqual({});
    // A word of letters and digits is a word: one typo is forgiven.
    expect(found('htpp2')).toEqual({ http2: QUALITY.typo });
  });

  it('matches words of one or two letters as whole words only', () => {
    expect(words('go')).toEqual({ go: QUALITY.exact });
    expect(words('pi')).toEqual({ pi: QUALITY.exact });
    expect(words('g')).toEqual({});
    expect(words('ru')).toEqual({});
    expect(words('run')).toEqual({ run: QUALITY.exact });
    expect(words('git')).toEqual({ gitaly: QUALITY.prefix });
  });

  it('narrows from the word a letter shorter only where that finds everything a full pass finds', () => {
    const narrowed = (word: string, shorterWord: string) =>
      Object.fromEntries(
        [...matchVocabulary(index, word, { word: shorterWord, found: matchVocabulary(index, shorterWord) })].map(([at, quality]) => [
          index.vocabulary[at],
          quality,
        ]),
      );
    // Four letters find no typos, so they cannot narrow five.
    expect(narrowed('piple', 'pipl')).toEqual({ pipe: QUALITY.typo, pipeline: QUALITY.typo, pipelines: QUALITY.typo });
    // Two letters find whole words only.
    expect(narrowed('pip', 'pi')).toEqual({ pipe: QUALITY.prefix, pipeline: QUALITY.prefix, pipelines: QUALITY.prefix });
    // Another word's answer is not this one's.
    expect(narrowed('pipe', 'trai')).toEqual(words('pipe'));
    expect(narrowed('pipelin', 'pipeli')).toEqual(words('pipelin'));
  });

  it('finds the same with and without the shorter word, over a vocabulary dense in typos', () => {
    // Words over three letters are one edit from many others: every kind of edit, at every position, occurs.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const wordOf = (length: number) => Array.from({ length }, () => 'abc'[random(3)]).join('');
    const dense = buildWordIndex(Array.from({ length: 400 }, () => [[wordOf(3 + random(6))], [], [], [], []]));
    let compared = 0;
    for (let k = 0; k < 300; k++) {
      const word = wordOf(4 + random(6));
      const shorterWord = word.slice(0, -1);
      const whole = matchVocabulary(dense, word);
      const narrowed = matchVocabulary(dense, word, { word: shorterWord, found: matchVocabulary(dense, shorterWord) });
      expect([...narrowed].sort(), word).toEqual([...whole].sort());
      if (whole.size > 0) compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('records the fields each word occurs in, per document', () => {
    expect(postingsOf(index, 'pipeline')).toEqual([0 * 32 + 0b00001]);
    expect(postingsOf(index, 'pipe')).toEqual([1 * 32 + 0b10000]);
    expect(postingsOf(index, 'pi')).toEqual([2 * 32 + 0b10000]);
    expect(index.starts[index.vocabulary.length]).toBe(index.postings.length);
  });
});
