// Long computations (decoding and indexing 10,000 issues) are written once as generators that yield between
// small pieces of work. The build and the tests run them straight through; the browser runs them in slices of
// a few milliseconds and lets the page breathe in between, so no task blocks input or painting for long.

// A piece of work that cannot be split and takes most of a slice by itself gets a slice of its own this way,
// instead of stretching another one into a long task.

/** Yielded (instead of nothing) to start a new slice right away: before and after work that cannot be split. */
export const NEW_SLICE = Symbol('new slice');

/** A computation that yields whenever it may be paused, and returns its result at the end. */
export type Steps<T> = Generator<void | typeof NEW_SLICE, T, void>;

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
    if (step.value === NEW_SLICE || performance.now() >= deadline) {
      await pause();
      deadline = performance.now() + sliceMs;
    }
  }
}

/** How many items a step handles before offering to pause: small enough to keep slices short. */
export const ITEMS_PER_STEP = 25;
