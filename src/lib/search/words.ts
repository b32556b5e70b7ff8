// Words as search sees them, in the index and in a query alike, and where they are in a text for highlighting.
// Apart from the word index (word-index.ts): the cards' highlighting needs only this, and loads with the page.

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case without diacritics, so "Résumé" and "resume" are the same word. */
function foldWord(word: string): string {
  // Unicode normalisation is the slow part of indexing, and most text has nothing to normalise.
  return ASCII.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** The folded words of a text: letters and digits in any script; everything else separates words. */
export function wordsOf(text: string): string[] {
  return foldWord(text).match(WORD) ?? [];
}

/** Where each word of `text` is, with its folded form: for highlighting words that matched. */
export function wordSpans(text: string): Array<{ start: number; end: number; word: string }> {
  return [...text.matchAll(WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length - 1,
    word: foldWord(match[0]),
  }));
}
