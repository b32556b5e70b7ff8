import type { Gitlab } from '@gitbeaker/rest';
import { z } from 'zod';
import { carriedItemKeys } from '../../src/lib/model';
import type { ItemKind } from '../../src/lib/items';
import { safeGitlabUrl } from '../../src/lib/links/safe-url';
import { truncateTo } from '../../src/lib/text/characters';
import type { DepartedReason } from '../../src/lib/departed-reasons';
import { TITLE_MAX_LENGTH, type SnapshotDeparted } from '../../src/lib/snapshot';
import { type PreviousSnapshot } from '../../src/lib/previous-snapshot-schema';
import { apiLabelSchema } from './api-page';
import type { FetchedIssue } from './first-seen';
import type { Limit } from './paging';
import { RequestFailure } from './requester';

// Why an item the previous snapshot listed is not on the list tonight. GitLab is asked once per such item, for the
// item itself: GET /projects/:id/issues/:iid (issues and tasks) or GET /groups/:id/epics/:iid (epics, the deprecated
// but served REST API; its answer has the same state, closed_at, confidential and labels). The previous snapshot
// names the item by its project path and iid; GitLab takes a URL-encoded path as :id.

/**
 * Items asked about a night, at most: a curated list loses a handful a night, and a few hundred requests stay far
 * under any rate limit. Beyond it (a label renamed, a group moved) an item is recorded as `unknown`, now: the next
 * night's previous snapshot no longer lists it, so it could not be asked about later.
 */
export const DEPARTED_LOOKUPS_MAX = 300;

type Api = InstanceType<typeof Gitlab>;
/** An item of the previous snapshot, as it carries forward. */
export type PreviousItem = PreviousSnapshot['issues'][number];

/** What the fetch reads of GitLab's issue and epic entities to say why an item left; every field may be missing. */
const apiItemStateSchema = z.object({
  title: z.string().nullish(),
  state: z.string(),
  confidential: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).nullish(),
  closed_at: z.iso.datetime({ offset: true }).nullish(),
  updated_at: z.iso.datetime({ offset: true }).nullish(),
  labels: z.array(apiLabelSchema).nullish(),
  /** Set when the issue was moved to another project (GitLab closes the original); issues only. */
  moved_to_id: z.number().int().positive().nullish(),
});
export type ApiItemState = z.infer<typeof apiItemStateSchema>;

/**
 * The previous snapshot's items of the kinds listed tonight that tonight's list lacks (an epic matched by its work
 * item id too, as for firstSeenAt). Kinds not listed tonight (epics GitLab refused, tasks no longer asked for) did
 * not leave: nobody looked.
 */
export function goneItems(previous: readonly PreviousItem[], listed: readonly FetchedIssue[], kinds: ReadonlySet<ItemKind>): PreviousItem[] {
  const present = new Set(listed.flatMap((item) => carriedItemKeys(item)));
  return previous.filter((item) => kinds.has(item.kind) && !carriedItemKeys(item).some((key) => present.has(key)));
}

/** What the run knows when it explains a departure. */
export interface DepartureContext {
  curatedLabels: readonly string[];
  generatedAt: string;
  previousGeneratedAt: string;
}

/** A time GitLab gave, when it lies between the previous snapshot and this one; otherwise this snapshot's time. */
function within(time: string | null | undefined, context: DepartureContext): string {
  const at = time ? Date.parse(time) : NaN;
  const inRange = at > Date.parse(context.previousGeneratedAt) && at <= Date.parse(context.generatedAt);
  return inRange ? new Date(at).toISOString() : context.generatedAt;
}

