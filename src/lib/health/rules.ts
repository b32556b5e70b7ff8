import type { Issue } from '../model';

// The rules that say whether an item is fresh and free, and whether it meets the program's bar. The cards, the
// "only available" filter and the /health page all ask this module, so a rule changes in one place.

/** Days without an update after which an issue is stale. */
export const STALE_AFTER_DAYS = 180;
/** Days an assigned issue may go untouched before it is possibly up for grabs again. */
export const UNTOUCHED_AFTER_DAYS = 60;
/** The largest weight a quick win is expected to have. */
export const QUICK_WIN_MAX_WEIGHT = 3;
/** The program's goal: this share of each curated label's issues meets the bar. */
export const HEALTH_GOAL = 0.9;
/** The label GitLab's workflow uses for work that cannot go on. */
export const BLOCKED_LABEL = 'workflow::blocked';
/** Workflow stages (values of `workflow::`) in which the change is not agreed yet, or cannot go on. */
export const UNAGREED_WORKFLOWS: readonly string[] = ['problem validation', 'solution validation', 'design', 'blocked'];

const DAY_MS = 86_400_000;

/** Whether an issue looks free to pick up. */
export type Availability = 'available' | 'taken' | 'up-for-grabs';

/**
 * Why an issue misses the bar, in the order the page lists reasons. An issue in progress is not held to the bar (see
 * isInProgress), so `idle` is the one way being assigned shows here: assigned, untouched, and no merge request.
 */
export const PROBLEMS = ['stale', 'no-plan', 'weight', 'idle', 'blocked', 'no-group', 'no-type'] as const;
export type Problem = (typeof PROBLEMS)[number];

/** What each problem is called where problems are listed or filtered. */
export const PROBLEM_NAMES: Record<Problem, string> = {
  stale: `No update in ${STALE_AFTER_DAYS} days`,
  'no-plan': 'Quick win without an implementation plan',
  weight: `Quick win with no weight or weight over ${QUICK_WIN_MAX_WEIGHT}`,
  idle: `Assigned, but no update in ${UNTOUCHED_AFTER_DAYS} days and no merge request`,
  blocked: 'Blocked',
  'no-group': 'No group:: label',
  'no-type': 'No type:: label',
};

/** What the rules read of an issue. */
export type RuleInput = Pick<
  Issue,
  'assignees' | 'mergeRequests' | 'updatedAt' | 'labels' | 'curated' | 'weight' | 'hasImplementationPlan' | 'group' | 'type' | 'workflow'
>;

/** Whole days from `time` to `now` (both in milliseconds), never negative. */
export function daysSince(time: number, now: number): number {
  return Math.max(0, Math.floor((now - time) / DAY_MS));
}

/** Whether nobody appears to be working on the issue: unassigned and without an open merge request that closes it. */
export function isAvailable(issue: Pick<Issue, 'assignees' | 'mergeRequests'>): boolean {
  return issue.assignees.length === 0 && issue.mergeRequests === 0;
}

/**
 * Available; or taken (assigned, or with an open merge request); or possibly up for grabs: assigned, no open merge
 * request, and untouched for more than UNTOUCHED_AFTER_DAYS. An open merge request is work in the open, so it always
 * counts as taken; closed and merged ones are not counted at all (see the fetch's open-merge-requests.ts).
 */
export function availability(issue: Pick<Issue, 'assignees' | 'mergeRequests' | 'updatedAt'>, now: number): Availability {
  if (isAvailable(issue)) return 'available';
  if (issue.mergeRequests === 0 && now - issue.updatedAt > UNTOUCHED_AFTER_DAYS * DAY_MS) return 'up-for-grabs';
  return 'taken';
}

/**
 * Whether someone is working on the issue: the cards' "Someone is on it" (an open merge request closes it, or it is
 * assigned and was updated within UNTOUCHED_AFTER_DAYS). The /health page counts such issues apart, not against the
 * bar; an assigned issue left untouched longer is "possibly up for grabs" and held to the bar (problem `idle`).
 */
export function isInProgress(issue: Pick<Issue, 'assignees' | 'mergeRequests' | 'updatedAt'>, now: number): boolean {
  return availability(issue, now) === 'taken';
}

/** Whether the issue is not updated for more than STALE_AFTER_DAYS (exactly that many days is not stale yet). */
export function isStale(issue: Pick<Issue, 'updatedAt'>, now: number): boolean {
  return now - issue.updatedAt > STALE_AFTER_DAYS * DAY_MS;
}

/** Whether the issue carries the workflow::blocked label. */
export function isBlocked(issue: Pick<Issue, 'labels'>): boolean {
  return issue.labels.some((label) => label.name === BLOCKED_LABEL);
}

/** Whether a curated label is a quick win (`quick win`, or a scoped variant like `quick win::first-time contributor`). */
export function isQuickWinLabel(label: string): boolean {
  return label === 'quick win' || label.startsWith('quick win::');
}

/** Whether one of the issue's curated labels is a quick win. */
export function isQuickWin(issue: Pick<Issue, 'curated'>): boolean {
  return issue.curated.some(isQuickWinLabel);
}

/** Whether the change is agreed: its `workflow::` stage (if any) is past validation and design, and not blocked. */
export function isAgreed(issue: Pick<Issue, 'workflow'>): boolean {
  return issue.workflow === null || !UNAGREED_WORKFLOWS.includes(issue.workflow.toLowerCase());
}

/** Whether the issue is sized: a weight is set, and a quick win's is at most QUICK_WIN_MAX_WEIGHT. */
export function isSized(issue: Pick<Issue, 'weight' | 'curated'>): boolean {
  return issue.weight !== null && (!isQuickWin(issue) || issue.weight <= QUICK_WIN_MAX_WEIGHT);
}

/** Whether the issue is planned as its label asks: a quick win needs an implementation plan, other issues nothing. */
export function isPlanned(issue: Pick<Issue, 'curated' | 'hasImplementationPlan'>): boolean {
  return !isQuickWin(issue) || issue.hasImplementationPlan;
}

/**
 * Every reason the issue misses the bar, in PROBLEMS order; empty when it meets the bar. Whether it is in progress is
 * asked apart (isInProgress): an issue in progress is not scored against the bar, whatever this finds.
 */
export function problemsOf(issue: RuleInput, now: number): Problem[] {
  const quickWin = isQuickWin(issue);
  const found: Record<Problem, boolean> = {
    stale: isStale(issue, now),
    'no-plan': !isPlanned(issue),
    // Only a quick win's size is part of the bar; being ready to pick up asks every issue for a weight.
    weight: quickWin && !isSized(issue),
    idle: availability(issue, now) === 'up-for-grabs',
    blocked: isBlocked(issue),
    'no-group': issue.group === null,
    'no-type': issue.type === null,
  };
  return PROBLEMS.filter((problem) => found[problem]);
}

/** Whether an item is scored at all: the bar is about issues, so epics and tasks are listed but not scored. */
export function isScored(issue: Pick<Issue, 'kind'>): boolean {
  return issue.kind === 'issue';
}
