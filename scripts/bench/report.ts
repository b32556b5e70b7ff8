// Turns what the steps measured into the reported figures.
import { engineFigures } from './engine-report';
import type { FetchBench } from './fetch-bench';
import { failedStep, figure, type Figure } from './figures';
import type { SessionTimes } from './session';
import type { SiteResults } from './site-bench';
import { FIRST_RESULTS } from './ranking';
import { quantile } from './stats';
import { formatValue } from './table';

const dataset = (size: number) => size.toLocaleString('en');
const ms = (value: number) => formatValue(value, 'ms');

// Keystroke targets by dataset size; other sizes are reported without one.
const KEYSTROKE_P95_MS: Record<number, number> = { 2000: 8, 10000: 16 };
const TARGET_SIZE = 10000;
// The first page of results (25 cards, or rows) complete after a keystroke, at the largest dataset.
const FILL_P95_MS = 50;

// One view's keystroke latency: the p95 from keydown to the first change of the results, against the naive baseline.
function keystrokeFigure(site: SiteResults, ours: SessionTimes, view: 'cards' | 'compact'): Figure {
  const { baseline } = site;
  const p95 = quantile(ours.first, 0.95);
  const naive95 = baseline ? quantile(baseline.first, 0.95) : undefined;
  const limit = KEYSTROKE_P95_MS[site.size];
  const extra = {
    p50: quantile(ours.first, 0.5),
    p95,
    lastMutationP95: quantile(ours.last, 0.95),
    nextFrameP95: quantile(ours.frame, 0.95),
    keys: ours.keys,
    unchanged: ours.unchanged,
    baseline: baseline && {
      p50: quantile(baseline.first, 0.5),
      p95: naive95,
      lastMutationP95: quantile(baseline.last, 0.95),
      nextFrameP95: quantile(baseline.frame, 0.95),
      keys: baseline.keys,
    },
  };
  return figure({
    // The cards' id is the one earlier results.json files have, so --compare still matches it.
    id: view === 'cards' ? 'keystroke-p95' : 'keystroke-p95-compact',
    name: view === 'cards' ? 'keystroke → DOM p95' : 'keystroke → DOM p95, compact view',
    dataset: dataset(site.size),
    value: p95,
    unit: 'ms',
    ...(limit !== undefined && { target: { op: '<=' as const, value: limit } }),
    ...(naive95 !== undefined && { baseline: naive95, ratio: naive95 / p95 }),
    robust: false,
    note:
      `p50 ${ms(extra.p50)} (naive ${baseline ? ms(extra.baseline!.p50) : '-'}); next frame p95 ${ms(extra.nextFrameP95)}` +
      ` (naive ${baseline ? ms(extra.baseline!.nextFrameP95) : '-'}); ${ours.keys} keys${ours.unchanged ? `, ${ours.unchanged} without change` : ''}`,
    extra,
  });
}

// How soon after a keystroke the page of results is whole: its last change (the session waits for the page to be still
// before each key, so every keystroke's fill is seen through).
function fillFigure(site: SiteResults, ours: SessionTimes, view: 'cards' | 'compact'): Figure {
  return figure({
    id: view === 'cards' ? 'fill-p95' : 'fill-p95-compact',
    name: view === 'cards' ? 'keystroke → page filled p95' : 'keystroke → page filled p95, compact view',
    dataset: dataset(site.size),
    value: quantile(ours.last, 0.95),
    unit: 'ms',
    ...(site.size === TARGET_SIZE && { target: { op: '<=' as const, value: FILL_P95_MS } }),
    robust: false,
    note: `p50 ${ms(quantile(ours.last, 0.5))}`,
  });
}

