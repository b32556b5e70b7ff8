import { atomFeed, feedTagUri, type FeedContent } from '../lib/atom';
import type { Snapshot } from '../lib/snapshot';

/** Where a feed is: its URL as Astro gives it, its path in the site without `.xml`, and the page it is the feed of. */
export interface FeedPlace {
  /** The feed's URL under the base path; its origin is a placeholder when no site is configured. */
  url: URL;
  /** `feed`, `feeds/stage/verify`: what names the feed when there is no absolute URL to name it by. */
  path: string;
  /** The page the feed belongs to, a path under the base, query included. */
  home: string;
  /** Whether Astro knows the site's absolute URL. */
  hasSite: boolean;
}

/** A feed page's answer: with a known site, absolute links and the feed's URL as its id; else paths and a tag id. */
export function feedResponse(snapshot: Snapshot, feed: FeedContent, { url, path, home, hasSite }: FeedPlace): Response {
  const alternate = new URL(home, url);
  const location = hasSite
    ? { id: url.href, self: url.href, alternate: alternate.href }
    : { id: feedTagUri(snapshot.source, path), self: url.pathname, alternate: `${alternate.pathname}${alternate.search}` };
  return new Response(atomFeed(snapshot, feed, location), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
