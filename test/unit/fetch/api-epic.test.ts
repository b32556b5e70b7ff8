import { describe, expect, it } from 'vitest';
import { parseEpicPage } from '../../../scripts/fetch/api-epic';
import { createDigester } from '../../../scripts/fetch/digest';
import { normalizeEpic } from '../../../scripts/fetch/normalize';

const minimal = {
  id: 41,
  iid: 12,
  title: 'Epic',
  state: 'opened',
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-02T00:00:00Z',
  web_url: 'https://example.com/gitlab/groups/gitlab-org/charts/-/epics/12',
};
const DIGEST = { excerpt: '', hasImplementationPlan: false };

describe('parseEpicPage', () => {
  it('accepts an epic with every optional field missing or null', () => {
    const nulls = { ...minimal, id: 42, labels: null, description: null, confidential: null, references: null };
    expect(parseEpicPage([minimal, nulls], 'p').items).toHaveLength(2);
  });

  it('reads confidential as GitLab’s docs show it, the string "false" or "true"', () => {
    const page = parseEpicPage([{ ...minimal, confidential: 'false' }, { ...minimal, id: 43, confidential: 'true' }], 'p');
    expect(page.items.map((epic) => epic.confidential)).toEqual([false, true]);
    expect(parseEpicPage([{ ...minimal, confidential: 'no' }], 'p').invalid).toHaveLength(1);
  });

  it('leaves out an epic that fails, naming it and the field of its problem', () => {
    const page = parseEpicPage([{ ...minimal, references: { full: 'gitlab-org#12' } }, { ...minimal, id: 44 }], 'GET x page 1');
    expect(page.items.map((epic) => epic.id)).toEqual([44]);
    expect(page.invalid).toEqual(['GET x page 1: epic id 41: field references.full: must look like group&12']);
    expect(() => parseEpicPage({ message: '403 Forbidden' }, 'p')).toThrow('p: expected a list of epics, got object');
  });
});

describe('normalizeEpic', () => {
  it('reads the group from references.full, labels given as names or with details', () => {
    const [epic] = parseEpicPage(
      [
        {
          ...minimal,
          references: { full: 'gitlab-org&12' },
          labels: ['type::feature', { name: 'devops::plan', color: '#E44D2A', text_color: '#FFFFFF' }],
          upvotes: 3,
          user_notes_count: 5,
        },
      ],
      'p',
    ).items;
    expect(normalizeEpic(epic!, { curated: ['co-create'], gitlabUrl: 'https://example.com/gitlab', description: DIGEST, openMergeRequests: [] })).toMatchObject({
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
      assignees: 0,
    });
  });

  it('falls back to the web URL, under the instance sub-path', () => {
    const [epic] = parseEpicPage([minimal], 'p').items;
    expect(normalizeEpic(epic!, { curated: ['co-create'], gitlabUrl: 'https://example.com/gitlab', description: DIGEST, openMergeRequests: [] })).toMatchObject({
      project: 'gitlab-org/charts',
      reference: 'gitlab-org/charts&12',
      url: minimal.web_url,
      labels: [],
      upvotes: 0,
      comments: 0,
    });
  });
});

describe('createDigester', () => {
  it('keeps an epic and an issue with the same id and updated_at apart', () => {
    const digester = createDigester();
    const when = '2025-01-02T00:00:00Z';
    const issue = digester.digest('issue', { id: 1, updated_at: when, description: 'The issue.' });
    const epic = digester.digest('epic', { id: 1, updated_at: when, description: 'The epic.' });
    expect([issue.excerpt, epic.excerpt, digester.parsed]).toEqual(['The issue.', 'The epic.', 2]);
  });
});
