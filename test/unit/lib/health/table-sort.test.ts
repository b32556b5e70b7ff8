import { describe, expect, it } from 'vitest';
import type { FailingIssue, Tally } from '../../../../src/lib/health/report';
import { nextOrder, parseSorts, sortFailing, sortTallies, writeSorts } from '../../../../src/lib/health/table-sort';
import { makeIssue } from '../../make-issue';
import { makeTally } from '../../make-tally';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-01T06:00:00.000Z');
const tally = makeTally;
// The report's order: by name, the unlabelled last.
const rows = [tally('alpha', 10, 9), tally('beta', 4, 1, 2), tally('Gamma', 5, 2), tally('zeta', 2, 0, 2), tally(null, 3, 0)];
const keys = (sorted: readonly Tally[]) => sorted.map((row) => row.key);

describe('sortTallies', () => {
  it('keeps the report order without a sort', () => {
    expect(sortTallies(rows, undefined)).toBe(rows);
  });

  it('sorts by name either way, the unnamed row last both times', () => {
    expect(keys(sortTallies(rows, { column: 'name', descending: false }))).toEqual(['alpha', 'beta', 'Gamma', 'zeta', null]);
    expect(keys(sortTallies(rows, { column: 'name', descending: true }))).toEqual(['zeta', 'Gamma', 'beta', 'alpha', null]);
  });

  it('sorts by counts, ties keeping the report order', () => {
    expect(keys(sortTallies(rows, { column: 'issues', descending: true }))).toEqual(['alpha', 'Gamma', 'beta', null, 'zeta']);
    expect(keys(sortTallies(rows, { column: 'in-progress', descending: true }))).toEqual(['beta', 'zeta', 'alpha', 'Gamma', null]);
    expect(keys(sortTallies(rows, { column: 'healthy', descending: false }))).toEqual(['zeta', null, 'beta', 'Gamma', 'alpha']);
  });

  it('sorts by share of the issues held to the bar; a row with none held goes last', () => {
    // alpha 90 %, beta 1 of 2 = 50 %, Gamma 40 %, zeta none held, unlabelled 0 %.
    expect(keys(sortTallies(rows, { column: 'share', descending: false }))).toEqual([null, 'Gamma', 'beta', 'alpha', 'zeta']);
    expect(keys(sortTallies(rows, { column: 'share', descending: true }))).toEqual(['alpha', 'beta', 'Gamma', null, 'zeta']);
  });

  it('sorts by how many more must meet the bar', () => {
    // alpha 0, beta 1, Gamma 3, zeta none held, unlabelled 3.
    expect(keys(sortTallies(rows, { column: 'short', descending: true }))).toEqual(['Gamma', null, 'beta', 'alpha', 'zeta']);
  });
});

describe('sortFailing', () => {
  const entry = (id: number, days: number, weight: number | null, problems: number): FailingIssue => ({
    issue: makeIssue(id, { updatedAt: NOW - days * DAY, weight, iid: id }),
    problems: (['stale', 'no-plan', 'weight'] as const).slice(0, problems),
  });
  const failing = [entry(10, 300, 2, 3), entry(2, 400, null, 1), entry(3, 5, 8, 1)];
  const ids = (sorted: readonly FailingIssue[]) => sorted.map(({ issue }) => issue.id);

  it('keeps the report order without a sort', () => {
    expect(sortFailing(failing, undefined, NOW)).toBe(failing);
  });

  it('sorts by days since update, weight (none last), problems and reference (numbers as numbers)', () => {
    expect(ids(sortFailing(failing, { column: 'days', descending: true }, NOW))).toEqual([2, 10, 3]);
    expect(ids(sortFailing(failing, { column: 'weight', descending: true }, NOW))).toEqual([3, 10, 2]);
    expect(ids(sortFailing(failing, { column: 'weight', descending: false }, NOW))).toEqual([10, 3, 2]);
    expect(ids(sortFailing(failing, { column: 'reasons', descending: false }, NOW))).toEqual([2, 3, 10]);
    expect(ids(sortFailing(failing, { column: 'reference', descending: false }, NOW))).toEqual([2, 3, 10]);
  });
});

describe('sorts in the URL', () => {
  it('reads one parameter per table, `-` for descending, and drops what it does not know', () => {
    const params = new URLSearchParams('group-sort=-share&label-sort=Name&stage-sort=bogus&failing-sort=-days&other-sort=name&sort=upvotes');
    expect(parseSorts(params)).toEqual({
      label: { column: 'name', descending: false },
      group: { column: 'share', descending: true },
      failing: { column: 'days', descending: true },
    });
    expect(parseSorts(new URLSearchParams('failing-sort=share&group-sort=days'))).toEqual({});
  });

  it('writes what it reads, in a fixed order', () => {
    const params = new URLSearchParams('group=runner');
    writeSorts(params, { failing: { column: 'weight', descending: false }, group: { column: 'short', descending: true } });
    expect(params.toString()).toBe('group=runner&group-sort=-short&failing-sort=weight');
    expect(parseSorts(params)).toEqual({ group: { column: 'short', descending: true }, failing: { column: 'weight', descending: false } });
  });

  it('turns a sorted column around on a second click, and starts another ascending', () => {
    expect(nextOrder(undefined, 'share')).toEqual({ column: 'share', descending: false });
    expect(nextOrder({ column: 'share', descending: false }, 'share')).toEqual({ column: 'share', descending: true });
    expect(nextOrder({ column: 'share', descending: true }, 'share')).toEqual({ column: 'share', descending: false });
    expect(nextOrder({ column: 'share', descending: true }, 'issues')).toEqual({ column: 'issues', descending: false });
  });
});
