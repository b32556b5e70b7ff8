import { formatCount } from '../../lib/text/format';
import { FIX_HINTS, reasonOf } from '../../lib/health/fixes';
import type { FailingIssue } from '../../lib/health/report';
import { FAILING_COLUMNS, type FailingColumn, type SortOrder } from '../../lib/health/table-sort';
import { safeGitlabUrl } from '../../lib/links/safe-url';
import { GitlabLink } from '../GitlabLink';
import { Reference } from '../Reference';
import { useSite } from '../site-context';

interface Props {
  /** The issues below the bar, sorted as shown. */
  failing: readonly FailingIssue[];
  /** How many to show; the rest come with "Show more". */
  limit: number;
  total: number;
  onMore?: (() => void) | undefined;
  order: SortOrder<FailingColumn> | undefined;
  onSort: (order: SortOrder<FailingColumn> | undefined) => void;
}

// What the sort offers, each with its direction: the report's own order (most reasons first) needs no parameter.
const SORTS: Array<[string, string, SortOrder<FailingColumn> | undefined]> = [
  ['', 'Most problems', undefined],
  ['-days', 'Longest without update', { column: 'days', descending: true }],
  ['-weight', 'Heaviest', { column: 'weight', descending: true }],
  ['weight', 'Lightest', { column: 'weight', descending: false }],
  ['reference', 'Reference', { column: 'reference', descending: false }],
];
const sortValue = (order: SortOrder<FailingColumn> | undefined) =>
  order && FAILING_COLUMNS.includes(order.column) ? `${order.descending ? '-' : ''}${order.column}` : '';

/** The issues below the bar, each with every reason why and what to do about it, and a link to do it in GitLab. */
export function FailingList({ failing, limit, total, onMore, order, onSort }: Props) {
  const { asOf: now, gitlabUrl } = useSite();
  if (total === 0) return <p class="mt-3 text-ok">Every issue held to the bar in this view meets it.</p>;
  const selected = sortValue(order);
  return (
    <>
      <div class="needs-js mt-3 flex items-center gap-2 text-sm">
        <label for="failing-sort" class="font-semibold">
          Sort by
        </label>
        <select
          id="failing-sort"
          value={SORTS.some(([value]) => value === selected) ? selected : ''}
          onChange={(event) => onSort(SORTS.find(([value]) => value === (event.currentTarget as HTMLSelectElement).value)?.[2])}
          class="rounded-md border border-border bg-bg px-2 py-1"
        >
          {SORTS.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <ol class="mt-3 flex flex-col gap-2" id="failing-issues">
        {failing.slice(0, limit).map((entry) => {
          const { issue } = entry;
          const href = safeGitlabUrl(issue.url, gitlabUrl);
          return (
            <li key={issue.id} class="rounded-md border border-border p-3" data-reference={issue.reference}>
              {/* GitLab's text is isolated (<bdi>, dir="auto"): a direction override in it cannot reorder the line. */}
              <p class="text-sm text-muted [overflow-wrap:anywhere]">
                <Reference reference={issue.reference} /> · <bdi>{issue.curated.join(', ')}</bdi>
                {issue.group && (
                  <>
                    {' '}
                    · group::<bdi>{issue.group}</bdi>
                  </>
                )}
              </p>
              <p dir="auto" class="font-semibold [overflow-wrap:anywhere]">
                <GitlabLink url={issue.url}>{issue.title}</GitlabLink>
              </p>
              <ul class="mt-1 flex flex-col gap-1 text-sm" aria-label="Problems and fixes">
                {entry.problems.map((problem) => (
                  <li key={problem} data-problem={problem}>
                    <span class="font-medium text-bad">{reasonOf(problem, issue, now)}</span>
                    <span class="text-muted"> — fix: </span>
                    {FIX_HINTS[problem]}
                  </li>
                ))}
              </ul>
              {href && (
                <p class="mt-1 text-sm">
                  <a href={href} rel="noopener noreferrer" class="font-semibold">
                    Fix in GitLab<span class="sr-only">: {issue.reference}</span>
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {onMore && total > limit && (
        <button type="button" onClick={onMore} class="mt-3 w-full rounded-md border border-border bg-surface px-4 py-2 font-medium">
          Show more ({formatCount(total - limit)} left)
        </button>
      )}
    </>
  );
}
