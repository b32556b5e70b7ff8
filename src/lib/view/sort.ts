import { compareRecency, type Issue, type SortKey } from '../model';

type Compare = (a: Issue, b: Issue) => number;

function primary(sort: SortKey, relevanceRank: ReadonlyMap<number, number> | undefined): Compare {
  switch (sort) {
    case 'updated':
      return compareRecency;
    case 'newest':
      return (a, b) => b.createdAt - a.createdAt;
    case 'upvotes':
      return (a, b) => b.upvotes - a.upvotes;
    case 'comments':
      return (a, b) => b.comments - a.comments;
    case 'weight':
      // Unweighted issues have no size to compare, so they go after every weighted one; two of them give
      // Infinity - Infinity = NaN, which `|| 0` turns into a tie.
      return (a, b) => (a.weight ?? Infinity) - (b.weight ?? Infinity) || 0;
    case 'relevance': {
      // Unranked issues (not matched by the search) go last, tied among themselves as with weight.
      const rank = (issue: Issue) => relevanceRank?.get(issue.id) ?? Infinity;
      return (a, b) => rank(a) - rank(b) || 0;
    }
  }
}

/** A new array of the issues in the given order; ties in recency order (compareRecency). */
export function sortIssues(
  issues: readonly Issue[],
  sort: SortKey,
  relevanceRank?: ReadonlyMap<number, number>,
): Issue[] {
  const compare = primary(sort, relevanceRank);
  return [...issues].sort((a, b) => compare(a, b) || compareRecency(a, b));
}

/**
 * The positions of `issues` in the given order, for keys that do not depend on a query: computed once per key,
 * a keystroke then filters this order instead of sorting its results.
 */
export function sortOrder(issues: readonly Issue[], sort: Exclude<SortKey, 'relevance'>): Int32Array {
  const compare = primary(sort, undefined);
  return Int32Array.from(issues.keys()).sort((a, b) => compare(issues[a]!, issues[b]!) || compareRecency(issues[a]!, issues[b]!));
}
