import { describe, expect, it } from 'vitest';
import { parseEpicPage } from '../../../scripts/fetch/api-epic';
import { parseIssuePage } from '../../../scripts/fetch/api-issue';
import { normalizeEpic, normalizeIssue, type NormalizeContext } from '../../../scripts/fetch/normalize';
import { ASSIGNEES_MAX, LABELS_MAX, TITLE_MAX_LENGTH } from '../../../src/lib/snapshot';
import { MINIMAL_EPIC } from './api-fixtures';

const CONTEXT: NormalizeContext = {
  curated: ['co-create'],
  gitlabUrl: 'https://gitlab.com',
  description: { excerpt: '', hasImplementationPlan: false },
  openMergeRequests: [],
};

/** An API issue as GitLab sends it, validated as the fetch validates it. */
function apiIssue(extra: Record<string, unknown>) {
  const page = parseIssuePage(
    [
      {
        id: 1,
        iid: 7,
        project_id: 1,
        title: 'Issue',
        state: 'opened',
        created_at: '2025-01-01T00:00:00Z',
        updated_at: '2025-01-02T00:00:00Z',
        labels: ['co-create'],
        web_url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/7',
        references: { full: 'gitlab-org/gitlab#7' },
        ...extra,
      },
    ],
    'test',
  );
  expect(page.invalid).toEqual([]);
  return page.items[0]!;
}

describe('normalizeIssue assignees', () => {
  const user = (username: string) => ({ id: username.length, username, name: username.toUpperCase(), state: 'active' });
  it('keeps the usernames, each once, in GitLab’s order', () => {
    const issue = apiIssue({ assignees: [user('zoe'), user('alice'), user('zoe')], assignee: user('zoe') });
    expect(normalizeIssue(issue, CONTEXT).assignees).toEqual(['zoe', 'alice']);
  });
  it('reads the single assignee older GitLab sends, and nobody from neither', () => {
    expect(normalizeIssue(apiIssue({ assignee: user('bob') }), CONTEXT).assignees).toEqual(['bob']);
    expect(normalizeIssue(apiIssue({ assignees: null, assignee: null }), CONTEXT).assignees).toEqual([]);
  });
  it('keeps the first ASSIGNEES_MAX of a crafted list', () => {
    const many = Array.from({ length: ASSIGNEES_MAX + 5 }, (_, n) => user(`u${n}`));
    expect(normalizeIssue(apiIssue({ assignees: many }), CONTEXT).assignees).toHaveLength(ASSIGNEES_MAX);
  });
});

describe('normalizeIssue keeps within the snapshot caps', () => {
  it('shortens a title longer than GitLab allows with an ellipsis instead of failing the run', () => {
    const title = normalizeIssue(apiIssue({ title: 'x'.repeat(1_000_000) }), CONTEXT).title;
    expect(title).toBe(`${'x'.repeat(TITLE_MAX_LENGTH - 1)}…`);
    expect(normalizeIssue(apiIssue({ title: 'y'.repeat(TITLE_MAX_LENGTH) }), CONTEXT).title).toBe('y'.repeat(TITLE_MAX_LENGTH));
  });

  it('keeps at most LABELS_MAX labels, and none whose name is longer than GitLab allows', () => {
    const names = Array.from({ length: LABELS_MAX + 50 }, (_, i) => `label ${String(i).padStart(3, '0')}`);
    const { labels } = normalizeIssue(apiIssue({ labels: [`a ${'z'.repeat(300)}`, ...names] }), CONTEXT);
    expect(labels.map((label) => label.name)).toEqual(names.slice(0, LABELS_MAX));
  });
});

describe('normalizeIssue reads the project and reference without bidi controls', () => {
  it('strips them from references.full, where gitlab-org/U+202E evil would show as gitlab-org/live', () => {
    const issue = apiIssue({ references: { full: 'gitlab-org/\u202Eev\u200Bil#7' } });
    expect(normalizeIssue(issue, CONTEXT)).toMatchObject({ project: 'gitlab-org/evil', reference: 'gitlab-org/evil#7' });
  });

  it('strips them from a project read off the web URL', () => {
    const issue = apiIssue({ references: null, web_url: 'https://gitlab.com/gitlab-org/%E2%80%AEevil%E2%81%A6/-/issues/7' });
    expect(normalizeIssue(issue, CONTEXT)).toMatchObject({ project: 'gitlab-org/evil', reference: 'gitlab-org/evil#7' });
  });
});

// Epics of a group on an instance that lives under a sub-path.
const EPIC_CONTEXT: NormalizeContext = { ...CONTEXT, gitlabUrl: 'https://example.com/gitlab' };

describe('normalizeEpic', () => {
  it('reads the group from references.full, labels given as names or with details', () => {
    const [epic] = parseEpicPage(
      [
        {
          ...MINIMAL_EPIC,
          references: { full: 'gitlab-org&12' },
          labels: ['type::feature', { name: 'devops::plan', color: '#E44D2A', text_color: '#FFFFFF' }],
          upvotes: 3,
          user_notes_count: 5,
        },
      ],
      'p',
    ).items;
    expect(normalizeEpic(epic!, EPIC_CONTEXT)).toMatchObject({
      kind: 'epic',
      project: 'gitlab-org',
      reference: 'gitlab-org&12',
      labels: [
        expect.objectContaining({ name: 'devops::plan', color: '#e44d2a' }),
        { name: 'type::feature', color: null, textColor: null },
      ],
      type: 'feature',
      stage: 'plan',
      upvotes: 3,
      comments: 5,
      weight: null,
      assignees: [],
    });
  });

  it('falls back to the web URL, under the instance sub-path', () => {
    const [epic] = parseEpicPage([MINIMAL_EPIC], 'p').items;
    expect(normalizeEpic(epic!, EPIC_CONTEXT)).toMatchObject({
      project: 'gitlab-org/charts',
      reference: 'gitlab-org/charts&12',
      url: MINIMAL_EPIC.web_url,
      labels: [],
      upvotes: 0,
      comments: 0,
    });
  });
});
