import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toIssue, type Issue } from '../../../../src/lib/model';
import { parseSnapshot } from '../../../../src/lib/snapshot';
import { sortIssues, sortOrder } from '../../../../src/lib/view/sort';
import { makeIssue } from '../../make-issue';

const issue = makeIssue;
// The snapshot's time: makeIssue's items were updated at 0 or a few milliseconds after, so all are fresh.
const AS_OF = 1000;
const DAY = 86_400_000;

const ids = (issues: readonly Issue[]) => issues.map((i) => i.id);

describe('sortIssues', () => {
  const issues = [
    issue(1, { updatedAt: 300, createdAt: 10, upvotes: 5, comments: 1, weight: 3 }),
    issue(2, { updatedAt: 100, createdAt: 30, upvotes: 9, comments: 7, weight: null }),
    issue(3, { updatedAt: 200, createdAt: 20, upvotes: 1, comments: 3, weight: 0 }),
    issue(4, { updatedAt: 400, createdAt: 5, upvotes: 2, comments: 0, weight: 8 }),
  ];

  it('returns a new array and leaves the input alone', () => {
    const before = ids(issues);
    const sorted = sortIssues(issues, 'upvotes', AS_OF);
    expect(sorted).not.toBe(issues);
    expect(ids(issues)).toEqual(before);
  });

  it.each([
    ['updated', [4, 1, 3, 2]],
    ['newest', [2, 3, 1, 4]],
    ['upvotes', [2, 1, 4, 3]],
    ['comments', [2, 3, 1, 4]],
    ['weight', [3, 1, 4, 2]],
  ] as const)('sorts by %s', (key, expected) => {
    expect(ids(sortIssues(issues, key, AS_OF))).toEqual(expected);
  });

  it('puts unweighted issues last, most recently updated first', () => {
    const list = [
      issue(1, { weight: null, updatedAt: 1 }),
      issue(2, { weight: 2 }),
      issue(3, { weight: null, updatedAt: 5 }),
      issue(4, { weight: 0 }),
    ];
    expect(ids(sortIssues(list, 'weight', AS_OF))).toEqual([4, 2, 3, 1]);
  });

  it('recommends ready issues first, then by checks passed, epics last, ties most recently updated first', () => {
    const asOf = 400 * DAY;
    const ready = { weight: 2, updatedAt: asOf - DAY };
    const list = [
      issue(1, { ...ready, updatedAt: asOf - 2 * DAY }),
      issue(2, { ...ready, assignees: ['alice'] }), // 4 of 5: not free
      issue(3, { ...ready, weight: null, updatedAt: asOf - 200 * DAY }), // 3 of 5: no weight, stale
      issue(4, { ...ready }),
      issue(5, { ...ready, kind: 'epic' }),
      issue(6, { ...ready, curated: ['quick win'] }), // 5 of 6: no plan
      issue(7, { ...ready, kind: 'task', updatedAt: asOf - 3 * DAY }),
    ];
    expect(ids(sortIssues(list, 'recommended', asOf))).toEqual([4, 1, 7, 6, 2, 3, 5]);
  });

  it('breaks ties by updated, then by id, for every key', () => {
    const tied = [
      issue(10, { updatedAt: 5 }),
      issue(30, { updatedAt: 5 }),
      issue(20, { updatedAt: 9 }),
      issue(40, { updatedAt: 5 }),
    ];
    for (const key of ['recommended', 'updated', 'newest', 'upvotes', 'comments', 'weight'] as const) {
      expect(ids(sortIssues(tied, key, AS_OF))).toEqual([20, 40, 30, 10]);
      expect(ids(sortIssues([...tied].reverse(), key, AS_OF))).toEqual([20, 40, 30, 10]);
    }
  });

  it('puts an issue before the epic that shares its id and time, whatever the input order', () => {
    const issue = makeIssue(5, { updatedAt: 10 });
    const epic = makeIssue(5, { kind: 'epic', updatedAt: 10 });
    for (const input of [[epic, issue], [issue, epic]]) {
      expect(sortIssues(input, 'upvotes', AS_OF).map((item) => item.kind)).toEqual(['issue', 'epic']);
    }
  });

  it('handles an empty list', () => {
    expect(sortIssues([], 'updated', AS_OF)).toEqual([]);
  });
});

describe('sortOrder', () => {
  it('gives the positions sortIssues would put the issues in, for every order', () => {
    const snapshot = parseSnapshot(readFileSync('src/data/sample/issues.json', 'utf8'));
    const issues = snapshot.issues.map((issue) => toIssue(issue, null));
    const asOf = Date.parse(snapshot.generatedAt);
    for (const key of ['recommended', 'updated', 'newest', 'upvotes', 'comments', 'weight'] as const) {
      expect(Array.from(sortOrder(issues, key, asOf), (at) => issues[at]!.id)).toEqual(sortIssues(issues, key, asOf).map((i) => i.id));
    }
  });
});
