import { describe, expect, it } from 'vitest';
import { NEW_SLICE, runInSlices, runNow, type Steps } from '../../../src/lib/slices';

function* counting(marks: Array<void | typeof NEW_SLICE>, log: string[]): Steps<number> {
  for (const [n, mark] of marks.entries()) {
    log.push(`step ${n}`);
    yield mark;
  }
  return marks.length;
}

describe('runInSlices', () => {
  it('pauses only when the slice is used up, or before work that asks for a slice of its own', async () => {
    const log: string[] = [];
    const pause = async () => void log.push('pause');
    // A slice long enough that time never runs out here: only NEW_SLICE pauses.
    const result = await runInSlices(counting([undefined, NEW_SLICE, undefined, undefined], log), pause, 60_000);
    expect(result).toBe(4);
    expect(log).toEqual(['step 0', 'step 1', 'pause', 'step 2', 'step 3']);
  });

  it('pauses after every step when each step outlasts the slice', async () => {
    const log: string[] = [];
    const result = await runInSlices(counting([undefined, undefined], log), async () => void log.push('pause'), -1);
    expect(result).toBe(2);
    expect(log).toEqual(['step 0', 'pause', 'step 1', 'pause']);
  });

  it('runs straight through with runNow', () => {
    const log: string[] = [];
    expect(runNow(counting([NEW_SLICE, undefined], log))).toBe(2);
    expect(log).toEqual(['step 0', 'step 1']);
  });
});
