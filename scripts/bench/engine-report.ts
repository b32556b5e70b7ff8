// The figures that set our page beside the other engines measured in the same run: each baseline page's keystroke
// latency, our next frame over our page's own floor's, ready to search against Pagefind's, long tasks until ready, and the
// bytes each engine needed for its first answer.
import type { EnginePage } from './engine-pages';
import { figure, type Figure } from './figures';
import type { ReadySample } from './ready';
import type { OwnFloorView } from './own-floor';
import type { SessionTimes } from './session';
import type { SiteResults } from './site-bench';
import { quantile } from './stats';
import { formatValue } from './table';

/** The size the engine targets hold at; other sizes are reported without one. */
export const ENGINE_TARGET_SIZE = 10000;
/** Ours may take at most this many times Pagefind's time to its first answer. */
const READY_RATIO = 2;
/** Our next frame p95 may be at most this much over our page's own floor's. */
const OVER_FLOOR_MS = 5;

const NAMES: Record<string, string> = {
  cards: 'ours',
  compact: 'ours, compact view',
  pagefind: 'Pagefind',
  flexsearch: 'FlexSearch',
  floor: 'floor (4 simple cards, no search)',
};

const ms = (value: number) => formatValue(value, 'ms');
const dataset = (size: number) => size.toLocaleString('en');

// One baseline page's keystroke latency: to the first DOM change, with the next frame in the note.
function engineKeystroke(size: number, engine: EnginePage, times: SessionTimes): Figure {
  const keys = `${times.keys} keys${times.unchanged ? `, ${times.unchanged} without change` : ''}`;
  return figure({
    id: `keystroke-p95-${engine}`,
    name: `keystroke → DOM p95, ${NAMES[engine]}`,
    dataset: dataset(size),
    value: quantile(times.first, 0.95),
    unit: 'ms',
    robust: false,
    note: `p50 ${ms(quantile(times.first, 0.5))}; next frame p50 ${ms(quantile(times.frame, 0.5))}, p95 ${ms(quantile(times.frame, 0.95))}; ${keys}`,
    extra: { p50: quantile(times.first, 0.5), nextFrameP50: quantile(times.frame, 0.5), nextFrameP95: quantile(times.frame, 0.95), keys: times.keys, unchanged: times.unchanged },
  });
}

/**
 * Our keystroke → next frame p95 minus that of our page's own floor for the view (own-floor.ts: the same first results
 * inserted with no search), measured in the same session; the baseline pages' floor of simple cards in the note.
 */
export function overFloor(size: number, view: OwnFloorView, ours: SessionTimes, floor: SessionTimes, simple?: SessionTimes): Figure {
  const oursP95 = quantile(ours.frame, 0.95);
  const floorP95 = quantile(floor.frame, 0.95);
  const simpleNote = simple ? `; simple cards' floor ${ms(quantile(simple.frame, 0.95))} (p50 ${ms(quantile(simple.frame, 0.5))})` : '';
  return figure({
    id: view === 'cards' ? 'next-frame-over-floor' : 'next-frame-over-floor-compact',
    name: `keystroke → next frame p95 over our page's floor${view === 'compact' ? ', compact view' : ''}`,
    dataset: dataset(size),
    value: oursP95 - floorP95,
    unit: 'ms',
    baseline: floorP95,
    ...(size === ENGINE_TARGET_SIZE && { target: { op: '<=' as const, value: OVER_FLOOR_MS } }),
    robust: false,
    note:
      `ours ${ms(oursP95)} (p50 ${ms(quantile(ours.frame, 0.5))}), floor ${ms(floorP95)} (p50 ${ms(quantile(floor.frame, 0.5))}; ` +
      `DOM p95 ${ms(quantile(floor.first, 0.95))})${simpleNote}`,
  });
}

const median = (samples: readonly ReadySample[], pick: (sample: ReadySample) => number) => quantile(samples.map(pick), 0.5);

