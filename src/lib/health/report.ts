import type { Issue } from '../model';
import { isReady } from './ready';
import { HEALTH_GOAL, isInProgress, isScored, problemsOf, PROBLEMS, type Problem } from './rules';

/**
 * How many scored issues a slice of the list has, how many of them are in progress (counted apart: not held to the
 * bar), how many of the others meet the bar, how many a customer can pick up now, and how many have each problem.
 */
export interface Tally {
  /** The label, group or stage; null for the whole list, and for issues without a group or stage label. */
  key: string | null;
  /** Every scored issue, in progress or not. */
  total: number;
  /** Issues not in progress that meet the bar. */
  healthy: number;
  /** Issues in progress (see isInProgress). */
  inProgress: number;
  /** Issues ready to pick up (see isReady). */
  ready: number;
  /** Per problem, the issues not in progress that have it (an issue may have several). */
  problems: Record<Problem, number>;
}

/** The counts a share is taken of. */
export type Counts = Pick<Tally, 'total' | 'healthy' | 'inProgress'>;

/** An issue below the bar and every reason why. */
export interface FailingIssue {
  issue: Issue;
  problems: Problem[];
}

/** What the /health page shows for one view of the list. */
export interface HealthReport {
  /** Every issue scored (epics are listed on the site but not scored), in progress or not; its key is null. */
  all: Tally;
  /** Per curated label, in configured order. */
  labels: Tally[];
  /** Per group:: and devops:: value, by name, issues without one last. */
  groups: Tally[];
  stages: Tally[];
  /**
   * Issues below the bar, never one in progress (only those with one of `problems`, when given): most reasons first,
   * then stalest.
   */
  failing: FailingIssue[];
}

/** The issues held to the bar: those not in progress. */
export function heldToBar(tally: Counts): number {
  return tally.total - tally.inProgress;
}

/** The share of the issues held to the bar that meet it, or null when none is held to it. */
export function shareOf(tally: Counts): number | null {
  const held = heldToBar(tally);
  return held === 0 ? null : tally.healthy / held;
}

/**
 * A share in whole per cent as /health writes it: floored, so a share shown as 90 % really meets the goal. The
 * nudge keeps 29 of 100 at 29 (0.29 × 100 is 28.999…); below a million issues no share lies that close under a whole one.
 */
export function sharePercent(share: number): number {
  return Math.floor(share * 100 + 1e-9);
}

/** How many more issues must meet the bar for the tally to reach the program's goal (0 when it does). */
export function shortOfGoal(tally: Counts): number {
  // Rounding guards against 0.9 × held landing a hair above a whole number.
  return Math.max(0, Math.ceil(Math.round(HEALTH_GOAL * heldToBar(tally) * 1e6) / 1e6) - tally.healthy);
}

interface Scored {
  issue: Issue;
  problems: Problem[];
  inProgress: boolean;
  healthy: boolean;
  ready: boolean;
}

/** A tally of no issues. */
export function emptyTally(key: string | null): Tally {
  return { key, total: 0, healthy: 0, inProgress: 0, ready: 0, problems: Object.fromEntries(PROBLEMS.map((p) => [p, 0])) as Record<Problem, number> };
}

function count(tally: Tally, { inProgress, healthy, ready, problems }: Scored): void {
  tally.total += 1;
  if (inProgress) tally.inProgress += 1;
  if (healthy) tally.healthy += 1;
  if (ready) tally.ready += 1;
  for (const problem of problems) tally.problems[problem] += 1;
}

function tallyBy(scored: readonly Scored[], keysOf: (issue: Issue) => ReadonlyArray<string | null>) {
  const tallies = new Map<string | null, Tally>();
  for (const entry of scored) {
    for (const key of keysOf(entry.issue)) {
      const tally = tallies.get(key) ?? emptyTally(key);
      count(tally, entry);
      tallies.set(key, tally);
    }
  }
  return tallies;
}

// By name, with the issues that lack the label last: that row is a to-do of its own.
function byName(tallies: Map<string | null, Tally>): Tally[] {
  return [...tallies.values()].sort((a, b) =>
    a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key, 'en', { sensitivity: 'base' }),
  );
}

/** Scores `issues` against the bar as of `now`; `problems` narrows the failing list (not the tallies) to those reasons. */
export function healthReport(
  issues: readonly Issue[],
  curatedLabels: readonly string[],
  now: number,
  problems: readonly Problem[] = [],
): HealthReport {
  const scored = issues.filter(isScored).map((issue): Scored => {
    const inProgress = isInProgress(issue, now);
    const found = inProgress ? [] : problemsOf(issue, now);
    return { issue, problems: found, inProgress, healthy: !inProgress && found.length === 0, ready: isReady(issue, now) };
  });
  const all = emptyTally(null);
  for (const entry of scored) count(all, entry);
  const perLabel = tallyBy(scored, (issue) => issue.curated);
  const failing = scored
    .filter((entry) => entry.problems.length > 0 && (problems.length === 0 || entry.problems.some((p) => problems.includes(p))))
    .sort((a, b) => b.problems.length - a.problems.length || a.issue.updatedAt - b.issue.updatedAt || a.issue.id - b.issue.id)
    .map(({ issue, problems: found }) => ({ issue, problems: found }));
  return {
    all,
    labels: curatedLabels.map((key) => perLabel.get(key) ?? emptyTally(key)),
    groups: byName(tallyBy(scored, (issue) => [issue.group])),
    stages: byName(tallyBy(scored, (issue) => [issue.stage])),
    failing,
  };
}

// Problems a /health link may name by an older name: `taken` (assigned or with a merge request) became `idle` once
// work in progress stopped counting against the bar.
const OLD_PROBLEM_NAMES: Readonly<Record<string, Problem>> = { taken: 'idle' };

/** Reads the `problem` parameters of a /health URL; unknown values are dropped. */
export function parseProblems(params: URLSearchParams): Problem[] {
  const asked = new Set(params.getAll('problem').flatMap((value) => value.split(',').map((p) => OLD_PROBLEM_NAMES[p.trim()] ?? p.trim())));
  return PROBLEMS.filter((problem) => asked.has(problem));
}
