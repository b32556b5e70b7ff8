// "Ready to search": from navigation start to the first query answered from the full data. A fresh page (cold cache)
// is opened, the query is typed the moment its search box can take it, and the time is taken in the page at the DOM
// change after which the page shows the answer it shows once everything is loaded: the same status text (a count
// over all the data) and the same first 3 results. Long tasks up to then, and the bytes the server sent up to then,
// are recorded too.
import type { Browser, Page } from 'playwright-core';
import { waitHydrated, waitReady, withPage } from './browser';
import { ENGINE_CARDS, ENGINE_INPUT, ENGINE_STATUS, type EnginePage } from './engine-pages';
import { enginesDir, siteDir } from './paths';
import { servedBytes } from './static-server';

/** Where a page shows its answer: the status text, and an attribute naming each result. */
export interface AnswerSpec {
  status: string;
  results: string;
  attribute: string;
}

/** One engine's page, as the ready measurement loads it. */
export interface ReadyTarget {
  name: string;
  url: string;
  /** The directory the server serves the URL from (for the bytes). */
  root: string;
  input: string;
  answer: AnswerSpec;
  /** Resolves once the search box can take a query. */
  whenTypable(page: Page): Promise<void>;
}

/** What one load measured: ms from navigation start, long tasks before then (ms each), bytes sent until then. */
export interface ReadySample {
  ms: number;
  longTasks: number[];
  bytes: number;
  files: number;
}

const TIMEOUT = 60_000;
/** How many results the answer compares. */
const FIRST_RESULTS = 3;

// Runs in the page; serialised, so it refers to nothing outside itself.
function readAnswer(spec: AnswerSpec & { first: number }): string {
  const status = (document.querySelector(spec.status)?.textContent ?? '').trim();
  const results = [...document.querySelectorAll(spec.results)].slice(0, spec.first).map((node) => node.getAttribute(spec.attribute));
  return `${status} | ${results.join(' ')}`;
}

declare global {
  interface Window {
    __ready: { at: number; longTasks: Array<{ start: number; duration: number }> };
  }
}

// Installed before the page's own scripts: records long tasks, and the time of the first DOM change after which
// the page shows `expected`. Given as source text, so the page's CSP (no eval) does not stand in its way.
function probe(answer: typeof readAnswer, spec: AnswerSpec & { first: number }, expected: string): void {
  const ready: Window['__ready'] = { at: -1, longTasks: [] };
  window.__ready = ready;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) ready.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (ready.at < 0 && answer(spec) === expected) ready.at = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** The answer a page shows now (once it is fully loaded and has answered `query`, this is the expected one). */
export function currentAnswer(page: Page, spec: AnswerSpec): Promise<string> {
  return page.evaluate(readAnswer, { ...spec, first: FIRST_RESULTS });
}

/** Loads `target` in a fresh context, types `query` as soon as it can, and times the full-data `expected` answer. */
export async function measureReady(browser: Browser, target: ReadyTarget, query: string, expected: string): Promise<ReadySample> {
  return withPage(browser, {}, async (page) => {
    const origin = new URL(target.url).origin;
    const served: string[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(origin) && response.status() === 200) served.push(new URL(response.url()).pathname);
    });
    const spec = JSON.stringify({ ...target.answer, first: FIRST_RESULTS });
    await page.addInitScript({ content: `(${String(probe)})(${String(readAnswer)}, ${spec}, ${JSON.stringify(expected)});` });
    await page.goto(target.url, { waitUntil: 'commit' });
    await target.whenTypable(page);
    await page.fill(target.input, query);
    await page.waitForFunction(() => window.__ready.at >= 0, undefined, { timeout: TIMEOUT });
    const paths = [...served];
    const { at, longTasks } = await page.evaluate(() => window.__ready);
    return {
      ms: at,
      longTasks: longTasks.filter((task) => task.start < at).map((task) => task.duration),
      bytes: paths.reduce((sum, path) => sum + servedBytes(target.root, path), 0),
      files: paths.length,
    };
  });
}

/** The ready figures of one dataset: every load of every engine, by engine. */
export type ReadyResults = Record<string, ReadySample[]>;

const OURS_ANSWER: AnswerSpec = { status: 'main [role="status"]', results: 'main#main article', attribute: 'aria-labelledby' };
const ENGINE_ANSWER: AnswerSpec = { status: ENGINE_STATUS, results: ENGINE_CARDS, attribute: 'data-ref' };

// Our page in both views (typable once hydrated, loaded once it answered a probe), and the baselines that search
// (typable at once, loaded once their script is bound).
function targets(urls: { ours: string; engines: string }, size: number): Array<ReadyTarget & { loaded(page: Page): Promise<void> }> {
  const ours = (name: string, path: string) => ({
    name,
    url: `${urls.ours}${path}`,
    root: siteDir(size),
    input: '#search',
    answer: OURS_ANSWER,
    whenTypable: (page: Page) => waitHydrated(page),
    loaded: waitReady,
  });
  const engine = (name: EnginePage) => ({
    name,
    url: `${urls.engines}/${name}.html`,
    root: enginesDir(size),
    input: ENGINE_INPUT,
    answer: ENGINE_ANSWER,
    whenTypable: async (page: Page) => void (await page.waitForSelector(ENGINE_INPUT, { timeout: TIMEOUT })),
    loaded: async (page: Page) =>
      void (await page.waitForFunction(() => (window as { __engineReady?: boolean }).__engineReady === true, undefined, { timeout: TIMEOUT })),
  });
  return [ours('cards', '/'), ours('compact', '/?view=compact'), engine('pagefind'), engine('flexsearch')];
}

// The answer a fully loaded page settles on for `query`: read until two reads 200 ms apart agree.
async function settledAnswer(page: Page, target: ReadyTarget, query: string): Promise<string> {
  const before = await currentAnswer(page, target.answer);
  await page.fill(target.input, query);
  let last = before;
  for (let waited = 0; waited < TIMEOUT; waited += 200) {
    await page.waitForTimeout(200);
    const now = await currentAnswer(page, target.answer);
    if (now === last && now !== before) return now;
    last = now;
  }
  throw new Error(`${target.name}: no settled answer to "${query}"`);
}

/**
 * Ready to search for our page (both views), Pagefind and FlexSearch: the expected answers first, from fully loaded
 * pages; then `rounds` rounds of one cold load of each in turn.
 */
export async function readyToSearch(browser: Browser, urls: { ours: string; engines: string }, size: number, query: string, rounds: number): Promise<ReadyResults> {
  const all = targets(urls, size);
  const expected = new Map<string, string>();
  for (const target of all) {
    expected.set(
      target.name,
      await withPage(browser, {}, async (page) => {
        await page.goto(target.url);
        await target.loaded(page);
        return settledAnswer(page, target, query);
      }),
    );
  }
  const results: ReadyResults = Object.fromEntries(all.map((target) => [target.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const target of all) results[target.name]!.push(await measureReady(browser, target, query, expected.get(target.name)!));
  }
  return results;
}
