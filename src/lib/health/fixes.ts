import type { Issue } from '../model';
import { formatCount } from '../text/format';
import { daysSince, PROBLEM_NAMES, QUICK_WIN_MAX_WEIGHT, UNTOUCHED_AFTER_DAYS, type Problem } from './rules';

// What a product manager reads about each problem of an issue: the specific reason ("No update in 557 days") and
// what to do about it in GitLab. The /health page and its CSV both say it with these functions.

/** One fix per problem, written for a product manager: what to do on the issue in GitLab. */
export const FIX_HINTS: Record<Problem, string> = {
  stale: 'Comment with the current status, or remove the curated label',
  'no-plan': 'Add an “## Implementation plan” section to the description',
  weight: `Set a weight of ${QUICK_WIN_MAX_WEIGHT} or less, or split the issue`,
  idle: 'Ask the assignee for an update, or unassign them',
  blocked: 'Link what blocks it, or remove the curated label until it is unblocked',
  'no-group': 'Add the group:: label of the team that owns it',
  'no-type': 'Add a type:: label (bug, feature or maintenance)',
};

type ReasonInput = Pick<Issue, 'updatedAt' | 'weight' | 'assignees'>;

/** The problem as it applies to this issue as of `now`: how old, how heavy, who is assigned. */
export function reasonOf(problem: Problem, issue: ReasonInput, now: number): string {
  const days = formatCount(daysSince(issue.updatedAt, now));
  switch (problem) {
    case 'stale':
      return `No update in ${days} days`;
    case 'weight':
      return issue.weight === null ? 'Quick win without a weight' : `Quick win with weight ${issue.weight}`;
    case 'idle':
      return `Assigned to ${issue.assignees.map((username) => `@${username}`).join(', ')}, no update in ${days} days (over ${UNTOUCHED_AFTER_DAYS}) and no merge request`;
    default:
      return PROBLEM_NAMES[problem];
  }
}
