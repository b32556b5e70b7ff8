import type { Issue } from '../model';
import { availability, isAgreed, isAvailable, isBlocked, isPlanned, isQuickWin, isSized, isStale, type RuleInput } from './rules';

// Whether a customer can pick an issue up now: the checks, each one of the rules in rules.ts (which the /health bar
// uses too), all as of the snapshot's time. Epics are not picked up as a unit, so they are never ready.

/** The checks, in the order a card lists what is missing. */
export const READY_CHECKS = ['free', 'not-blocked', 'fresh', 'agreed', 'sized', 'planned'] as const;
export type ReadyCheck = (typeof READY_CHECKS)[number];

/** How ready an issue is: the checks that apply to it (planned only for quick wins), and which of them fail. */
export interface Readiness {
  /** How many checks apply: 6 for a quick win, 5 for other issues. */
  applicable: number;
  passed: number;
  /** The checks it fails, in READY_CHECKS order; empty when it is ready. */
  missing: ReadyCheck[];
  ready: boolean;
}

type ReadyInput = RuleInput & Pick<Issue, 'kind'>;

/** How ready the issue is as of `asOf` (milliseconds), or null for an epic. */
export function readiness(issue: ReadyInput, asOf: number): Readiness | null {
  if (issue.kind === 'epic') return null;
  const passes: Record<ReadyCheck, boolean> = {
    free: isAvailable(issue),
    'not-blocked': !isBlocked(issue),
    fresh: !isStale(issue, asOf),
    agreed: isAgreed(issue),
    sized: isSized(issue),
    planned: isPlanned(issue),
  };
  const applicable = READY_CHECKS.filter((check) => check !== 'planned' || isQuickWin(issue));
  const missing = applicable.filter((check) => !passes[check]);
  return { applicable: applicable.length, passed: applicable.length - missing.length, missing, ready: missing.length === 0 };
}

/** Whether the issue can be picked up now (see readiness). */
export function isReady(issue: ReadyInput, asOf: number): boolean {
  return readiness(issue, asOf)?.ready ?? false;
}

/** The one status a card shows, by precedence: blocked, someone is on it, possibly up for grabs, ready, not ready. */
export type PickUpStatus = 'blocked' | 'taken' | 'up-for-grabs' | 'ready' | 'not-ready';

/**
 * The issue's status as of `asOf`, or null for an epic (see PickUpStatus for the precedence); `found` is its
 * readiness, for a caller that has it already.
 */
export function pickUpStatus(issue: ReadyInput, asOf: number, found = readiness(issue, asOf)): PickUpStatus | null {
  if (found === null) return null;
  if (isBlocked(issue)) return 'blocked';
  const state = availability(issue, asOf);
  if (state !== 'available') return state;
  return found.ready ? 'ready' : 'not-ready';
}
