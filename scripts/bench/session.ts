// Types the scripted session key by key into a search input and collects each keystroke's timing.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { openPage, type OpenPage } from './browser';
import { forgetKey, instrument, settle } from './instrument';
import type { Query } from './queries';

/** How long the result container must stay unchanged before the next key (covers any debounce under it). */
export const QUIET_MS = 100;

/** Per-keystroke latencies in ms from keydown: first DOM mutation, last one, and the next frame. */
export interface SessionTimes {
  first: number[];
  last: number[];
  frame: number[];
  /** Keystrokes after which nothing in the container changed (left out of the latencies). */
  unchanged: number;
  keys: number;
}

/** An empty set of timings, to pool repetitions into. */
export function emptyTimes(): SessionTimes {
  return { first: [], last: [], frame: [], unchanged: 0, keys: 0 };
}

/** One page typed into by the session: its input, the timings it collects, and what to do after each query. */
export interface Lane {
  name: string;
  page: Page;
  input: string;
  times: SessionTimes;
  /** For a page that changes on every key, how long to wait for each key's change (see `settle`). */
  answerMs?: number;
  /** Runs once each query is complete (for reading results). */
  afterQuery?: (query: Query) => Promise<void>;
}

// Types `query` one character at a time into the lane's input, cleared first, waiting for the page to settle after every key.
async function typeQuery({ page, input, times, answerMs }: Lane, query: Query): Promise<void> {
  // Clearing is not a measured keystroke: forget the last key first, then let the page settle.
  await forgetKey(page);
  await page.fill(input, '');
  await settle(page, QUIET_MS);
  await page.focus(input);
  for (const char of query.text) {
    await page.keyboard.type(char);
    const sample = await settle(page, QUIET_MS, answerMs);
    if (sample.t0 < 0) throw new Error(`keydown in ${input} was not seen while typing "${query.text}"`);
    times.keys += 1;
    if (sample.first < 0) {
      times.unchanged += 1;
      continue;
    }
    times.first.push(sample.first - sample.t0);
    times.last.push(sample.last - sample.t0);
    if (sample.frame >= 0) times.frame.push(sample.frame - sample.t0);
  }
}

/**
 * Types every query into every lane's page, query by query in turn, so that whatever else the machine does falls on
 * all of them alike. A lane that fails is dropped from the rest of the session; its error is returned by name.
 */
export async function runSession(lanes: readonly Lane[], queries: readonly Query[]): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  for (const query of queries) {
    for (const lane of lanes) {
      if (lane.name in errors) continue;
      try {
        await lane.page.bringToFront();
        await typeQuery(lane, query);
        await lane.afterQuery?.(query);
      } catch (error) {
        errors[lane.name] = (error as Error).message.split('\n')[0]!;
      }
    }
  }
  return errors;
}

/** How to open one lane: its context's options, and what to do once its page is instrumented. */
export interface LaneSpec {
  name: string;
  context?: BrowserContextOptions;
  open(page: Page): Promise<Pick<Lane, 'input' | 'answerMs' | 'afterQuery'>>;
}

/**
 * Opens every lane's page, each in a context of its own and all at once, types the session into them in turn (see
 * runSession), pooling each lane's timings into `times` by name, and closes them.
 */
export async function sessionInTurn(
  browser: Browser,
  specs: readonly LaneSpec[],
  queries: readonly Query[],
  times: Map<string, SessionTimes>,
): Promise<Record<string, string>> {
  const opened: OpenPage[] = [];
  try {
    const lanes: Lane[] = [];
    for (const spec of specs) {
      const open = await openPage(browser, spec.context ?? {});
      opened.push(open);
      const { page } = open;
      await instrument(page);
      if (!times.has(spec.name)) times.set(spec.name, emptyTimes());
      lanes.push({ name: spec.name, page, times: times.get(spec.name)!, ...(await spec.open(page)) });
    }
    return await runSession(lanes, queries);
  } finally {
    await Promise.all(opened.map((page) => page.close()));
  }
}
