import { NEW_SLICE, type Steps } from '../slices';
import type { WordIndex } from './word-index';

// The word index as the build writes it and the page reads it: indexing 10,000 issues in the page took longer than
// everything else the data needs, so the page now only checks and wraps the build's arrays.
//
// Layout, 32-bit integers in the platform's byte order (little-endian on every browser; the magic number tells
// otherwise): MAGIC, VERSION, words, postings, documents; then each word's number of postings; then the postings,
// each word's as gaps: (document - previous document) × 32 + field mask, the first document's gap counted from -1.
// Gaps keep the numbers small and alike, so gzip shrinks them to less than half of what it leaves of the plain
// postings. Last, the vocabulary as UTF-8, one word per line (a word is letters and digits: never a line break).

const MAGIC = 0x78444957; // "WIDx" read little-endian
const VERSION = 1;
const HEADER = 5;
// Postings checked and summed up between offers to pause: a few hundred microseconds of work.
const POSTINGS_PER_STEP = 1 << 16;

/** Thrown when a word index file is not one this code wrote for this data: the page fails as for any bad data. */
export class CorruptWordIndex extends Error {}

/** The index as a file (see the layout above). */
export function encodeWordIndex(index: WordIndex): Uint8Array<ArrayBuffer> {
  const words = index.vocabulary.length;
  const count = index.postings.length;
  const text = new TextEncoder().encode(index.vocabulary.join('\n'));
  const ints = new Int32Array(HEADER + words + count);
  ints.set([MAGIC, VERSION, words, count, index.size]);
  for (let at = 0; at < words; at++) {
    ints[HEADER + at] = index.starts[at + 1]! - index.starts[at]!;
    let previous = -1;
    for (let k = index.starts[at]!; k < index.starts[at + 1]!; k++) {
      const doc = index.postings[k]! >>> 5;
      ints[HEADER + words + k] = (doc - previous) * 32 + (index.postings[k]! & 31);
      previous = doc;
    }
  }
  const file = new Uint8Array(ints.byteLength + text.byteLength);
  file.set(new Uint8Array(ints.buffer), 0);
  file.set(text, ints.byteLength);
  return file;
}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new CorruptWordIndex(`word index file: ${what}`);
}

/**
 * Reads a file encodeWordIndex wrote for `documents` documents, checking every length and document number against
 * its bounds, and yielding between small pieces of work (see slices.ts). Takes over the buffer: the postings are
 * decoded in place.
 */
export function* readWordIndexSteps(file: ArrayBuffer, documents: number): Steps<WordIndex> {
  check(file.byteLength >= HEADER * 4, 'too short');
  const [magic, version, words, count, size] = new Int32Array(file, 0, HEADER);
  check(magic === MAGIC && version === VERSION, 'not a word index of this version');
  check(size === documents, `made for ${size} documents, not ${documents}`);
  check(words! >= 0 && count! >= 0 && (HEADER + words! + count!) * 4 <= file.byteLength, 'lengths out of bounds');
  const lengths = new Int32Array(file, HEADER * 4, words);
  const postings = new Int32Array(file, (HEADER + words!) * 4, count);
  const starts = new Int32Array(words! + 1);
  for (let at = 0; at < words!; at++) {
    check(lengths[at]! >= 0 && lengths[at]! <= count! - starts[at]!, 'postings out of bounds');
    starts[at + 1] = starts[at]! + lengths[at]!;
  }
  check(starts[words!] === count, 'postings left over');
  yield NEW_SLICE;
  for (let at = 0; at < words!; at++) {
    let doc = -1;
    for (let k = starts[at]!, end = starts[at + 1]!; k < end; k++) {
      const gap = postings[k]!;
      // A gap of at least one document keeps each word's documents rising, and so below `size` when the last is.
      check(gap >= 32, 'documents out of order');
      doc += gap >> 5;
      check(doc < size, 'document out of bounds');
      postings[k] = doc * 32 + (gap & 31);
      if (k % POSTINGS_PER_STEP === 0) yield;
    }
  }
  yield NEW_SLICE;
  const text = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(file, (HEADER + words! + count!) * 4));
  const vocabulary = words === 0 ? [] : text.split('\n');
  check(vocabulary.length === words && (words! > 0 || text === ''), 'vocabulary of another length');
  return { vocabulary, starts, postings, size };
}
