// Types the scripted session key by key into a search input and collects each keystroke's timing.
import type { Page } from 'playwright-core';
import { forgetKey, settle } from './instrument';
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

/**
 * Types every query one character at a time into `input`, clearing it between queries, waiting for the page to
 * settle after every key; `afterQuery` runs once each query is complete (for reading results).
 */
export async function runSession(
  page: Page,
  input: string,
  queries: readonly Query[],
  times: SessionTimes,
  afterQuery?: (query: Query) => Promise<void>,
): Promise<void> {
  for (const query of queries) {
    // Clearing is not a measured keystroke: forget the last key first, then let the page settle.
    await forgetKey(page);
    await page.fill(input, '');
    await settle(page, QUIET_MS);
    await page.focus(input);
    for (const char of query.text) {
      await page.keyboard.type(char);
      const sample = await settle(page, QUIET_MS);
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
    await afterQuery?.(query);
  }
}
