import { useLayoutEffect } from 'preact/hooks';
import { afterNextPaint, inBackground } from '../client/background-task';

/**
 * Renders a page of results in steps: after the `first` items a keystroke renders, `step` more per task until `limit`.
 * The first step waits until what the keystroke rendered is painted; the next ones follow at once, each a task of its
 * own at background priority, so a key typed meanwhile waits for one step at most. `show` sets how many are rendered.
 */
export function useStepwiseFill(active: boolean, rendered: number, limit: number, first: number, step: number, show: (n: number) => void): void {
  // A layout effect: it runs as the render is committed, so the next step is asked for at once rather than after a
  // frame (Preact runs plain effects after the next frame, which made every step wait for one).
  useLayoutEffect(() => {
    if (!active || rendered >= limit) return;
    const next = () => show(Math.min(limit, rendered + step));
    return rendered <= first ? afterNextPaint(next) : inBackground(next);
  }, [active, rendered, limit, first]);
}
