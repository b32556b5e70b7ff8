// In-page timing of keystrokes: `t0` on keydown (capture) in the measured input, `first` and `last` at the first
// and last DOM mutation inside the measured container after it, and `frame` once the browser has produced the
// next frame after the first mutation. Installed with page.addInitScript, so it exists before the island hydrates.
import type { Page } from 'playwright-core';

/** One keystroke as measured in the page (performance.now() milliseconds; -1 when it did not happen). */
export interface KeySample {
  t0: number;
  first: number;
  last: number;
  frame: number;
}

declare global {
  interface Window {
    __bench: {
      input: string;
      target: string;
      sample: KeySample;
      lastAny: number;
      settle(quietMs: number, answerMs: number): Promise<KeySample>;
    };
  }
}

// Runs in the page; kept free of closures over node values because it is serialised.
function install(): void {
  const bench: Window['__bench'] = {
    input: '#search',
    target: 'main#main',
    sample: { t0: -1, first: -1, last: -1, frame: -1 },
    lastAny: 0,
    // Resolves once nothing inside the target has changed for quietMs (and quietMs has passed since the key), and
    // the key's first change came or answerMs passed since it.
    settle(quietMs, answerMs) {
      const started = performance.now();
      return new Promise((resolve) => {
        const check = () => {
          const now = performance.now();
          const quiet = now - Math.max(bench.lastAny, bench.sample.t0, started - quietMs) >= quietMs;
          const framed = bench.sample.first < 0 || bench.sample.frame >= 0;
          const answered = bench.sample.t0 < 0 || bench.sample.first >= 0 || now - bench.sample.t0 >= answerMs;
          if ((quiet && framed && answered) || now - started > 30_000) resolve({ ...bench.sample });
          else setTimeout(check, 5);
        };
        check();
      });
    },
  };
  window.__bench = bench;
  document.addEventListener(
    'keydown',
    (event) => {
      if (!(event.target instanceof Element) || !event.target.matches(bench.input)) return;
      bench.sample = { t0: performance.now(), first: -1, last: -1, frame: -1 };
    },
    true,
  );
  // The whole document is observed and records are filtered by the target, because the target may be created
  // (or replaced) by hydration after this script ran.
  new MutationObserver((records) => {
    const target = document.querySelector(bench.target);
    if (!target) return;
    const node = records.find((record) => target.contains(record.target));
    if (!node) return;
    const now = performance.now();
    bench.lastAny = now;
    const sample = bench.sample;
    if (sample.t0 < 0) return;
    if (sample.first < 0) {
      sample.first = now;
      // rAF runs before the frame is painted; a message posted from it runs after that frame's work is done.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (sample.frame = performance.now());
        channel.port2.postMessage(null);
      });
    }
    sample.last = now;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Installs the keystroke timing in every document the page loads. */
export async function instrument(page: Page): Promise<void> {
  await page.addInitScript(install);
}

/** Points the timing at another input and result container (the baseline's). */
export async function retarget(page: Page, input: string, target: string): Promise<void> {
  await page.evaluate(([i, t]) => Object.assign(window.__bench, { input: i, target: t }), [input, target] as const);
}

/**
 * Waits until the target has been quiet for quietMs and returns the last keystroke's sample; with answerMs, also
 * until the keystroke changed the target or answerMs passed (for pages that answer asynchronously, off the main
 * thread, which quietMs alone would take for no change).
 */
export function settle(page: Page, quietMs: number, answerMs = 0): Promise<KeySample> {
  return page.evaluate(([quiet, answer]) => window.__bench.settle(quiet, answer), [quietMs, answerMs] as const);
}

/** Forgets the last keystroke, so what follows (clearing the input) is not attributed to it. */
export async function forgetKey(page: Page): Promise<void> {
  await page.evaluate(() => (window.__bench.sample = { t0: -1, first: -1, last: -1, frame: -1 }));
}
