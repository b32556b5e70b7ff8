// Plain-text tables: the run's figures, and their change against an earlier results.json.
import type { Figure, Target } from './figures';

const DECIMALS: Record<string, number> = { ms: 1, s: 1, kB: 1, B: 0, MB: 1, score: 0, count: 0, share: 2, '×': 1 };

/** A number with its unit, e.g. "7.9 ms", "12.5×", "96". */
export function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return 'n/a';
  const digits = DECIMALS[unit] ?? 1;
  const text = value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === '×' ? `${text}×` : ['score', 'count', 'share', ''].includes(unit) ? text : `${text} ${unit}`;
}

function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return '';
  const op = target.op === '<=' ? '≤' : '≥';
  return target.on === 'ratio' ? `${op} ${target.value}× baseline` : `${op} ${formatValue(target.value, unit)}`;
}

const STATUS: Record<Figure['status'], string> = { pass: 'pass', fail: 'FAIL', info: '—', error: 'ERROR' };

function render(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The run's table: one row per figure; robust figures (asserted by --check) are marked †. */
export function figureTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    `${f.name}${f.robust ? ' †' : ''}`,
    f.dataset,
    formatValue(f.value, f.unit),
    formatTarget(f.target, f.unit),
    formatValue(f.baseline, f.unit),
    f.ratio === undefined ? '' : formatValue(f.ratio, '×'),
    STATUS[f.status],
    f.note ?? '',
  ]);
  return `${render(['figure', 'dataset', 'value', 'target', 'baseline', 'ratio', 'status', 'note'], rows)}\n† robust (deterministic): --check fails on these; timings are reported, never asserted.`;
}

// Lower is better for costs; higher for scores and speed-ups (or whatever the target says).
function lowerIsBetter(f: Figure): boolean {
  if (f.target) return f.target.op === '<=';
  return !['score', 'share', '×'].includes(f.unit);
}

/** Each figure of this run next to the same figure of an earlier run. */
export function compareTable(now: readonly Figure[], before: readonly Figure[]): string {
  const earlier = new Map(before.map((f) => [`${f.id}\u0000${f.dataset}`, f]));
  const rows = now.map((f) => {
    const old = earlier.get(`${f.id}\u0000${f.dataset}`);
    if (!old || !Number.isFinite(old.value) || !Number.isFinite(f.value)) {
      return [f.name, f.dataset, old ? formatValue(old.value, old.unit) : '(new)', formatValue(f.value, f.unit), '', ''];
    }
    const change = old.value === 0 ? (f.value === 0 ? 0 : Infinity) : (f.value - old.value) / Math.abs(old.value);
    const better = change === 0 ? 'same' : change < 0 === lowerIsBetter(f) ? 'better' : 'worse';
    const percent = Number.isFinite(change) ? `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%` : 'from 0';
    return [f.name, f.dataset, formatValue(old.value, old.unit), formatValue(f.value, f.unit), percent, better];
  });
  return render(['figure', 'dataset', 'before', 'now', 'change', ''], rows);
}
