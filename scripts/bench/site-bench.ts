// Every figure of one dataset's site: first load, heap, ready to search, the keystroke session (ours in cards and in
// compact rows, the naive baseline, the Pagefind, FlexSearch and floor pages, and the floors of our own page, typed
// into in turn), recall against the naive baseline and Lighthouse in the browser; ranking quality in Node.
import type { Browser } from 'playwright-core';
import { BASELINE_INPUT, BASELINE_RESULTS, baselineTop, installBaseline } from './baseline';
import { waitReady, withPage } from './browser';
import type { Dataset } from './datasets';
import { ENGINE_INPUT, ENGINE_PAGES, ENGINE_TARGET, writeEnginePages, type EnginePage } from './engine-pages';
import { retarget } from './instrument';
import { OWN_FLOOR_VIEWS, ownFloorFile, writeOwnFloors, type OwnFloorView } from './own-floor';
import { runLighthouse, type LighthouseResult } from './lighthouse';
import { measureFirstLoad, measureHeap, type FirstLoad } from './page-metrics';
import { enginesDir, siteDir } from './paths';
import { step } from './progress';
import { pickQueries, type Query } from './queries';
import { rankingQuality, type RankingQuality } from './ranking';
import { readyToSearch, type ReadyResults } from './ready';
import { IssueLookup, missingFromOurs } from './recall';
import { sessionInTurn, type LaneSpec, type SessionTimes } from './session';
import { serveStatic, type StaticServer } from './static-server';

// How long a baseline page may take to answer a key before the key counts as unchanged.
const ENGINE_ANSWER_MS = 5000;

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
  /** The same session on the baseline pages, by engine. */
  engines?: Partial<Record<EnginePage, SessionTimes>>;
  /** The same session on our page's own floors (own-floor.ts), by view. */
  ownFloors?: Partial<Record<OwnFloorView, SessionTimes>>;
  /** Ready to search, by engine (cards and compact are ours). */
  ready?: ReadyResults;
  recall?: { checked: number; misses: Array<{ query: string; ids: number[] }> };
  ranking?: RankingQuality;
  lighthouse?: LighthouseResult;
  errors: Record<string, string>;
}

