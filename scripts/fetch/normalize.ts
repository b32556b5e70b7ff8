import { labelColors, scopedValue } from '../../src/lib/labels';
import type { SnapshotLabel } from '../../src/lib/snapshot';
import type { ApiIssue } from './api-issue';
import type { DescriptionDigest } from './digest';
import type { FetchedIssue } from './first-seen';

/** The project path and reference of an issue, from `references.full` or, failing that, its web URL. */
function projectOf(issue: ApiIssue, gitlabUrl: string): { project: string; reference: string } {
  const full = issue.references?.full;
  if (full) return { project: full.slice(0, full.lastIndexOf('#')), reference: full };
  // https://example.com/gitlab/gitlab-org/gitlab/-/issues/123 → gitlab-org/gitlab: drop the instance's own
  // sub-path, then take the segments before "/-/".
  const instancePath = new URL(gitlabUrl).pathname.replace(/\/+$/, '');
  let path = new URL(issue.web_url).pathname;
  if (instancePath && path.startsWith(`${instancePath}/`)) path = path.slice(instancePath.length);
  const marker = path.indexOf('/-/');
  const segments = (marker >= 0 ? path.slice(0, marker) : path).split('/').filter(Boolean);
  const project = segments.map(decodeURIComponent).join('/');
  return { project, reference: `${project}#${issue.iid}` };
}

function labelsOf(issue: ApiIssue): SnapshotLabel[] {
  const seen = new Set<string>();
  const labels: SnapshotLabel[] = [];
  for (const label of issue.labels) {
    const name = typeof label === 'string' ? label : label.name;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const colors = typeof label === 'string' ? labelColors(null, null) : labelColors(label.color, label.text_color);
    labels.push({ name, ...colors });
  }
  return labels.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
  const labels = labelsOf(issue);
  const names = labels.map((label) => label.name);
  const { project, reference } = projectOf(issue, gitlabUrl);
  return {
    kind: 'issue',
    id: issue.id,
    iid: issue.iid,
    project,
    reference,
    url: issue.web_url,
    title: issue.title,
    excerpt: description.excerpt,
    labels,
    curated: [...curated],
    type: scopedValue(names, 'type'),
    stage: scopedValue(names, 'devops'),
    group: scopedValue(names, 'group'),
    weight: issue.weight ?? null,
    milestone: issue.milestone?.title ?? null,
    assignees: issue.assignees?.length ?? (issue.assignee ? 1 : 0),
    mergeRequests: issue.merge_requests_count ?? 0,
    upvotes: issue.upvotes ?? 0,
    comments: issue.user_notes_count ?? 0,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    hasImplementationPlan: description.hasImplementationPlan,
  };
}

/** Whether the fetch may list this issue: open and not confidential, whatever the query asked for. */
export function isPublicAndOpen(issue: ApiIssue): boolean {
  return issue.state === 'opened' && issue.confidential !== true;
}
