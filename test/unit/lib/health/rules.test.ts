import { describe, expect, it } from 'vitest';
import {
  availability,
  daysSince,
  isBlocked,
  isInProgress,
  isQuickWinLabel,
  isScored,
  isStale,
  problemsOf,
  PROBLEMS,
  QUICK_WIN_MAX_WEIGHT,
  STALE_AFTER_DAYS,
  UNTOUCHED_AFTER_DAYS,
} from '../../../../src/lib/health/rules';
import { hasImplementationPlan, parseMarkdown } from '../../../../scripts/fetch/markdown';
import { makeIssue } from '../../make-issue';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-01T06:00:00.000Z');
const daysAgo = (days: number, extraMs = 0) => NOW - days * DAY - extraMs;
const label = (name: string) => ({ name, color: null, textColor: null });
// An issue that meets the bar: fresh, free, typed and grouped co-create work.
const healthy = (patch: Parameters<typeof makeIssue>[1] = {}) =>
  makeIssue(1, { updatedAt: daysAgo(1), group: 'code review', type: 'feature', ...patch });

describe('availability', () => {
  it('is available when unassigned and without merge requests', () => {
    expect(availability(healthy(), NOW)).toBe('available');
  });

  it('is taken when assigned or with a merge request', () => {
    expect(availability(healthy({ assignees: ['alice'] }), NOW)).toBe('taken');
    expect(availability(healthy({ mergeRequests: 1 }), NOW)).toBe('taken');
  });

  it(`is possibly up for grabs when assigned, without MR, untouched for more than ${UNTOUCHED_AFTER_DAYS} days`, () => {
    expect(availability(healthy({ assignees: ['alice'], updatedAt: daysAgo(UNTOUCHED_AFTER_DAYS) }), NOW)).toBe('taken');
    expect(availability(healthy({ assignees: ['alice'], updatedAt: daysAgo(UNTOUCHED_AFTER_DAYS, 1) }), NOW)).toBe('up-for-grabs');
  });

  it('keeps an issue with a merge request taken however old', () => {
    expect(availability(healthy({ assignees: ['alice'], mergeRequests: 1, updatedAt: daysAgo(900) }), NOW)).toBe('taken');
    expect(availability(healthy({ mergeRequests: 2, updatedAt: daysAgo(900) }), NOW)).toBe('taken');
  });
});

describe('in progress', () => {
  it('is what a card calls "Someone is on it": an open merge request, or assigned and recently updated', () => {
    expect(isInProgress(healthy(), NOW)).toBe(false);
    expect(isInProgress(healthy({ mergeRequests: 1 }), NOW)).toBe(true);
    expect(isInProgress(healthy({ assignees: ['alice'], updatedAt: daysAgo(UNTOUCHED_AFTER_DAYS) }), NOW)).toBe(true);
    expect(isInProgress(healthy({ assignees: ['alice'], mergeRequests: 1, updatedAt: daysAgo(900) }), NOW)).toBe(true);
  });

  it(`is not an assignment untouched for more than ${UNTOUCHED_AFTER_DAYS} days without a merge request: that is idle`, () => {
    const idle = healthy({ assignees: ['alice'], updatedAt: daysAgo(UNTOUCHED_AFTER_DAYS, 1) });
    expect(isInProgress(idle, NOW)).toBe(false);
    expect(problemsOf(idle, NOW)).toEqual(['idle']);
    expect(problemsOf(healthy({ assignees: ['alice'], updatedAt: daysAgo(UNTOUCHED_AFTER_DAYS) }), NOW)).toEqual([]);
  });
});

describe('staleness', () => {
  it(`is stale after more than ${STALE_AFTER_DAYS} days, not at exactly ${STALE_AFTER_DAYS}`, () => {
    expect(isStale(healthy({ updatedAt: daysAgo(STALE_AFTER_DAYS) }), NOW)).toBe(false);
    expect(isStale(healthy({ updatedAt: daysAgo(STALE_AFTER_DAYS, 1) }), NOW)).toBe(true);
    expect(isStale(healthy({ updatedAt: daysAgo(STALE_AFTER_DAYS - 1) }), NOW)).toBe(false);
  });

  it('counts whole days, never negative (clock skew gives 0)', () => {
    expect(daysSince(daysAgo(180, DAY - 1), NOW)).toBe(180);
    expect(daysSince(NOW + 5000, NOW)).toBe(0);
  });
});

