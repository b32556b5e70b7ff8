// Ranking quality: whether the site's first results for each of the session's queries are ones that truly match,
// computed in Node with the site's own search code over the dataset (deterministic, no browser).
import { toIssue } from '../../src/lib/model';
import { createSearch } from '../../src/lib/search/issue-search';
import type { SnapshotIssue } from '../../src/lib/snapshot';
import type { Query } from './queries';
import { IssueLookup } from './recall';

/** How many first results are judged: the first page of cards. */
export const FIRST_RESULTS = 25;

/**
 * The share of the first results that truly match, judged over as many results as there are true matches, up to
 * `first`: 1 when the true matches come first (all of them, or a full first page of them). Undefined when nothing
 * truly matches, since then no order is better than another.
 */
export function precisionOfFirst(results: readonly number[], truth: ReadonlySet<number>, first = FIRST_RESULTS): number | undefined {
  const judged = Math.min(first, truth.size);
  if (judged === 0) return undefined;
  return results.slice(0, judged).filter((id) => truth.has(id)).length / judged;
}

/** Per query with any true match, its precision; the mean over them, and the worst one. */
export interface RankingQuality {
  mean: number;
  worst: { query: string; precision: number };
  queries: Array<{ query: string; precision: number; truth: number }>;
}

/** Averages per-query precisions; undefined without any. */
export function summarise(queries: RankingQuality['queries']): RankingQuality | undefined {
  if (!queries.length) return undefined;
  const worst = queries.reduce((low, q) => (q.precision < low.precision ? q : low));
  const mean = queries.reduce((sum, q) => sum + q.precision, 0) / queries.length;
  return { mean, worst: { query: worst.query, precision: worst.precision }, queries };
}

/** Runs every query through the site's search over `issues` and judges its first results against the truth. */
export function rankingQuality(issues: readonly SnapshotIssue[], queries: readonly Query[]): RankingQuality | undefined {
  const search = createSearch(issues.map((issue) => toIssue(issue, null)));
  const lookup = new IssueLookup(issues);
  const ids = issues.map((issue) => issue.id);
  const judged: RankingQuality['queries'] = [];
  for (const { text } of queries) {
    const truth = new Set(lookup.trulyMatching(ids, text));
    const precision = precisionOfFirst(search.search(text).hits.map((hit) => hit.id), truth);
    if (precision !== undefined) judged.push({ query: text, precision, truth: truth.size });
  }
  return summarise(judged);
}
