import { readiness } from '../health/ready';
import { compareRecency, type Issue, type SortKey } from '../model';

type Compare = (a: Issue, b: Issue) => number;

/** The orders that do not depend on a search: best match is the search's own order (see query.ts). */
export type ListOrder = Exclude<SortKey, 'relevance'>;

// Recommended: ready to pick up first, then the more of its checks an issue passes (a quick win has six, others
// five), epics last; each issue's readiness worked out once per sort, not once per comparison.
function recommended(asOf: number): Compare {
  const scores = new Map<Issue, number>();
  const score = (issue: Issue) => {
    let value = scores.get(issue);
    if (value === undefined) {
      const found = readiness(issue, asOf);
      value = found === null ? -1 : (found.ready ? 100 : 0) + found.passed;
      scores.set(issue, value);
    }
    return value;
  };
  return (a, b) => score(b) - score(a);
}

function primary(sort: ListOrder, asOf: number): Compare {
  switch (sort) {
    case 'recommended':
      return recommended(asOf);
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
  }
}

/**
 * A new array of the issues in the given order, ties in recency order (compareRecency); `asOf` (milliseconds) is
 * the time the recommended order judges readiness at: the snapshot's.
 */
export function sortIssues(issues: readonly Issue[], sort: ListOrder, asOf: number): Issue[] {
  const compare = primary(sort, asOf);
  return [...issues].sort((a, b) => compare(a, b) || compareRecency(a, b));
}

/**
 * The positions of `issues` in the given order (as sortIssues): computed once per order, a keystroke then filters
 * this order instead of sorting its results.
 */
export function sortOrder(issues: readonly Issue[], sort: ListOrder, asOf: number): Int32Array {
  const compare = primary(sort, asOf);
  return Int32Array.from(issues.keys()).sort((a, b) => compare(issues[a]!, issues[b]!) || compareRecency(issues[a]!, issues[b]!));
}
