import { doubled } from '../typed-array';
import { wordsOf } from './words';

// An inverted index of the words in every searchable field, built once per dataset at build time, so that a
// keystroke looks up a few vocabulary entries instead of scanning every issue's text.

/** A document to index: one list of texts per field (at most 5 fields: a posting keeps them in 5 bits). */
export type FieldTexts = readonly (readonly string[])[];

// Whether word[a..] equals candidate[b..b + rest] where rest makes both run to their ends (n and m).
function restEqual(word: string, candidate: string, n: number, m: number, a: number, b: number): boolean {
  if (n - a !== m - b) return false;
  for (let k = 0; k < n - a; k++) if (word.charCodeAt(a + k) !== candidate.charCodeAt(b + k)) return false;
  return true;
}

/**
 * Whether `word` is at most one edit (insertion, deletion, substitution, swap of neighbours) away from the first
 * `length` characters of `candidate`. Compares in place, allocating nothing: it runs over the whole vocabulary.
 */
export function withinOneEdit(word: string, candidate: string, length = candidate.length): boolean {
  const n = word.length;
  const m = Math.min(length, candidate.length);
  if (Math.abs(n - m) > 1) return false;
  let i = 0;
  while (i < n && i < m && word.charCodeAt(i) === candidate.charCodeAt(i)) i++;
  if (i === n && i === m) return true;
  // After the first difference: a substitution, an insertion, a deletion, or a swap of neighbours.
  if (restEqual(word, candidate, n, m, i + 1, i + 1)) return true;
  if (restEqual(word, candidate, n, m, i, i + 1) || restEqual(word, candidate, n, m, i + 1, i)) return true;
  return (
    i + 1 < n &&
    i + 1 < m &&
    word.charCodeAt(i) === candidate.charCodeAt(i + 1) &&
    word.charCodeAt(i + 1) === candidate.charCodeAt(i) &&
    restEqual(word, candidate, n, m, i + 2, i + 2)
  );
}

/** How well a query word matched a vocabulary word, as a factor on the field's weight. */
export const QUALITY = { exact: 1, prefix: 0.8, typo: 0.5 } as const;
export type Quality = (typeof QUALITY)[keyof typeof QUALITY];

/**
 * The index: the vocabulary and, per word, which documents have it in which fields. The build makes it
 * (buildWordIndex) and ships it in a file (word-index-file.ts); the page only reads it.
 */
export interface WordIndex {
  vocabulary: readonly string[];
  /** Word `at`'s postings are postings[starts[at]] up to postings[starts[at + 1]], by document. */
  starts: Int32Array;
  /** Document index × 32 + a bit mask of the fields the word occurs in. */
  postings: Int32Array;
  size: number;
}

/** Indexes `count` documents, whose field texts `textsOf` gives one at a time. */
export function buildWordIndex(count: number, textsOf: (doc: number) => FieldTexts): WordIndex {
  // Words get ids as they are first seen; every (word, document, fields) goes into one flat list, and the
  // postings are cut out of one array at the end. A list (or map) per word and per document made 10,000 issues'
  // indexing mostly allocation and garbage collection.
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  let lastDoc = new Int32Array(1024).fill(-1);
  let fields = new Uint8Array(1024);
  let pairs = new Int32Array(1 << 16);
  let used = 0;
  const inDoc: number[] = [];
  for (let doc = 0; doc < count; doc++) {
    inDoc.length = 0;
    const texts = textsOf(doc);
    for (let field = 0; field < texts.length; field++) {
      for (const text of texts[field]!) {
        for (const word of wordsOf(text)) {
          let id = ids.get(word);
          if (id === undefined) {
            id = vocabulary.push(word) - 1;
            ids.set(word, id);
            if (id === lastDoc.length) {
              lastDoc = doubled(lastDoc, -1);
              fields = doubled(fields);
            }
          }
          if (lastDoc[id] !== doc) {
            lastDoc[id] = doc;
            fields[id] = 0;
            inDoc.push(id);
          }
          fields[id] |= 1 << field;
        }
      }
    }
    while (used + inDoc.length * 2 > pairs.length) pairs = doubled(pairs);
    for (const id of inDoc) {
      pairs[used++] = id;
      pairs[used++] = doc * 32 + fields[id]!;
    }
  }
  // Left unsorted: the lookups below scan the vocabulary anyway. Documents were added in order, so each word's
  // postings come out sorted by document.
  const starts = new Int32Array(vocabulary.length + 1);
  for (let at = 0; at < used; at += 2) starts[pairs[at]! + 1]! += 1;
  for (let id = 0; id < vocabulary.length; id++) starts[id + 1]! += starts[id]!;
  const postings = new Int32Array(used / 2);
  const next = starts.slice(0, vocabulary.length);
  for (let at = 0; at < used; at += 2) postings[next[pairs[at]!]!++] = pairs[at + 1]!;
  return { vocabulary, starts, postings, size: count };
}