/** Ready to search for one engine: the median over its loads; ours against Pagefind's, measured in the same rounds. */
export function readyFigure(size: number, engine: string, samples: readonly ReadySample[], pagefind?: readonly ReadySample[]): Figure {
  const value = median(samples, (s) => s.ms);
  const ours = engine === 'cards' || engine === 'compact';
  const baseline = ours && pagefind?.length ? median(pagefind, (s) => s.ms) : undefined;
  const times = samples.map((s) => s.ms);
  return figure({
    id: `ready-${engine}`,
    name: `ready to search, ${NAMES[engine] ?? engine}`,
    dataset: dataset(size),
    value,
    unit: 'ms',
    ...(baseline !== undefined && { baseline, ratio: value / baseline }),
    ...(baseline !== undefined && size === ENGINE_TARGET_SIZE && { target: { op: '<=' as const, value: READY_RATIO, on: 'ratio' as const } }),
    robust: false,
    note: `median of ${samples.length} cold load${samples.length === 1 ? '' : 's'} (${ms(Math.min(...times))}–${ms(Math.max(...times))})${baseline !== undefined ? '; baseline = Pagefind' : ''}`,
    extra: { samples },
  });
}

/** Our long tasks over 50 ms from navigation start until ready: the most any load had, the longest in the note. */
export function longTaskFigure(size: number, samples: readonly ReadySample[]): Figure {
  const tasks = samples.flatMap((s) => s.longTasks);
  return figure({
    id: 'long-tasks-until-ready',
    name: 'long tasks > 50 ms until ready',
    dataset: dataset(size),
    value: Math.max(...samples.map((s) => s.longTasks.length)),
    unit: 'count',
    ...(size === ENGINE_TARGET_SIZE && { target: { op: '<=' as const, value: 0 } }),
    // Whether a task crosses 50 ms depends on the machine's load: reported, never asserted.
    robust: false,
    note: tasks.length ? `longest ${ms(Math.max(...tasks))}; max over ${samples.length} load(s)` : `none in ${samples.length} load(s)`,
  });
}

/** The gzip bytes an engine's page was sent from navigation start to its first full-data answer. */
export function bytesFigure(size: number, engine: string, samples: readonly ReadySample[], pagefind?: readonly ReadySample[]): Figure {
  const bytes = samples[0]!.bytes;
  const baseline = engine !== 'pagefind' && pagefind?.length ? pagefind[0]!.bytes : undefined;
  return figure({
    id: `bytes-until-answer-${engine}`,
    name: `bytes until first answer, ${NAMES[engine] ?? engine}`,
    dataset: dataset(size),
    value: bytes / 1000,
    unit: 'kB',
    ...(baseline !== undefined && { baseline: baseline / 1000, ratio: bytes / baseline }),
    robust: true,
    note: `${samples[0]!.files} files${baseline !== undefined ? '; baseline = Pagefind' : ''}`,
  });
}

/** Every engine figure of one site. */
export function engineFigures(site: SiteResults): Figure[] {
  const figures: Figure[] = [];
  const { size, engines = {}, ready } = site;
  for (const [engine, times] of Object.entries(engines) as Array<[EnginePage, SessionTimes]>) figures.push(engineKeystroke(size, engine, times));
  const { ownFloors = {} } = site;
  if (site.ours && ownFloors.cards) figures.push(overFloor(size, 'cards', site.ours, ownFloors.cards, engines.floor));
  if (site.compact && ownFloors.compact) figures.push(overFloor(size, 'compact', site.compact, ownFloors.compact, engines.floor));
  if (ready) {
    for (const [engine, samples] of Object.entries(ready)) figures.push(readyFigure(size, engine, samples, ready.pagefind));
    if (ready.cards) figures.push(longTaskFigure(size, ready.cards));
    for (const engine of ['cards', 'pagefind', 'flexsearch']) {
      if (ready[engine]?.length) figures.push(bytesFigure(size, engine, ready[engine]!, ready.pagefind));
    }
  }
  return figures;
}
