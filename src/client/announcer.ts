// One polite live region for the whole page, through which buttons tell screen readers what they did ("Reference
// copied"). One region rather than one per button: a page of results holds dozens of copy buttons, and every element a
// card carries is created and removed again on each keystroke.

// A region must be in the accessibility tree before its text changes for the change to be read out, so the first
// message waits a moment after the region is made; later ones are set after clearing, so a repeat is read again.
const SETTLE_MS = 100;

let region: HTMLElement | null = null;
let pending: ReturnType<typeof setTimeout> | undefined;

/** Tells screen readers `message` politely (after what they are reading). */
export function announce(message: string): void {
  if (!region?.isConnected) {
    region = document.createElement('div');
    region.setAttribute('aria-live', 'polite');
    region.className = 'sr-only';
    region.dataset['announcer'] = '';
    document.body.append(region);
  }
  const target = region;
  target.textContent = '';
  clearTimeout(pending);
  pending = setTimeout(() => (target.textContent = message), SETTLE_MS);
}
