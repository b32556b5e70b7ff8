import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toIssue, type Issue } from '../../../../src/lib/model';
import { parseSnapshot } from '../../../../src/lib/snapshot';
import { sortIssues, sortOrder } from '../../../../src/lib/view/sort';
import { makeIssue } from '../../make-issue';

const issue = makeIssue;

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
    const sorted = sortIssues(issues, 'upvotes');
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
    expect(ids(sortIssues(issues, key))).toEqual(expected);
  });

  it('puts unweighted issues last, most recently updated first', () => {
    const list = [
      issue(1, { weight: null, updatedAt: 1 }),
      issue(2, { weight: 2 }),
      issue(3, { weight: null, updatedAt: 5 }),
      issue(4, { weight: 0 }),
    ];
    expect(ids(sortIssues(list, 'weight'))).toEqual([4, 2, 3, 1]);
  });

  it('sorts by relevance rank, unranked last by updated', () => {
    const rank = new Map([
      [3, 0],
      [1, 1],
    ]);
    expect(ids(sortIssues(issues, 'relevance', rank))).toEqual([3, 1, 4, 2]);
  });

  it('falls back to updated order for relevance without ranks', () => {
    expect(ids(sortIssues(issues, 'relevance'))).toEqual([4, 1, 3, 2]);
    expect(ids(sortIssues(issues, 'relevance', new Map()))).toEqual([4, 1, 3, 2]);
  });

  it('breaks ties by updated, then by id, for every key', () => {
    const tied = [
      issue(10, { updatedAt: 5 }),
      issue(30, { updatedAt: 5 }),
      issue(20, { updatedAt: 9 }),
      issue(40, { updatedAt: 5 }),
    ];
    for (const key of ['updated', 'newest', 'upvotes', 'comments', 'weight', 'relevance'] as const) {
      expect(ids(sortIssues(tied, key))).toEqual([20, 40, 30, 10]);
      expect(ids(sortIssues([...tied].reverse(), key))).toEqual([20, 40, 30, 10]);
    }
  });

  it('puts an issue before the epic that shares its id and time, whatever the input order', () => {
    const issue = makeIssue(5, { updatedAt: 10 });
    const epic = makeIssue(5, { kind: 'epic', updatedAt: 10 });
    for (const input of [[epic, issue], [issue, epic]]) {
      expect(sortIssues(input, 'upvotes').map((item) => item.kind)).toEqual(['issue', 'epic']);
    }
  });

  it('handles an empty list', () => {
    expect(sortIssues([], 'updated')).toEqual([]);
  });
});

describe('sortOrder', () => {
  it('gives the positions sortIssues would put the issues in, for every key but relevance', () => {
    const issues = parseSnapshot(readFileSync('src/data/sample/issues.json', 'utf8')).issues.map((issue) => toIssue(issue, null));
    for (const key of ['updated', 'newest', 'upvotes', 'comments', 'weight'] as const) {
      expect(Array.from(sortOrder(issues, key), (at) => issues[at]!.id)).toEqual(sortIssues(issues, key).map((i) => i.id));
    }
  });
});
