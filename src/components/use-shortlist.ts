import { useEffect, useState } from 'preact/hooks';
import { shortlist, subscribeShortlist, type Shortlist } from '../client/shortlist-store';

const EMPTY: Shortlist = { references: [], title: '' };

/**
 * The visitor's shortlist, kept current. Empty on the server and in the first render, so hydration matches the HTML;
 * the stored one follows at once.
 */
export function useShortlist(): Shortlist {
  const [state, setState] = useState(EMPTY);
  useEffect(() => {
    setState(shortlist());
    return subscribeShortlist(() => setState(shortlist()));
  }, []);
  return state;
}
