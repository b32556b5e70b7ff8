import { useEffect } from 'preact/hooks';
import { facetFeedPath, viewFeed } from '../lib/feeds';
import { pathWithBase } from '../lib/links/site-paths';
import type { ViewState } from '../lib/model';
import { displayValue, FACET_NAMES } from './facet-names';

/**
 * "Subscribe to new issues in devops stage verify": the Atom feed that matches the view (see viewFeed), or the feed
 * of every issue. The page head's feed link follows it, so a reader's "subscribe to this page" finds the same feed.
 */
export function SubscribeLink({ view }: { view: ViewState }) {
  const feed = viewFeed(view);
  const href = pathWithBase(feed ? facetFeedPath(feed.facet, feed.value) : 'feed.xml');
  const named = feed && `${FACET_NAMES[feed.facet].toLowerCase()} ${displayValue(feed.facet, feed.value)}`;
  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="alternate"][type="application/atom+xml"]');
    if (!link) return;
    // The site's title, as the build wrote it, is kept for naming every feed after.
    const siteTitle = (link.dataset.siteTitle ??= link.title);
    link.href = href;
    link.title = named ? `${siteTitle}: ${named}` : siteTitle;
  }, [href, named]);
  return (
    <p class="mt-1 text-sm">
      <a href={href} type="application/atom+xml">
        Subscribe to new issues{named && <> in <bdi>{named}</bdi></>}
      </a>{' '}
      <span class="text-muted">(Atom feed)</span>
    </p>
  );
}
