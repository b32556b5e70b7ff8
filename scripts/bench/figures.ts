// The figures a run reports: value, target, baseline and ratio, and whether they pass.
import { tmpdir } from 'node:os';
import { ROOT } from './paths';

/** A target on the figure's value (or on its ratio to the baseline). */
export interface Target {
  op: '<=' | '>=';
  value: number;
  on?: 'value' | 'ratio';
}

/** One reported figure; the same object is printed as a table row and written to results.json. */
export interface Figure {
  /** Stable key (with dataset) that --compare matches on. */
  id: string;
  name: string;
  /** The dataset it was measured on, e.g. "10000", "5000 (fetch)", or "" when not per dataset. */
  dataset: string;
  value: number;
  unit: string;
  target?: Target;
  baseline?: number;
  /** value / baseline, or baseline / value for speed-ups (see the figure's name). */
  ratio?: number;
  /** Deterministic (bytes, counts): --check fails the run when a robust figure misses its target. */
  robust: boolean;
  /** Relative slack --check allows a robust figure (bytes: 0.05). */
  margin?: number;
  status: 'pass' | 'fail' | 'info' | 'error';
  note?: string;
  /** Supporting numbers that are not part of the table. */
  extra?: Record<string, unknown>;
}

type FigureInput = Omit<Figure, 'status'>;

function meets(target: Target, value: number, slack = 0): boolean {
  if (!Number.isFinite(value)) return false;
  return target.op === '<=' ? value <= target.value * (1 + slack) : value >= target.value * (1 - slack);
}

const targetValue = (figure: Pick<Figure, 'target' | 'value' | 'ratio'>) =>
  figure.target?.on === 'ratio' ? (figure.ratio ?? NaN) : figure.value;

/** A figure with its status worked out from its target. */
export function figure(input: FigureInput): Figure {
  const status = !input.target ? 'info' : meets(input.target, targetValue(input)) ? 'pass' : 'fail';
  return { ...input, status };
}

/** A step that could not be measured: reported, and it fails the run. */
export function failedStep(id: string, dataset: string, error: unknown): Figure {
  // results.json is shared between machines: keep this one's directories out of it.
  const message = ((error as Error)?.message?.split('\n')[0] ?? String(error)).replaceAll(ROOT, '').replaceAll(tmpdir(), '$TMPDIR');
  return { id, name: `${id} (step failed)`, dataset, value: NaN, unit: '', robust: true, status: 'error', note: message };
}

/** The robust figures that miss their target even with their margin, plus any step that failed. */
export function checkFailures(figures: readonly Figure[]): Figure[] {
  return figures.filter(
    (f) => f.status === 'error' || (f.robust && f.target !== undefined && !meets(f.target, targetValue(f), f.margin ?? 0)),
  );
}
