import type { Gitlab } from '@gitbeaker/rest';
import { compareItems } from '../../src/lib/model';
import type { ItemKind } from '../../src/lib/snapshot';
import { parseEpicPage, type ApiEpic } from './api-epic';
import { parseIssuePage, type ApiIssue } from './api-issue';
import { createDigester, type DescriptionDigest, type Digester } from './digest';
import type { FetchedIssue } from './first-seen';
import { isPublicAndOpen, normalizeEpic, normalizeIssue, type ApiItem } from './normalize';
import { RequestFailure } from './requester';

/** GitLab's largest page size: fewer, larger pages keep a fetch far from any rate limit. */
const PER_PAGE = 100;

type Api = InstanceType<typeof Gitlab>;

/** One kind of curated item: how to ask the group for a page of it, and how to read and normalise the answer. */
interface ItemSource<T extends ApiItem> {
  kind: ItemKind;
  /** The list endpoint under /groups/:id/, also the plural in progress lines. */
  endpoint: 'issues' | 'epics';
  request(api: Api, group: string, label: string, page: number): Promise<unknown>;
  parse(body: unknown, where: string): T[];
  normalize(item: T, curated: readonly string[], gitlabUrl: string, description: DescriptionDigest): FetchedIssue;
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

const ISSUES: ItemSource<ApiIssue> = {
  kind: 'issue',
  endpoint: 'issues',
  request: (api, group, label, page) => api.Issues.all({ groupId: group, ...listQuery(label, page) }),
  parse: parseIssuePage,
  normalize: normalizeIssue,
};

const EPICS: ItemSource<ApiEpic> = {
  kind: 'epic',
  endpoint: 'epics',
  request: (api, group, label, page) => api.Epics.all(group, listQuery(label, page)),
  parse: parseEpicPage,
  normalize: normalizeEpic,
};

// Epics need a paid tier (403 without, 404 where the endpoint does not exist) and GitLab may refuse to list them
// to anonymous callers (401): then the list has issues only.
const EPICS_REFUSED = new Set([401, 403, 404]);

interface CollectOptions {
  api: Api;
  /** The instance's base URL, to read project paths from web URLs. */
  gitlabUrl: string;
  group: string;
  curatedLabels: readonly string[];
  /** Whether to list the group's epics too. */
  epics: boolean;
  /** Pages fetched at once when GitLab tells the total; 1 means strictly sequential. */
  concurrency: number;
  digester: Digester;
  progress: (line: string) => void;
  signal: AbortSignal;
}

/** The merged items of one kind, how many each label query returned, and how many were dropped. */
export interface Merged {
  issues: FetchedIssue[];
  perLabel: Record<string, number>;
  /** Items the API returned although they are closed or confidential; never listed. */
  dropped: number;
}

/** What a run found: issues and epics merged (the counts per label are of issues), and what became of epics. */
export interface Collected extends Merged {
  /** How many epics were listed; why GitLab refused to list them ("403 Forbidden"); null when not asked for. */
  epics: number | { unavailable: string } | null;
}

interface Page<T> {
  items: T[];
  next: number | null;
  totalPages: number | null;
}

/** Runs at most `limit` tasks at once. */
function createLimiter(limit: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}

/** Every item of one listing: its first page, then the remaining pages at once when GitLab tells the total. */
async function allPages<T>(fetchPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const first = await fetchPage(1);
  const pages = [first];
  let last = first;
  if (first.totalPages && first.totalPages > 1) {
    // Totals are known (under 10,000 results): ask for the remaining pages at once, bounded by the limiter.
    const numbers = Array.from({ length: first.totalPages - 1 }, (_, i) => i + 2);
    const rest = await Promise.all(numbers.map((page) => fetchPage(page)));
    pages.push(...rest);
    last = rest.at(-1)!;
  }
  // Without totals (or when items were added while paging) follow next links until there are none.
  while (last.next) {
    last = await fetchPage(last.next);
    pages.push(last);
  }
  return pages.flatMap((page) => page.items);
}

/** Fetches every curated label's issues (and epics) from the group and merges them per kind, de-duplicated on id. */
export async function collectCuratedIssues(options: CollectOptions): Promise<Collected> {
  const { api, gitlabUrl, group, curatedLabels, progress, signal, digester } = options;
  // One limiter for issues and epics alike: the bound is on requests to GitLab, whatever they list.
  const limit = createLimiter(Math.max(1, options.concurrency));

  function pager<T extends ApiItem>(source: ItemSource<T>, label: string) {
    return async (page: number): Promise<Page<T>> => {
      const response = (await limit(() => {
        signal.throwIfAborted();
        return source.request(api, group, label, page);
      })) as { data: unknown; paginationInfo: { next: number | null; totalPages: number } };
      const items = source.parse(response.data, `GET /groups/${group}/${source.endpoint}?labels=${label} page ${page}`);
      // Parse descriptions now, while the other pages are still on their way.
      for (const item of items) if (isPublicAndOpen(item)) digester.digest(source.kind, item);
      const { next, totalPages: total } = response.paginationInfo;
      const totalPages = Number.isFinite(total) ? total : null;
      progress(`${label}: page ${page}${totalPages ? `/${totalPages}` : ''}, ${items.length} ${source.endpoint}`);
      return { items, next, totalPages };
    };
  }

  async function collect<T extends ApiItem>(source: ItemSource<T>): Promise<Merged> {
    const results = await Promise.all(
      curatedLabels.map(async (label) => [label, await allPages(pager(source, label))] as const),
    );
    return mergeItems(source, results, curatedLabels, gitlabUrl, digester);
  }

  async function collectEpics(): Promise<Merged | { unavailable: string }> {
    try {
      return await collect(EPICS);
    } catch (error) {
      if (error instanceof RequestFailure && error.status !== null && EPICS_REFUSED.has(error.status)) {
        return { unavailable: error.reason };
      }
      throw error;
    }
  }

  const [issues, epics] = await Promise.all([collect(ISSUES), options.epics ? collectEpics() : null]);
  if (epics === null || 'unavailable' in epics) return { ...issues, epics };
  return {
    issues: [...issues.issues, ...epics.issues].sort(compareItems),
    perLabel: issues.perLabel,
    dropped: issues.dropped + epics.dropped,
    epics: epics.issues.length,
  };
}

/** Merges the label queries' items of one kind: drops closed and confidential ones, de-duplicates on id. */
function mergeItems<T extends ApiItem>(
  source: Pick<ItemSource<T>, 'kind' | 'normalize'>,
  results: ReadonlyArray<readonly [label: string, items: T[]]>,
  curatedLabels: readonly string[],
  gitlabUrl: string,
  digester: Digester,
): Merged {
  const byId = new Map<number, { item: T; foundBy: Set<string> }>();
  const perLabel: Record<string, number> = {};
  let dropped = 0;
  for (const [label, items] of results) {
    const ids = new Set<number>();
    for (const item of items) {
      if (!isPublicAndOpen(item)) {
        dropped += 1;
        continue;
      }
      ids.add(item.id);
      const entry = byId.get(item.id) ?? { item, foundBy: new Set<string>() };
      entry.foundBy.add(label);
      byId.set(item.id, entry);
    }
    perLabel[label] = ids.size;
  }
  const merged = [...byId.values()].map(({ item, foundBy }) => {
    const names = new Set((item.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)));
    const curated = curatedLabels.filter((label) => foundBy.has(label) || names.has(label));
    return source.normalize(item, curated, gitlabUrl, digester.digest(source.kind, item));
  });
  return { issues: merged.sort((a, b) => a.id - b.id), perLabel, dropped };
}

/** Merges each label query's issues: drops closed and confidential ones, de-duplicates on id, records `curated`. */
export function mergeLabelResults(
  results: ReadonlyArray<readonly [label: string, issues: ApiIssue[]]>,
  curatedLabels: readonly string[],
  gitlabUrl: string,
  digester: Digester = createDigester(),
): Merged {
  return mergeItems(ISSUES, results, curatedLabels, gitlabUrl, digester);
}
