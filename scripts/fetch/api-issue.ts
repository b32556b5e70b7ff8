import { z } from 'zod';
import { USERNAME } from '../../src/lib/snapshot';
import { apiCount, apiItemBaseSchema, apiLabelSchema, apiWebUrl, parseListPage, type ParsedPage } from './api-page';

/** The part of GitLab's UserBasic entity (an assignee) the fetch relies on: a username its profile link is made of. */
const apiUserSchema = z.object({ username: z.string().regex(USERNAME, 'must be a GitLab username') });

/** The part of GitLab's issue entity (GET /groups/:id/issues) that the fetch relies on. */
const apiIssueSchema = apiItemBaseSchema.extend({
  project_id: z.number().int().positive(),
  /** The work item type, ISSUE, INCIDENT, TEST_CASE, REQUIREMENT, TASK, TICKET …; older GitLab sends only issue_type. */
  type: z.string().nullish(),
  issue_type: z.string().nullish(),
  labels: z.array(apiLabelSchema),
  // A group's or a project's milestone: both have a title and a due date (YYYY-MM-DD or null).
  milestone: z.object({ title: z.string().min(1), due_date: z.string().nullish() }).nullish(),
  assignees: z.array(apiUserSchema).nullish(),
  /** The first assignee, which older GitLab sends alone. */
  assignee: apiUserSchema.nullish(),
  /** Merge requests that close the issue when merged, in ANY state: open ones are asked for separately. */
  merge_requests_count: apiCount,
  weight: z.number().int().nonnegative().nullish(),
  references: z.object({ full: z.string().regex(/^[^#\s]+#\d+$/, 'must look like group/project#123') }).nullish(),
  /** The parent epic (paid tiers); its url may be a path on the instance. */
  epic: z.object({ title: z.string(), url: z.string().min(1) }).nullish(),
  health_status: z.string().nullish(),
  discussion_locked: z.boolean().nullish(),
});

export type ApiIssue = z.infer<typeof apiIssueSchema>;

/** The work item type GitLab gives an issue, upper case; an item of an old GitLab that names none is an issue. */
export function workItemType(issue: Pick<ApiIssue, 'type' | 'issue_type'>): string {
  return (issue.type ?? issue.issue_type ?? 'issue').toUpperCase();
}

/** Validates one page of GET /groups/:id/issues item by item (see parseListPage). */
export function parseIssuePage(body: unknown, where: string): ParsedPage<ApiIssue> {
  return parseListPage(apiIssueSchema, 'issue', body, where);
}

/** The part of GitLab's MergeRequestBasic entity (GET /projects/:id/issues/:iid/closed_by) the fetch relies on. */
const apiMergeRequestSchema = z.object({
  id: z.number().int().positive(),
  state: z.string(),
  web_url: apiWebUrl,
  references: z.object({ full: z.string().regex(/^[^!\s]+![0-9]+$/, 'must look like group/project!123') }),
});

export type ApiMergeRequest = z.infer<typeof apiMergeRequestSchema>;

/** Validates one page of an issue's merge requests item by item (see parseListPage). */
export function parseMergeRequestPage(body: unknown, where: string): ParsedPage<ApiMergeRequest> {
  return parseListPage(apiMergeRequestSchema, 'merge request', body, where);
}
