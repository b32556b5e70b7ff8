import { describe, expect, it } from 'vitest';
import { precisionOfFirst, rankingQuality, summarise } from '../../../scripts/bench/ranking';
import { makeSnapshotIssue } from '../make-issue';

describe('precisionOfFirst', () => {
  it('judges as many first results as there are true matches, up to a page', () => {
    expect(precisionOfFirst([1, 2, 3, 4], new Set([1, 2]))).toBe(1);
    expect(precisionOfFirst([3, 1, 2, 4], new Set([1, 2]))).toBe(0.5);
    expect(precisionOfFirst([3, 4, 1, 2], new Set([1, 2]))).toBe(0);
    expect(precisionOfFirst([1, 2, 3, 4], new Set([1, 2, 3, 4, 5, 6]), 3)).toBe(1);
    expect(precisionOfFirst([1, 9, 3, 4], new Set([1, 2, 3, 4, 5, 6]), 4)).toBe(0.75);
  });

  it('counts true matches missing from the results against it', () => {
    expect(precisionOfFirst([1], new Set([1, 2]))).toBe(0.5);
    expect(precisionOfFirst([], new Set([1]))).toBe(0);
  });

  it('has no value without any true match', () => {
    expect(precisionOfFirst([1, 2], new Set())).toBeUndefined();
  });
});

describe('summarise', () => {
  it('averages and names the worst query, the first of equals', () => {
    const queries = [
      { query: 'a', precision: 1, truth: 3 },
      { query: 'b', precision: 0.5, truth: 9 },
      { query: 'c', precision: 0.5, truth: 2 },
    ];
    expect(summarise(queries)).toEqual({ mean: 2 / 3, worst: { query: 'b', precision: 0.5 }, queries });
    expect(summarise([])).toBeUndefined();
  });
});

describe('rankingQuality', () => {
  it("judges the site's own search: a bare project name against that project's issues", () => {
    const issues = [
      makeSnapshotIssue(1, { title: 'Runner registration token is shown', project: 'gitlab-org/gitlab' }),
      makeSnapshotIssue(2, { title: 'Shell executor ignores the timeout', project: 'gitlab-org/gitlab-runner' }),
      makeSnapshotIssue(3, { title: 'Runner timeout is ignored', project: 'gitlab-org/gitlab' }),
    ];
    const quality = rankingQuality(issues, [
      { text: 'gitlab-runner', kind: 'project-name' },
      { text: 'timeout', kind: 'word' },
      { text: 'nothing-matches-this', kind: 'word' },
    ]);
    expect(quality?.queries).toEqual([
      { query: 'gitlab-runner', precision: 1, truth: 1 },
      { query: 'timeout', precision: 1, truth: 2 },
    ]);
    expect(quality?.mean).toBe(1);
  });
});
