import { z } from 'zod';
import { compareItems } from './model';

/** Bumped when the snapshot changes in a way an older site build cannot read. */
export const SNAPSHOT_SCHEMA_VERSION = 2;

const hexColor = z.string().regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i);
const isoDate = z.string().datetime({ offset: true });
const count = z.number().int().nonnegative();

/** A label as shown on a card; colours are null when GitLab's were not valid #rgb/#rrggbb. */
export const snapshotLabelSchema = z.object({
  name: z.string().min(1),
  color: hexColor.nullable(),
  textColor: hexColor.nullable(),
});

/** What a listed item is: an issue, or an epic (a group-level item, on Premium/Ultimate instances). */
export const ITEM_KINDS = ['issue', 'epic'] as const;

/** One curated issue (or epic), normalised from GitLab's API into what the site needs and nothing more. */
export const snapshotIssueSchema = z.object({
  kind: z.enum(ITEM_KINDS),
  /** GitLab's global id; unique within a kind (an epic and an issue may share one). */
  id: z.number().int().positive(),
  iid: z.number().int().positive(),
  /** Full path of the issue's project, e.g. gitlab-org/gitlab; for an epic, its group's. */
  project: z.string().min(1),
  /** Full reference, e.g. gitlab-org/gitlab#123 (an epic: gitlab-org&12). */
  reference: z.string().min(1),
  url: z.string().url(),
  title: z.string(),
  /** Plain text from the description, at most EXCERPT_MAX_LENGTH characters. */
  excerpt: z.string(),
  labels: z.array(snapshotLabelSchema),
  /** Which of the configured curated labels put this issue on the list (at least one). */
  curated: z.array(z.string().min(1)).min(1),
  /** Values of the type::, devops:: and group:: scoped labels. */
  type: z.string().nullable(),
  stage: z.string().nullable(),
  group: z.string().nullable(),
  weight: z.number().int().nonnegative().nullable(),
  milestone: z.string().nullable(),
  /** Number of assignees. */
  assignees: count,
  /** Number of merge requests that mention this issue as related or closing. */
  mergeRequests: count,
  upvotes: count,
  /** Number of user comments. */
  comments: count,
  createdAt: isoDate,
  updatedAt: isoDate,
  /** The description has a level-2/3 heading starting with "Implementation" (GitLab's quick-win bar). */
  hasImplementationPlan: z.boolean(),
  /** When the list first had this issue: carried forward from the previous published snapshot, else this one's time. */
  firstSeenAt: isoDate,
});

/** The snapshot file: the one contract between the fetch and the site. */
export const snapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  generatedAt: isoDate,
  /**
   * The time of the published snapshot `firstSeenAt` was carried forward from; issues first seen after it are
   * new. Null when there was none, so that nothing counts as new.
   */
  previousGeneratedAt: isoDate.nullable(),
  source: z.object({
    url: z.string().url(),
    group: z.string().min(1),
    labels: z.array(z.string().min(1)).min(1),
  }),
  issues: z.array(snapshotIssueSchema),
});

export type ItemKind = (typeof ITEM_KINDS)[number];
export type SnapshotLabel = z.infer<typeof snapshotLabelSchema>;
export type SnapshotIssue = z.infer<typeof snapshotIssueSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;

/** Describes the first problem of a failed parse in one line: "issues.3.url: Invalid url". */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Parses snapshot JSON text, throwing an Error with a one-line reason when it is not a valid snapshot. */
export function parseSnapshot(text: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  return parsed.data;
}

/**
 * Serialises a snapshot deterministically: keys in schema order, issues by kind and id, one issue per line so that
 * nightly diffs stay readable while the file stays compact.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  const { issues, ...head } = snapshotSchema.parse(snapshot);
  const lines = [...issues].sort(compareItems).map((issue) => JSON.stringify(issue));
  const headJson = JSON.stringify(head);
  return `${headJson.slice(0, -1)},"issues":[${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;
}
