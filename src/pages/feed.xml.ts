import type { APIRoute } from 'astro';
import { siteData } from '../site/site-data';
import { atomFeed, feedTagUri } from '../lib/atom';

// The Atom feed of the newest items, at <base>/feed.xml (linked from every page's head).
export const GET: APIRoute = ({ site, url }) => {
  const { config, snapshot } = siteData();
  // `url` is this file's URL under the base path; its origin is only a placeholder when no site is configured, so
  // then the links stay paths and the id comes from the data's GitLab group.
  const home = new URL('./', url);
  const location = site
    ? { id: url.href, self: url.href, alternate: home.href }
    : { id: feedTagUri(snapshot.source), self: url.pathname, alternate: home.pathname };
  return new Response(atomFeed(snapshot, config.siteTitle, location), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
