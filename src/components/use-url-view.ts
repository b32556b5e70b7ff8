import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ViewState } from '../lib/model';
import { parseView, serializeView } from '../lib/url-state';

/** How a view change enters history: a filter change is a step, typing keeps amending one entry. */
export type ViewChange = 'step' | 'typing';

// Typing rewrites the URL at most this often (browsers throttle history calls, and nobody shares half a word).
const TYPING_URL_DELAY_MS = 300;

/** The view, kept in the URL: Back and Forward walk through filter states, and the URL is always shareable. */
export function useUrlView(initial: ViewState, curatedLabels: readonly string[]) {
  const [view, setView] = useState(initial);
  // Whether the current history entry was made by typing, so further typing amends it instead of adding more.
  const typingEntry = useRef(false);
  const pendingUrl = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    setView(parseView(location.search, curatedLabels));
    const onPop = () => {
      clearTimeout(pendingUrl.current);
      typingEntry.current = false;
      setView(parseView(location.search, curatedLabels));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [curatedLabels]);

  const change = useCallback(
    (next: ViewState, how: ViewChange) => {
      setView(next);
      const query = serializeView(next, curatedLabels);
      const url = `${location.pathname}${query ? `?${query}` : ''}`;
      clearTimeout(pendingUrl.current);
      if (how === 'step' || !typingEntry.current) {
        if (url !== location.pathname + location.search) history.pushState(null, '', url);
        typingEntry.current = how === 'typing';
        return;
      }
      pendingUrl.current = setTimeout(() => history.replaceState(null, '', url), TYPING_URL_DELAY_MS);
    },
    [curatedLabels],
  );

  return [view, change] as const;
}
