import { describe, expect, it } from 'vitest';
import { isReady, pickUpStatus, readiness, READY_CHECKS } from '../../../../src/lib/health/ready';
import { BLOCKED_LABEL, QUICK_WIN_MAX_WEIGHT, STALE_AFTER_DAYS, UNTOUCHED_AFTER_DAYS, problemsOf } from '../../../../src/lib/health/rules';
import type { Issue } from '../../../../src/lib/model';
import { makeIssue } from '../../make-issue';

const DAY = 86_400_000;
const AS_OF = Date.parse('2026-11-01T06:00:00.000Z');
// Ready in every respect: free, fresh, weighted, no workflow label, not a quick win.
const ready = (patch: Partial<Issue> = {}) => makeIssue(1, { updatedAt: AS_OF - DAY, weight: 2, ...patch });
const blocked = { labels: [{ name: BLOCKED_LABEL, color: null, textColor: null }] };
const missing = (patch: Partial<Issue>) => readiness(ready(patch), AS_OF)!.missing;

describe('readiness', () => {
  it('is ready when every check passes: five for an issue, six for a quick win', () => {
    expect(readiness(ready(), AS_OF)).toEqual({ applicable: 5, passed: 5, missing: [], ready: true });
    expect(readiness(ready({ curated: ['quick win'], hasImplementationPlan: true }), AS_OF)).toEqual({
      applicable: 6,
      passed: 6,
      missing: [],
      ready: true,
    });
    expect(READY_CHECKS).toHaveLength(6);
  });

  it('is free only without an assignee and without an open merge request', () => {
    expect(missing({ assignees: ['alice'] })).toEqual(['free']);
    expect(missing({ mergeRequests: 1 })).toEqual(['free']);
  });

  it('is not blocked, and a blocked workflow is not agreed either', () => {
    expect(missing({ ...blocked, workflow: 'blocked' })).toEqual(['not-blocked', 'agreed']);
  });

  it(`is fresh up to exactly ${STALE_AFTER_DAYS} days without an update`, () => {
    expect(missing({ updatedAt: AS_OF - STALE_AFTER_DAYS * DAY })).toEqual([]);
    expect(missing({ updatedAt: AS_OF - STALE_AFTER_DAYS * DAY - 1 })).toEqual(['fresh']);
  });

  it.each([
    [null, true],
    ['ready for development', true],
    ['In dev', true],
    ['problem validation', false],
    ['solution validation', false],
    ['design', false],
    ['Design', false],
    ['blocked', false],
  ])('workflow::%s is agreed: %s', (workflow, agreed) => {
    expect(missing({ workflow }).includes('agreed')).toBe(!agreed);
  });

  it(`is sized with any weight, and a quick win with a weight of at most ${QUICK_WIN_MAX_WEIGHT}`, () => {
    expect(missing({ weight: null })).toEqual(['sized']);
    expect(missing({ weight: 0 })).toEqual([]);
    expect(missing({ weight: 13 })).toEqual([]);
    const quickWin = { curated: ['quick win::first-time contributor'], hasImplementationPlan: true };
    expect(missing({ ...quickWin, weight: QUICK_WIN_MAX_WEIGHT })).toEqual([]);
    expect(missing({ ...quickWin, weight: QUICK_WIN_MAX_WEIGHT + 1 })).toEqual(['sized']);
    expect(missing({ ...quickWin, weight: null })).toEqual(['sized']);
  });

  it('asks a quick win, and only a quick win, for an implementation plan', () => {
    expect(missing({ curated: ['quick win'] })).toEqual(['planned']);
    expect(missing({ curated: ['co-create'], hasImplementationPlan: false })).toEqual([]);
    expect(readiness(ready({ curated: ['quick win'] }), AS_OF)).toMatchObject({ applicable: 6, passed: 5, ready: false });
  });

  it('lists every check missed, in order, and counts the rest', () => {
    const worst = ready({ assignees: ['alice', 'bob'], ...blocked, workflow: 'design', updatedAt: 0, weight: null, curated: ['quick win'] });
    expect(readiness(worst, AS_OF)).toEqual({ applicable: 6, passed: 0, missing: [...READY_CHECKS], ready: false });
  });

  it('never calls an epic ready; a task is judged like an issue', () => {
    expect(readiness(ready({ kind: 'epic' }), AS_OF)).toBeNull();
    expect(isReady(ready({ kind: 'epic' }), AS_OF)).toBe(false);
    expect(isReady(ready({ kind: 'task' }), AS_OF)).toBe(true);
  });

  it('agrees with the bar of /health on what the two share', () => {
    const quickWin = ready({ curated: ['quick win'], weight: null, updatedAt: 0, ...blocked, assignees: ['alice'] });
    expect(readiness(quickWin, AS_OF)!.missing).toEqual(['free', 'not-blocked', 'fresh', 'sized', 'planned']);
    expect(problemsOf(quickWin, AS_OF)).toEqual(expect.arrayContaining(['stale', 'no-plan', 'weight', 'idle', 'blocked']));
  });
});

describe('pickUpStatus', () => {
  const untouched = AS_OF - (UNTOUCHED_AFTER_DAYS + 1) * DAY;
  it.each([
    ['blocked, even when someone is on it', { ...blocked, assignees: ['alice'] }, 'blocked'],
    ['someone is on it', { assignees: ['alice'] }, 'taken'],
    ['an open merge request is always someone on it', { mergeRequests: 1, updatedAt: untouched }, 'taken'],
    ['assigned but untouched', { assignees: ['alice'], updatedAt: untouched }, 'up-for-grabs'],
    ['ready', {}, 'ready'],
    ['free but not ready', { weight: null }, 'not-ready'],
  ] as Array<[string, Partial<Issue>, string]>)('%s', (_name, patch, status) => {
    expect(pickUpStatus(ready(patch), AS_OF)).toBe(status);
  });

  it('gives an epic no status', () => {
    expect(pickUpStatus(ready({ kind: 'epic' }), AS_OF)).toBeNull();
  });
});
