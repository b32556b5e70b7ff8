/**
 * Whether a click on a link is a plain one, which the page may handle in place; a click with a modifier key or another
 * button (a new tab or window) is left to the browser.
 */
export function isPlainClick(event: MouseEvent): boolean {
  return !(event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0);
}
