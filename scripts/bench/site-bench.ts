// Every figure of one dataset's site: first load, heap, the keystroke session (ours in cards and in compact rows,
// and the naive baseline), recall against the baseline and Lighthouse in the browser; ranking quality in Node.
import type { Browser } from 'playwright-core';
import { BASELINE_INPUT, BASELINE_RESULTS, baselineTop, installBaseline } from './baseline';
import { waitReady, withPage } from './browser';
import type { Dataset } from './datasets';
import { instrument, retarget } from './instrument';
import { runLighthouse, type LighthouseResult } from './lighthouse';
import { measureFirstLoad, measureHeap, type FirstLoad } from './page-metrics';
import { siteDir } from './paths';
import { step } from './progress';
import { pickQueries } from './queries';
import { rankingQuality, type RankingQuality } from './ranking';
import { IssueLookup, missingFromOurs } from './recall';
import { emptyTimes, runSession, type SessionTimes } from './session';
import { serveStatic } from './static-server';

/** What was measured on one site; a step that failed leaves its field out and its message in `errors`. */
export interface SiteResults {
  size: number;
  queries: number;
  firstLoad?: FirstLoad;
  heapBytes?: number;
  ours?: SessionTimes;
  /** The same session in the compact view (?view=compact), which renders more, smaller rows per keystroke. */
  compact?: SessionTimes;
  baseline?: SessionTimes;
  recall?: { checked: number; misses: Array<{ query: string; ids: number[] }> };
  ranking?: RankingQuality;
  lighthouse?: LighthouseResult;
  errors: Record<string, string>;
}

/** How much to measure. */
export interface SiteOptions {
  /** Repetitions of our keystroke session (the baseline's runs once). */
  reps: number;
  heap: boolean;
  /** Lighthouse categories to run, or none. */
  lighthouse: readonly string[];
}

/** Serves the dataset's built site and measures it. */
export async function benchSite(browser: Browser, dataset: Dataset, options: SiteOptions): Promise<SiteResults> {
  const { size, snapshot } = dataset;
  const queries = pickQueries(snapshot.issues);
  const results: SiteResults = { size, queries: queries.length, errors: {} };
  const server = await serveStatic(siteDir(size));
  const attempt = async (name: string, work: () => Promise<void>) => {
    step(`${size}: ${name}`);
    try {
      await work();
    } catch (error) {
      results.errors[name] = (error as Error).message.split('\n')[0]!;
      step(`${size}: ${name} FAILED: ${results.errors[name]}`);
    }
  };
  try {
    await attempt('ranking quality (in Node)', async () => {
      results.ranking = rankingQuality(snapshot.issues, queries);
    });
    await attempt('first load', async () => {
      results.firstLoad = await withPage(browser, {}, (page) => measureFirstLoad(page, server.url, siteDir(size)));
    });
    if (options.heap) {
      await attempt('heap', async () => {
        results.heapBytes = await withPage(browser, {}, (page) => measureHeap(page, server.url));
      });
    }
    // The baseline first: its top 10 per query is what recall checks our results against.
    const top = new Map<string, number[]>();
    await attempt(`baseline session (${queries.length} queries)`, async () => {
      const times = emptyTimes();
      await withPage(browser, { bypassCSP: true }, async (page) => {
        await instrument(page);
        await page.goto(`${server.url}/`);
        await waitReady(page);
        await installBaseline(page, snapshot.issues);
        await retarget(page, BASELINE_INPUT, BASELINE_RESULTS);
        await runSession(page, BASELINE_INPUT, queries, times, async (query) => void top.set(query.text, await baselineTop(page, 10)));
      });
      results.baseline = times;
    });
    const lookup = new IssueLookup(snapshot.issues);
    const ours = emptyTimes();
    for (let rep = 1; rep <= options.reps; rep += 1) {
      const checkRecall = rep === 1 && top.size > 0;
      await attempt(`our session ${rep}/${options.reps}${checkRecall ? ' + recall' : ''}`, async () => {
        const recall = { checked: 0, misses: [] as Array<{ query: string; ids: number[] }> };
        await withPage(browser, {}, async (page) => {
          await instrument(page);
          await page.goto(`${server.url}/`);
          await waitReady(page);
          await runSession(page, '#search', queries, ours, async (query) => {
            if (!checkRecall) return;
            const wanted = lookup.trulyMatching(top.get(query.text) ?? [], query.text);
            recall.checked += wanted.length;
            const missing = await missingFromOurs(page, lookup, wanted);
            if (missing.length) recall.misses.push({ query: query.text, ids: missing });
          });
        });
        if (checkRecall) results.recall = recall;
      });
    }
    if (ours.keys > 0) results.ours = ours;
    const compact = emptyTimes();
    for (let rep = 1; rep <= options.reps; rep += 1) {
      await attempt(`our session, compact view ${rep}/${options.reps}`, async () => {
        await withPage(browser, {}, async (page) => {
          await instrument(page);
          await page.goto(`${server.url}/?view=compact`);
          await waitReady(page);
          await runSession(page, '#search', queries, compact);
        });
      });
    }
    if (compact.keys > 0) results.compact = compact;
    if (options.lighthouse.length) {
      await attempt(`lighthouse (${options.lighthouse.join(', ')})`, async () => {
        results.lighthouse = await runLighthouse(`${server.url}/`, options.lighthouse, String(size));
      });
    }
  } finally {
    await server.close();
  }
  return results;
}
