import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { afterNextPaint } from '../client/background-task';

/**
 * `value`, except that while `deferred` is true a new value is shown only once the frame of the render that brought
 * it is painted: in a background task of its own after that frame (see afterNextPaint), as the rest of a page of
 * results is. What changed around it is painted first; a newer value before then replaces the pending one.
 */
export function useDeferredWhile<T>(value: T, deferred: boolean): T {
  const shown = useRef(value);
  const [, rerender] = useState(0);
  if (!deferred) shown.current = value;
  // A layout effect, as in useFillAfterPaint: the task is asked for in the frame of this render, not the next.
  useLayoutEffect(() => {
    if (shown.current === value) return;
    return afterNextPaint(() => {
      shown.current = value;
      rerender((n) => n + 1);
    });
  }, [value]);
  return shown.current;
}