describe('labels the rules read', () => {
  it('finds workflow::blocked and nothing like it', () => {
    expect(isBlocked(healthy({ labels: [label('workflow::blocked')] }))).toBe(true);
    expect(isBlocked(healthy({ labels: [label('workflow::ready for development'), label('blocked')] }))).toBe(false);
  });

  it('counts quick win and its scoped variants as quick wins', () => {
    expect(isQuickWinLabel('quick win')).toBe(true);
    expect(isQuickWinLabel('quick win::first-time contributor')).toBe(true);
    expect(isQuickWinLabel('co-create')).toBe(false);
    expect(isQuickWinLabel('quick winner')).toBe(false);
  });

  it('scores issues, not epics', () => {
    expect(isScored(healthy())).toBe(true);
    expect(isScored(healthy({ kind: 'epic' }))).toBe(false);
  });
});

describe('problemsOf', () => {
  it('finds nothing wrong with a healthy co-create issue', () => {
    expect(problemsOf(healthy(), NOW)).toEqual([]);
  });

  it.each([
    ['stale', { updatedAt: daysAgo(STALE_AFTER_DAYS, 1) }],
    ['idle', { assignees: ['alice'], updatedAt: daysAgo(UNTOUCHED_AFTER_DAYS, 1) }],
    ['blocked', { labels: [label('workflow::blocked')] }],
    ['no-group', { group: null }],
    ['no-type', { type: null }],
  ] satisfies Array<[string, Parameters<typeof makeIssue>[1]]>)('%s: %j', (problem, patch) => {
    expect(problemsOf(healthy(patch), NOW)).toEqual([problem]);
  });

  it(`holds quick wins to a plan and a weight of at most ${QUICK_WIN_MAX_WEIGHT}`, () => {
    const quickWin = (patch: Parameters<typeof makeIssue>[1]) =>
      problemsOf(healthy({ curated: ['quick win'], hasImplementationPlan: true, weight: 2, ...patch }), NOW);
    expect(quickWin({})).toEqual([]);
    expect(quickWin({ weight: QUICK_WIN_MAX_WEIGHT })).toEqual([]);
    expect(quickWin({ weight: QUICK_WIN_MAX_WEIGHT + 1 })).toEqual(['weight']);
    expect(quickWin({ weight: null })).toEqual(['weight']);
    expect(quickWin({ weight: 0 })).toEqual([]);
    expect(quickWin({ hasImplementationPlan: false })).toEqual(['no-plan']);
    expect(quickWin({ curated: ['quick win::first-time contributor'], hasImplementationPlan: false, weight: 5 })).toEqual([
      'no-plan',
      'weight',
    ]);
  });

  it('does not hold co-create issues to the quick-win rules', () => {
    expect(problemsOf(healthy({ curated: ['co-create'], hasImplementationPlan: false, weight: null }), NOW)).toEqual([]);
  });

  it('lists every reason at once, in the documented order', () => {
    const everything = healthy({
      curated: ['quick win'],
      updatedAt: daysAgo(400),
      mergeRequests: 0,
      assignees: ['alice'],
      labels: [label('workflow::blocked')],
      group: null,
      type: null,
    });
    expect(problemsOf(everything, NOW)).toEqual([...PROBLEMS]);
  });

  it.each([
    ['## Implementation plan', true],
    ['### Implementation', true],
    ['#### Implementation', false],
  ])('reads the plan from the description: %j → meets the plan rule %s', (heading, planned) => {
    const plan = hasImplementationPlan(parseMarkdown(`Intro.\n\n${heading}\n\n1. Do it.`));
    const issue = healthy({ curated: ['quick win'], weight: 1, hasImplementationPlan: plan });
    expect(problemsOf(issue, NOW).includes('no-plan')).toBe(!planned);
  });
});
