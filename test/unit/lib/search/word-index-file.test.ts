import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config';
import { decodeSteps, encodePayload } from '../../../../src/lib/payload';
import { createSearch, issueWordIndex, searchSteps, type IssueSearch } from '../../../../src/lib/search/issue-search';
import { buildWordIndex, type WordIndex } from '../../../../src/lib/search/word-index';
import { wordsOf } from '../../../../src/lib/search/words';
import { CorruptWordIndex, encodeWordIndex, readWordIndexSteps } from '../../../../src/lib/search/word-index-file';
import { NEW_SLICE, runNow } from '../../../../src/lib/slices';
import { snapshotFromApiIssues } from '../../../../tools/gitlab-stand-in/generated-snapshot';
import { generateIssues } from '../../../../tools/gitlab-stand-in/generator';
import { createRandom } from '../../../../tools/gitlab-stand-in/prng';

// The issues as the page has them: a generated snapshot, encoded for the browser and decoded again, in that order.
const config = loadConfig({});
const snapshot = snapshotFromApiIssues(generateIssues({ count: 1600, seed: 77, curatedShare: 1 }), {
  source: { url: config.gitlabUrl, group: config.group, labels: config.curatedLabels },
  generatedAt: '2026-11-01T06:00:00.000Z',
  newEvery: 50,
  what: 'word index file test',
});
const payload = encodePayload(snapshot);
const ISSUES = runNow(decodeSteps(payload, payload.issues));

// What the page does with the build's file: a copy of its bytes, as fetched, read back.
const read = (file: Uint8Array, documents: number) => runNow(readWordIndexSteps(file.slice().buffer, documents));

// Queries of every kind the search treats apart: words, beginnings, typos, several words, references, iids,
// project names, labels, words of one or two letters, and text that matches nothing.
function queries(): string[] {
  const random = createRandom(5);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random.next() * list.length)]!;
  const typo = (word: string) => {
    const at = 1 + Math.floor(random.next() * (word.length - 2));
    return word.slice(0, at) + word.slice(at + 1);
  };
  const found: string[] = ['pipeline', 'pipline', 'go', 'ci', 'gitlab', 'gitlab-runner', 'gitaly timeout', 'résumé', 'zzzzqx', '#1', 'a b'];
  for (let n = 0; n < 60; n++) {
    const issue = pick(ISSUES);
    const words = wordsOf(`${issue.title} ${issue.excerpt}`).filter((word) => word.length >= 3);
    if (!words.length) continue;
    const word = pick(words);
    found.push(word, word.slice(0, 3), word.slice(0, 4), `${pick(words)} ${word}`, `${word.toUpperCase()} ${pick(words).slice(0, 3)}`);
    if (word.length >= 6) found.push(typo(word));
    found.push(String(issue.iid), `#${issue.iid}`, issue.reference, issue.url, issue.project, issue.project.split('/').pop()!);
    if (issue.labels.length) found.push(pick(issue.labels).name);
  }
  return found;
}

const answers = (search: IssueSearch, query: string) => {
  const { order, hits, words } = search.search(query);
  return { order: [...order], hits, words: [...words].sort() };
};

describe('the word index file', () => {
  const built = issueWordIndex(ISSUES);
  const file = encodeWordIndex(built);

  it('reads back as the index the build made', () => {
    const index = read(file, ISSUES.length);
    expect(index.vocabulary).toEqual(built.vocabulary);
    expect([...index.starts]).toEqual([...built.starts]);
    expect([...index.postings]).toEqual([...built.postings]);
    expect(index.size).toBe(built.size);
  });

  it('answers every query exactly as the index made in place does', () => {
    const inPlace = createSearch(ISSUES);
    const prebuilt = runNow(searchSteps(ISSUES, read(file, ISSUES.length)));
    const asked = queries();
    expect(asked.length).toBeGreaterThan(500);
    let hits = 0;
    for (const query of asked) {
      const expected = answers(inPlace, query);
      hits += expected.order.length;
      expect(answers(prebuilt, query), query).toEqual(expected);
    }
    // The comparison means something only if the queries find issues.
    expect(hits).toBeGreaterThan(asked.length * 10);
  });

  it('round-trips an empty index and words in any script', () => {
    const empty = buildWordIndex(0, () => []);
    expect(read(encodeWordIndex(empty), 0)).toEqual(empty);
    const texts = [[['Café 改进 تحسين']], [[]], [['pipeline']]];
    const index = buildWordIndex(3, (doc) => texts[doc]!);
    expect(read(encodeWordIndex(index), 3).vocabulary).toEqual(['cafe', '改进', 'تحسين', 'pipeline']);
  });

  it('offers to pause while it reads', () => {
    const steps = readWordIndexSteps(file.slice().buffer, ISSUES.length);
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) if (step.value === NEW_SLICE) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(2);
  });
});

describe('a word index file that is not what the build wrote', () => {
  const index: WordIndex = buildWordIndex(3, (doc) => [[['pipeline editor', 'merge trains', 'pipeline'][doc]!]]);
  const file = encodeWordIndex(index);
  const ints = (edit: (values: Int32Array) => void) => {
    const copy = file.slice();
    edit(new Int32Array(copy.buffer, 0, Math.floor(copy.length / 4)));
    return copy;
  };
  // Header: magic, version, words, postings, documents; then the words' lengths, then the postings' gaps.
  const WORDS = 4;
  const LENGTHS = 5;
  const GAPS = LENGTHS + WORDS;

  it.each([
    ['empty', new Uint8Array(0)],
    ['cut short', file.slice(0, 30)],
    ['of another kind', ints((v) => (v[0] = 0x12345678))],
    ['of another version', ints((v) => (v[1] = 2))],
    ['of more words than it holds', ints((v) => (v[2] = 1 << 28))],
    ['of a negative length', ints((v) => (v[3] = -1))],
    ['of a word with more postings than there are', ints((v) => (v[LENGTHS] = 100))],
    ['of postings no word has', ints((v) => (v[LENGTHS] = 0))],
    ['of a document beyond the last', ints((v) => (v[GAPS] = 4 * 32 + 1))],
    ['of documents out of order', ints((v) => (v[GAPS + 1] = 0 * 32 + 1))],
    ['of a vocabulary that falls short', file.slice(0, file.length - 'trains'.length - 1)],
    ['of a vocabulary that is not UTF-8', (() => { const copy = file.slice(); copy[copy.length - 1] = 0xff; return copy; })()],
  ])('fails when %s', (_, bad) => {
    expect(() => read(bad, 3)).toThrow();
  });

  it('fails, saying so, for other data than the page has', () => {
    expect(() => read(file, 4)).toThrow(CorruptWordIndex);
    expect(() => runNow(searchSteps(ISSUES.slice(0, 4), index))).toThrow();
  });

  it('reads the file as written', () => {
    expect(read(file, 3)).toEqual(index);
  });
});