/** Words this short must match exactly or as a prefix: one typo in them would match nearly everything. */
const MIN_TYPO_LENGTH = 5;
/**
 * Words this short (in characters) match whole words only: "go" is the language, not the start of "Gitaly", and
 * "ci" not of "cilium"; a two-letter beginning says too little to narrow anything.
 */
const MAX_WHOLE_WORD_LENGTH = 2;

/** Which vocabulary words a query word can stand for: whole words only, also words it begins, also typos. */
type Reach = 'whole' | 'prefix' | 'typo';

// A number one digit off is another issue, another merge request or another version, not a typo: numbers match
// as typed, or as the beginning of a number. (Their one-edit neighbours were also most of the work of typing an
// iid: iids and references make numbers most of a vocabulary, 20,837 of the bench's 21,199 words at 10,000 issues.)
const NUMBER = /^\d+$/;

function reachOf(word: string): Reach {
  if ([...word].length <= MAX_WHOLE_WORD_LENGTH) return 'whole';
  return word.length < MIN_TYPO_LENGTH || NUMBER.test(word) ? 'prefix' : 'typo';
}

/** How `candidate` stands for `word` (whose reach is beyond whole words), if it does. */
function qualityOf(word: string, candidate: string, typos: boolean): Quality | undefined {
  if (candidate.startsWith(word)) return candidate === word ? QUALITY.exact : QUALITY.prefix;
  if (!typos || candidate.length < word.length - 1) return undefined;
  // One edit leaves one of the first two characters in place or swaps them: a cheap test that skips most words.
  const w0 = word.charCodeAt(0);
  const w1 = word.charCodeAt(1);
  const c0 = candidate.charCodeAt(0);
  const c1 = candidate.charCodeAt(1);
  if (c0 !== w0 && c1 !== w1 && c0 !== w1 && c1 !== w0) return undefined;
  // The whole word one typo away, or its beginning (the visitor is still typing the rest).
  return withinOneEdit(word, candidate) ||
    withinOneEdit(word, candidate, word.length - 1) ||
    withinOneEdit(word, candidate, word.length) ||
    withinOneEdit(word, candidate, word.length + 1)
    ? QUALITY.typo
    : undefined;
}

/** A query word and the vocabulary words it stood for (matchVocabulary's answer). */
export interface VocabularyMatch {
  word: string;
  found: ReadonlyMap<number, Quality>;
}

/**
 * Vocabulary words a query word stands for, with match quality: the word itself, words it begins (someone is still
 * typing) from MAX_WHOLE_WORD_LENGTH + 1 characters, and for words of MIN_TYPO_LENGTH or more but numbers, words (or
 * word beginnings) one typo away.
 *
 * `shorter`, the answer for the word one letter shorter, narrows the pass to what it found, when that holds every
 * answer: a word a letter longer begins fewer words, and a word one edit from the longer word (or from a beginning
 * of it) is the shorter word's prefix or one edit from a beginning of it (whichever letter the edit touches), as
 * long as the shorter word looked for typos too. Typing a word letter by letter then compares it with the whole
 * vocabulary for beginnings and typos at its third and fifth letters only (a two-letter word is looked up whole).
 */
export function matchVocabulary(index: WordIndex, word: string, shorter?: VocabularyMatch): Map<number, Quality> {
  const { vocabulary } = index;
  const found = new Map<number, Quality>();
  const reach = reachOf(word);
  if (reach === 'whole') {
    const at = vocabulary.indexOf(word);
    if (at >= 0) found.set(at, QUALITY.exact);
    return found;
  }
  const typos = reach === 'typo';
  const narrows =
    shorter !== undefined &&
    word.length === shorter.word.length + 1 &&
    word.startsWith(shorter.word) &&
    reachOf(shorter.word) !== 'whole' &&
    (reachOf(shorter.word) === 'typo' || !typos);
  if (narrows) {
    for (const at of shorter.found.keys()) {
      const quality = qualityOf(word, vocabulary[at]!, typos);
      if (quality !== undefined) found.set(at, quality);
    }
    return found;
  }
  // A linear pass over the vocabulary: tens of thousands of cheap comparisons, under a millisecond.
  for (let at = 0; at < vocabulary.length; at++) {
    const quality = qualityOf(word, vocabulary[at]!, typos);
    if (quality !== undefined) found.set(at, quality);
  }
  return found;
}
