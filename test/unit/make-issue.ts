import { toIssue, type Issue } from '../../src/lib/model';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotIssue } from '../../src/lib/snapshot';

/** A site issue for tests: plain defaults (no labels, no weight, nobody on it, dates at 0), overridden by `patch`. */
export function makeIssue(id: number, patch: Partial<Issue> = {}): Issue {
  const base = toIssue(makeSnapshotIssue(id, { project: patch.project ?? 'gitlab-org/gitlab', iid: patch.iid ?? id }), null);
  return { ...base, createdAt: 0, updatedAt: 0, firstSeenAt: 0, ...patch };
}

/** A snapshot issue for tests: an open co-create issue with plain defaults, overridden by `patch`. */
export function makeSnapshotIssue(id: number, patch: Partial<SnapshotIssue> = {}): SnapshotIssue {
  const project = patch.project ?? 'gitlab-org/gitlab';
  const iid = patch.iid ?? id;
  return {
    kind: 'issue',
    id,
    workItemId: null,
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
    workflow: null,
    weight: null,
    milestone: null,
    parentEpic: null,
    healthStatus: null,
    discussionLocked: false,
    assignees: [],
    mergeRequests: 0,
    openMergeRequests: [],
    upvotes: 0,
    comments: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    hasImplementationPlan: false,
    firstSeenAt: '2025-01-01T00:00:00.000Z',
    ...patch,
  };
}

/** A snapshot of gitlab.com's gitlab-org for tests, generated 2026-11-01, listing `issues` found by `labels`. */
export function makeSnapshot(issues: SnapshotIssue[], labels: string[] = ['co-create']): Snapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: '2026-11-01T00:00:00.000Z',
    previousGeneratedAt: null,
    source: { url: 'https://gitlab.com', group: 'gitlab-org', labels },
    groupContacts: [],
    issues,
    departed: [],
  };
}
