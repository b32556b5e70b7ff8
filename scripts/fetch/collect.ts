import type { Gitlab } from '@gitbeaker/rest';
import { parseIssuePage, type ApiIssue } from './api-issue';
import { createDigester, type Digester } from './digest';
import type { FetchedIssue } from './first-seen';
import { isPublicAndOpen, normalizeIssue } from './normalize';

/** GitLab's largest page size: fewer, larger pages keep a fetch far from any rate limit. */
const PER_PAGE = 100;

interface CollectOptions {
  api: InstanceType<typeof Gitlab>;
  /** The instance's base URL, to read project paths from web URLs. */
  gitlabUrl: string;
  group: string;
  curatedLabels: readonly string[];
  /** Pages fetched at once when GitLab tells the total; 1 means strictly sequential. */
  concurrency: number;
  digester: Digester;
  progress: (line: string) => void;
  signal: AbortSignal;
}

/** What a run found: the merged issues and how many each label query returned. */
export interface Collected {
  issues: FetchedIssue[];
  perLabel: Record<string, number>;
  /** Issues the API returned although they are closed or confidential; never listed. */
  dropped: number;
}

interface Page {
  issues: ApiIssue[];
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

/** Fetches every curated label's issues from the group and merges them, de-duplicated on the global id. */
export async function collectCuratedIssues(options: CollectOptions): Promise<Collected> {
  const { api, gitlabUrl, group, curatedLabels, progress, signal, digester } = options;
  const limit = createLimiter(Math.max(1, options.concurrency));

  async function fetchPage(label: string, page: number): Promise<Page> {
    const response = (await limit(() => {
      signal.throwIfAborted();
      return api.Issues.all({
        groupId: group,
        labels: label,
        state: 'opened',
        confidential: false,
        withLabelsDetails: true,
        // Oldest first: issues created while we page are appended at the end instead of shifting pages.
        orderBy: 'created_at',
        sort: 'asc',
        perPage: PER_PAGE,
        page,
        showExpanded: true,
      } as never);
    })) as unknown as { data: unknown; paginationInfo: { next: number | null; totalPages: number } };
    const issues = parseIssuePage(response.data, `GET /groups/${group}/issues?labels=${label} page ${page}`);
    // Parse descriptions now, while the other pages are still on their way.
    for (const issue of issues) if (isPublicAndOpen(issue)) digester.digest(issue);
    const totalPages = Number.isFinite(response.paginationInfo.totalPages) ? response.paginationInfo.totalPages : null;
    progress(`${label}: page ${page}${totalPages ? `/${totalPages}` : ''}, ${issues.length} issues`);
    return { issues, next: response.paginationInfo.next, totalPages };
  }

  async function fetchLabel(label: string): Promise<ApiIssue[]> {
    const first = await fetchPage(label, 1);
    const pages = [first];
    let last = first;
    if (first.totalPages && first.totalPages > 1) {
      // Totals are known (under 10,000 results): ask for the remaining pages at once, bounded by the limiter.
      const numbers = Array.from({ length: first.totalPages - 1 }, (_, i) => i + 2);
      const rest = await Promise.all(numbers.map((page) => fetchPage(label, page)));
      pages.push(...rest);
      last = rest.at(-1)!;
    }
    // Without totals (or when issues were added while paging) follow next links until there are none.
    while (last.next) {
      last = await fetchPage(label, last.next);
      pages.push(last);
    }
    return pages.flatMap((page) => page.issues);
  }

  const results = await Promise.all(curatedLabels.map(async (label) => [label, await fetchLabel(label)] as const));
  return mergeLabelResults(results, curatedLabels, gitlabUrl, digester);
}

/** Merges each label query's issues: drops closed and confidential ones, de-duplicates on id, records `curated`. */
export function mergeLabelResults(
  results: ReadonlyArray<readonly [label: string, issues: ApiIssue[]]>,
  curatedLabels: readonly string[],
  gitlabUrl: string,
  digester: Digester = createDigester(),
): Collected {
  const byId = new Map<number, { issue: ApiIssue; foundBy: Set<string> }>();
  const perLabel: Record<string, number> = {};
  let dropped = 0;
  for (const [label, issues] of results) {
    const ids = new Set<number>();
    for (const issue of issues) {
      if (!isPublicAndOpen(issue)) {
        dropped += 1;
        continue;
      }
      ids.add(issue.id);
      const entry = byId.get(issue.id) ?? { issue, foundBy: new Set<string>() };
      entry.foundBy.add(label);
      byId.set(issue.id, entry);
    }
    perLabel[label] = ids.size;
  }
  const issues = [...byId.values()].map(({ issue, foundBy }) => {
    const names = new Set(issue.labels.map((label) => (typeof label === 'string' ? label : label.name)));
    const curated = curatedLabels.filter((label) => foundBy.has(label) || names.has(label));
    return normalizeIssue(issue, curated, gitlabUrl, digester.digest(issue));
  });
  return { issues: issues.sort((a, b) => a.id - b.id), perLabel, dropped };
}
