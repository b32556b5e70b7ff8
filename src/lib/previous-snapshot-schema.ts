import { z } from 'zod';
import { DEPARTED_MAX } from './departed-reasons';
import {
  isoDate,
  noItemSeenLater,
  parseSnapshotWith,
  SNAPSHOT_SCHEMA_VERSION,
  snapshotDepartedSchema,
  snapshotItemObject,
  snapshotSourceSchema,
  TITLE_MAX_LENGTH,
} from './snapshot';
import { truncateTo } from './text/characters';

// What a fetch reads of the snapshot the site published before (downloaded by `npm run previous`): untrusted, and
// possibly of an older format, so only the few fields it carries forward are read.

/**
 * The formats whose items a fetch can carry forward from: what it takes (see previousSnapshotSchema) is the same in
 * each, so a site publishing an older format still says since when each item is listed.
 */
const CARRIED_FORMATS = [3, 4, SNAPSHOT_SCHEMA_VERSION] as const;

/**
 * What a fetch takes from the previous published snapshot, and nothing else: where it is from, when it was made, each
 * item's identity and firstSeenAt, what a departure names (reference, link, title, what it was listed under), and the
 * departures it listed. The rest of it is the published site's (untrusted) data, left unread.
 */
const previousSnapshotSchema = z.object({
  schemaVersion: z.union(CARRIED_FORMATS.map((format) => z.literal(format))),
  generatedAt: isoDate,
  source: snapshotSourceSchema.pick({ url: true, group: true }),
  issues: z.array(
    snapshotItemObject
      .pick({ kind: true, id: true, workItemId: true, firstSeenAt: true, iid: true, project: true, reference: true })
      .extend(snapshotItemObject.pick({ curated: true, stage: true, group: true }).shape)
      // Only a departure shows these, so a bad one costs only that: a link not under the instance is not kept
      // (departed.ts), a title past the cap is shortened.
      .extend({ url: z.string(), title: z.string().transform((title) => truncateTo(title, TITLE_MAX_LENGTH)) }),
  ),
  // Formats 3 and 4 had none. One entry that fails is dropped, not the file: it only ever explains an absence.
  departed: z
    .array(z.unknown())
    .max(DEPARTED_MAX)
    .default([])
    .transform((entries) => entries.flatMap((entry) => {
      const parsed = snapshotDepartedSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    })),
}).superRefine(noItemSeenLater);

export type PreviousSnapshot = z.infer<typeof previousSnapshotSchema>;

/** Reads what a fetch carries forward from a published snapshot of this format or an older carried one. */
export function parsePreviousSnapshot(text: string): PreviousSnapshot {
  return parseSnapshotWith(previousSnapshotSchema, CARRIED_FORMATS[0], text);
}
