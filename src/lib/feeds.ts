import { labelSlug } from './links/site-paths';
import { FACETS, facetValues, type Issue, type ViewState } from './model';

/** The facets a view can be subscribed to: one Atom feed per value the data has, besides the feed of every item. */
export const FEED_FACETS = ['label', 'stage', 'group', 'language'] as const;
export type FeedFacet = (typeof FEED_FACETS)[number];

/** One facet value's feed. */
export interface FacetFeed {
  facet: FeedFacet;
  /** The value as the data has it ("source code"), for the feed's title. */
  value: string;
  slug: string;
}

/** Where a facet value's feed is, inside the site: `feeds/group/source-code.xml`. */
export function facetFeedPath(facet: FeedFacet, value: string): string {
  return `feeds/${facet}/${labelSlug(value)}.xml`;
}

/**
 * Every facet value's feed, with the items it lists: one per slug of each facet's values. Values that share a slug
 * ("source code", "source-code") share a feed, titled after the first, listing the items of each.
 */
export function facetFeeds(issues: readonly Issue[]): Array<FacetFeed & { items: Issue[] }> {
  const feeds = new Map<string, FacetFeed & { items: Issue[] }>();
  for (const issue of issues) {
    for (const facet of FEED_FACETS) {
      for (const value of new Set(facetValues(issue, facet))) {
        const slug = labelSlug(value);
        const key = `${facet}/${slug}`;
        const feed = feeds.get(key) ?? { facet, value, slug, items: [] };
        feed.items.push(issue);
        feeds.set(key, feed);
      }
    }
  }
  return [...feeds.values()];
}

/**
 * The feed that matches a view: the one of its facet value when the view selects exactly one facet value and that of
 * a feed facet (a search and the toggles aside: the feed lists every new item of the value), else null (the feed of
 * every item).
 */
export function viewFeed(view: ViewState): Pick<FacetFeed, 'facet' | 'value'> | null {
  const selected = FACETS.flatMap((facet) => view.filters[facet].map((value) => ({ facet, value })));
  const [only] = selected;
  if (selected.length !== 1 || !only) return null;
  const facet = FEED_FACETS.find((each) => each === only.facet);
  return facet ? { facet, value: only.value } : null;
}
