import { z } from 'zod';
import { apiCount, apiLabelSchema, apiTimestamp, apiWebUrl, parseListPage } from './api-page';

/**
 * The part of GitLab's epic entity (GET /groups/:id/epics, Premium/Ultimate, deprecated but served) that the fetch
 * relies on. Epics have no weight, milestone, assignees or merge requests, and GitLab sends no comment count.
 */
export const apiEpicSchema = z.object({
  id: z.number().int().positive(),
  iid: z.number().int().positive(),
  title: z.string(),
  description: z.string().nullish(),
  state: z.string(),
  confidential: z.boolean().nullish(),
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
  labels: z.array(apiLabelSchema).nullish(),
  user_notes_count: apiCount,
  upvotes: apiCount,
  web_url: apiWebUrl,
  references: z.object({ full: z.string().regex(/^[^&#\s]+&\d+$/, 'must look like group&12') }).nullish(),
});

export type ApiEpic = z.infer<typeof apiEpicSchema>;

/** Validates one page of GET /groups/:id/epics, naming the epic id and the field of the first problem. */
export function parseEpicPage(body: unknown, where: string): ApiEpic[] {
  return parseListPage(apiEpicSchema, 'epic', body, where);
}
