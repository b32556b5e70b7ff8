import { describe, expect, it } from 'vitest';
import { facetFeedPath, facetFeeds, viewFeed } from '../../../src/lib/feeds';
import { emptyView, type ViewState } from '../../../src/lib/model';
import { makeIssue } from '../make-issue';

const view = (filters: Partial<ViewState['filters']>, patch: Partial<ViewState> = {}): ViewState => ({
  ...emptyView(),
  ...patch,
  filters: { ...emptyView().filters, ...filters },
});

describe('facetFeeds', () => {
  const issues = [
    makeIssue(1, { curated: ['co-create'], stage: 'verify', group: 'source code', languages: ['go'] }),
    makeIssue(2, { curated: ['co-create', 'quick win'], stage: 'verify', group: 'source-code', languages: [] }),
    makeIssue(3, { curated: ['quick win'], stage: null, group: null, languages: ['go', 'ruby'] }),
  ];
  const feeds = facetFeeds(issues);
  const ids = (facet: string, slug: string) => feeds.find((feed) => feed.facet === facet && feed.slug === slug)?.items.map((issue) => issue.id);

  it('makes one feed per value of the curated label, stage, group and language facets, listing its items', () => {
    expect(feeds.map((feed) => `${feed.facet}/${feed.slug}`).sort()).toEqual([
      'group/source-code', 'label/co-create', 'label/quick-win', 'language/go', 'language/ruby', 'stage/verify',
    ]);
    expect(ids('label', 'quick-win')).toEqual([2, 3]);
    expect(ids('language', 'go')).toEqual([1, 3]);
    expect(ids('stage', 'verify')).toEqual([1, 2]);
  });

  it('gives values that share a slug one feed, named after the first', () => {
    const group = feeds.find((feed) => feed.facet === 'group')!;
    expect([group.value, group.items.map((issue) => issue.id)]).toEqual(['source code', [1, 2]]);
  });
});

describe('facetFeedPath', () => {
  it('puts a value’s feed under feeds/<facet>/ by the slug its label page would have', () => {
    expect(facetFeedPath('group', 'source code')).toBe('feeds/group/source-code.xml');
    expect(facetFeedPath('label', 'quick win::first-time contributor')).toBe('feeds/label/quick-win-first-time-contributor.xml');
  });
});

describe('viewFeed', () => {
  it('is the feed of the one facet value a view selects, a search and the toggles aside', () => {
    expect(viewFeed(view({ stage: ['verify'] }))).toEqual({ facet: 'stage', value: 'verify' });
    expect(viewFeed(view({ label: ['co-create'] }, { q: 'pipeline', ready: true, sort: 'newest' }))).toEqual({ facet: 'label', value: 'co-create' });
  });

  it('is null (the feed of every item) for no value, two values, or a facet without feeds', () => {
    expect(viewFeed(emptyView())).toBeNull();
    expect(viewFeed(view({ stage: ['verify', 'plan'] }))).toBeNull();
    expect(viewFeed(view({ stage: ['verify'], group: ['runner'] }))).toBeNull();
    expect(viewFeed(view({ type: ['bug'] }))).toBeNull();
  });
});
