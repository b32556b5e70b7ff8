import Fuse, { type FuseIndex, type FuseOptionKey, type FuseOptionKeyObject, type IFuseOptions } from 'fuse.js/basic';

/** What Fuse's index keeps of one item: its texts per key, with their lengths in words. */
type ItemRecord = FuseIndex['records'][number]['$'];

/** One item as Fuse ranks it: its position in the item list, and Fuse's score (lower is better). */
export interface FuseRanked {
  at: number;
  score: number;
}

// No match for the word in the item: the item is out of an AND of words.
const NO_MATCH = -1;

// Fuse's score for an AND of words multiplies the scores of every match of every word, so it is the product of
// what each word scores alone. While someone types a query of several words only the word being typed is new:
// keeping each (item, word) part, a keystroke scores just that word (the others were up to two thirds of the
// work). The product can differ from Fuse's running one in the last bit, which never decided an order in tests.
//
// A search over new items makes Fuse's record of each (its texts and their lengths in words), and lower-cases every
// text again for every word it looks for. Typing on brings mostly the same best candidates back, so each item's
// record is made once, of texts already lower-cased, and Fuse searches them as they are (case-sensitive, for a
// word lower-cased as Fuse would): the same texts and scores, without a copy of every text each keystroke. (This is
// for Fuse's plain search with its default text handling: no extended or token search, no ignoreDiacritics.)

/** Ranks items as Fuse's `{ $and: words }` search over them would, keeping each (item, word) score for later. */
export function fuseRanker<T>(items: readonly T[], options: IFuseOptions<T>, cachedWords = 200, cachedRecords = 1000) {
  const parts = new Map<string, Map<number, number>>();
  const keys = (options.keys ?? []).map(lowerCasedKey);
  const searchOptions: IFuseOptions<T> = { ...options, keys, isCaseSensitive: true, includeScore: true };
  // One index, given each search's records: Fuse asks of it only its keys and records.
  const index = Fuse.createIndex(keys, []);
  const threshold = options.threshold ?? Fuse.config.threshold;
  const records = new Map<number, ItemRecord>();
  const recordOf = (at: number) => {
    let record = records.get(at);
    if (!record) {
      if (records.size >= cachedRecords) records.delete(records.keys().next().value!);
      record = Fuse.createIndex(keys, [items[at]!], { fieldNormWeight: options.fieldNormWeight }).records[0]!.$;
      records.set(at, record);
    }
    return record;
  };

  function partsOf(word: string, positions: readonly number[]): Map<number, number> {
    let known = parts.get(word);
    if (!known) {
      if (parts.size >= cachedWords) parts.delete(parts.keys().next().value!);
      known = new Map();
      parts.set(word, known);
    }
    const missing = positions.filter((at) => !known.has(at));
    if (missing.length) {
      for (const at of missing) known.set(at, NO_MATCH);
      const pattern = word.toLowerCase();
      const pieces = piecesOf(pattern, threshold);
      index.setIndexRecords(missing.map((at, i) => ({ i, $: withTextsHaving(recordOf(at), pieces) })));
      const fuse = new Fuse(missing.map((at) => items[at]!), searchOptions, index);
      for (const result of fuse.search(pattern)) known.set(missing[result.refIndex]!, result.score!);
    }
    return known;
  }

  /** The items at `positions` that match every word, best first; ties keep the order of `positions`. */
  return function rank(positions: readonly number[], words: readonly string[]): FuseRanked[] {
    if (!words.length) return [];
    const known = words.map((word) => partsOf(word, positions));
    const ranked: Array<FuseRanked & { given: number }> = [];
    positions.forEach((at, given) => {
      let score = 1;
      for (const part of known) {
        const value = part.get(at)!;
        if (value === NO_MATCH) return;
        score *= value;
      }
      ranked.push({ at, score, given });
    });
    return ranked.sort((a, b) => a.score - b.score || a.given - b.given).map(({ at, score }) => ({ at, score }));
  };
}

// Fuse's bitap search reads every text of every item, character by character, and most texts do not hold the word:
// a candidate matched it in its title, say, and Fuse still reads its 300-character excerpt. A text Fuse finds the
// word in holds it with at most k errors (insertions, deletions, substitutions), where k is the most errors its
// threshold allows for the word's length (0 up to 4 letters, 1 up to 9 at 0.2). Cut into k + 1 pieces, the word
// then has a piece the errors left whole, which the text holds as it is. So a text that holds no piece is no match,
// and leaving it out of the record changes nothing: Fuse's score multiplies what the matching texts score.

/** The pieces of `pattern` one of which every text Fuse could match it in holds; null to read every text. */
export function piecesOf(pattern: string, threshold: number): string[] | null {
  // Fuse searches longer patterns in chunks of 32.
  if (pattern.length === 0 || pattern.length > 32) return null;
  // As Fuse counts: i errors are allowed while i / length, the score they make, stays within the threshold.
  let errors = 0;
  while (errors + 1 < pattern.length && (errors + 1) / pattern.length <= threshold) errors++;
  const pieces = errors + 1;
  return Array.from({ length: pieces }, (_, p) =>
    pattern.slice(Math.floor((p * pattern.length) / pieces), Math.floor(((p + 1) * pattern.length) / pieces)),
  );
}

/** An item's record with only the texts that hold one of `pieces` (all of them when `pieces` is null). */
function withTextsHaving(record: ItemRecord, pieces: readonly string[] | null): ItemRecord {
  if (!pieces || !record) return record;
  const holds = (text: string) => pieces.some((piece) => text.includes(piece));
  const kept: NonNullable<ItemRecord> = {};
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) {
      const texts = value.filter((sub) => holds(sub.v));
      if (texts.length) kept[Number(key)] = texts;
    } else if (holds(value.v)) kept[Number(key)] = value;
  }
  return kept;
}

/** A key whose texts are lower-cased once, when the item's record is made. */
function lowerCasedKey<T>(key: FuseOptionKey<T>): FuseOptionKeyObject<T> {
  if (typeof key === 'string' || Array.isArray(key) || !key.getFn) throw new Error('fuseRanker: every key needs a getFn');
  const { getFn } = key;
  return {
    ...key,
    getFn: (item) => {
      const value = getFn(item);
      return typeof value === 'string' ? value.toLowerCase() : value?.map((text) => text.toLowerCase());
    },
  };
}
