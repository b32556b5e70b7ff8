// GitLab counts lengths in characters (code points, as Ruby does): an emoji is one character, not the two UTF-16
// units JavaScript's `length` counts. The snapshot's caps count the same way, so nothing GitLab accepts fails them.

/** Whether `text` has at most `max` characters (code points). */
export function fitsIn(text: string, max: number): boolean {
  if (text.length <= max) return true;
  // A character takes one or two UTF-16 units, so past twice the cap there is nothing to count (a 1 MB title).
  if (text.length > 2 * max) return false;
  let count = 0;
  for (const _ of text) if (++count > max) return false;
  return true;
}

/** `text` when it fits in `max` characters, else its first `max - 1` characters and an ellipsis (pairs kept whole). */
export function truncateTo(text: string, max: number): string {
  if (fitsIn(text, max)) return text;
  let head = '';
  let count = 0;
  for (const char of text) {
    if (++count === max) break;
    head += char;
  }
  return `${head}…`;
}
