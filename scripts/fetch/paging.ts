/** One page of a paginated list, as GitLab's offset pagination describes it. */
export interface Page<T> {
  items: T[];
  next: number | null;
  totalPages: number | null;
}

/** Runs at most `limit` tasks at once. */
export function createLimiter(limit: number) {
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
export async function allPages<T>(fetchPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
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
