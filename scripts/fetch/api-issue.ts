import { z } from 'zod';

// Only the fields the snapshot is built from are validated; GitLab adds fields often and the rest are ignored.
// Everything not needed to identify an issue may be missing or null, as GitLab's docs warn.
const count = z.number().int().nonnegative().nullish();
const timestamp = z.string().datetime({ offset: true });

/** A label as returned with `with_labels_details=true`, or a bare name when an instance ignores that flag. */
export const apiLabelSchema = z.union([
  z.string(),
  z.object({
    name: z.string(),
    color: z.unknown().optional(),
    text_color: z.unknown().optional(),
  }),
]);

/** The part of GitLab's issue entity (GET /groups/:id/issues) that the fetch relies on. */
export const apiIssueSchema = z.object({
  id: z.number().int().positive(),
  iid: z.number().int().positive(),
  project_id: z.number().int().positive(),
  title: z.string(),
  description: z.string().nullish(),
  state: z.string(),
  confidential: z.boolean().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  labels: z.array(apiLabelSchema),
  milestone: z.object({ title: z.string() }).nullish(),
  assignees: z.array(z.unknown()).nullish(),
  assignee: z.unknown().nullish(),
  merge_requests_count: count,
  user_notes_count: count,
  upvotes: count,
  weight: z.number().int().nonnegative().nullish(),
  web_url: z
    .string()
    .url()
    .refine((url) => /^https?:$/.test(new URL(url).protocol), 'must be an http(s) URL'),
  references: z.object({ full: z.string().regex(/^[^#\s]+#\d+$/, 'must look like group/project#123') }).nullish(),
});

export type ApiIssue = z.infer<typeof apiIssueSchema>;

/** Thrown when GitLab answers with something that is not a page of issues; the message names issue and field. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

/** Validates one page of the API's answer, naming the issue id and the field of the first problem. */
export function parseIssuePage(body: unknown, where: string): ApiIssue[] {
  if (!Array.isArray(body)) throw new ShapeError(`${where}: expected a list of issues, got ${describe(body)}`);
  return body.map((item, index) => {
    const parsed = apiIssueSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const problem = parsed.error.issues[0]!;
    const id = typeof item?.id === 'number' ? `issue id ${item.id}` : `item ${index} (no id)`;
    const field = problem.path.join('.') || '(root)';
    throw new ShapeError(`${where}: ${id}: field ${field}: ${problem.message}`);
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length ? 'text' : 'an empty body';
  return Array.isArray(value) ? 'a list' : typeof value;
}
