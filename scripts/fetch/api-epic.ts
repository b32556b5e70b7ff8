import { z } from 'zod';
import { apiItemBaseSchema, apiLabelSchema, parseListPage, type ParsedPage } from './api-page';

/**
 * The part of GitLab's epic entity (GET /groups/:id/epics, Premium/Ultimate, deprecated but served) that the fetch
 * relies on. Epics have no weight, milestone, assignees or merge requests, and GitLab sends no comment count.
 */
const apiEpicSchema = apiItemBaseSchema.extend({
  /** The id the epic keeps after GitLab's move of epics to work items (GitLab 17+); absent before. */
  work_item_id: z.number().int().positive().nullish(),
  labels: z.array(apiLabelSchema).nullish(),
  references: z.object({ full: z.string().regex(/^[^&#\s]+&\d+$/, 'must look like group&12') }).nullish(),
});

export type ApiEpic = z.infer<typeof apiEpicSchema>;

/** Validates one page of GET /groups/:id/epics item by item (see parseListPage). */
export function parseEpicPage(body: unknown, where: string): ParsedPage<ApiEpic> {
  return parseListPage(apiEpicSchema, 'epic', body, where);
}
