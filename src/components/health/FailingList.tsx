import { daysSince, PROBLEM_NAMES, type Problem } from '../../lib/health/rules';
import type { FailingIssue } from '../../lib/health/report';
import { GitlabLink } from '../GitlabLink';
import { Reference } from '../Reference';
import { useSite } from '../site-context';

interface Props {
  failing: readonly FailingIssue[];
  /** How many to show; the rest come with "Show more". */
  limit: number;
  total: number;
  onMore?: (() => void) | undefined;
}

// A reason with the detail a curator acts on: how old, how heavy.
function reason(problem: Problem, { issue }: FailingIssue, now: number): string {
  if (problem === 'stale') return `No update in ${daysSince(issue.updatedAt, now).toLocaleString('en')} days`;
  if (problem === 'weight') return issue.weight === null ? 'Quick win without a weight' : `Quick win with weight ${issue.weight}`;
  if (problem === 'taken') {
    const parts = [issue.assignees.length > 0 && `assigned to ${issue.assignees.map((username) => `@${username}`).join(', ')}`, issue.mergeRequests > 0 && `${issue.mergeRequests} open ${issue.mergeRequests === 1 ? 'MR' : 'MRs'}`];
    return `Not available: ${parts.filter(Boolean).join(', ')}`;
  }
  return PROBLEM_NAMES[problem];
}

/** The issues below the bar, each with every reason why. */
export function FailingList({ failing, limit, total, onMore }: Props) {
  const { asOf: now } = useSite();
  if (total === 0) return <p class="mt-3 text-ok">Every issue in this view meets the bar.</p>;
  return (
    <>
      <ol class="mt-3 flex flex-col gap-2" id="failing-issues">
        {failing.slice(0, limit).map((entry) => {
          const { issue } = entry;
          return (
            <li key={issue.id} class="rounded-md border border-border p-3" data-reference={issue.reference}>
              {/* GitLab's text is isolated (<bdi>, dir="auto"): a direction override in it cannot reorder the line. */}
              <p class="text-sm text-muted">
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
              <ul class="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-bad" aria-label="Reasons">
                {entry.problems.map((problem) => (
                  <li key={problem}>{reason(problem, entry, now)}</li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {onMore && total > limit && (
        <button type="button" onClick={onMore} class="mt-3 w-full rounded-md border border-border bg-surface px-4 py-2 font-medium">
          Show more ({(total - limit).toLocaleString('en')} left)
        </button>
      )}
    </>
  );
}
