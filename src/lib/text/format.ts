/** An integer with English thousands separators ("12,345"), as toLocaleString('en') writes it, without Intl. */
export function formatCount(n: number): string {
  // Intl's first use on a page loads ICU data (10 to 20 ms in one task); counts are all the page formats.
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}
