/** One page of a paginated list, as GitLab's offset pagination describes it. */
export interface Page<T> {
  items: T[];
  next: number | null;
  totalPages: number | null;
}

/**
 * Pages one listing may take: 1,000 pages of 100 are 100,000 items, far above gitlab-org's real size (a few
 * thousand curated issues). Past it the answer is a loop or a hostile server, and the run fails.
 */
export const MAX_PAGES = 1_000;

/** Thrown when a listing's pagination cannot be trusted; the message is one line naming the listing. */
export class PagingError extends Error {
  override name = 'PagingError';
}

/** Runs a task when fewer than its limit are running. */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs at most `limit` tasks at once. */
export function createLimiter(limit: number): Limit {
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

/**
 * Every item of one listing (`what`, for messages): its first page, then the remaining pages at once when GitLab
 * tells the total, then next pages until there are none. Bounded: at most MAX_PAGES pages, each with at most
 * `perPage` items, and a next page must lie ahead of the current one and not have been asked for before.
 */
export async function allPages<T>(what: string, perPage: number, fetchPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const seen = new Set<number>();
  const pages: Page<T>[] = [];
  const take = async (number: number): Promise<Page<T>> => {
    if (seen.size >= MAX_PAGES) {
      throw new PagingError(`${what}: more than ${MAX_PAGES} pages; refusing to page on (a loop, or far more than any curated list)`);
    }
    seen.add(number);
    const page = await fetchPage(number);
    if (page.items.length > perPage) {
      throw new PagingError(`${what} page ${number}: ${page.items.length} items on a page of ${perPage}`);
    }
    if (page.next !== null && (!Number.isSafeInteger(page.next) || page.next <= number)) {
      throw new PagingError(`${what} page ${number}: the next page is ${page.next}, not one ahead of it`);
    }
    pages.push(page);
    return page;
  };
  const first = await take(1);
  let last = first;
  if (first.totalPages !== null && first.totalPages > 1) {
    if (!Number.isSafeInteger(first.totalPages) || first.totalPages > MAX_PAGES) {
      throw new PagingError(`${what}: GitLab reports ${first.totalPages} pages, more than the ${MAX_PAGES} a listing may take`);
    }
    // Totals are known (under 10,000 results): ask for the remaining pages at once, bounded by the limiter.
    const numbers = Array.from({ length: first.totalPages - 1 }, (_, i) => i + 2);
    const rest = await Promise.all(numbers.map(take));
    last = rest.at(-1)!;
  }
  // Without totals (or when items were added while paging) follow next links until there are none.
  while (last.next !== null) {
    if (seen.has(last.next)) throw new PagingError(`${what}: the next page, ${last.next}, was asked for already`);
    last = await take(last.next);
  }
  return pages.flatMap((page) => page.items);
}
