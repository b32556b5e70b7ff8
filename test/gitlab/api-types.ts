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

/** A group milestone as embedded in an issue. */
export interface ApiMilestone {
  id: number;
  iid: number;
  group_id: number;
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

/** One issue of a list response, before the server turns `labels` into names when details are not asked for. */
export interface ApiIssue {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: ApiUser | null;
  labels: ApiLabel[];
  milestone: ApiMilestone | null;
  assignees: ApiUser[];
  author: ApiUser;
  type: 'ISSUE';
  assignee: ApiUser | null;
  user_notes_count: number;
  merge_requests_count: number;
  upvotes: number;
  downvotes: number;
  due_date: string | null;
  confidential: boolean;
  discussion_locked: boolean | null;
  issue_type: 'issue';
  web_url: string;
  time_stats: {
    time_estimate: number;
    total_time_spent: number;
    human_time_estimate: string | null;
    human_total_time_spent: string | null;
  };
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
  epic: null;
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
  confidential: boolean;
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
