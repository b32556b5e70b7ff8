import { z } from 'zod';
import { DEPARTED_MAX, DEPARTED_REASONS } from './departed-reasons';
import { describeZodError, parseJson } from './parse-json';
import { compareItems, ITEM_KINDS } from './items';
import { HEX_COLOR } from './labels/colors';
import { safeGitlabUrl } from './links/safe-url';
import { fitsIn } from './text/characters';
import { NO_INVISIBLE_CONTROLS } from './text/invisible';

/** Bumped when the snapshot changes in a way an older site build cannot read. */
export const SNAPSHOT_SCHEMA_VERSION = 5;

// Caps, in characters (code points, as GitLab counts). Every visitor's page carries every item, so one crafted item
// must not cost them all: a 1 MB title made /all/ take 30 s to load.
/** GitLab's own limit for titles; the fetch shortens a longer one, which only hostile data can have. */
export const TITLE_MAX_LENGTH = 255;
/** GitLab's own limit for label names; curated labels are label names too. */
export const LABEL_NAME_MAX_LENGTH = 255;
/** Labels per item: real items carry a handful; the fetch keeps the first this many. */
export const LABELS_MAX = 200;
/** Longest excerpt the snapshot carries. */
export const EXCERPT_MAX_LENGTH = 280;
/** Assignees per issue: GitLab allows 200 (MAX_NUMBER_OF_ASSIGNEES_OR_REVIEWERS); the fetch keeps the first this many. */
export const ASSIGNEES_MAX = 200;

/** Longest contact name kept: a person's name as the handbook publishes it, "(Acting)" and all. */
export const CONTACT_NAME_MAX_LENGTH = 100;
/** Names per role and group: real groups have one or two managers of each kind. */
export const CONTACTS_PER_ROLE_MAX = 5;

/**
 * A GitLab username as GitLab's own path rule allows it (letters, digits, `_`, `.`, `-`; not starting with `-` nor
 * ending with `.`; at most 255): what makes a profile link `<instance>/<username>` stay a path on the instance.
 */
export const USERNAME = /^(?=.{1,255}$)(?:[A-Za-z0-9_.][A-Za-z0-9_.-]*[A-Za-z0-9_-]|[A-Za-z0-9_])$/;

const hexColor = z.string().regex(HEX_COLOR);
export const isoDate = z.iso.datetime({ offset: true });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-19');
const count = z.number().int().nonnegative();
// Safe integers only: a larger id would not survive JSON.parse as the same number.
const id = z.number().int().positive();
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
// A project path or a reference: nothing in it may hide or reorder what it shows (see invisible.ts).
const visibleName = z
  .string()
  .min(1)
  .regex(NO_INVISIBLE_CONTROLS, 'must not contain bidi controls or zero-width characters');

// The character caps are checked in one pass per item: a zod refinement on every string nearly doubled the time it
// takes to read a 10,000-item snapshot (0.3 → 0.55 s of CPU; one pass: 0.33 s).
const overCap = (path: Array<string | number>, max: number) => ({
  code: 'custom' as const,
  path,
  message: `must be at most ${max} characters`,
});
const longName = (name: string) => !fitsIn(name, LABEL_NAME_MAX_LENGTH);

/** The first text of an item longer than its cap, as an issue for zod; undefined when all fit. */
function textOverCap(item: { title: string; excerpt: string; labels: Array<{ name: string }>; curated: string[] }) {
  if (!fitsIn(item.title, TITLE_MAX_LENGTH)) return overCap(['title'], TITLE_MAX_LENGTH);
  if (!fitsIn(item.excerpt, EXCERPT_MAX_LENGTH)) return overCap(['excerpt'], EXCERPT_MAX_LENGTH);
  const label = item.labels.findIndex((each) => longName(each.name));
  if (label >= 0) return overCap(['labels', label, 'name'], LABEL_NAME_MAX_LENGTH);
  const curated = item.curated.findIndex(longName);
  return curated >= 0 ? overCap(['curated', curated], LABEL_NAME_MAX_LENGTH) : undefined;
}

/** A label as shown on a card; colours are null when GitLab's were not valid #rgb/#rrggbb. */
export const snapshotLabelSchema = z.object({
  name: z.string().min(1),
  color: hexColor.nullable(),
  textColor: hexColor.nullable(),
});

/** GitLab's health status of an issue (paid tiers). */
export const HEALTH_STATUSES = ['on_track', 'needs_attention', 'at_risk'] as const;

