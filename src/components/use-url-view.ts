import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { rememberedDensity } from '../client/density';
import type { ViewState } from '../lib/model';
import { parseView, saysDensity, serializeView } from '../lib/view/url-state';
import { useSite } from './site-context';

/**
 * How a view change enters history: a filter change is a step, typing keeps amending one entry, and `replace`
 * rewrites the current one (the same view, written as the page writes it).
 */
export type ViewChange = 'step' | 'typing' | 'replace';

// Typing rewrites the URL at most this often (browsers throttle history calls, and nobody shares half a word).
const TYPING_URL_DELAY_MS = 300;

/**
 * State kept in the URL's query: Back and Forward walk through its states, and the URL is always shareable.
 * `parse` must accept any query string; `serialize` gives one without `?` ('' for the default state).
 */
export function useUrlState<T>(initial: T, parse: (search: string) => T, serialize: (state: T) => string) {
  const [state, setState] = useState(initial);
  // The newest state, ahead of rendering: a change computed from an older render's state (an effect that runs after
  // a keystroke was handled) is given this one to build on, so it cannot undo the keystroke.
  const latest = useRef(initial);
  const set = (next: T) => {
    latest.current = next;
    setState(next);
  };
  // Whether the current history entry was made by typing, so further typing amends it instead of adding more.
  const typingEntry = useRef(false);
  const pendingUrl = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    set(parse(location.search));
    const onPop = () => {
      clearTimeout(pendingUrl.current);
      typingEntry.current = false;
      set(parse(location.search));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [parse]);

  /** Moves to `next`, or to what `next` makes of the newest state. */
  const change = useCallback(
    (nextOrUpdate: T | ((newest: T) => T), how: ViewChange) => {
      const next = typeof nextOrUpdate === 'function' ? (nextOrUpdate as (newest: T) => T)(latest.current) : nextOrUpdate;
      set(next);
      const query = serialize(next);
      const url = `${location.pathname}${query ? `?${query}` : ''}`;
      clearTimeout(pendingUrl.current);
      if (how === 'replace') {
        // The entry's own state (where the reader was, see use-list-place.ts) stays with it.
        history.replaceState(history.state, '', url);
        return;
      }
      if (how === 'step' || !typingEntry.current) {
        if (url !== location.pathname + location.search) history.pushState(null, '', url);
        typingEntry.current = how === 'typing';
        return;
      }
      pendingUrl.current = setTimeout(() => history.replaceState(history.state, '', url), TYPING_URL_DELAY_MS);
    },
    [serialize],
  );

  return [state, change] as const;
}

/**
 * The list's view, kept in the URL (see useUrlState). A URL without `view` shows the visitor's remembered density
 * (read afresh each time: another tab may have changed it); when the address does not say the density shown, as when
 * a visitor who remembered compact opens a plain link or goes Back to one, it is rewritten without a history step,
 * so a copied link shows what they see.
 */
export function useUrlView(initial: ViewState) {
  const { curatedLabels } = useSite();
  const parse = useCallback((search: string) => parseView(search, curatedLabels, rememberedDensity()), [curatedLabels]);
  const serialize = useCallback((view: ViewState) => serializeView(view, curatedLabels, rememberedDensity()), [curatedLabels]);
  const [view, change] = useUrlState(initial, parse, serialize);
  // After useUrlState's own effect and popstate listener, which have read the URL by then.
  useEffect(() => {
    const sayDensity = () => {
      if (!saysDensity(location.search, parse(location.search), rememberedDensity())) change((newest) => newest, 'replace');
    };
    sayDensity();
    addEventListener('popstate', sayDensity);
    return () => removeEventListener('popstate', sayDensity);
  }, [parse, change]);
  return [view, change] as const;
}
