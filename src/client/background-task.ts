// Work that follows a render without holding up what the visitor waits for: the rest of a page of results after a
// keystroke has shown the first ones. Idle callbacks were the first choice, and the wrong one: Chromium holds idle time
// back after keyboard input, so each step ran at its timeout (200 ms) and a list took half a second to fill while
// someone typed. A background-priority task runs as soon as nothing more urgent (input, rendering) is waiting.

interface Scheduler {
  postTask(work: () => void, options: { priority: 'background'; signal: AbortSignal }): Promise<unknown>;
}

/** Cancels work that has not run yet. */
export type Cancel = () => void;

/** Runs `work` in a task of its own once the browser is free of more urgent work. */
function inBackground(work: () => void): Cancel {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (scheduler?.postTask) {
    const controller = new AbortController();
    // An aborted task rejects its promise; that is the cancel, not an error.
    scheduler.postTask(work, { priority: 'background', signal: controller.signal }).catch(() => undefined);
    return () => controller.abort();
  }
  // Without the Scheduler API (Firefox, Safari): a message event, a task of its own without setTimeout's clamping.
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => cancelled || work();
  channel.port2.postMessage(null);
  return () => (cancelled = true);
}

/**
 * Runs `work` in a task of its own after the next frame is painted: what was just rendered is shown first. (A frame
 * callback runs just before the paint; a task posted from it runs after.)
 */
export function afterNextPaint(work: () => void): Cancel {
  let cancel: Cancel = () => undefined;
  const frame = requestAnimationFrame(() => (cancel = inBackground(work)));
  return () => {
    cancelAnimationFrame(frame);
    cancel();
  };
}
