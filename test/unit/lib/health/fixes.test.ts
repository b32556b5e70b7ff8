import { describe, expect, it } from 'vitest';
import { FIX_HINTS, reasonOf } from '../../../../src/lib/health/fixes';
import { PROBLEM_NAMES, PROBLEMS } from '../../../../src/lib/health/rules';
import { makeIssue } from '../../make-issue';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-01T06:00:00.000Z');

describe('FIX_HINTS', () => {
  it('has one short line for every problem, and no two alike', () => {
    for (const problem of PROBLEMS) {
      expect(FIX_HINTS[problem]).toMatch(/^[A-Z][^\n]{9,79}$/);
    }
    expect(new Set(Object.values(FIX_HINTS)).size).toBe(PROBLEMS.length);
    expect(Object.keys(FIX_HINTS).sort()).toEqual([...PROBLEMS].sort());
  });

  it('says what to do in GitLab, as the issue asks', () => {
    expect(FIX_HINTS.stale).toMatch(/comment with the current status/i);
    expect(FIX_HINTS['no-plan']).toContain('## Implementation plan');
    expect(FIX_HINTS.weight).toMatch(/set a weight/i);
  });
});

describe('reasonOf', () => {
  it('gives the specific reason: how long, how heavy, who', () => {
    const issue = makeIssue(1, { updatedAt: NOW - 1557 * DAY - 5, weight: 8, assignees: ['alice'] });
    expect(reasonOf('stale', issue, NOW)).toBe('No update in 1,557 days');
    expect(reasonOf('weight', issue, NOW)).toBe('Quick win with weight 8');
    expect(reasonOf('weight', { ...issue, weight: null }, NOW)).toBe('Quick win without a weight');
    expect(reasonOf('idle', issue, NOW)).toBe('Assigned to @alice, no update in 1,557 days (over 60) and no merge request');
  });

  it('names the other problems as the bar does', () => {
    const issue = makeIssue(1, {});
    for (const problem of ['no-plan', 'blocked', 'no-group', 'no-type'] as const) expect(reasonOf(problem, issue, NOW)).toBe(PROBLEM_NAMES[problem]);
  });
});
