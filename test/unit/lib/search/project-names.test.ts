import { describe, expect, it } from 'vitest';
import { nameTokens, projectNameIndex, projectNames } from '../../../../src/lib/search/project-names';

describe('projectNames', () => {
  it('names a project by its path and by the last segment of it, in lower case', () => {
    expect(projectNames('gitlab-org/gitlab-runner')).toEqual(['gitlab-org/gitlab-runner', 'gitlab-runner']);
    expect(projectNames('GitLab-Org/Charts/GitLab')).toEqual(['gitlab-org/charts/gitlab', 'gitlab']);
    expect(projectNames('solo')).toEqual(['solo']);
  });
});

describe('nameTokens', () => {
  it('splits at white space, folds case and drops trailing slashes', () => {
    expect(nameTokens('  Gitaly \t timeout ')).toEqual(['gitaly', 'timeout']);
    expect(nameTokens('gitlab-org/gitlab-runner//')).toEqual(['gitlab-org/gitlab-runner']);
    expect(nameTokens(' / ')).toEqual([]);
    expect(nameTokens('')).toEqual([]);
  });
});

describe('projectNameIndex', () => {
  const projects = [
    'gitlab-org/gitlab', // 0
    'gitlab-org/gitlab-runner', // 1
    'gitlab-org/gitaly', // 2
    'gitlab-org/charts/gitlab', // 3
    'gitlab-org/gitlab-runner', // 4
    'gitlab-org/gitlab', // 5
  ];
  const index = projectNameIndex(projects.length, (at) => projects[at]!);
  const first = (found: number[], query: string) => {
    const { order, lead } = index.first(Int32Array.from(found), query);
    return { order: [...order], lead };
  };

  it("moves the named project's issues to the front, each part keeping its order", () => {
    expect(first([0, 1, 2, 3, 4, 5], 'gitlab-runner')).toEqual({ order: [1, 4, 0, 2, 3, 5], lead: 2 });
    expect(first([5, 4, 3, 2, 1, 0], 'gitlab-runner')).toEqual({ order: [4, 1, 5, 3, 2, 0], lead: 2 });
  });

  it('takes the full path or the last segment, in any case, with a trailing slash', () => {
    for (const query of ['GITALY', ' gitaly ', 'gitlab-org/gitaly', 'Gitlab-Org/Gitaly/']) {
      expect(first([0, 1, 2], query), query).toEqual({ order: [2, 0, 1], lead: 1 });
    }
  });

  it('leaves a partial name, as typed on the way to the full one, alone', () => {
    for (const query of ['gitlab-run', 'gital', 'gitlab-org/gitlab-run', 'runner', 'gitlab-org']) {
      expect(first([0, 1, 2, 3], query), query).toEqual({ order: [0, 1, 2, 3], lead: 0 });
    }
  });

  it('names every project that shares the last segment, and the path only its own', () => {
    expect(first([1, 2, 3, 0, 5], 'gitlab')).toEqual({ order: [3, 0, 5, 1, 2], lead: 3 });
    expect(first([1, 2, 3, 0, 5], 'gitlab-org/gitlab')).toEqual({ order: [0, 5, 1, 2, 3], lead: 2 });
  });

  it('finds a name among other words, and several names at once', () => {
    expect(first([0, 1, 2], 'timeout gitaly')).toEqual({ order: [2, 0, 1], lead: 1 });
    expect(first([0, 1, 2, 3], 'gitaly gitlab-runner')).toEqual({ order: [1, 2, 0, 3], lead: 2 });
  });

  it('forgets the names of the previous query', () => {
    first([0, 1, 2], 'gitaly');
    expect(first([0, 1, 2], 'timeout')).toEqual({ order: [0, 1, 2], lead: 0 });
  });

  it('moves nothing when none of the found issues is in the named project', () => {
    expect(first([0, 3], 'gitaly')).toEqual({ order: [0, 3], lead: 0 });
    expect(first([], 'gitaly')).toEqual({ order: [], lead: 0 });
  });
});
