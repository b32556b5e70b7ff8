import { fitsIn, truncateTo } from '../../src/lib/text/characters';
import { stripInvisibleControls } from '../../src/lib/text/invisible';
import { labelColors } from '../../src/lib/labels/colors';
import { parseScopedLabel, scopedFields } from '../../src/lib/labels/scoped';
import {
  ASSIGNEES_MAX,
  HEALTH_STATUSES,
  LABEL_NAME_MAX_LENGTH,
  LABELS_MAX,
  TITLE_MAX_LENGTH,
  type SnapshotIssue,
  type SnapshotLabel,
} from '../../src/lib/snapshot';
import type { ApiEpic } from './api-epic';
import { workItemType, type ApiIssue } from './api-issue';
import type { DescriptionDigest } from './digest';
import type { FetchedIssue } from './first-seen';

/** An item of either list endpoint, as validated. */
export type ApiItem = ApiIssue | ApiEpic;

/**
 * Where an item lives and its reference: from `references.full` (gitlab-org/gitlab#123, gitlab-org&12) or, failing
 * that, its web URL. `marker` is what precedes the iid in a reference: '#' for issues, '&' for epics. Bidi controls
 * and zero-width characters are stripped: no real path has them, and they would let one project pass for another.
 */
function locate(item: ApiItem, gitlabUrl: string, marker: '#' | '&'): { project: string; reference: string } {
  const full = item.references?.full && stripInvisibleControls(item.references.full);
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
  const project = stripInvisibleControls(segments.join('/'));
  return { project, reference: `${project}${marker}${item.iid}` };
}

function labelsOf(item: ApiItem): SnapshotLabel[] {
  const seen = new Set<string>();
  const labels: SnapshotLabel[] = [];
  for (const label of item.labels ?? []) {
    const name = typeof label === 'string' ? label : label.name;
    // GitLab allows no longer name, so only hostile data has one; it is left out rather than fail the run.
    if (!name || seen.has(name) || !fitsIn(name, LABEL_NAME_MAX_LENGTH)) continue;
    seen.add(name);
    const colors = typeof label === 'string' ? labelColors(null, null) : labelColors(label.color, label.text_color);
    labels.push({ name, ...colors });
  }
  // Real items carry a handful; past the cap only hostile data, of which the first (by name) are kept.
  return labels.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, LABELS_MAX);
}

/** What the fetch knows of an item besides the item itself. */
export interface NormalizeContext {
  /** The curated labels it was found by. */
  curated: readonly string[];
  /** The instance's base URL, to read project paths from web URLs and resolve relative links. */
  gitlabUrl: string;
  /** What its description says (see digest.ts). */
  description: DescriptionDigest;
  /** The open merge requests that close it (issues and tasks; see merge-requests.ts). */
  openMergeRequests: SnapshotIssue['openMergeRequests'];
}

/** What issues and epics have alike. */
function commonFields(item: ApiItem, context: NormalizeContext, marker: '#' | '&') {
  const { curated, gitlabUrl, description } = context;
  const labels = labelsOf(item);
  const names = labels.map((label) => label.name);
  return {
    id: item.id,
    iid: item.iid,
    ...locate(item, gitlabUrl, marker),
    url: item.web_url,
    // GitLab's limit too, so only hostile data is shortened; the run goes on.
    title: truncateTo(item.title, TITLE_MAX_LENGTH),
    excerpt: description.excerpt,
    labels,
    curated: [...curated],
    ...scopedFields(names.map(parseScopedLabel)),
    upvotes: item.upvotes ?? 0,
    comments: item.user_notes_count ?? 0,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    hasImplementationPlan: description.hasImplementationPlan,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A link GitLab may give as a path on the instance (/groups/x/-/epics/1) or as a URL; null when it is neither. */
function absoluteUrl(link: string, gitlabUrl: string): string | null {
  try {
    const url = new URL(link, new URL(gitlabUrl).origin);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function parentEpicOf(issue: ApiIssue, gitlabUrl: string): SnapshotIssue['parentEpic'] {
  const url = issue.epic ? absoluteUrl(issue.epic.url, gitlabUrl) : null;
  return issue.epic && url ? { title: issue.epic.title, url } : null;
}

function healthStatusOf(value: string | null | undefined): SnapshotIssue['healthStatus'] {
  return HEALTH_STATUSES.find((status) => status === value) ?? null;
}

/** Usernames, each once: GitLab's `assignees`, or the older single `assignee`; past ASSIGNEES_MAX only hostile data. */
function assigneesOf(issue: ApiIssue): string[] {
  const users = issue.assignees ?? (issue.assignee ? [issue.assignee] : []);
  return [...new Set(users.map((user) => user.username))].slice(0, ASSIGNEES_MAX);
}

/** Turns a validated API issue (or task) into a snapshot item. */
export function normalizeIssue(issue: ApiIssue, context: NormalizeContext): FetchedIssue {
  const milestone = issue.milestone;
  return {
    kind: workItemType(issue) === 'TASK' ? 'task' : 'issue',
    workItemId: null,
    ...commonFields(issue, context, '#'),
    weight: issue.weight ?? null,
    milestone: milestone ? { title: milestone.title, dueDate: DAY.test(milestone.due_date ?? '') ? milestone.due_date! : null } : null,
    parentEpic: parentEpicOf(issue, context.gitlabUrl),
    healthStatus: healthStatusOf(issue.health_status),
    discussionLocked: issue.discussion_locked === true,
    assignees: assigneesOf(issue),
    mergeRequests: context.openMergeRequests.length,
    openMergeRequests: [...context.openMergeRequests],
  };
}

/** Turns a validated API epic into a snapshot item of kind 'epic', its group's path as `project`. */
export function normalizeEpic(epic: ApiEpic, context: NormalizeContext): FetchedIssue {
  return {
    kind: 'epic',
    workItemId: epic.work_item_id ?? null,
    ...commonFields(epic, context, '&'),
    // GitLab's epics have none of these.
    weight: null,
    milestone: null,
    parentEpic: null,
    healthStatus: null,
    discussionLocked: false,
    assignees: [],
    mergeRequests: 0,
    openMergeRequests: [],
  };
}

/** Whether the fetch may list this item: open and not confidential, whatever the query asked for. */
export function isPublicAndOpen(item: Pick<ApiItem, 'state' | 'confidential'>): boolean {
  return item.state === 'opened' && item.confidential !== true;
}
