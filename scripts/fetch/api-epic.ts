import { z } from 'zod';
import { apiItemBaseSchema, apiLabelSchema, parseListPage } from './api-page';

/**
 * The part of GitLab's epic entity (GET /groups/:id/epics, Premium/Ultimate, deprecated but served) that the fetch
 * relies on. Epics have no weight, milestone, assignees or merge requests, and GitLab sends no comment count.
 */
export const apiEpicSchema = apiItemBaseSchema.extend({
  labels: z.array(apiLabelSchema).nullish(),
  references: z.object({ full: z.string().regex(/^[^&#\s]+&\d+$/, 'must look like group&12') }).nullish(),
});

export type ApiEpic = z.infer<typeof apiEpicSchema>;

/** Validates one page of GET /groups/:id/epics, naming the epic id and the field of the first problem. */
export function parseEpicPage(body: unknown, where: string): ApiEpic[] {
  return parseListPage(apiEpicSchema, 'epic', body, where);
}
