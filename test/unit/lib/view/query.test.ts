import { describe, expect, it } from 'vitest';
import { isAvailable } from '../../../../src/lib/health/rules';
import { emptyView, labelView, SORT_KEYS, type Issue, type ViewState } from '../../../../src/lib/model';
import { createSearch, issueWordIndex } from '../../../../src/lib/search/issue-search';
import { encodeWordIndex } from '../../../../src/lib/search/word-index-file';
import { runNow } from '../../../../src/lib/slices';
import { createFacetIndex } from '../../../../src/lib/view/facets';
import { createIssueQuery, issueQuerySteps } from '../../../../src/lib/view/query';
import { sortIssues } from '../../../../src/lib/view/sort';
import { makeIssue } from '../../make-issue';

const LABELS = ['co-create', 'quick win'];
const DAY = 86_400_000;
// The snapshot's time: every issue below was updated within the last ten days of it.
const AS_OF = 10 * DAY;
const CONTEXT = { curatedLabels: LABELS, asOf: AS_OF };

const ISSUES: Issue[] = [
  makeIssue(1, { title: 'Pipeline editor crashes on large files', type: 'bug', updatedAt: 5 * DAY, upvotes: 3, weight: 2 }),
  makeIssue(2, { title: 'Pipeline graph shows stale jobs', type: 'bug', assignees: ['alice'], updatedAt: 9 * DAY, upvotes: 7, weight: 1 }),
  makeIssue(3, { title: 'Add a dark theme to the wiki', type: 'feature', curated: ['quick win'], updatedAt: 7 * DAY, comments: 4 }),
  makeIssue(4, { title: 'Document the pipeline API', type: 'documentation', updatedAt: 1 * DAY, createdAt: 3 * DAY, weight: 5 }),
  makeIssue(5, { title: 'Wiki search ignores accents', type: 'bug', curated: ['co-create', 'quick win'], updatedAt: 3 * DAY, mergeRequests: 1 }),
  makeIssue(6, { title: 'Pipelines page is slow', type: 'feature', updatedAt: 8 * DAY, createdAt: 8 * DAY, upvotes: 7 }),
];

const view = (patch: Partial<ViewState> = {}, filters: Partial<ViewState['filters']> = {}): ViewState => {
  const base = emptyView();
  return { ...base, ...patch, filters: { ...base.filters, ...filters } };
};

const ids = (issues: readonly Issue[]) => issues.map((issue) => issue.id);

// What a view should show, worked out the long way: every engine on its own, then sorted and filtered by hand.
function expected(v: ViewState): number[] {
  const facets = createFacetIndex(ISSUES, LABELS, AS_OF).filterAndCount(v, null).results;
  const passing = new Set(facets.map((issue) => issue.id));
  if (v.q.trim().length >= 2) {
    const found = createSearch(ISSUES).search(v.q).order;
    const hits = Array.from(found, (at) => ISSUES[at]!).filter((issue) => passing.has(issue.id));
    return ids(v.sort === 'relevance' ? hits : sortIssues(hits, v.sort, AS_OF));
  }
  return ids(sortIssues(facets, v.sort === 'relevance' ? 'recommended' : v.sort, AS_OF));
}