/** How much to measure. */
export interface SiteOptions {
  /** Repetitions of the keystroke session (the naive baseline's runs once). */
  reps: number;
  /** Whether to build the baseline pages, type into them too and measure ready to search. */
  engines: boolean;
  /** Cold loads of each engine for ready to search. */
  readyRounds: number;
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
  let engineServer: StaticServer | undefined;
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
    if (options.engines) {
      await attempt('baseline pages (Pagefind index, FlexSearch, floor)', async () => {
        await writeEnginePages(snapshot.issues, enginesDir(size));
        engineServer = await serveStatic(enginesDir(size));
      });
    }
    let ownFloorsWritten = false;
    if (engineServer) {
      await attempt('floors of our own page (its first results, no search)', async () => {
        await writeOwnFloors(browser, server.url, siteDir(size), enginesDir(size), queries[0]!.text);
        ownFloorsWritten = true;
      });
    }
    if (engineServer) {
      const pages = { ours: server.url, engines: engineServer.url };
      await attempt(`ready to search (${options.readyRounds} round${options.readyRounds === 1 ? '' : 's'})`, async () => {
        results.ready = await readyToSearch(browser, pages, size, queries[0]!.text, options.readyRounds);
      });
    }
    // Every page in one session, query by query in turn: the naive baseline first (its top 10 per query is what
    // recall checks our results against), in the first repetition only.
    const lookup = new IssueLookup(snapshot.issues);
    const top = new Map<string, number[]>();
    const times = new Map<string, SessionTimes>();
    for (let rep = 1; rep <= options.reps; rep += 1) {
      const recall = { checked: 0, misses: [] as Array<{ query: string; ids: number[] }> };
      const specs: LaneSpec[] = [];
      if (rep === 1) {
        specs.push({
          name: 'naive',
          context: { bypassCSP: true },
          open: async (page) => {
            await page.goto(`${server.url}/`);
            await waitReady(page);
            await installBaseline(page, snapshot.issues);
            await retarget(page, BASELINE_INPUT, BASELINE_RESULTS);
            return { input: BASELINE_INPUT, afterQuery: async (query) => void top.set(query.text, await baselineTop(page, 10)) };
          },
        });
      }
      for (const view of ['cards', 'compact'] as const) {
        specs.push({
          name: view,
          open: async (page) => {
            await page.goto(`${server.url}/${view === 'compact' ? '?view=compact' : ''}`);
            await waitReady(page);
            if (view === 'compact' || rep > 1) return { input: '#search' };
            const afterQuery = async (query: Query) => {
              if (!top.has(query.text)) return;
              const wanted = lookup.trulyMatching(top.get(query.text)!, query.text);
              recall.checked += wanted.length;
              const missing = await missingFromOurs(page, lookup, wanted);
              if (missing.length) recall.misses.push({ query: query.text, ids: missing });
            };
            return { input: '#search', afterQuery };
          },
        });
      }
      for (const engine of engineServer ? ENGINE_PAGES : []) {
        const url = `${engineServer!.url}/${engine}.html`;
        specs.push({
          name: engine,
          open: async (page) => {
            await page.goto(url);
            await page.waitForFunction(() => (window as { __engineReady?: boolean }).__engineReady === true, undefined, { timeout: 60_000 });
            await retarget(page, ENGINE_INPUT, ENGINE_TARGET);
            // Their pages render on every key; Pagefind answers from its worker, after the index files it fetches.
            return { input: ENGINE_INPUT, answerMs: ENGINE_ANSWER_MS };
          },
        });
      }
      for (const view of ownFloorsWritten ? OWN_FLOOR_VIEWS : []) {
        specs.push({
          name: `floor-${view}`,
          open: async (page) => {
            await page.goto(`${engineServer!.url}/${ownFloorFile(view)}`);
            await page.waitForFunction(() => (window as { __engineReady?: boolean }).__engineReady === true, undefined, { timeout: 60_000 });
            return { input: '#search' };
          },
        });
      }
      await attempt(`session ${rep}/${options.reps}: ${specs.map((spec) => spec.name).join(', ')}, query by query in turn`, async () => {
        const failed = await sessionInTurn(browser, specs, queries, times);
        for (const [name, error] of Object.entries(failed)) results.errors[`session: ${name}`] = error;
        if (rep === 1 && !failed.naive && !failed.cards && top.size > 0) results.recall = recall;
      });
    }
    const measured = (name: string) => {
      const lane = times.get(name);
      return lane && lane.keys > 0 && !results.errors[`session: ${name}`] ? lane : undefined;
    };
    results.baseline = measured('naive');
    results.ours = measured('cards');
    results.compact = measured('compact');
    // The lanes measured of `keys`, by key; undefined when none was.
    const measuredOf = <K extends string>(keys: readonly K[], lane: (key: K) => string) => {
      const byKey = Object.fromEntries(keys.flatMap((key) => (measured(lane(key)) ? [[key, measured(lane(key))!]] : [])));
      return Object.keys(byKey).length ? (byKey as Partial<Record<K, SessionTimes>>) : undefined;
    };
    const engines = measuredOf(ENGINE_PAGES, (engine) => engine);
    if (engines) results.engines = engines;
    const ownFloors = measuredOf(OWN_FLOOR_VIEWS, (view) => `floor-${view}`);
    if (ownFloors) results.ownFloors = ownFloors;
    if (options.lighthouse.length) {
      await attempt(`lighthouse (${options.lighthouse.join(', ')})`, async () => {
        results.lighthouse = await runLighthouse(`${server.url}/`, options.lighthouse, String(size));
      });
    }
  } finally {
    await server.close();
    await engineServer?.close();
  }
  return results;
}
