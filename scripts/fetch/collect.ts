import type { Gitlab } from '@gitbeaker/rest';
import { compareItems, type ItemKind } from '../../src/lib/items';
import type { ItemType } from '../../src/config';
import { parseEpicPage, type ApiEpic } from './api-epic';
import { parseIssuePage, parseMergeRequestPage, workItemType, type ApiIssue, type ApiMergeRequest } from './api-issue';
import { ShapeError, type ParsedPage } from './api-page';
import { createDigester, type Digester } from './digest';
import type { FetchedIssue } from './first-seen';
import { isPublicAndOpen, normalizeEpic, normalizeIssue, type ApiItem, type NormalizeContext } from './normalize';
import { hasClosingMergeRequests, openMergeRequests } from './open-merge-requests';
import { allPages, type Limit, type Page } from './paging';
import { assertHeapRoom } from './heap';
import { RequestFailure } from './requester';

/** GitLab's largest page size: fewer, larger pages keep a fetch far from any rate limit. */
const PER_PAGE = 100;

/** More failed items than this share (and than MAX_INVALID_ITEMS) means GitLab's API changed: the run fails. */
const MAX_INVALID_SHARE = 0.01;
const MAX_INVALID_ITEMS = 3;

type Api = InstanceType<typeof Gitlab>;

/** One kind of curated item: how to ask the group for a page of it, and how to read and normalise the answer. */
interface ItemSource<T extends ApiItem> {
  /** The list endpoint under /groups/:id/, also the plural in progress lines. */
  endpoint: 'issues' | 'epics';
  /** One query per listed work item type for issues (GitLab's issue_type takes one value); one for epics. */
  variants(types: readonly ItemType[]): ReadonlyArray<ItemType | null>;
  request(api: Api, group: string, label: string, page: number, type: ItemType | null): Promise<unknown>;
  parse(body: unknown, where: string): ParsedPage<T>;
  kindOf(item: T): ItemKind;
  /** Why GitLab's answer holds an item the list must not show ("incident", "closed or confidential item"), or null. */
  refusal(item: T, types: readonly ItemType[]): string | null;
  normalize(item: T, context: NormalizeContext): FetchedIssue;
}

/** The query both endpoints get for one page of one curated label. */
function listQuery(label: string, page: number) {
  return {
    labels: label,
    state: 'opened',
    confidential: false,
    withLabelsDetails: true,
    // Oldest first: items created while we page are appended at the end instead of shifting pages.
    orderBy: 'created_at',
    sort: 'asc',
    perPage: PER_PAGE,
    page,
    showExpanded: true,
  } as const;
}

const CLOSED_OR_CONFIDENTIAL = 'closed or confidential item';

/** "test case" for TEST_CASE: how a summary names a work item type. */
const typeNoun = (type: string) => type.toLowerCase().replace(/_/g, ' ');

const ISSUES: ItemSource<ApiIssue> = {
  endpoint: 'issues',
  variants: (types) => types,
  request: (api, group, label, page, type) =>
    api.Issues.all({ groupId: group, ...listQuery(label, page), ...(type ? { issueType: type } : {}) } as never),
  parse: parseIssuePage,
  kindOf: (issue) => (workItemType(issue) === 'TASK' ? 'task' : 'issue'),
  refusal(issue, types) {
    if (!isPublicAndOpen(issue)) return CLOSED_OR_CONFIDENTIAL;
    const type = workItemType(issue);
    return types.some((listed) => listed.toUpperCase() === type) ? null : typeNoun(type);
  },
  normalize: normalizeIssue,
};

const EPICS: ItemSource<ApiEpic> = {
  endpoint: 'epics',
  variants: () => [null],
  request: (api, group, label, page) => api.Epics.all(group, listQuery(label, page)),
  parse: parseEpicPage,
  kindOf: () => 'epic',
  refusal: (epic) => (isPublicAndOpen(epic) ? null : CLOSED_OR_CONFIDENTIAL),
  normalize: normalizeEpic,
};

// Epics need a paid tier (403 without, 404 where the endpoint does not exist) and GitLab may refuse to list them
// to anonymous callers (401): then the list has issues only.
const EPICS_REFUSED = new Set([401, 403, 404]);
// An issue that cannot be read any more between its listing and the look-up of its merge requests (deleted, moved,
// made confidential) is left out; it will be gone from the list on the next run anyway.
const ISSUE_GONE = new Set([403, 404]);

interface CollectOptions {
  api: Api;
  /** The instance's base URL, to read project paths from web URLs. */
  gitlabUrl: string;
  group: string;
  curatedLabels: readonly string[];
  /** The work item types listed (ITEM_TYPES). */
  itemTypes: readonly ItemType[];
  /** Whether to list the group's epics too. */
  epics: boolean;
  /** The run's limiter of requests to GitLab at once (createLimiter), shared with its other requests. */
  limit: Limit;
  digester: Digester;
  progress: (line: string) => void;
  /** One line per item left out because it could not be read. */
  warn: (line: string) => void;
  signal: AbortSignal;
}

