import { getHeapStatistics } from 'node:v8';

import { MAX_PAGE_BYTES } from './bounded-body';

// V8's reported heap limit counts the young generation's room too, which the old generation cannot use: 192 MB on
// Node 24 (the limit reads 384 MB under --max-old-space-size=192), 48 MB on Node 20.
const YOUNG_GENERATION = 192 * 1024 * 1024;

/**
 * Room the fetch keeps free in V8's heap: a fifth of it, and at least the young generation's share plus what a few
 * pages in flight take while they are read, parsed and validated (about four times a body each). Past that it gives
 * up while it can still say why.
 */
function reserve(limit: number): number {
  return Math.max(limit * 0.2, YOUNG_GENERATION + 4 * MAX_PAGE_BYTES);
}

/** Thrown when a run is about to exhaust the heap; V8 itself would abort with a dump instead of a line. */
class OutOfMemory extends Error {
  override name = 'OutOfMemory';
}

/**
 * Fails the run with one line when the heap is nearly full. Bodies, pages and items are capped, so this means GitLab
 * (or something posing as it) sent far more than any curated list holds.
 */
export function assertHeapRoom(progress: string): void {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  if (used > limit - reserve(limit)) {
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    throw new OutOfMemory(`out of memory: ${mb(used)} of ${mb(limit)} MB heap used after ${progress}; GitLab sent far more than expected`);
  }
}
