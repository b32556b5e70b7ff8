// One progress line per step on stderr, so stdout carries only the tables.

const started = performance.now();

/** Prints `[mm:ss] message`, the time since the benchmark started. */
export function step(message: string): void {
  const s = Math.round((performance.now() - started) / 1000);
  const stamp = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  process.stderr.write(`[${stamp}] ${message}\n`);
}

/** Runs `work`, printing what it does and how long it took. */
export async function timed<T>(message: string, work: () => Promise<T>): Promise<T> {
  step(`${message}…`);
  const t0 = performance.now();
  const result = await work();
  step(`${message}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}