/** An open merge request that closes an issue when merged. */
export const snapshotMergeRequestSchema = z.object({
  /** Full reference, e.g. gitlab-org/gitlab!1234. */
  reference: visibleName.regex(/^[^!\s]+![0-9]+$/, 'must look like group/project!123'),
  url: httpUrl,
});

// The item's fields without the checks across them, so that the previous snapshot's reader can pick a few.
export const snapshotItemObject = z.object({
  kind: z.enum(ITEM_KINDS),
  /** GitLab's global id; unique within a kind (an epic and an issue may share one; issues and tasks share one space). */
  id,
  /** An epic's id as a work item, which it keeps after GitLab's move of epics to work items; null for issues and tasks. */
  workItemId: id.nullable(),
  iid: id,
  /** Full path of the issue's project, e.g. gitlab-org/gitlab; for an epic, its group's. */
  project: visibleName,
  /** Full reference, e.g. gitlab-org/gitlab#123 (an epic: gitlab-org&12). */
  reference: visibleName,
  url: httpUrl,
  /** At most TITLE_MAX_LENGTH characters, like every capped text here (see textOverCap). */
  title: z.string(),
  /** Plain text from the description, at most EXCERPT_MAX_LENGTH characters. */
  excerpt: z.string(),
  labels: z.array(snapshotLabelSchema).max(LABELS_MAX),
  /** Which of the configured curated labels put this issue on the list (at least one). */
  curated: z.array(z.string().min(1)).min(1),
  /** Values of the type::, devops:: and group:: scoped labels. */
  type: z.string().nullable(),
  stage: z.string().nullable(),
  group: z.string().nullable(),
  /** Value of the workflow:: scoped label (e.g. "ready for development"), or null. */
  workflow: z.string().nullable(),
  weight: z.number().int().nonnegative().nullable(),
  milestone: z.object({ title: z.string().min(1), dueDate: isoDay.nullable() }).nullable(),
  /** The epic the issue belongs to (paid tiers), or null. */
  parentEpic: z.object({ title: z.string(), url: httpUrl }).nullable(),
  healthStatus: z.enum(HEALTH_STATUSES).nullable(),
  /** Only project members may comment. */
  discussionLocked: z.boolean(),
  /** The assignees' usernames, as GitLab lists them. */
  assignees: z.array(z.string().regex(USERNAME, 'must be a GitLab username')).max(ASSIGNEES_MAX),
  /**
   * Number of OPEN merge requests that close this issue when merged: closed and merged ones do not count (a merged
   * one on an open issue means it was reopened). Always openMergeRequests.length.
   */
  mergeRequests: count,
  openMergeRequests: z.array(snapshotMergeRequestSchema),
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

/** One curated issue (or epic), normalised from GitLab's API into what the site needs and nothing more. */
export const snapshotIssueSchema = snapshotItemObject.refine((item) => item.mergeRequests === item.openMergeRequests.length, {
  message: 'must count openMergeRequests',
  path: ['mergeRequests'],
}).superRefine((item, context) => {
  const tooLong = textOverCap(item);
  if (tooLong) context.addIssue(tooLong);
});

const contactName = z
  .string()
  .min(1)
  .regex(NO_INVISIBLE_CONTROLS, 'must not contain bidi controls or zero-width characters')
  .refine((name) => fitsIn(name, CONTACT_NAME_MAX_LENGTH), `must be at most ${CONTACT_NAME_MAX_LENGTH} characters`);

/** Whom to talk to about a group's issues, by name as GitLab's handbook data publishes them. */
export const snapshotGroupContactsSchema = z.object({
  /** The group:: label's value, as the items have it. */
  group: z.string().min(1),
  productManagers: z.array(contactName).max(CONTACTS_PER_ROLE_MAX),
  engineeringManagers: z.array(contactName).max(CONTACTS_PER_ROLE_MAX),
});

/** Where a snapshot's items are from. */
export const snapshotSourceSchema = z.object({
  url: httpUrl,
  group: z.string().min(1),
  labels: z
    .array(z.string().min(1))
    .min(1)
    .superRefine((labels, context) => {
      const at = labels.findIndex(longName);
      if (at >= 0) context.addIssue(overCap([at], LABEL_NAME_MAX_LENGTH));
    }),
});

/**
 * An item that left the list in the last days (DEPARTED_DAYS, departed.ts): what the previous snapshot published
 * of it, why it left and when. A hidden item's title is empty: it may have been made confidential for its title.
 */
export const snapshotDepartedSchema = z
  .object({
    reference: visibleName,
    url: httpUrl,
    title: z.string(),
    reason: z.enum(DEPARTED_REASONS),
    at: isoDate,
    /** What it was listed under, so each label's and group's view shows its own departures. */
    curated: z.array(z.string().min(1)).min(1),
    stage: z.string().nullable(),
    group: z.string().nullable(),
  })
  .superRefine((entry, context) => {
    if (!fitsIn(entry.title, TITLE_MAX_LENGTH)) context.addIssue(overCap(['title'], TITLE_MAX_LENGTH));
    const long = entry.curated.findIndex(longName);
    if (long >= 0) context.addIssue(overCap(['curated', long], LABEL_NAME_MAX_LENGTH));
  });

/** An item cannot have joined the list after the list was made: such a snapshot is broken or forged. */
export function noItemSeenLater(
  snapshot: { generatedAt: string; issues: Array<{ firstSeenAt: string; kind: string; id: number }> },
  context: z.RefinementCtx,
) {
  const generatedAt = Date.parse(snapshot.generatedAt);
  const late = snapshot.issues.findIndex((item) => Date.parse(item.firstSeenAt) > generatedAt);
  if (late < 0) return;
  const item = snapshot.issues[late]!;
  context.addIssue({
    code: 'custom',
    path: ['issues', late, 'firstSeenAt'],
    message: `${'reference' in item ? item.reference : `${item.kind} ${item.id}`} was first seen after the snapshot's generatedAt`,
  });
}

/** A departed item links into the instance the snapshot is of, or the snapshot is broken or forged. */
function departedUnderInstance(snapshot: { source: { url: string }; departed: Array<{ url: string }> }, context: z.RefinementCtx) {
  const at = snapshot.departed.findIndex((entry) => safeGitlabUrl(entry.url, snapshot.source.url) === null);
  if (at >= 0) context.addIssue({ code: 'custom', path: ['departed', at, 'url'], message: 'must be under source.url' });
}

/** The snapshot file: the one contract between the fetch and the site. */
export const snapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  generatedAt: isoDate,
  /**
   * The time of the published snapshot `firstSeenAt` was carried forward from; issues first seen after it are
   * new. Null when there was none, so that nothing counts as new.
   */
  previousGeneratedAt: isoDate.nullable(),
  source: snapshotSourceSchema,
  /** The contacts of the groups the items belong to, one entry a group, by group; empty when they were not read. */
  groupContacts: z.array(snapshotGroupContactsSchema).refine(
    (entries) => new Set(entries.map((entry) => entry.group)).size === entries.length,
    'must list each group once',
  ),
  issues: z.array(snapshotIssueSchema),
  /** Items that left the list in the last DEPARTED_DAYS, newest first; links only under `source.url`. */
  departed: z.array(snapshotDepartedSchema).max(DEPARTED_MAX),
}).superRefine(noItemSeenLater).superRefine(departedUnderInstance);

