import { describe, expect, it } from 'vitest';
import { HEALTH_GOAL } from '../../../../src/lib/health/rules';
import { heldToBar, healthReport, parseProblems, sharePercent, shareOf, shortOfGoal } from '../../../../src/lib/health/report';
import { makeIssue } from '../../make-issue';
import { makeTally } from '../../make-tally';

const NOW = Date.parse('2026-11-01T06:00:00.000Z');
const DAY = 86_400_000;
const fresh = { updatedAt: NOW - DAY, group: 'code review', stage: 'create', type: 'bug' };
const CURATED = ['co-create', 'quick win'];

const tally = makeTally;

describe('healthReport', () => {
  const issues = [
    // Free, fresh and sized: ready to pick up.
    makeIssue(1, { ...fresh, weight: 5 }),
    makeIssue(2, { ...fresh, assignees: ['alice'] }),
    makeIssue(3, { ...fresh, curated: ['quick win'], hasImplementationPlan: true, weight: 1 }),
    makeIssue(4, { ...fresh, curated: ['quick win', 'co-create'], weight: 8, group: null }),
    makeIssue(5, { ...fresh, updatedAt: NOW - 400 * DAY, stage: null, group: 'pipeline authoring' }),
    makeIssue(6, { ...fresh, kind: 'epic', assignees: ['alice', 'bob', 'carol'] }),
    // In progress, though stale and untyped: not held to the bar.
    makeIssue(7, { ...fresh, mergeRequests: 1, updatedAt: NOW - 400 * DAY, type: null }),
    // Assigned, but untouched for 61 days and no merge request: held to the bar, and idle.
    makeIssue(8, { ...fresh, assignees: ['bob'], updatedAt: NOW - 61 * DAY, group: 'pipeline authoring' }),
  ];
  const report = healthReport(issues, CURATED, NOW);

  it('scores issues only, counts those in progress apart, those of the others meeting the bar, the ready and each problem', () => {
    expect(report.all).toEqual(tally(null, 7, 2, 2, 2, { stale: 1, 'no-plan': 1, weight: 1, idle: 1, 'no-group': 1 }));
    expect(shareOf(report.all)).toBe(2 / 5);
  });

  it('tallies per curated label in configured order, an issue counting under each of its labels', () => {
    expect(report.labels).toEqual([
      tally('co-create', 6, 1, 2, 1, { stale: 1, 'no-plan': 1, weight: 1, idle: 1, 'no-group': 1 }),
      tally('quick win', 2, 1, 0, 1, { 'no-plan': 1, weight: 1, 'no-group': 1 }),
    ]);
  });

  it('tallies per group and stage by name, the unlabelled last', () => {
    expect(report.groups).toEqual([
      tally('code review', 4, 2, 2, 2),
      tally('pipeline authoring', 2, 0, 0, 0, { stale: 1, idle: 1 }),
      tally(null, 1, 0, 0, 0, { 'no-plan': 1, weight: 1, 'no-group': 1 }),
    ]);
    expect(report.stages.map((t) => t.key)).toEqual(['create', null]);
  });

  it('lists failing issues with reasons, most reasons first, then the stalest; none in progress', () => {
    expect(report.failing.map(({ issue, problems }) => [issue.id, problems])).toEqual([
      [4, ['no-plan', 'weight', 'no-group']],
      [5, ['stale']],
      [8, ['idle']],
    ]);
  });

  it('narrows the failing list, not the tallies, to the problems asked for', () => {
    const stale = healthReport(issues, CURATED, NOW, ['stale', 'no-group']);
    expect(stale.failing.map(({ issue }) => issue.id)).toEqual([4, 5]);
    expect(stale.labels).toEqual(report.labels);
  });

  it('gives a label without issues a zero tally', () => {
    expect(healthReport([], ['co-create'], NOW).labels).toEqual([tally('co-create', 0, 0, 0, 0)]);
  });
});

describe('the goal', () => {
  const counts = (total: number, healthy: number, inProgress = 0) => ({ total, healthy, inProgress });

  it(`measures shares against ${HEALTH_GOAL * 100} %`, () => {
    expect(shareOf(counts(0, 0))).toBeNull();
    expect(shareOf(counts(4, 3))).toBe(0.75);
    expect(shortOfGoal(counts(10, 9))).toBe(0);
    expect(shortOfGoal(counts(10, 8))).toBe(1);
    expect(shortOfGoal(counts(20, 10))).toBe(8);
    expect(shortOfGoal(counts(3, 2))).toBe(1);
    expect(shortOfGoal(counts(0, 0))).toBe(0);
  });

  it('takes shares and the goal over the issues not in progress', () => {
    expect(heldToBar(counts(12, 9, 2))).toBe(10);
    expect(shareOf(counts(12, 9, 2))).toBe(0.9);
    expect(shortOfGoal(counts(12, 9, 2))).toBe(0);
    expect(shortOfGoal(counts(12, 8, 2))).toBe(1);
    // Everything in progress: nothing is held to the bar, so there is no share and nothing short.
    expect(shareOf(counts(3, 0, 3))).toBeNull();
    expect(shortOfGoal(counts(3, 0, 3))).toBe(0);
  });
});

describe('parseProblems', () => {
  it('keeps known problems in canonical order, repeated or comma-separated', () => {
    expect(parseProblems(new URLSearchParams('problem=weight,stale&problem=bogus&problem=stale'))).toEqual(['stale', 'weight']);
    expect(parseProblems(new URLSearchParams(''))).toEqual([]);
  });

  it('reads an older link\'s `taken` as `idle`, what is left of it now that work in progress is no problem', () => {
    expect(parseProblems(new URLSearchParams('problem=taken'))).toEqual(['idle']);
  });
});

describe('sharePercent', () => {
  it('floors to whole per cent, so 90 % is shown only when the goal is met, and 29 of 100 is 29 % (0.29 × 100 is 28.99…)', () => {
    expect(sharePercent(shareOf({ total: 100, healthy: 29, inProgress: 0 })!)).toBe(29);
    expect(sharePercent(shareOf({ total: 100, healthy: 57, inProgress: 0 })!)).toBe(57);
    expect(sharePercent(shareOf({ total: 1000, healthy: 899, inProgress: 0 })!)).toBe(89);
    expect(sharePercent(shareOf({ total: 10, healthy: 9, inProgress: 0 })!)).toBe(90);
    expect(sharePercent(shareOf({ total: 999_999, healthy: 899_998, inProgress: 0 })!)).toBe(89);
    expect(sharePercent(1)).toBe(100);
    expect(sharePercent(0)).toBe(0);
  });
});
