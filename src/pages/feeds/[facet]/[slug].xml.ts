import type { APIRoute, GetStaticPaths } from 'astro';
import { facetFeeds, type FacetFeed } from '../../../lib/feeds';
import { feedSubtitle } from '../../../lib/atom';
import { emptyView, itemKey } from '../../../lib/model';
import type { SnapshotIssue } from '../../../lib/snapshot';
import { viewPath } from '../../../lib/view/url-state';
import { feedResponse } from '../../../site/feed-response';
import { siteData } from '../../../site/site-data';
import { FACET_NAMES, displayValue } from '../../../components/facet-names';

// One Atom feed per curated label, stage, group and language the data has: /feeds/stage/verify.xml, newest
// additions first, like /feed.xml.
export const getStaticPaths = (() => {
  const { snapshot, issues } = siteData();
  const byKey = new Map(snapshot.issues.map((item) => [itemKey(item), item]));
  return facetFeeds(issues).map(({ items, ...feed }) => ({
    params: { facet: feed.facet, slug: feed.slug },
    props: { feed, items: items.map((issue) => byKey.get(itemKey(issue))!) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: FacetFeed; items: SnapshotIssue[] }> = ({ props, site, url }) => {
  const { config, snapshot, site: settings } = siteData();
  const { feed, items } = props;
  const { facet } = feed;
  const named = `${FACET_NAMES[facet].toLowerCase()} ${displayValue(facet, feed.value)}`;
  const view = { ...emptyView(), filters: { ...emptyView().filters, [facet]: [feed.value] } };
  return feedResponse(
    snapshot,
    { title: `${config.siteTitle}: ${named}`, subtitle: feedSubtitle(snapshot.source, `in ${named}`), items },
    { url, path: `feeds/${feed.facet}/${feed.slug}`, home: viewPath(view, settings.curatedLabels), hasSite: site !== undefined },
  );
};
