import { z } from 'zod';
import { apiCount, apiItemBaseSchema, apiLabelSchema, parseListPage } from './api-page';

/** The part of GitLab's issue entity (GET /groups/:id/issues) that the fetch relies on. */
export const apiIssueSchema = apiItemBaseSchema.extend({
  project_id: z.number().int().positive(),
  labels: z.array(apiLabelSchema),
  milestone: z.object({ title: z.string() }).nullish(),
  assignees: z.array(z.unknown()).nullish(),
  assignee: z.unknown().nullish(),
  merge_requests_count: apiCount,
  weight: z.number().int().nonnegative().nullish(),
  references: z.object({ full: z.string().regex(/^[^#\s]+#\d+$/, 'must look like group/project#123') }).nullish(),
});

export type ApiIssue = z.infer<typeof apiIssueSchema>;

/** Validates one page of GET /groups/:id/issues, naming the issue id and the field of the first problem. */
export function parseIssuePage(body: unknown, where: string): ApiIssue[] {
  return parseListPage(apiIssueSchema, 'issue', body, where);
}
