import type { Issue } from '../../src/lib/model';

/** A site issue for tests: plain defaults (no labels, no weight, nobody on it), overridden by `patch`. */
export function makeIssue(id: number, patch: Partial<Issue> = {}): Issue {
  const project = patch.project ?? 'gitlab-org/gitlab';
  const iid = patch.iid ?? id;
  return {
    kind: 'issue',
    id,
    iid,
    project,
    reference: `${project}#${iid}`,
    url: `https://gitlab.com/${project}/-/issues/${iid}`,
    title: `Issue ${id}`,
    excerpt: '',
    labels: [],
    curated: ['co-create'],
    type: null,
    stage: null,
    group: null,
    areas: [],
    weight: null,
    milestone: null,
    assignees: 0,
    mergeRequests: 0,
    upvotes: 0,
    comments: 0,
    createdAt: 0,
    updatedAt: 0,
    hasImplementationPlan: false,
    firstSeenAt: 0,
    isNew: false,
    ...patch,
  };
}
