// Long computations (decoding and indexing 10,000 issues) are written once as generators that yield between
// small pieces of work. The build and the tests run them straight through; the browser runs them in slices of
// a few milliseconds and lets the page breathe in between, so no task blocks input or painting for long.

/** A computation that yields whenever it may be paused, and returns its result at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps in slices of about `sliceMs`, awaiting `pause()` between slices. */
export async function runInSlices<T>(steps: Steps<T>, pause: () => Promise<void>, sliceMs = 8): Promise<T> {
  let deadline = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= deadline) {
      await pause();
      deadline = performance.now() + sliceMs;
    }
  }
}

/** How many items a step handles before offering to pause: small enough to keep slices short. */
export const ITEMS_PER_STEP = 25;
