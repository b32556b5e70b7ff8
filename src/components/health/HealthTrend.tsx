import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HISTORY_MAX_POINTS, historyPoints, TREND_KINDS, trendOf, type HealthHistory, type HistoryPoint, type TrendKind } from '../../lib/health/history';
import { HEALTH_GOAL } from '../../lib/health/rules';
import { FACETS, type Facet, type ViewState } from '../../lib/model';
import type { TrendChart as Chart } from './TrendChart';

/** The trend a view of /health has: its label's or group's, every label's for the whole list, or none. */
export type TrendOfView = { kind: 'all' } | { kind: TrendKind; key: string } | null;

// The facet whose values each table of the history names.
const FACET_OF: Record<TrendKind, Facet> = { labels: 'label', groups: 'group', stages: 'stage' };

/**
 * The history keeps each curated label's, group's and stage's tallies: a view of the whole list, or of one value of
 * one of those facets, has a trend (the problem filter narrows only the failing list); a narrower view has none.
 */
export function trendOfView(view: ViewState): TrendOfView {
  if (view.q.trim() !== '' || view.available || view.ready) return null;
  const filtered = FACETS.filter((facet) => view.filters[facet].length > 0);
  if (filtered.length === 0) return { kind: 'all' };
  const kind = TREND_KINDS.find((each) => FACET_OF[each] === filtered[0]);
  const values = view.filters[filtered[0]!];
  return filtered.length === 1 && kind && values.length === 1 ? { kind, key: values[0]! } : null;
}

interface Props {
  /** The view whose trend to show; null while the page cannot show a view yet (its issue data is on the way). */
  view: ViewState | null;
  /** The published history (/history.json), read only for a label's or a group's trend. */
  historyUrl: string;
  historyCsvUrl: string;
  /** The build's chart of every curated label: the whole list's trend, there without JavaScript. */
  children?: ComponentChildren;
}

type Loaded = { Chart: typeof Chart; points: HistoryPoint[] };

let loading: Promise<Loaded> | undefined;

// The chart's code and the history come only with the first view that needs them: the page's first load has neither.
function loadHistory(url: string): Promise<Loaded> {
  loading ??= Promise.all([
    import('./trend-chart-chunk'),
    fetch(url).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
      return response.json() as Promise<HealthHistory>;
    }),
  ]).then(([chart, file]) => ({ Chart: chart.TrendChart, points: historyPoints(file) }));
  // A failed read may be tried again by the next view that needs it.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The /health trend section: the share meeting the bar at each snapshot, for the view shown. */
export function HealthTrend({ view, historyUrl, historyCsvUrl, children }: Props) {
  const wanted = view ? trendOfView(view) : undefined;
  const needsHistory = wanted !== undefined && wanted !== null && wanted.kind !== 'all';
  const [loaded, setLoaded] = useState<Loaded | 'failed' | null>(null);
  useEffect(() => {
    if (!needsHistory || (loaded && loaded !== 'failed')) return;
    loadHistory(historyUrl).then(setLoaded, () => setLoaded('failed'));
  }, [needsHistory, historyUrl]);

  let body: ComponentChildren;
  if (wanted === undefined) body = <p class="trend-pending text-muted">Loading the trend…</p>;
  else if (wanted === null) {
    body = <p class="text-muted">The trend is kept for each curated label, group and stage: filter by one label, one group or one stage alone to see it.</p>;
  } else if (wanted.kind === 'all') body = children;
  else if (loaded === 'failed') body = <p class="text-bad">The trend could not be loaded. Try the CSV below.</p>;
  else if (!loaded) body = <p class="trend-pending text-muted">Loading the trend…</p>;
  else {
    const { Chart, points } = loaded;
    const noun = FACET_OF[wanted.kind];
    body = <Chart id="trend-view" subject={`of ${noun} ${wanted.key}`} series={[{ name: wanted.key, points: trendOf(points, wanted.kind, wanted.key) }]} />;
  }

  return (
    <section aria-labelledby="trend-heading" class="flex flex-col gap-3">
      <h2 id="trend-heading" class="text-xl font-semibold">
        Trend
      </h2>
      <p class="max-w-prose">
        The share of issues meeting the bar at each snapshot (the site keeps the last {HISTORY_MAX_POINTS}), against the goal of{' '}
        {HEALTH_GOAL * 100} %.
      </p>
      {body}
      <p class="text-sm">
        The history of the whole list and every label, group and stage:{' '}
        <a href={historyCsvUrl} download="co-create-health-history.csv">
          CSV
        </a>{' '}
        · <a href={historyUrl}>JSON</a>
      </p>
    </section>
  );
}
