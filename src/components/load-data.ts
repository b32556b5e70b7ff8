import { decodeSteps, type ClientPayload } from '../lib/client-data';
import { facetIndexSteps, type FacetIndex } from '../lib/facets';
import type { Issue } from '../lib/model';
import { searchSteps, type IssueSearch } from '../lib/search';
import { runInSlices } from '../lib/slices';

/** Everything the island needs to answer a view: the issues, and the indexes built over them once. */
export interface LoadedData {
  issues: Issue[];
  search: IssueSearch;
  facetIndex: FacetIndex;
}

// Back to the browser between slices of work. scheduler.yield() keeps our place in line; a message event is the
// fallback, because nested setTimeout(0) calls are clamped to 4 ms each.
function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

// The page is already useful as served: the data waits until it has loaded and the browser is idle.
function afterLoadWhenIdle(): Promise<void> {
  const loaded =
    document.readyState === 'complete' ? Promise.resolve() : new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  return loaded.then(
    () =>
      new Promise<void>((resolve) => {
        if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
        else setTimeout(resolve, 50);
      }),
  );
}

/** Fetches the issue data after load and builds the indexes in slices, so no long task blocks the page. */
export async function loadData(url: string, curatedLabels: readonly string[]): Promise<LoadedData> {
  await afterLoadWhenIdle();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const payload = (await response.json()) as ClientPayload;
  const issues = await runInSlices(decodeSteps(payload), pause);
  const facetIndex = await runInSlices(facetIndexSteps(issues, curatedLabels), pause);
  const search = await runInSlices(searchSteps(issues), pause);
  return { issues, search, facetIndex };
}