function keystrokeFigures(site: SiteResults, largest: boolean): Figure[] {
  const { ours, compact, baseline } = site;
  const figures: Figure[] = [];
  if (ours) figures.push(keystrokeFigure(site, ours, 'cards'));
  // Both views are held to the same target: a compact row is smaller, but a keystroke renders more of them.
  if (compact) figures.push(keystrokeFigure(site, compact, 'compact'));
  if (ours) figures.push(fillFigure(site, ours, 'cards'));
  if (compact) figures.push(fillFigure(site, compact, 'compact'));
  if (ours && largest && baseline) {
    const naive95 = quantile(baseline.first, 0.95);
    const p95 = quantile(ours.first, 0.95);
    figures.push(
      figure({
        id: 'keystroke-speedup',
        name: 'naive p95 / our p95',
        dataset: dataset(site.size),
        value: naive95 / p95,
        unit: '×',
        ...(site.size === TARGET_SIZE && { target: { op: '>=' as const, value: 5 } }),
        robust: false,
      }),
    );
  }
  return figures;
}

function loadFigures(site: SiteResults, largest: boolean): Figure[] {
  const figures: Figure[] = [];
  const name = dataset(site.size);
  if (site.recall) {
    const misses = site.recall.misses.reduce((sum, miss) => sum + miss.ids.length, 0);
    const which = site.recall.misses.map((miss) => `"${miss.query}" ${miss.ids.length}`).join(', ');
    figures.push(
      figure({
        id: 'recall-misses',
        name: 'recall misses vs naive top 10',
        dataset: name,
        value: misses,
        unit: 'count',
        target: { op: '<=', value: 0 },
        robust: true,
        note: `${site.recall.checked} true matches checked over ${site.queries} queries${which ? `; ${which}` : ''}`,
        extra: { misses: site.recall.misses },
      }),
    );
  }
  if (site.ranking) {
    const { mean, worst, queries } = site.ranking;
    figures.push(
      figure({
        id: 'ranking-precision',
        name: `ranking precision, first ${FIRST_RESULTS}`,
        dataset: name,
        value: mean,
        unit: 'share',
        target: { op: '>=', value: 0.95 },
        robust: true,
        note: `mean over ${queries.length} queries; ${worst.precision < 1 ? `worst "${worst.query}" ${formatValue(worst.precision, 'share')}` : 'every one 1.00'}`,
        extra: { queries },
      }),
    );
  }
  const load = site.firstLoad;
  if (load) {
    const kb = (bytes: number) => (bytes / 1000).toFixed(1);
    figures.push(
      figure({
        id: 'first-load',
        name: 'first load HTML+CSS+JS gzip',
        dataset: name,
        value: (load.html + load.css + load.js) / 1000,
        unit: 'kB',
        target: { op: '<=', value: 60 },
        robust: true,
        margin: 0.05,
        note: `html ${kb(load.html)} + css ${kb(load.css)} + js ${kb(load.js)} kB, ${load.files} files`,
        extra: { ...load },
      }),
      figure({
        id: 'data-per-issue',
        name: 'issue data + index gzip per issue',
        dataset: name,
        value: load.dataBytes / site.size,
        unit: 'B',
        target: { op: '<=', value: 250 },
        robust: true,
        margin: 0.05,
        note: `${kb(load.dataBytes)} kB in ${load.dataFiles} file${load.dataFiles === 1 ? '' : 's'}`,
      }),
    );
    if (largest) {
      figures.push(
        figure({ id: 'blocking-css', name: 'render-blocking CSS in <head>', dataset: name, value: load.blockingCss, unit: 'count', target: { op: '<=', value: 1 }, robust: true }),
        figure({
          id: 'blocking-js',
          name: 'render-blocking scripts in <head>',
          dataset: name,
          value: load.blockingScripts,
          unit: 'count',
          target: { op: '<=', value: 0 },
          robust: true,
          note: `plus ${load.inlineHeadScripts} inline script(s), which download nothing`,
        }),
      );
    }
  }
  if (site.heapBytes !== undefined) {
    figures.push(
      figure({
        id: 'heap',
        name: 'JS heap after load (after GC)',
        dataset: name,
        value: site.heapBytes / 1e6,
        unit: 'MB',
        ...(site.size === TARGET_SIZE && { target: { op: '<=' as const, value: 40 } }),
        robust: false,
      }),
    );
  }
  return figures;
}

