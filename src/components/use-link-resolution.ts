import { useEffect, useRef, useState } from 'preact/hooks';
import type { IgnoredValue, ViewState } from '../lib/model';
import { droppedValues } from '../lib/view/url-state';
import { useSite } from './site-context';

/** What the query made of a view: the view as the data has its values, and the values no issue has. */
interface Resolution {
  view: ViewState;
  ignored: IgnoredValue[];
}

/**
 * Forgiving links, for a page whose view is in the URL. Once the data has matched the view's values (see
 * FacetIndex.resolve), `replaceFilters` writes them into the URL as the page writes them, without a history step:
 * `?stage=Verify&label=quick-win` becomes `?label=quick+win&stage=verify`. The values no issue has, those the data
 * left out and those the URL parser dropped (`?language=cobol`), are returned to be named, until `clear` (the
 * visitor's next change of the view). When the data writes every value as asked, `resolved` is `asked` itself: the
 * caller then keeps its state object and only writes the URL, since a copy of the view would be run again.
 */
export function useLinkResolution(
  resolution: Resolution | null,
  view: ViewState,
  replaceFilters: (asked: ViewState['filters'], resolved: ViewState['filters']) => void,
) {
  const { curatedLabels } = useSite();
  const [dropped, setDropped] = useState<IgnoredValue[]>([]);
  const [unmatched, setUnmatched] = useState<IgnoredValue[]>([]);
  // Whether the URL has been written as the page writes it since the data came.
  const written = useRef(false);

  useEffect(() => setDropped(droppedValues(location.search, curatedLabels)), [curatedLabels]);

  useEffect(() => {
    if (!resolution || (resolution.view === view && written.current)) return;
    written.current = true;
    if (resolution.view !== view) setUnmatched(resolution.ignored);
    replaceFilters(view.filters, resolution.view.filters);
  }, [resolution, view]);

  const clear = () => {
    setDropped([]);
    setUnmatched([]);
  };
  return [dropped.length > 0 ? [...dropped, ...unmatched] : unmatched, clear] as const;
}
