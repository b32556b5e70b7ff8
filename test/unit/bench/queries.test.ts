import { describe, expect, it } from 'vitest';
import { commonProjectNames, namedProjects, pickQueries, trulyMatches } from '../../../scripts/bench/queries';
import { makeSnapshotIssue } from '../make-issue';

const issue = makeSnapshotIssue(1, {
  title: 'Pipeline editor loses unsaved changes',
  excerpt: 'Open the cleanup page.',
  project: 'gitlab-org/gitlab-runner',
  iid: 42,
});

describe('trulyMatches', () => {
  it('matches every word equal or one edit away, in any field', () => {
    expect(trulyMatches(issue, 'pipeline editor')).toBe(true);
    expect(trulyMatches(issue, 'pipline Editor')).toBe(true);
    expect(trulyMatches(issue, 'cleanup gitlab-runner')).toBe(true);
    expect(trulyMatches(issue, 'pipeline board')).toBe(false);
  });

  it('lets only the last word, still being typed, begin a word or misspell its beginning', () => {
    expect(trulyMatches(issue, 'editor pipel')).toBe(true);
    expect(trulyMatches(issue, 'editor piplin')).toBe(true);
    expect(trulyMatches(issue, 'clean editor')).toBe(false);
    expect(trulyMatches(issue, 'editor clean')).toBe(true);
  });

  it('matches #iid and iid by the iid alone', () => {
    expect(trulyMatches(issue, '#42')).toBe(true);
    expect(trulyMatches(issue, ' 42 ')).toBe(true);
    expect(trulyMatches(issue, '4')).toBe(false);
  });
});

describe('namedProjects', () => {
  const projects = ['gitlab-org/gitlab', 'gitlab-org/gitlab-runner', 'gitlab-org/charts/gitlab'];

  it('takes a whole query equal to a path or its last segment, in any case', () => {
    expect(namedProjects('Gitlab-Runner', projects)).toEqual(new Set(['gitlab-org/gitlab-runner']));
    expect(namedProjects(' gitlab-org/gitlab-runner/ ', projects)).toEqual(new Set(['gitlab-org/gitlab-runner']));
    expect(namedProjects('gitlab', projects)).toEqual(new Set(['gitlab-org/gitlab', 'gitlab-org/charts/gitlab']));
  });

  it('names nothing for part of a name or a name among other words', () => {
    for (const query of ['gitlab-run', 'runner', 'gitlab-runner timeout', 'gitlab-org']) {
      expect(namedProjects(query, projects), query).toEqual(new Set());
    }
  });
});

describe('commonProjectNames', () => {
  it("gives the last segments of the projects with the most issues, each name once", () => {
    const issues = [
      ...['gitlab-org/gitaly', 'gitlab-org/gitaly', 'gitlab-org/gitlab', 'gitlab-org/gitlab', 'gitlab-org/gitlab'],
      ...['gitlab-org/charts/gitlab', 'gitlab-org/cli', 'gitlab-org/Docs'],
    ].map((project, n) => makeSnapshotIssue(n + 1, { project }));
    // Ties go by path (gitlab-org/Docs first); gitlab-org/charts/gitlab's name is already there.
    expect(commonProjectNames(issues, 3)).toEqual(['gitlab', 'gitaly', 'docs']);
    expect(commonProjectNames(issues, 9)).toEqual(['gitlab', 'gitaly', 'docs', 'cli']);
  });
});

describe('pickQueries', () => {
  it('adds the bare names of the most common projects', () => {
    const issues = Array.from({ length: 40 }, (_, n) =>
      makeSnapshotIssue(n + 1, {
        title: `Improve pipeline settings number ${n}`,
        project: n % 4 === 0 ? 'gitlab-org/gitaly' : n % 4 === 1 ? 'gitlab-org/gitlab-runner' : 'gitlab-org/gitlab',
      }),
    );
    const names = pickQueries(issues).filter((query) => query.kind === 'project-name');
    expect(names.map((query) => query.text)).toEqual(['gitlab', 'gitaly', 'gitlab-runner']);
  });
});
