import { HEALTH_GOAL, isScored, problemsOf, PROBLEMS, type Problem } from './rules';
import type { Issue } from '../model';

/** How many scored issues a slice of the list has, and how many of them meet the bar. */
export interface Tally {
  /** The label, group or stage; null for issues without a group or stage label. */
  key: string | null;
  total: number;
  healthy: number;
}

/** An issue below the bar and every reason why. */
export interface FailingIssue {
  issue: Issue;
  problems: Problem[];
}

/** What the /health page shows for one view of the list. */
export interface HealthReport {
  /** Issues scored (epics are listed on the site but not scored). */
  scored: number;
  healthy: number;
  /** Per curated label, in configured order. */
  labels: Tally[];
  /** Per group:: and devops:: value, by name, issues without one last. */
  groups: Tally[];
  stages: Tally[];
  /** Issues below the bar (only those with one of `problems`, when given): most reasons first, then stalest. */
  failing: FailingIssue[];
}

/** The share of a tally meeting the bar, or null when it has no issues. */
export function shareOf(tally: Pick<Tally, 'total' | 'healthy'>): number | null {
  return tally.total === 0 ? null : tally.healthy / tally.total;
}

/**
 * A share in whole per cent as /health writes it: floored, so a share shown as 90 % really meets the goal. The
 * nudge keeps 29 of 100 at 29 (0.29 × 100 is 28.999…); below a million issues no share lies that close under a whole one.
 */
export function sharePercent(share: number): number {
  return Math.floor(share * 100 + 1e-9);
}

/** How many more issues must meet the bar for the tally to reach the program's goal (0 when it does). */
export function shortOfGoal(tally: Pick<Tally, 'total' | 'healthy'>): number {
  // Rounding guards against 0.9 × total landing a hair above a whole number.
  return Math.max(0, Math.ceil(Math.round(HEALTH_GOAL * tally.total * 1e6) / 1e6) - tally.healthy);
}

function tallyBy(scored: ReadonlyArray<{ issue: Issue; healthy: boolean }>, keysOf: (issue: Issue) => ReadonlyArray<string | null>) {
  const tallies = new Map<string | null, Tally>();
  for (const { issue, healthy } of scored) {
    for (const key of keysOf(issue)) {
      const tally = tallies.get(key) ?? { key, total: 0, healthy: 0 };
      tally.total += 1;
      if (healthy) tally.healthy += 1;
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
  const scored = issues.filter(isScored).map((issue) => {
    const found = problemsOf(issue, now);
    return { issue, problems: found, healthy: found.length === 0 };
  });
  const perLabel = tallyBy(scored, (issue) => issue.curated);
  const failing = scored
    .filter((entry) => !entry.healthy && (problems.length === 0 || entry.problems.some((p) => problems.includes(p))))
    .sort((a, b) => b.problems.length - a.problems.length || a.issue.updatedAt - b.issue.updatedAt || a.issue.id - b.issue.id)
    .map(({ issue, problems: found }) => ({ issue, problems: found }));
  return {
    scored: scored.length,
    healthy: scored.filter((entry) => entry.healthy).length,
    labels: curatedLabels.map((key) => perLabel.get(key) ?? { key, total: 0, healthy: 0 }),
    groups: byName(tallyBy(scored, (issue) => [issue.group])),
    stages: byName(tallyBy(scored, (issue) => [issue.stage])),
    failing,
  };
}

/** Reads the `problem` parameters of a /health URL; unknown values are dropped. */
export function parseProblems(params: URLSearchParams): Problem[] {
  const asked = new Set(params.getAll('problem').flatMap((value) => value.split(',').map((p) => p.trim())));
  return PROBLEMS.filter((problem) => asked.has(problem));
}
