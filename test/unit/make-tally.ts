import { emptyTally, type Tally } from '../../src/lib/health/report';

/** A tally for tests: the counts given, each problem's count from `problems` (0 for the others). */
export function makeTally(
  key: string | null,
  total: number,
  healthy: number,
  inProgress = 0,
  ready = 0,
  problems: Partial<Tally['problems']> = {},
): Tally {
  const empty = emptyTally(key);
  return { ...empty, total, healthy, inProgress, ready, problems: { ...empty.problems, ...problems } };
}
