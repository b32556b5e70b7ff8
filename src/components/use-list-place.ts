import { useEffect, useRef } from 'preact/hooks';

/** Where a reader was in the list: how many cards were shown, and how far down the page they had scrolled. */
interface Place {
  limit: number;
  scrollY: number;
}

// How long the page must be still before the scroll position is written (browsers limit history writes).
const SCROLL_SETTLE_MS = 300;

// The most cards a place may ask for: far beyond any reading, and a bound on what a history entry can make render.
const MAX_LIMIT = 2000;

/** The place kept in a history entry's state, when it holds a sound one. */
function placeIn(state: unknown): Place | null {
  const place = (state as { place?: Partial<Place> } | null)?.place;
  const { limit, scrollY } = place ?? {};
  if (!Number.isSafeInteger(limit) || !Number.isFinite(scrollY)) return null;
  return { limit: Math.min(Math.max(limit!, 1), MAX_LIMIT), scrollY: Math.max(scrollY!, 0) };
}

/**
 * Coming back to where you were. Leaving the page (following an issue's link, the labels page, a reload) writes the
 * number of cards shown and the scroll position into the current history entry; a page loaded into an entry that has
 * them (Back, when the browser did not keep the page itself) shows as many cards once the data is there, and scrolls
 * back. `showCards` sets how many cards the list renders at once.
 */
export function useListPlace(limit: number, ready: boolean, showCards: (limit: number) => void): void {
  const latest = useRef(limit);
  latest.current = limit;
  const pending = useRef<Place | null>(null);

  useEffect(() => {
    const place = placeIn(history.state);
    if (place) {
      // The browser would scroll before the cards are there; the page does it once they are.
      history.scrollRestoration = 'manual';
      pending.current = place;
      showCards(place.limit);
    }
    const save = () => {
      const state = (history.state as Record<string, unknown> | null) ?? {};
      history.replaceState({ ...state, place: { limit: latest.current, scrollY: window.scrollY } }, '');
    };
    // Written when the reader stops scrolling, too: not every way of leaving a page lets it write on the way out.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settled = () => {
      clearTimeout(timer);
      timer = setTimeout(save, SCROLL_SETTLE_MS);
    };
    addEventListener('pagehide', save);
    addEventListener('scroll', settled, { passive: true });
    return () => {
      clearTimeout(timer);
      removeEventListener('pagehide', save);
      removeEventListener('scroll', settled);
    };
  }, []);

  useEffect(() => {
    const place = pending.current;
    if (!place || !ready || latest.current < place.limit) return;
    pending.current = null;
    window.scrollTo(0, place.scrollY);
  });
}
