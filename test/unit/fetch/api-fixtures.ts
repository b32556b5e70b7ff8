/** An epic as GitLab's epics API sends it with every optional field left out (before validation). */
export const MINIMAL_EPIC = {
  id: 41,
  iid: 12,
  title: 'Epic',
  state: 'opened',
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-02T00:00:00Z',
  web_url: 'https://example.com/gitlab/groups/gitlab-org/charts/-/epics/12',
};
