import { z } from 'zod';

// What the issue and epic schemas share. Only the fields the snapshot is built from are validated; GitLab adds
// fields often and the rest are ignored. Everything not needed to identify an item may be missing or null.

/** A count GitLab may omit or send as null. */
export const apiCount = z.number().int().nonnegative().nullish();

/** An ISO 8601 timestamp with its offset, as GitLab writes them. */
const apiTimestamp = z.iso.datetime({ offset: true });

/** An item's page on GitLab; anything but http(s) could run script where the site links to it. */
export const apiWebUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

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

/** A page's items that passed validation, and one line for each that did not ("issue id 12: field title: Required"). */
export interface ParsedPage<T> {
  items: T[];
  invalid: string[];
}

/**
 * Validates one page of a list answer item by item: an item that fails is left out and described by its id (or its
 * position when the id itself is broken) and the field of its first problem. A body that is not a list fails whole.
 */
export function parseListPage<T>(
  schema: z.ZodType<T>,
  noun: string,
  body: unknown,
  where: string,
): ParsedPage<T> {
  if (!Array.isArray(body)) throw new ShapeError(`${where}: expected a list of ${noun}s, got ${describe(body)}`);
  const page: ParsedPage<T> = { items: [], invalid: [] };
  body.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return void page.items.push(parsed.data);
    const problem = parsed.error.issues[0]!;
    const id = Number.isSafeInteger(item?.id) && item.id > 0 ? `${noun} id ${item.id}` : `${noun} ${index + 1} of the page (no valid id)`;
    const field = problem.path.join('.') || '(root)';
    page.invalid.push(`${where}: ${id}: field ${field}: ${problem.message}`);
  });
  return page;
}

/** Reads GitLab's `confidential`: a boolean in its entities, the string "true"/"false" in its docs' epic examples. */
const apiConfidential = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
  .nullish();

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length ? 'text' : 'an empty body';
  return Array.isArray(value) ? 'a list' : typeof value;
}

/** The fields GitLab's issue and epic entities share, as the fetch relies on them. */
export const apiItemBaseSchema = z.object({
  // Safe integers, as the snapshot requires: one item past them is left out instead of failing the whole run.
  id: z.number().int().positive(),
  iid: z.number().int().positive(),
  title: z.string(),
  description: z.string().nullish(),
  state: z.string(),
  confidential: apiConfidential,
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
  user_notes_count: apiCount,
  upvotes: apiCount,
  web_url: apiWebUrl,
});
