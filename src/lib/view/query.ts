import { orderWithoutSearch, type IgnoredValue, type Issue, type ViewState } from '../model';
import { createSearch, isSearchQuery, searchSteps, type IssueSearch, type SearchResult } from '../search/issue-search';
import { shortlistEntries, type ShortlistEntry } from '../shortlist';
import type { Steps } from '../slices';
import { readWordIndexSteps } from '../search/word-index-file';
import { createFacetIndex, facetIndexSteps, type FacetIndex, type FacetResult } from './facets';
import { sortOrder, type ListOrder } from './sort';

// The one way to apply a view to the issues: search, facet filters, "only available", sort order and the counts
// each option would give. The list and the health page both ask it, so a shared link means the same issues on both.

/** What one view of the list shows. */
export interface QueryResult extends FacetResult {
  /**
   * The vocabulary words the search matched, for highlighting; null without a search. The same Set as the previous
   * run's while the words stay the same, so a card can tell by identity whether its highlights changed.
   */
  words: ReadonlySet<string> | null;
  /** The view applied: the one asked for, its values written as the data writes them (see FacetIndex.resolve). */
  view: ViewState;
  /** Values of the view asked for that match nothing in the data, left out of `view`. */
  ignored: IgnoredValue[];
}

/** Views over one dataset; built once per page load, run per view (per keystroke). */
export interface IssueQuery {
  run(view: ViewState): QueryResult;
  /** A shortlist's issues, in its order, as the data has them now (see shortlist.ts). */
  shortlist(references: readonly string[]): ShortlistEntry[];
}

/** What a query needs besides the issues: the configured labels, and the snapshot's time readiness is judged at. */
export interface QueryContext {
  curatedLabels: readonly string[];
  /** Milliseconds since the epoch. */
  asOf: number;
}

/** The query over `issues`, built at once; the search index is built when a view first searches. */
export function createIssueQuery(issues: readonly Issue[], { curatedLabels, asOf }: QueryContext): IssueQuery {
  let search: IssueSearch | undefined;
  return issueQuery(issues, asOf, createFacetIndex(issues, curatedLabels, asOf), () => (search ??= createSearch(issues)));
}

/**
 * The query over `issues` with every index ready, given the file of their word index the build made
 * (word-index-file.ts), yielding between small pieces of work (see slices.ts). Throws on a file that is not one.
 */
export function* issueQuerySteps(issues: readonly Issue[], wordIndexFile: ArrayBuffer, { curatedLabels, asOf }: QueryContext): Steps<IssueQuery> {
  const words = yield* readWordIndexSteps(wordIndexFile, issues.length);
  const facetIndex = yield* facetIndexSteps(issues, curatedLabels, asOf);
  const search = yield* searchSteps(issues, words);
  return issueQuery(issues, asOf, facetIndex, () => search);
}

function issueQuery(issues: readonly Issue[], asOf: number, facetIndex: FacetIndex, search: () => IssueSearch): IssueQuery {
  // Orders that do not depend on the query are computed once per key: a keystroke then narrows one, never sorts.
  const orders = new Map<ListOrder, Int32Array>();
  const orderOf = (sort: ListOrder) => {
    let order = orders.get(sort);
    if (!order) orders.set(sort, (order = sortOrder(issues, sort, asOf)));
    return order;
  };
  // Changing a filter or the order keeps the query: its search is not run again.
  let last: { query: string; found: SearchResult } | undefined;
  const find = (query: string) => {
    if (last?.query !== query) last = { query, found: search().search(query) };
    return last.found;
  };
  let lastWords: ReadonlySet<string> | null = null;
  const stable = (words: ReadonlySet<string>) => {
    if (!lastWords || lastWords.size !== words.size || [...words].some((word) => !lastWords!.has(word))) lastWords = words;
    return lastWords;
  };
  // Marks the search's hits, so a precomputed order narrows to them in one pass; cleared after each use.
  const hit = new Uint8Array(issues.length);
  const narrowed = (order: Int32Array, hits: Int32Array) => {
    for (const at of hits) hit[at] = 1;
    const kept = order.filter((at) => hit[at] === 1);
    for (const at of hits) hit[at] = 0;
    return kept;
  };

  // The view run last and its result: the page runs the view it shows once the data is in, a task before rendering
  // with it (load-data.ts), and the render then asks for that same view object.
  let lastRun: { asked: ViewState; result: QueryResult } | undefined;

  return {
    run(asked) {
      if (lastRun?.asked === asked) return lastRun.result;
      const { view, ignored } = facetIndex.resolve(asked);
      const found = isSearchQuery(view.q) ? find(view.q) : null;
      // Best match is the search's own order; any other is precomputed, narrowed to the hits when searching.
      const order =
        found && view.sort === 'relevance'
          ? found.order
          : found
            ? narrowed(orderOf(orderWithoutSearch(view.sort)), found.order)
            : orderOf(orderWithoutSearch(view.sort));
      // Assigned, not spread: spreading would read the counts, which are made when first read (facets.ts).
      const result = Object.assign(facetIndex.filterAndCount(view, order), { words: found ? stable(found.words) : null, view, ignored });
      lastRun = { asked, result };
      return result;
    },
    shortlist: (references) => shortlistEntries(references, issues),
  };
}
