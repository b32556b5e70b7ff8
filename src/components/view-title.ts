import { useEffect, useRef } from 'preact/hooks';
import { FACETS, type ViewState } from '../lib/model';
import { displayValue } from './facet-names';

/**
 * What a view narrows the list to, for the page's title: "co-create · verify"; a shortlist's own title ("Shortlist"
 * without one); '' for the whole list.
 */
export function viewTitle(view: ViewState): string {
  if (view.refs.length > 0) return view.title || 'Shortlist';
  const q = view.q.trim();
  return [
    ...(q ? [`“${q}”`] : []),
    ...FACETS.flatMap((facet) => view.filters[facet].map((value) => displayValue(facet, value))),
    ...(view.ready ? ['ready to pick up'] : []),
    ...(view.available ? ['available'] : []),
  ].join(' · ');
}

/**
 * Names the view in the document's title, so tabs and history entries say what they show, and in the Open Graph
 * title for tools that read the page as it runs. (Link previews made by crawlers that run no script show the site's.)
 */
export function useViewTitle(view: ViewState): void {
  const base = useRef<string | null>(null);
  useEffect(() => {
    base.current ??= document.title;
    const named = viewTitle(view);
    document.title = named ? `${named} — ${base.current}` : base.current;
    for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[property="og:title"], meta[name="twitter:title"]')) {
      meta.content = document.title;
    }
  }, [view]);
}