/** Why GitLab's answer about an item means it left the list, and when. Pure. */
export function reasonOf(answer: ApiItemState | 'hidden' | 'unknown', context: DepartureContext): { reason: DepartedReason; at: string } {
  if (answer === 'hidden' || answer === 'unknown') return { reason: answer, at: context.generatedAt };
  if (answer.confidential === true) return { reason: 'hidden', at: context.generatedAt };
  const closedAt = within(answer.closed_at ?? answer.updated_at, context);
  if (answer.moved_to_id) return { reason: 'moved', at: closedAt };
  if (answer.state === 'closed') return { reason: 'closed', at: closedAt };
  const names = new Set((answer.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)));
  if (!context.curatedLabels.some((label) => names.has(label))) return { reason: 'uncurated', at: within(answer.updated_at, context) };
  // Open and labelled, yet not listed: another work item type, an archived project, one moved out of the group.
  return { reason: 'unknown', at: context.generatedAt };
}

/**
 * The departure of `item` as the snapshot lists it, or null when the previous snapshot's link for it is not under
 * the instance (hostile data). A hidden item's title is left out: it may have been made confidential for it.
 */
export function departureOf(
  item: PreviousItem,
  answer: ApiItemState | 'hidden' | 'unknown',
  context: DepartureContext & { gitlabUrl: string },
): SnapshotDeparted | null {
  const url = safeGitlabUrl(item.url, context.gitlabUrl);
  if (url === null) return null;
  const { reason, at } = reasonOf(answer, context);
  const fresh = typeof answer === 'object' && answer.title ? truncateTo(answer.title, TITLE_MAX_LENGTH) : item.title;
  const title = reason === 'hidden' ? '' : fresh;
  return { reference: item.reference, url, title, reason, at, curated: item.curated, stage: item.stage, group: item.group };
}

// GitLab answers 404 for an item deleted or made confidential (to a caller who may not see it), 403 where the project
// or group became private or the epics licence went away: all of them hidden from the site's visitors too.
const HIDDEN_STATUSES = new Set([403, 404]);

interface ExplainOptions {
  api: Api;
  /** The run's limiter: every request to GitLab goes through it. */
  limit: Limit;
  gone: readonly PreviousItem[];
  context: DepartureContext & { gitlabUrl: string };
  warn: (line: string) => void;
  signal: AbortSignal;
}

/**
 * Asks GitLab about each gone item (the first DEPARTED_LOOKUPS_MAX; the rest are `unknown`) through the run's
 * requester, with its retries and wait budget, and says why each left. A run whose retries or wait budget run out
 * fails, as for any other request; an answer of an unexpected shape is `unknown`, with a warning.
 */
export async function explainDepartures(options: ExplainOptions): Promise<SnapshotDeparted[]> {
  const { api, limit, gone, context, warn, signal } = options;
  const ask = async (item: PreviousItem): Promise<ApiItemState | 'hidden' | 'unknown'> => {
    const where = item.kind === 'epic' ? `GET /groups/${item.project}/epics/${item.iid}` : `GET /projects/${item.project}/issues/${item.iid}`;
    try {
      const body = await limit((): Promise<unknown> => {
        signal.throwIfAborted();
        return item.kind === 'epic' ? api.Epics.show(item.project, item.iid) : api.Issues.show(item.iid, { projectId: item.project });
      });
      const parsed = apiItemStateSchema.safeParse(body);
      if (parsed.success) return parsed.data;
      warn(`why ${item.reference} left is unknown: ${where}: field ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
      return 'unknown';
    } catch (error) {
      if (error instanceof RequestFailure && error.status !== null && HIDDEN_STATUSES.has(error.status)) return 'hidden';
      throw error;
    }
  };
  const asked = gone.slice(0, DEPARTED_LOOKUPS_MAX);
  const answers = await Promise.all(asked.map(ask));
  const all = [...answers, ...gone.slice(DEPARTED_LOOKUPS_MAX).map(() => 'unknown' as const)];
  const departed: SnapshotDeparted[] = [];
  gone.forEach((item, n) => {
    const entry = departureOf(item, all[n]!, context);
    if (entry) departed.push(entry);
    else warn(`left out the departure of ${item.reference}: the previous snapshot's link is not under ${context.gitlabUrl}`);
  });
  return departed;
}