function lighthouseFigures(site: SiteResults): Figure[] {
  const lh = site.lighthouse;
  if (!lh) return [];
  return Object.entries(lh.scores).map(([category, score]) => {
    const vitals = `LCP ${formatValue(lh.lcpMs / 1000, 's')}, TBT ${ms(lh.tbtMs)}, CLS ${lh.cls.toFixed(3)}`;
    const failing = lh.failing[category]?.join(', ');
    return figure({
      id: `lighthouse-${category}`,
      name: `Lighthouse ${category}`,
      dataset: dataset(site.size),
      value: score,
      unit: 'score',
      target: { op: '>=', value: category === 'performance' && site.size === TARGET_SIZE ? 95 : 100 },
      robust: false,
      note: [category === 'performance' ? vitals : '', failing ? `low: ${failing}` : ''].filter(Boolean).join('; '),
      extra: category === 'performance' ? { lcpMs: lh.lcpMs, tbtMs: lh.tbtMs, cls: lh.cls } : undefined,
    });
  });
}

/** Figures of every measured site, in dataset order. */
export function siteFigures(sites: readonly SiteResults[]): Figure[] {
  const largest = Math.max(...sites.map((site) => site.size));
  return sites.flatMap((site) => [
    ...keystrokeFigures(site, site.size === largest),
    ...engineFigures(site),
    ...loadFigures(site, site.size === largest),
    ...lighthouseFigures(site),
    ...Object.entries(site.errors).map(([step, error]) => failedStep(step, dataset(site.size), error)),
  ]);
}

/** The build-time figure: 10,000 issues against 100, built in the same run; the median of each size's builds. */
export function buildFigure(times: ReadonlyMap<number, readonly number[]>): Figure[] {
  const small = quantile(times.get(100) ?? [], 0.5);
  const large = quantile(times.get(TARGET_SIZE) ?? [], 0.5);
  if (Number.isNaN(small) || Number.isNaN(large)) return [];
  const builds = Math.min(times.get(100)!.length, times.get(TARGET_SIZE)!.length);
  return [
    figure({
      id: 'build-time',
      name: 'astro build, 10,000 vs 100 issues',
      dataset: dataset(TARGET_SIZE),
      value: large / 1000,
      unit: 's',
      baseline: small / 1000,
      ratio: large / small,
      target: { op: '<=', value: 2, on: 'ratio' },
      robust: false,
      note: `baseline = the 100-issue build; ${builds === 1 ? 'one build each' : `median of ${builds} builds each, alternated`}`,
      extra: Object.fromEntries(times),
    }),
  ];
}

/**
 * The fetch figures: wall times against gitbeaker making the same requests one after the other (the list pages, then
 * one closed_by look-up per issue GitLab counts merge requests for), request and 429 counts.
 */
export function fetchFigures(bench: FetchBench): Figure[] {
  const name = `${dataset(bench.matching)} (fetch)`;
  const { cold, warm, baseline } = bench;
  const time = (id: string, label: string, run: typeof cold) =>
    figure({
      id,
      name: label,
      dataset: name,
      value: run.ms / 1000,
      unit: 's',
      baseline: baseline.ms / 1000,
      ratio: run.ms / baseline.ms,
      target: { op: '<=', value: 0.25, on: 'ratio' },
      robust: false,
      note: `${run.issues} issues and ${bench.lookups} closed_by look-ups, paced by the limit; baseline: gitbeaker, sequential, the same look-ups (its list pages alone ${(baseline.listMs / 1000).toFixed(1)} s)`,
    });
  return [
    time('fetch-cold', 'fetch wall time, cold', cold),
    time('fetch-warm', 'fetch wall time, warm', warm),
    figure({
      id: 'fetch-requests',
      name: 'fetch requests (max of cold, warm)',
      dataset: name,
      value: Math.max(cold.requests, warm.requests),
      unit: 'count',
      target: { op: '<=', value: bench.minimumRequests },
      baseline: baseline.requests,
      robust: true,
      note: `minimum ${bench.minimumRequests}; cold ${cold.requests}, warm ${warm.requests}; baseline = gitbeaker's`,
    }),
    figure({
      id: 'fetch-429',
      name: 'fetch 429 responses (cold + warm)',
      dataset: name,
      value: cold.tooMany + warm.tooMany,
      unit: 'count',
      target: { op: '<=', value: 0 },
      baseline: baseline.tooMany,
      robust: true,
    }),
  ];
}
