import { useLayoutEffect, useRef } from 'preact/hooks';
import { afterNextPaint } from '../client/background-task';
import { FIRST_FILL_STEP } from './first-render';

/**
 * Renders the rest of a page of results once what a keystroke rendered (its first few) is painted: `show(limit)` in a
 * background task of its own after that frame (see afterNextPaint).
 *
 * One step, not several: in steps of 6 cards, each with a frame of its own, the page of 25 at 10,000 issues was whole
 * 76 ms after a key (p95, the bench's session, both builds typed into in turn), in one step 41 ms; and keys typed one
 * every 70 ms, without waiting for the page, waited no longer to be handled (p99 5.6 ms, against 8.6 in steps).
 *
 * Except the first time: until the page has been whole once, it fills FIRST_FILL_STEP results a step. That fill
 * follows the data's arrival, when nobody waits for the cards below the first screen, and it runs code the page has
 * not run yet: in one step, it and the frame after it were the page's longest tasks while it loads.
 */
export function useFillAfterPaint(active: boolean, rendered: number, limit: number, show: (n: number) => void): void {
  const wholeOnce = useRef(false);
  if (active && rendered >= limit) wholeOnce.current = true;
  // A layout effect: it runs as the render is committed, so the fill is asked for in this frame rather than the next
  // (Preact runs plain effects after the next frame).
  useLayoutEffect(() => {
    if (!active || rendered >= limit) return;
    const next = wholeOnce.current ? limit : Math.min(limit, rendered + FIRST_FILL_STEP);
    return afterNextPaint(() => show(next));
  }, [active, rendered, limit]);
}
