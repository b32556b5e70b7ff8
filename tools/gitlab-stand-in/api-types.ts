// The shapes GitLab's REST v4 returns for GET /groups/:id/issues and /epics (with_labels_details=true), snake_case as
// gitbeaker hands them over with camelize off. Kept apart so the taxonomy and the generator can share them.

/** A label as GitLab's LabelBasic entity renders it (with_labels_details=true). */
export interface ApiLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
  description_html: string;
  text_color: string;
  archived: boolean;
}

/** A user as GitLab's UserBasic entity renders it (author, assignees, closed_by). */
export interface ApiUser {
  id: number;
  username: string;
  name: string;
  state: 'active' | 'blocked';
  locked: boolean;
  avatar_url: string;
  web_url: string;
}

/** A milestone as embedded in an issue: a group's (group_id) or a project's (project_id). */
export type ApiMilestone = ApiMilestoneFields & ({ group_id: number } | { project_id: number });

interface ApiMilestoneFields {
  id: number;
  iid: number;
  title: string;
  description: string;
  state: 'active' | 'closed';
  created_at: string;
  updated_at: string;
  due_date: string | null;
  start_date: string | null;
  expired: boolean;
  web_url: string;
}

/** IssuableTimeStats, as issues and merge requests embed it. */
export interface ApiTimeStats {
  time_estimate: number;
  total_time_spent: number;
  human_time_estimate: string | null;
  human_total_time_spent: string | null;
}

/** The work item types GET /groups/:id/issues lists unless told `issue_type=`; `issue_type` is the same in lower case. */
export type ApiWorkItemType = 'ISSUE' | 'INCIDENT' | 'TEST_CASE' | 'REQUIREMENT' | 'TASK' | 'TICKET';

/** An issue's parent epic as the issue entity embeds it (paid tiers). */
export interface ApiEpicReference {
  id: number;
  iid: number;
  title: string;
  url: string;
  group_id: number;
  human_readable_end_date: string | null;
  human_readable_timestamp: string | null;
}

/** The fields GitLab's IssuableEntity renders for issues and merge requests alike. */
interface ApiIssuable<State extends string> {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string | null;
  state: State;
  created_at: string;
  updated_at: string;
}

/** One issue of a list response, before the server turns `labels` into names when details are not asked for. */
export interface ApiIssue extends ApiIssuable<'opened' | 'closed'> {
  closed_at: string | null;
  closed_by: ApiUser | null;
  labels: ApiLabel[];
  milestone: ApiMilestone | null;
  assignees: ApiUser[];
  author: ApiUser;
  type: ApiWorkItemType;
  assignee: ApiUser | null;
  user_notes_count: number;
  merge_requests_count: number;
  upvotes: number;
  downvotes: number;
  due_date: string | null;
  confidential: boolean;
  discussion_locked: boolean | null;
  issue_type: Lowercase<ApiWorkItemType>;
  web_url: string;
  time_stats: ApiTimeStats;
  task_completion_status: { count: number; completed_count: number };
  weight: number | null;
  blocking_issues_count: number;
  has_tasks: boolean;
  /** Present only when has_tasks is true, as in GitLab's entity. */
  task_status?: string;
  _links: {
    self: string;
    notes: string;
    award_emoji: string;
    project: string;
    closed_as_duplicate_of: string | null;
  };
  references: { short: string; relative: string; full: string };
  severity: 'UNKNOWN';
  moved_to_id: number | null;
  imported: boolean;
  imported_from: 'none';
  service_desk_reply_to: string | null;
  epic_iid: number | null;
  epic: ApiEpicReference | null;
  iteration: null;
  health_status: 'on_track' | 'needs_attention' | 'at_risk' | null;
}

/** One epic of GET /groups/:id/epics (with_labels_details=true), as GitLab's deprecated epics API renders it. */
export interface ApiEpic {
  id: number;
  work_item_id: number;
  iid: number;
  color: string;
  text_color: string;
  group_id: number;
  parent_id: number | null;
  parent_iid: number | null;
  imported: boolean;
  imported_from: 'none';
  title: string;
  description: string | null;
  /** A boolean in GitLab's entity; GitLab's docs and gitbeaker's types show the string "false". */
  confidential: boolean | 'true' | 'false';
  author: ApiUser;
  start_date: string | null;
  due_date: string | null;
  state: 'opened' | 'closed';
  web_edit_url: string;
  web_url: string;
  references: { short: string; relative: string; full: string };
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  labels: ApiLabel[];
  upvotes: number;
  downvotes: number;
  _links: { self: string; epic_issues: string; group: string; parent: string | null };
}

/** A merge request's state as GitLab's API names it. */
export type ApiMergeRequestState = 'opened' | 'closed' | 'merged' | 'locked';

/** A merge request as GitLab's MergeRequestBasic entity renders it (closed_by, related_merge_requests). */
export interface ApiMergeRequest extends ApiIssuable<ApiMergeRequestState> {
  merged_by: ApiUser | null;
  merge_user: ApiUser | null;
  merged_at: string | null;
  closed_by: ApiUser | null;
  closed_at: string | null;
  target_branch: string;
  source_branch: string;
  user_notes_count: number;
  upvotes: number;
  downvotes: number;
  author: ApiUser;
  assignees: ApiUser[];
  assignee: ApiUser | null;
  reviewers: ApiUser[];
  source_project_id: number;
  target_project_id: number;
  labels: string[];
  draft: boolean;
  imported: boolean;
  imported_from: 'none';
  work_in_progress: boolean;
  milestone: null;
  merge_when_pipeline_succeeds: boolean;
  merge_status: string;
  detailed_merge_status: string;
  merge_after: string | null;
  sha: string;
  merge_commit_sha: string | null;
  squash_commit_sha: string | null;
  discussion_locked: boolean | null;
  should_remove_source_branch: boolean | null;
  force_remove_source_branch: boolean;
  prepared_at: string | null;
  reference: string;
  references: { short: string; relative: string; full: string };
  web_url: string;
  time_stats: ApiTimeStats;
  squash: boolean;
  squash_on_merge: boolean;
  task_completion_status: { count: number; completed_count: number };
  has_conflicts: boolean;
  blocking_discussions_resolved: boolean;
  approvals_before_merge: number | null;
}