describe('createIssueQuery', () => {
  const query = createIssueQuery(ISSUES, CONTEXT);

  it('lists every issue in each order without a search', () => {
    for (const sort of SORT_KEYS) expect(ids(query.run(view({ sort })).results), sort).toEqual(expected(view({ sort })));
    // Recommended: the ready ones (1, 4: free, weighted, fresh) first, then by checks passed (2 and 6 miss one of
    // five, 3 two of six, 5 three of six), then recency.
    expect(ids(query.run(view()).results)).toEqual([1, 4, 2, 6, 3, 5]);
    expect(ids(query.run(view({ sort: 'updated' })).results)).toEqual([2, 6, 3, 1, 5, 4]);
    expect(query.run(view()).words).toBeNull();
  });

  it("leaves a typed view's counts to be made when read", () => {
    // What the filter panel reads after a keystroke's frame (facets.ts): the query must not read them on its way.
    const typed = query.run(view({ q: 'wiki', sort: 'relevance' }));
    expect(Object.getOwnPropertyDescriptor(typed, 'facets')?.get).toBeTypeOf('function');
    expect(typed.availableCount).toBe(1);
    expect(typed.facets.type.find((option) => option.value === 'bug')?.count).toBe(1);
  });

  it('orders a search by best match, or by the order asked for', () => {
    const best = query.run(view({ q: 'pipeline', sort: 'relevance' }));
    expect(new Set(ids(best.results))).toEqual(new Set([1, 2, 4, 6]));
    expect(ids(best.results)).toEqual(expected(view({ q: 'pipeline', sort: 'relevance' })));
    for (const sort of SORT_KEYS) {
      const v = view({ q: 'pipeline', sort });
      expect(ids(query.run(v).results), sort).toEqual(expected(v));
    }
    expect(ids(query.run(view({ q: 'pipeline', sort: 'upvotes' })).results)).toEqual([2, 6, 1, 4]);
  });

  it('applies facets, "only available" and the search together, and counts as the facet index does', () => {
    const v = view({ q: 'pipeline', available: true, sort: 'updated' }, { type: ['bug', 'feature'] });
    const result = query.run(v);
    expect(ids(result.results)).toEqual([6, 1]);
    expect(ids(result.results)).toEqual(expected(v));
    // Counts ignore a facet's own selection; the search and "only available" restrict every count.
    const type = Object.fromEntries(result.facets.type.map((option) => [option.value, option.count]));
    expect(type).toEqual({ bug: 1, feature: 1, documentation: 1 });
    expect(result.availableCount).toBe(2);
    const free = ISSUES.filter((issue) => isAvailable(issue) && /pipeline/i.test(issue.title) && issue.type !== 'documentation');
    expect(result.availableCount).toBe(free.length);
  });

  it('narrows to the issues ready to pick up, and counts them whatever the toggle', () => {
    const ready = query.run(view({ ready: true }));
    expect(ids(ready.results)).toEqual([1, 4]);
    expect(ready.readyCount).toBe(2);
    expect(query.run(view()).readyCount).toBe(2);
    expect(query.run(view({}, { type: ['bug'] })).readyCount).toBe(1);
    // Both toggles: ready issues are free, so "only available" keeps them all and counts only them.
    const both = query.run(view({ ready: true, available: true }));
    expect([ids(both.results), both.availableCount, both.readyCount]).toEqual([[1, 4], 2, 2]);
    expect(query.run(view({ available: true })).availableCount).toBe(4);
  });

  it('applies a link\'s values as the data writes them, and names the ones no issue has', () => {
    const result = query.run(view({}, { type: ['BUG', 'type::feature', 'bogus'] }));
    expect(result.view.filters.type).toEqual(['bug', 'feature']);
    expect(result.ignored).toEqual([{ facet: 'type', value: 'bogus' }]);
    expect(ids(result.results)).toEqual(ids(query.run(view({}, { type: ['bug', 'feature'] })).results));
    const exact = view({}, { type: ['bug'] });
    expect(query.run(exact).view).toBe(exact);
  });

  it('shows everything for a query too short to search, in the order that stands in for best match', () => {
    expect(ids(query.run(view({ q: 'p', sort: 'relevance' })).results)).toEqual(ids(query.run(view()).results));
    expect(query.run(view({ q: 'p' })).words).toBeNull();
  });

  it('keeps the same words while they stay the same, so cards can compare them by identity', () => {
    const first = query.run(view({ q: 'wiki', sort: 'relevance' })).words;
    expect(first).not.toBeNull();
    expect([...first!]).toContain('wiki');
    expect(query.run(view({ q: 'wiki ', sort: 'relevance' })).words).toBe(first);
    expect(query.run(view({ q: 'wiki', sort: 'updated' }, { type: ['bug'] })).words).toBe(first);
    const other = query.run(view({ q: 'wiki theme', sort: 'relevance' })).words;
    expect(other).not.toBe(first);
    expect([...other!].sort()).toEqual(['theme', 'wiki']);
  });

  it('answers the view it ran last from what it kept, and runs any other view object anew', () => {
    const asked = view({ q: 'pipeline' }, { type: ['bug'] });
    const result = query.run(asked);
    expect(query.run(asked)).toBe(result);
    // An equal view that is another object, as a new URL gives, is run again, with the same answer.
    const again = query.run(view({ q: 'pipeline' }, { type: ['bug'] }));
    expect(again).not.toBe(result);
    expect(again).toEqual(result);
    // Another view in between: the first is run anew.
    query.run(view({ q: 'wiki' }));
    expect(query.run(asked)).not.toBe(result);
    expect(ids(query.run(asked).results)).toEqual(ids(result.results));
  });

  it('narrows by curated label as the label pages link it', () => {
    expect(ids(query.run(labelView('quick win')).results)).toEqual([3, 5]);
  });

  it('gives the same answers when set up in slices from the word index file the build makes', () => {
    const sliced = runNow(issueQuerySteps(ISSUES, encodeWordIndex(issueWordIndex(ISSUES)).buffer, CONTEXT));
    for (const v of [view(), view({ q: 'pipeline', sort: 'relevance' }), view({ q: 'wiki', sort: 'comments' }, { label: ['quick win'] })]) {
      const a = sliced.run(v);
      const b = query.run(v);
      expect(ids(a.results)).toEqual(ids(b.results));
      expect(a.facets).toEqual(b.facets);
      expect(a.availableCount).toBe(b.availableCount);
    }
  });

  it('gives a shortlist’s issues in its order, whatever the view, with the gone ones in place', () => {
    const [first, second] = [ISSUES[4]!, ISSUES[1]!];
    const entries = query.shortlist([first.reference, 'gitlab-org/gitlab#999999', second.reference]);
    expect(entries.map((entry) => entry.issue?.id ?? null)).toEqual([first.id, null, second.id]);
  });
});
