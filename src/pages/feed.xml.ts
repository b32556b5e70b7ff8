import type { APIRoute } from 'astro';
import { feedSubtitle } from '../lib/atom';
import { pathWithBase } from '../lib/links/site-paths';
import { feedResponse } from '../site/feed-response';
import { siteData } from '../site/site-data';

// The Atom feed of the newest items, at <base>/feed.xml (linked from every page's head).
export const GET: APIRoute = ({ site, url }) => {
  const { config, snapshot } = siteData();
  const feed = { title: config.siteTitle, subtitle: feedSubtitle(snapshot.source), items: snapshot.issues };
  return feedResponse(snapshot, feed, { url, path: 'feed', home: pathWithBase(''), hasSite: site !== undefined });
};