/** The merged items of one kind, how many each label query returned, and what was left out and why. */
export interface Merged {
  issues: FetchedIssue[];
  perLabel: Record<string, number>;
  /** Items GitLab returned that the list must not show, by what they are ("incident": 12). */
  dropped: Record<string, number>;
}

/** What a run found: issues and epics merged (the counts per label are of issues), and what became of epics. */
export interface Collected extends Merged {
  /** How many epics were listed; why GitLab refused to list them ("403 Forbidden"); null when not asked for. */
  epics: number | { unavailable: string } | null;
  /** Items left out because they failed validation, of how many read. */
  invalid: { count: number; of: number };
  /** Merge request look-ups: how many issues were asked about (GitLab counted closing MRs), how many open MRs found. */
  mergeRequests: { issues: number; open: number };
}

/** An API item with the curated labels that found it, before normalisation. */
interface Entry<T> {
  item: T;
  curated: string[];
}

/** Fetches every curated label's issues (and epics) from the group and merges them per kind, de-duplicated on id. */
export async function collectCuratedIssues(options: CollectOptions): Promise<Collected> {
  const { api, gitlabUrl, group, curatedLabels, itemTypes, progress, warn, signal, digester, limit } = options;
  const invalid = { count: 0, of: 0 };
  const skip = (lines: readonly string[]) => {
    invalid.count += lines.length;
    for (const line of lines) warn(`left out: ${line}`);
  };

  function pager<T extends ApiItem>(source: ItemSource<T>, label: string, type: ItemType | null) {
    const query = `labels=${label}${type ? `&issue_type=${type}` : ''}`;
    return async (page: number): Promise<Page<T>> => {
      const response = (await limit(() => {
        signal.throwIfAborted();
        return source.request(api, group, label, page, type);
      })) as { data: unknown; paginationInfo: { next: number | null; totalPages: number } };
      const parsed = source.parse(response.data, `GET /groups/${group}/${source.endpoint}?${query} page ${page}`);
      invalid.of += parsed.items.length + parsed.invalid.length;
      assertHeapRoom(`${invalid.of} items read`);
      skip(parsed.invalid);
      // Parse descriptions now, while the other pages are still on their way.
      for (const item of parsed.items) if (!source.refusal(item, itemTypes)) digester.digest(source.kindOf(item), item);
      const { next, totalPages: total } = response.paginationInfo;
      const totalPages = Number.isFinite(total) ? total : null;
      progress(`${label}${type && itemTypes.length > 1 ? ` (${type})` : ''}: page ${page}${totalPages ? `/${totalPages}` : ''}, ${parsed.items.length} ${source.endpoint}`);
      return { items: parsed.items, next, totalPages };
    };
  }

  async function list<T extends ApiItem>(source: ItemSource<T>) {
    const queries = curatedLabels.flatMap((label) => source.variants(itemTypes).map((type) => ({ label, type })));
    const pages = await Promise.all(
      queries.map(async ({ label, type }) => {
        const what = `GET /groups/${group}/${source.endpoint}?labels=${label}${type ? `&issue_type=${type}` : ''}`;
        return [label, await allPages(what, PER_PAGE, pager(source, label, type))] as const;
      }),
    );
    return mergeEntries(source, pages, curatedLabels, itemTypes);
  }

  /** The open merge requests that close each issue GitLab counts any for; issues that vanished meanwhile are left out. */
  async function lookUpMergeRequests(entries: Entry<ApiIssue>[]) {
    const asked = entries.filter(({ item }) => hasClosingMergeRequests(item));
    const open = new Map<number, FetchedIssue['openMergeRequests']>();
    const gone = new Set<number>();
    await Promise.all(
      asked.map(async ({ item }) => {
        const path = `/projects/${item.project_id}/issues/${item.iid}/closed_by`;
        try {
          const closing = await allPages(`GET ${path}`, PER_PAGE, async (page): Promise<Page<ApiMergeRequest>> => {
            const response = (await limit(() => {
              signal.throwIfAborted();
              return api.Issues.allClosedByMergeRequestst(item.project_id, item.iid, { perPage: PER_PAGE, page, showExpanded: true } as never);
            })) as unknown as { data: unknown; paginationInfo: { next: number | null; totalPages: number } };
            const parsed = parseMergeRequestPage(response.data, `GET ${path} page ${page}`);
            if (parsed.invalid.length > 0) throw new ShapeError(parsed.invalid[0]!);
            const total = response.paginationInfo.totalPages;
            return { items: parsed.items, next: response.paginationInfo.next, totalPages: Number.isFinite(total) ? total : null };
          });
          open.set(item.id, openMergeRequests(closing));
        } catch (error) {
          if (error instanceof ShapeError) {
            // Its merge requests cannot be read, so whether someone is on it is unknown: not listed as free.
            skip([`issue id ${item.id}: ${error.message}`]);
            gone.add(item.id);
          } else if (error instanceof RequestFailure && error.status !== null && ISSUE_GONE.has(error.status)) {
            warn(`left out: issue id ${item.id}: GET ${path}: ${error.reason}`);
            gone.add(item.id);
          } else throw error;
        }
      }),
    );
    return { open, gone, asked: asked.length };
  }

  async function collectIssues() {
    const merged = await list(ISSUES);
    const lookups = await lookUpMergeRequests(merged.entries);
    const kept = merged.entries.filter(({ item }) => !lookups.gone.has(item.id));
    return {
      merged: normalizeAll(ISSUES, { ...merged, entries: kept }, gitlabUrl, digester, (issue) => lookups.open.get(issue.id) ?? []),
      mergeRequests: { issues: lookups.asked, open: [...lookups.open.values()].reduce((sum, list) => sum + list.length, 0) },
    };
  }

  async function collectEpics(): Promise<Merged | { unavailable: string }> {
    try {
      return normalizeAll(EPICS, await list(EPICS), gitlabUrl, digester, () => []);
    } catch (error) {
      if (error instanceof RequestFailure && error.status !== null && EPICS_REFUSED.has(error.status)) {
        return { unavailable: error.reason };
      }
      throw error;
    }
  }

  const [issues, epics] = await Promise.all([collectIssues(), options.epics ? collectEpics() : null]);
  if (invalid.count > MAX_INVALID_ITEMS && invalid.count > invalid.of * MAX_INVALID_SHARE) {
    throw new ShapeError(
      `${invalid.count} of ${invalid.of} items failed validation, more than ${MAX_INVALID_SHARE * 100} %: GitLab's API has changed (see the lines above)`,
    );
  }
  const common = { invalid, mergeRequests: issues.mergeRequests };
  if (epics === null || 'unavailable' in epics) return { ...issues.merged, epics, ...common };
  const dropped = { ...issues.merged.dropped };
  for (const [what, n] of Object.entries(epics.dropped)) dropped[what] = (dropped[what] ?? 0) + n;
  return {
    issues: [...issues.merged.issues, ...epics.issues].sort(compareItems),
    perLabel: issues.merged.perLabel,
    dropped,
    epics: epics.issues.length,
    ...common,
  };
}

