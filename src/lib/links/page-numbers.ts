/** A gap in a list of page numbers: the pages between its neighbours are not linked. */
export const GAP = 'gap';

/**
 * The page numbers a page's navigation links, in order, for page `current` of `last`: the first and the last, and
 * `around` pages on either side of the current one, with a GAP where numbers are left out ("1 … 6 7 [8] 9 10 … 100").
 * A gap never stands for a single page: that page is listed instead, as it takes no more room than the "…".
 * Listing every number made each of 100 pages carry 100 links, which wrapped over many lines on a phone.
 */
export function pageNumbers(current: number, last: number, around = 2): Array<number | typeof GAP> {
  const shown = new Set([1, last]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= last) shown.add(page);
  const sorted = [...shown].sort((a, b) => a - b);
  const numbers: Array<number | typeof GAP> = [];
  for (const page of sorted) {
    const previous = numbers.at(-1);
    if (typeof previous === 'number' && page - previous === 2) numbers.push(page - 1);
    else if (typeof previous === 'number' && page - previous > 2) numbers.push(GAP);
    numbers.push(page);
  }
  return numbers;
}
