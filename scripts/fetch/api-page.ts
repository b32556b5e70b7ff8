import { z } from 'zod';

// What the issue and epic schemas share. Only the fields the snapshot is built from are validated; GitLab adds
// fields often and the rest are ignored. Everything not needed to identify an item may be missing or null.

/** A count GitLab may omit or send as null. */
export const apiCount = z.number().int().nonnegative().nullish();

/** An ISO 8601 timestamp with its offset, as GitLab writes them. */
export const apiTimestamp = z.string().datetime({ offset: true });

/** An item's page on GitLab; anything but http(s) could run script where the site links to it. */
export const apiWebUrl = z
  .string()
  .url()
  .refine((url) => /^https?:$/.test(new URL(url).protocol), 'must be an http(s) URL');

/** A label as returned with `with_labels_details=true`, or a bare name when an endpoint or instance ignores that flag. */
export const apiLabelSchema = z.union([
  // Objects first: they are what the fetch asks for, and zod's union pays for building an error for each option
  // that fails before one fits (three times the cost per label with the string first).
  z.object({
    name: z.string(),
    color: z.unknown().optional(),
    text_color: z.unknown().optional(),
  }),
  z.string(),
]);

/** Thrown when GitLab answers with something that is not a page of items; the message names item and field. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

/** Validates one page of a list answer, naming the item (`noun` id) and the field of the first problem. */
export function parseListPage<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  noun: string,
  body: unknown,
  where: string,
): T[] {
  if (!Array.isArray(body)) throw new ShapeError(`${where}: expected a list of ${noun}s, got ${describe(body)}`);
  return body.map((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return parsed.data;
    const problem = parsed.error.issues[0]!;
    const id = typeof item?.id === 'number' ? `${noun} id ${item.id}` : `item ${index} (no id)`;
    const field = problem.path.join('.') || '(root)';
    throw new ShapeError(`${where}: ${id}: field ${field}: ${problem.message}`);
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length ? 'text' : 'an empty body';
  return Array.isArray(value) ? 'a list' : typeof value;
}

/** The fields GitLab's issue and epic entities share, as the fetch relies on them. */
export const apiItemBaseSchema = z.object({
  id: z.number().int().positive(),
  iid: z.number().int().positive(),
  title: z.string(),
  description: z.string().nullish(),
  state: z.string(),
  confidential: z.boolean().nullish(),
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
  user_notes_count: apiCount,
  upvotes: apiCount,
  web_url: apiWebUrl,
});
