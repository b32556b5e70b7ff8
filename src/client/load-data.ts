import type { Issue, ViewState } from '../lib/model';
import type { IssueRow, PayloadIndex } from '../lib/payload';
import { runInSlices } from '../lib/slices';
import type { IssueQuery, QueryContext } from '../lib/view/query';

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

async function fetched(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response;
}

const json = <T>(url: string): Promise<T> => fetched(url).then((response) => response.json() as Promise<T>);

/**
 * Fetches the issue data and the word index the build made of it after load, and sets the query up over them in
 * slices, so no long task blocks the page. The code that decodes and queries is loaded only now: the page's first
 * script stays small. `shown`, if given, says which view the page will render with the data: it is run (and kept,
 * see query.ts) a task before that render.
 */
export async function loadData(indexUrl: string, context: QueryContext, shown?: () => ViewState): Promise<IssueQuery> {
  await afterLoadWhenIdle();
  const wordsFile = fetched(indexUrl.replace(/\.json$/, '-words.bin')).then((response) => response.arrayBuffer());
  // A failure surfaces once, from the file awaited first; the others must not also report it as unhandled.
  wordsFile.catch(() => undefined);
  // Each import names what it takes (the bundler can then leave the rest of the module out, such as what the build
  // alone uses to make the indexes).
  const [decodeSteps, issueQuerySteps, index] = await Promise.all([
    import('../lib/payload').then(({ decodeSteps }) => decodeSteps),
    import('../lib/view/query').then(({ issueQuerySteps }) => issueQuerySteps),
    json<PayloadIndex>(indexUrl),
  ]);
  // All files download at once; each is parsed and decoded on its own, in order.
  const rowFiles = Array.from({ length: index.chunks }, (_, n) => json<IssueRow[]>(indexUrl.replace(/\.json$/, `-${n}.json`)));
  for (const file of rowFiles) file.catch(() => undefined);
  const issues: Issue[] = [];
  for (const rows of rowFiles) issues.push(...(await runInSlices(decodeSteps(index, await rows), pause)));
  const query = await runInSlices(issueQuerySteps(issues, await wordsFile, context), pause);
  // The page then renders anew with the data: in a task of its own rather than at the end of the last slice, and
  // after one that runs the view it will show, its counts too (made when first read; the filter panel reads them in
  // that render). Together they took 44 to 62 ms at 10,000 issues, a long task.
  if (shown) {
    await pause();
    void query.run(shown()).facets;
  }
  await pause();
  return query;
}
