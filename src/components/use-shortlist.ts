import { useEffect, useState } from 'preact/hooks';
import { shortlist, subscribeShortlist, type Shortlist } from '../client/shortlist-store';

const EMPTY: Shortlist = { references: [], title: '' };

// Whether the page has hydrated: from then on a newly mounted toggle reads the shortlist at once.
let hydrated = false;

/**
 * The visitor's shortlist, kept current. Empty on the server and in the hydrating render, so hydration matches the
 * HTML, the stored one following at once; a card mounted later (a keystroke mounts several) starts with the stored
 * one and renders once.
 */
export function useShortlist(): Shortlist {
  const [state, setState] = useState(() => (hydrated ? shortlist() : EMPTY));
  useEffect(() => {
    hydrated = true;
    if (state !== shortlist()) setState(shortlist());
    return subscribeShortlist(() => setState(shortlist()));
  }, []);
  return state;
}
