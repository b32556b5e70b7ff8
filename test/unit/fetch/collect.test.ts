import { describe, expect, it } from 'vitest';
import { parseIssuePage, type ApiIssue } from '../../../scripts/fetch/api-issue';
import { mergeLabelResults } from '../../../scripts/fetch/collect';

const CURATED = ['co-create', 'quick win'];
const GITLAB = 'https://gitlab.com';

function apiIssue(id: number, labels: string[], extra: Partial<ApiIssue> = {}): ApiIssue {
  const [issue] = parseIssuePage(
    [
      {
        id,
        iid: id,
        project_id: 1,
        title: `Issue ${id}`,
        description: '## Implementation plan\n\nDo it.',
        state: 'opened',
        confidential: false,
        created_at: '2025-01-01T00:00:00Z',
        updated_at: '2025-01-02T00:00:00Z',
        labels: labels.map((name) => ({ name, color: '#fff', text_color: '#000' })),
        web_url: `https://gitlab.com/gitlab-org/gitlab/-/issues/${id}`,
        references: { full: `gitlab-org/gitlab#${id}` },
        ...extra,
      },
    ],
    'test',
  ).items;
  return issue!;
}

describe('mergeLabelResults', () => {
  it('de-duplicates on id and records every curated label, in configured order', () => {
    const both = apiIssue(1, ['quick win', 'co-create']);
    const { issues, perLabel } = mergeLabelResults(
      [
        ['co-create', [both, apiIssue(2, ['co-create'])]],
        ['quick win', [both, both]],
      ],
      CURATED,
      GITLAB,
    );
    expect(issues.map((issue) => [issue.id, issue.curated])).toEqual([
      [1, ['co-create', 'quick win']],
      [2, ['co-create']],
    ]);
    expect(perLabel).toEqual({ 'co-create': 2, 'quick win': 1 });
  });

  it('drops confidential and closed issues even when the API returned them', () => {
    const { issues, dropped } = mergeLabelResults(
      [['co-create', [apiIssue(1, ['co-create'], { confidential: true }), apiIssue(2, ['co-create'], { state: 'closed' }), apiIssue(3, ['co-create'])]]],
      CURATED,
      GITLAB,
    );
    expect(issues.map((issue) => issue.id)).toEqual([3]);
    expect(dropped).toEqual({ 'closed or confidential item': 2 });
  });

  it('normalises labels, scoped values, the excerpt and the plan flag', () => {
    const [issue] = mergeLabelResults(
      [['quick win', [apiIssue(5, ['quick win', 'type::bug', 'devops::verify', 'group::pipeline authoring'], { weight: 2 })]]],
      CURATED,
      GITLAB,
    ).issues;
    expect(issue).toMatchObject({
      project: 'gitlab-org/gitlab',
      reference: 'gitlab-org/gitlab#5',
      type: 'bug',
      stage: 'verify',
      group: 'pipeline authoring',
      weight: 2,
      excerpt: 'Do it.',
      hasImplementationPlan: true,
      assignees: [],
      mergeRequests: 0,
    });
    expect(issue!.labels[0]).toEqual({ name: 'devops::verify', color: '#fff', textColor: '#000' });
  });

  it('derives the project from the web URL when references are missing, also under a sub-path', () => {
    const [issue] = mergeLabelResults(
      [['co-create', [apiIssue(9, ['co-create'], { references: null, web_url: 'https://example.com/gitlab/gitlab-org/charts/gitlab/-/issues/9' })]]],
      CURATED,
      'https://example.com/gitlab',
    ).issues;
    expect(issue).toMatchObject({ project: 'gitlab-org/charts/gitlab', reference: 'gitlab-org/charts/gitlab#9' });
  });
});
