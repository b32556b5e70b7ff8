import { labelColors, scopedValue } from '../../src/lib/labels';
import type { SnapshotLabel } from '../../src/lib/snapshot';
import type { ApiEpic } from './api-epic';
import type { ApiIssue } from './api-issue';
import type { DescriptionDigest } from './digest';
import type { FetchedIssue } from './first-seen';

/** An item of either list endpoint, as validated. */
export type ApiItem = ApiIssue | ApiEpic;

/**
 * Where an item lives and its reference: from `references.full` (gitlab-org/gitlab#123, gitlab-org&12) or, failing
 * that, its web URL. `marker` is what precedes the iid in a reference: '#' for issues, '&' for epics.
 */
function locate(item: ApiItem, gitlabUrl: string, marker: '#' | '&'): { project: string; reference: string } {
  const full = item.references?.full;
  if (full) return { project: full.slice(0, full.lastIndexOf(marker)), reference: full };
  // https://example.com/gitlab/gitlab-org/gitlab/-/issues/123 → gitlab-org/gitlab, and
  // https://example.com/gitlab/groups/gitlab-org/-/epics/12 → gitlab-org: drop the instance's own sub-path, take
  // the segments before "/-/", then the "groups/" of group pages (a reserved name, never a top-level group's).
  const instancePath = new URL(gitlabUrl).pathname.replace(/\/+$/, '');
  let path = new URL(item.web_url).pathname;
  if (instancePath && path.startsWith(`${instancePath}/`)) path = path.slice(instancePath.length);
  const end = path.indexOf('/-/');
  const segments = (end >= 0 ? path.slice(0, end) : path).split('/').filter(Boolean).map(decodeURIComponent);
  if (segments[0] === 'groups') segments.shift();
  const project = segments.join('/');
  return { project, reference: `${project}${marker}${item.iid}` };
}

function labelsOf(item: ApiItem): SnapshotLabel[] {
  const seen = new Set<string>();
  const labels: SnapshotLabel[] = [];
  for (const label of item.labels ?? []) {
    const name = typeof label === 'string' ? label : label.name;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const colors = typeof label === 'string' ? labelColors(null, null) : labelColors(label.color, label.text_color);
    labels.push({ name, ...colors });
  }
  return labels.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What issues and epics have alike. */
function commonFields(
  item: ApiItem,
  curated: readonly string[],
  gitlabUrl: string,
  description: DescriptionDigest,
  marker: '#' | '&',
) {
  const labels = labelsOf(item);
  const names = labels.map((label) => label.name);
  return {
    id: item.id,
    iid: item.iid,
    ...locate(item, gitlabUrl, marker),
    url: item.web_url,
    title: item.title,
    excerpt: description.excerpt,
    labels,
    curated: [...curated],
    type: scopedValue(names, 'type'),
    stage: scopedValue(names, 'devops'),
    group: scopedValue(names, 'group'),
    upvotes: item.upvotes ?? 0,
    comments: item.user_notes_count ?? 0,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    hasImplementationPlan: description.hasImplementationPlan,
  };
}

/**
 * Turns a validated API issue into a snapshot issue; `curated` lists the curated labels it was found by, and
 * `description` is what its description says (see digest.ts).
 */
export function normalizeIssue(
  issue: ApiIssue,
  curated: readonly string[],
  gitlabUrl: string,
  description: DescriptionDigest,
): FetchedIssue {
  return {
    kind: 'issue',
    ...commonFields(issue, curated, gitlabUrl, description, '#'),
    weight: issue.weight ?? null,
    milestone: issue.milestone?.title ?? null,
    assignees: issue.assignees?.length ?? (issue.assignee ? 1 : 0),
    mergeRequests: issue.merge_requests_count ?? 0,
  };
}

/** Turns a validated API epic into a snapshot item of kind 'epic', its group's path as `project`. */
export function normalizeEpic(
  epic: ApiEpic,
  curated: readonly string[],
  gitlabUrl: string,
  description: DescriptionDigest,
): FetchedIssue {
  return {
    kind: 'epic',
    ...commonFields(epic, curated, gitlabUrl, description, '&'),
    // GitLab's epics have none of these.
    weight: null,
    milestone: null,
    assignees: 0,
    mergeRequests: 0,
  };
}

/** Whether the fetch may list this item: open and not confidential, whatever the query asked for. */
export function isPublicAndOpen(item: Pick<ApiItem, 'state' | 'confidential'>): boolean {
  return item.state === 'opened' && item.confidential !== true;
}