export type SnapshotLabel = z.infer<typeof snapshotLabelSchema>;
export type SnapshotIssue = z.infer<typeof snapshotIssueSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotGroupContacts = z.infer<typeof snapshotGroupContactsSchema>;
export type SnapshotDeparted = z.infer<typeof snapshotDepartedSchema>;

/** Why a snapshot of an older format cannot be read, or undefined when `data` does not claim an older one. */
function olderFormat(data: unknown, oldest: number): string | undefined {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'number' || version >= oldest) return undefined;
  return `snapshot format ${version} is older than this site's format ${SNAPSHOT_SCHEMA_VERSION}; fetch it again`;
}

/** Parses snapshot JSON text with `schema`, refusing formats older than `oldest` first; errors are one line. */
export function parseSnapshotWith<T>(schema: z.ZodType<T>, oldest: number, text: string): T {
  const data = parseJson(text);
  const older = olderFormat(data, oldest);
  if (older) throw new Error(older);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  return parsed.data;
}

/** Parses snapshot JSON text, throwing an Error with a one-line reason when it is not a valid snapshot. */
export function parseSnapshot(text: string): Snapshot {
  return parseSnapshotWith(snapshotSchema, SNAPSHOT_SCHEMA_VERSION, text);
}

/**
 * Serialises a snapshot deterministically: keys in schema order, issues by kind and id, one issue (and one departed
 * item) per line so that nightly diffs stay readable while the file stays compact.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  const { issues, departed, ...head } = snapshotSchema.parse(snapshot);
  const list = (values: readonly unknown[]) => {
    const lines = values.map((value) => JSON.stringify(value));
    return `[${lines.length ? `\n${lines.join(',\n')}\n` : ''}]`;
  };
  const headJson = JSON.stringify(head);
  return `${headJson.slice(0, -1)},"issues":${list([...issues].sort(compareItems))},"departed":${list(departed)}}\n`;
}