/** Merges the label queries' items of one kind: leaves out what the list must not show, de-duplicates on id. */
function mergeEntries<T extends ApiItem>(
  source: Pick<ItemSource<T>, 'refusal'>,
  results: ReadonlyArray<readonly [label: string, items: T[]]>,
  curatedLabels: readonly string[],
  itemTypes: readonly ItemType[],
): { entries: Entry<T>[]; perLabel: Record<string, number>; dropped: Record<string, number> } {
  const byId = new Map<number, { item: T; foundBy: Set<string> }>();
  const perLabel: Record<string, number> = Object.fromEntries(curatedLabels.map((label) => [label, 0]));
  const refused = new Map<number, string>();
  const counted = new Map<string, Set<number>>();
  for (const [label, items] of results) {
    const ids = (counted.get(label) ?? counted.set(label, new Set()).get(label))!;
    for (const item of items) {
      const refusal = source.refusal(item, itemTypes);
      if (refusal) {
        refused.set(item.id, refusal);
        continue;
      }
      ids.add(item.id);
      const entry = byId.get(item.id) ?? { item, foundBy: new Set<string>() };
      entry.foundBy.add(label);
      byId.set(item.id, entry);
    }
    perLabel[label] = ids.size;
  }
  const dropped: Record<string, number> = {};
  for (const what of refused.values()) dropped[what] = (dropped[what] ?? 0) + 1;
  const entries = [...byId.values()].map(({ item, foundBy }) => {
    const names = new Set((item.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)));
    return { item, curated: curatedLabels.filter((label) => foundBy.has(label) || names.has(label)) };
  });
  return { entries, perLabel, dropped };
}

/** Normalises merged entries into snapshot items, by id. */
function normalizeAll<T extends ApiItem>(
  source: Pick<ItemSource<T>, 'kindOf' | 'normalize'>,
  merged: { entries: Entry<T>[]; perLabel: Record<string, number>; dropped: Record<string, number> },
  gitlabUrl: string,
  digester: Digester,
  openOf: (item: T) => FetchedIssue['openMergeRequests'],
): Merged {
  const issues = merged.entries.map(({ item, curated }) =>
    source.normalize(item, {
      curated,
      gitlabUrl,
      description: digester.digest(source.kindOf(item), item),
      openMergeRequests: openOf(item),
    }),
  );
  return { issues: issues.sort(compareItems), perLabel: merged.perLabel, dropped: merged.dropped };
}

/**
 * Merges each label query's issues as a run does, given each issue's closing merge requests: leaves out closed and
 * confidential ones and other work item types than `itemTypes`, de-duplicates on id, records `curated`.
 */
export function mergeLabelResults(
  results: ReadonlyArray<readonly [label: string, issues: ApiIssue[]]>,
  curatedLabels: readonly string[],
  gitlabUrl: string,
  closingOf: (issue: ApiIssue) => readonly ApiMergeRequest[] = () => [],
  options: { itemTypes?: readonly ItemType[]; digester?: Digester } = {},
): Merged {
  const merged = mergeEntries(ISSUES, results, curatedLabels, options.itemTypes ?? ['issue']);
  return normalizeAll(ISSUES, merged, gitlabUrl, options.digester ?? createDigester(), (issue) =>
    openMergeRequests(closingOf(issue)),
  );
}
