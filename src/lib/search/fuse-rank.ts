import Fuse, { type IFuseOptions } from 'fuse.js';

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

/** Ranks items as Fuse's `{ $and: words }` search over them would, keeping each (item, word) score for later. */
export function fuseRanker<T>(items: readonly T[], options: IFuseOptions<T>, cachedWords = 200) {
  const parts = new Map<string, Map<number, number>>();

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
      const fuse = new Fuse(missing.map((at) => items[at]!), { ...options, includeScore: true });
      for (const result of fuse.search(word)) known.set(missing[result.refIndex]!, result.score!);
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
