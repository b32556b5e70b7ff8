/** One entry of the rendered result list: an item, the search words it was rendered with, and whether it is stale. */
export interface ListEntry<T, W> {
  item: T;
  words: W;
  /** Left over from the previous view, to be replaced by the fill: rendered, but not shown. */
  stale: boolean;
}

/**
 * The list to render for a view: its fresh results, then, while the list is still filling, what the previous render
 * showed after them, marked stale. A keystroke renders only the first few results; removing the rest of the previous
 * page in the same task cost more than rendering the new ones, so the fill removes them instead, as it brings in the
 * fresh ones. A stale entry keeps the words it was rendered with, so it does not render again.
 *
 * `fresh` is the results rendered so far, `wanted` how many the list will hold once filled. There is no tail once the
 * fill is done, nor when `keep` is false (the previous entries are of another kind, rows for cards).
 */
export function withStaleTail<T, W>(
  fresh: readonly T[],
  words: W,
  wanted: number,
  previous: readonly ListEntry<T, W>[],
  keyOf: (item: T) => string,
  keep: boolean,
): ListEntry<T, W>[] {
  const entries = fresh.map((item) => ({ item, words, stale: false }));
  if (!keep || fresh.length >= wanted) return entries;
  const freshKeys = new Set(fresh.map(keyOf));
  const tail = previous
    .slice(fresh.length)
    .filter((entry) => !freshKeys.has(keyOf(entry.item)))
    .slice(0, wanted - fresh.length)
    .map((entry) => (entry.stale ? entry : { ...entry, stale: true }));
  return [...entries, ...tail];
}
