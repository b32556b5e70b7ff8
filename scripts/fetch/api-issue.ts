import { z } from 'zod';
import { apiCount, apiLabelSchema, apiTimestamp, apiWebUrl, parseListPage } from './api-page';

/** The part of GitLab's issue entity (GET /groups/:id/issues) that the fetch relies on. */
export const apiIssueSchema = z.object({
  id: z.number().int().positive(),
  iid: z.number().int().positive(),
  project_id: z.number().int().positive(),
  title: z.string(),
  description: z.string().nullish(),
  state: z.string(),
  confidential: z.boolean().nullish(),
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
  labels: z.array(apiLabelSchema),
  milestone: z.object({ title: z.string() }).nullish(),
  assignees: z.array(z.unknown()).nullish(),
  assignee: z.unknown().nullish(),
  merge_requests_count: apiCount,
  user_notes_count: apiCount,
  upvotes: apiCount,
  weight: z.number().int().nonnegative().nullish(),
  web_url: apiWebUrl,
  references: z.object({ full: z.string().regex(/^[^#\s]+#\d+$/, 'must look like group/project#123') }).nullish(),
});

export type ApiIssue = z.infer<typeof apiIssueSchema>;

/** Validates one page of GET /groups/:id/issues, naming the issue id and the field of the first problem. */
export function parseIssuePage(body: unknown, where: string): ApiIssue[] {
  return parseListPage(apiIssueSchema, 'issue', body, where);
}
