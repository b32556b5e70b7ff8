import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { KeySample } from '../../../scripts/bench/instrument';
import { emptyTimes, runSession, type Lane } from '../../../scripts/bench/session';

// A page that logs what is done to it; every settle reports the same keystroke (t0 10, first 12, last 14, frame 20),
// or, for a page that `fails`, throws on the first key.
function fakePage(name: string, log: string[], fails = false): Page {
  const sample: KeySample = { t0: 10, first: 12, last: 14, frame: 20 };
  return {
    bringToFront: async () => void log.push(`${name}: front`),
    fill: async (_: string, value: string) => void log.push(`${name}: fill "${value}"`),
    focus: async () => undefined,
    keyboard: {
      type: async (char: string) => {
        if (fails) throw new Error(`${name} is gone\nwith a stack`);
        log.push(`${name}: ${char}`);
      },
    },
    // settle passes the quiet time; forgetKey passes nothing.
    evaluate: async (_: unknown, arg?: unknown) => (arg === undefined ? undefined : sample),
  } as unknown as Page;
}

const lane = (name: string, log: string[], fails = false): Lane => ({ name, page: fakePage(name, log, fails), input: '#q', times: emptyTimes() });

describe('runSession', () => {
  it('types each query into every lane in turn, timing each key from keydown', async () => {
    const log: string[] = [];
    const lanes = [lane('a', log), lane('b', log)];
    const errors = await runSession(lanes, [
      { text: 'xy', kind: 'word' },
      { text: 'z', kind: 'word' },
    ]);
    expect(errors).toEqual({});
    expect(log.filter((line) => !line.endsWith('front'))).toEqual([
      'a: fill ""', 'a: x', 'a: y',
      'b: fill ""', 'b: x', 'b: y',
      'a: fill ""', 'a: z',
      'b: fill ""', 'b: z',
    ]);
    expect(lanes[0]!.times).toEqual({ first: [2, 2, 2], last: [4, 4, 4], frame: [10, 10, 10], unchanged: 0, keys: 3 });
  });

  it('drops a lane that fails and goes on with the others', async () => {
    const log: string[] = [];
    const lanes = [lane('bad', log, true), lane('good', log)];
    const errors = await runSession(lanes, [
      { text: 'a', kind: 'word' },
      { text: 'b', kind: 'word' },
    ]);
    expect(errors).toEqual({ bad: 'bad is gone' });
    expect(log.filter((line) => line.startsWith('bad: fill'))).toHaveLength(1);
    expect(lanes[1]!.times.keys).toBe(2);
  });
});
