import type { ApiIssue, ApiMergeRequest, ApiMergeRequestState, ApiUser } from './api-types';
import { createRandom, type Random } from './prng';
import { makeUsers } from './taxonomy';

// The merge requests around an issue, made up deterministically from the issue itself: those that close it when
// merged (GET …/closed_by; their number is the issue's merge_requests_count, whatever their state, as GitLab counts)
// and those that only mention it (GET …/related_merge_requests lists both).

/** The merge requests of one issue. */
export interface IssueMergeRequests {
  /** MRs that close the issue when merged, in any state: as many as the issue's merge_requests_count. */
  closing: ApiMergeRequest[];
  /** MRs that only mention the issue. */
  mentioning: ApiMergeRequest[];
}

// Of the MRs that close an open issue: most are open or abandoned; a merged one means the issue was reopened.
const STATES: readonly (readonly [ApiMergeRequestState, number])[] = [
  ['opened', 45],
  ['closed', 35],
  ['merged', 15],
  ['locked', 5],
];

/** Where an issue's project lives: the instance's base URL and the project's full path, read off the issue. */
function home(issue: Pick<ApiIssue, 'web_url' | 'references'>): { baseUrl: string; project: string } {
  const project = issue.references.full.slice(0, issue.references.full.lastIndexOf('#'));
  const at = issue.web_url.indexOf(`/${project}/-/`);
  return { baseUrl: at >= 0 ? issue.web_url.slice(0, at) : new URL(issue.web_url).origin, project };
}

function mergeRequest(
  issue: ApiIssue,
  random: Random,
  users: readonly ApiUser[],
  state: ApiMergeRequestState,
  iid: number,
): ApiMergeRequest {
  const { baseUrl, project } = home(issue);
  const created = Date.parse(issue.created_at) + random.int(1, 60) * 86_400_000;
  const updated = Math.max(created, Date.parse(issue.updated_at) - random.int(0, 30) * 86_400_000);
  const at = (ms: number) => new Date(ms).toISOString();
  const author = { ...random.pick(users) };
  const done = state === 'merged' || state === 'closed';
  return {
    id: 300_000_000 + (issue.id % 1_000_000) * 16 + (iid % 16),
    iid,
    project_id: issue.project_id,
    title: `Resolve "${issue.title.slice(0, 80)}"`,
    description: `Closes #${issue.iid}`,
    state,
    created_at: at(created),
    updated_at: at(updated),
    merged_by: state === 'merged' ? author : null,
    merge_user: state === 'merged' ? author : null,
    merged_at: state === 'merged' ? at(updated) : null,
    closed_by: state === 'closed' ? author : null,
    closed_at: state === 'closed' ? at(updated) : null,
    target_branch: 'master',
    source_branch: `${issue.iid}-fix`,
    user_notes_count: random.skewed(30),
    upvotes: random.skewed(5),
    downvotes: 0,
    author,
    assignees: [author],
    assignee: author,
    reviewers: [],
    source_project_id: issue.project_id,
    target_project_id: issue.project_id,
    labels: [],
    draft: state === 'opened' && random.chance(0.3),
    imported: false,
    imported_from: 'none',
    work_in_progress: false,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: done ? 'unchecked' : 'can_be_merged',
    detailed_merge_status: done ? 'not_open' : 'mergeable',
    merge_after: null,
    sha: random.int(0, 0xffffff).toString(16).padStart(6, '0').repeat(7).slice(0, 40),
    merge_commit_sha: null,
    squash_commit_sha: null,
    discussion_locked: null,
    should_remove_source_branch: null,
    force_remove_source_branch: true,
    prepared_at: at(created),
    reference: `!${iid}`,
    references: { short: `!${iid}`, relative: `!${iid}`, full: `${project}!${iid}` },
    web_url: `${baseUrl}/${project}/-/merge_requests/${iid}`,
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
    squash: false,
    squash_on_merge: false,
    task_completion_status: { count: 0, completed_count: 0 },
    has_conflicts: false,
    blocking_discussions_resolved: true,
    approvals_before_merge: null,
  };
}

/** The merge requests of a generated issue: the same issue always gets the same ones. */
export function mergeRequestsOf(issue: ApiIssue): IssueMergeRequests {
  const random = createRandom(issue.id * 31 + 17);
  const users = makeUsers(home(issue).baseUrl);
  // MR iids in a project run far ahead of issue iids; one issue's MRs stay close together.
  let iid = 100_000 + (issue.iid % 90_000) * 3;
  const next = (state: ApiMergeRequestState) => mergeRequest(issue, random, users, state, (iid += 1));
  const closing = Array.from({ length: issue.merge_requests_count }, () => next(random.weighted(STATES)));
  const mentioning = Array.from({ length: random.skewed(2) }, () => next(random.weighted(STATES)));
  return { closing, mentioning };
}

/** An issue with exactly these closing merge requests (hand-made tests): merge_requests_count follows them. */
export function withClosingMergeRequests(
  issue: ApiIssue,
  states: readonly ApiMergeRequestState[],
): { issue: ApiIssue; mergeRequests: IssueMergeRequests } {
  const random = createRandom(issue.id);
  const users = makeUsers(home(issue).baseUrl);
  const closing = states.map((state, n) => mergeRequest(issue, random, users, state, 500_000 + n));
  return { issue: { ...issue, merge_requests_count: closing.length }, mergeRequests: { closing, mentioning: [] } };
}
