import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { healthCsv } from '../../lib/health/csv';
import { HEALTH_GOAL, PROBLEM_NAMES, PROBLEMS, type Problem } from '../../lib/health/rules';
import { healthReport, parseProblems, sharePercent, shareOf, type HealthReport } from '../../lib/health/report';
import { emptyView, hasActiveFilters, withoutFilter, type Facet, type ViewFilter, type ViewState } from '../../lib/model';
import type { IssueQuery } from '../../lib/view/query';
import { parseView, serializeView } from '../../lib/view/url-state';
import { ActiveFilters } from '../ActiveFilters';
import { loadData } from '../../client/load-data';
import { IgnoredValues } from '../IgnoredValues';
import { isPlainClick } from '../plain-click';
import { useLinkResolution } from '../use-link-resolution';
import { useUrlState } from '../use-url-view';
import { FailingList } from './FailingList';
import { HealthTrend } from './HealthTrend';
import { useSite, withSite } from '../site-context';
import { TallyTable } from './TallyTable';

/** Failing issues per page; the page is for curators, who scan long lists. */
export const FAILING_PAGE_SIZE = 100;

// The site's `asOf` is when the rules are applied, so the page and its CSV agree with the data.
interface Props {
  dataUrl: string;
  /** The unfiltered report, its failing list cut to the first page: the page before its data arrives. */
  initialReport: HealthReport;
  failingTotal: number;
  /** The unfiltered CSV built with the site: the download until the data arrives. */
  csvUrl: string;
  /** The published trend (/history.json and /history.csv). */
  historyUrl: string;
  historyCsvUrl: string;
  /** The build's trend chart of every curated label, shown for the whole list. */
  children?: ComponentChildren;
}

interface HealthState {
  view: ViewState;
  problems: Problem[];
}

/** The curator's view: how much of each list meets the bar, and what to fix, for any filter in the URL. */
export const HealthView = withSite(Health);

function Health(props: Props) {
  const { initialReport } = props;
  const site = useSite();
  const { curatedLabels, asOf } = site;
  const [query, setQuery] = useState<IssueQuery | null>(null);
  const [failed, setFailed] = useState(false);
  const [limit, setLimit] = useState(FAILING_PAGE_SIZE);
  const parse = useCallback(
    (search: string): HealthState => ({ view: parseView(search, curatedLabels), problems: parseProblems(new URLSearchParams(search)) }),
    [curatedLabels],
  );
  const serialize = useCallback(
    ({ view, problems }: HealthState) => {
      const params = new URLSearchParams(serializeView(view, curatedLabels));
      for (const problem of problems) params.append('problem', problem);
      return params.toString();
    },
    [curatedLabels],
  );
  const [state, change] = useUrlState<HealthState>({ view: emptyView(), problems: [] }, parse, serialize);
  const { view, problems } = state;

  useEffect(() => {
    loadData(props.dataUrl, site)
      .then(setQuery)
      .catch(() => setFailed(true));
  }, [props.dataUrl, site]);

  // The same query as the list page's, so a shared filter means the same issues on both, and forgives alike.
  const listing = useMemo(() => query?.run(view) ?? null, [query, view]);
  const report = useMemo(
    () => (listing ? healthReport(listing.results, curatedLabels, asOf, problems) : null),
    [listing, problems, curatedLabels, asOf],
  );
  const [ignored, clearIgnored] = useLinkResolution(listing, view, (asked, resolved) =>
    change((newest) => (newest.view.filters === asked ? { ...newest, view: { ...newest.view, filters: resolved } } : newest), 'replace'),
  );

  const update = (next: HealthState) => {
    clearIgnored();
    setLimit(FAILING_PAGE_SIZE);
    change(next, 'step');
  };
  const hrefOf = (next: HealthState) => {
    const query = serialize(next);
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  const follow = (href: string, event: MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    update(parse(new URL(href, location.href).search));
  };
  const remove = (what: ViewFilter, value?: string) => update({ ...state, view: withoutFilter(view, what, value) });

  const only = (facet: Facet, value: string) => ({ ...state, view: { ...view, filters: { ...view.filters, [facet]: value ? [value] : [] } } });
  // Server-rendered links must not depend on `location`; they become filtered links in the browser.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  const facetLink = (facet: Facet) => (key: string | null) =>
    key === null ? (facet === 'group' && inBrowser ? hrefOf({ ...state, problems: ['no-group'] }) : null) : inBrowser ? hrefOf(only(facet, key)) : null;

  const shown = report ?? initialReport;
  const failingTotal = report ? report.failing.length : props.failingTotal;
  const filtered = hasActiveFilters(view) || problems.length > 0;
  const share = shareOf({ total: shown.scored, healthy: shown.healthy });
  const download = (event: MouseEvent) => {
    // With the data here, the download is exactly the list on screen; before that, the full CSV the build made.
    if (!report) return;
    event.preventDefault();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([healthCsv(report.failing)], { type: 'text/csv;charset=utf-8' }));
    link.download = 'co-create-health.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  return (
    <main id="main" class="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-6">
      <section aria-labelledby="bar-heading">
        <h2 id="bar-heading" class="text-xl font-semibold">The bar</h2>
        <p class="mt-1 max-w-prose">
          The program's goal: at least {HEALTH_GOAL * 100} % of each curated label's issues meet the bar, as of the snapshot of{' '}
          <time dateTime={new Date(asOf).toISOString()}>{new Date(asOf).toISOString().slice(0, 10)}</time>. An issue meets it when
          none of these apply (epics are listed on the site but not scored):
        </p>
        <ul class="mt-2 list-disc pl-6">
          {PROBLEMS.map((problem) => (
            <li key={problem}>{PROBLEM_NAMES[problem]}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="filter-heading" class="flex flex-col gap-3">
        {/* needs-js: without JavaScript the selects could not filter; the count below stays, for every issue. */}
        <h2 id="filter-heading" class="needs-js text-xl font-semibold">Filter</h2>
        <div class="needs-js flex flex-wrap gap-3">
          <Select id="health-label" label="Curated label" value={single(view.filters.label)} options={curatedLabels} onChange={(v) => update(only('label', v))} />
          <Select id="health-stage" label="Stage" value={single(view.filters.stage)} options={keys(props.initialReport.stages)} onChange={(v) => update(only('stage', v))} />
          <Select id="health-group" label="Group" value={single(view.filters.group)} options={keys(props.initialReport.groups)} onChange={(v) => update(only('group', v))} />
          <Select
            id="health-problem"
            label="Problem"
            value={single(problems)}
            options={PROBLEMS}
            display={(p) => PROBLEM_NAMES[p as Problem]}
            onChange={(v) => update({ ...state, problems: v ? [v as Problem] : [] })}
          />
        </div>
        <ActiveFilters view={view} onRemove={remove} onClearAll={() => update({ view: emptyView(), problems: [] })} focusWhenEmpty="health-label" pending={!report} />
        <p role="status" class="text-sm text-muted">
          {failed
            ? 'The issue data could not be loaded, so filters are unavailable. The report below covers every issue.'
            : !report && filtered
              ? 'Loading issues…'
              : `${shown.scored.toLocaleString('en')} issues scored, ${shown.healthy.toLocaleString('en')} meet the bar${share === null ? '' : ` (${sharePercent(share)} %)`}`}
        </p>
        <IgnoredValues ignored={ignored} />
      </section>

      {/* The trend of what the tables below show: the whole list's until a narrower view's data is here. */}
      <HealthTrend view={failed ? emptyView() : report || !hasActiveFilters(view) ? view : null} historyUrl={props.historyUrl} historyCsvUrl={props.historyCsvUrl}>
        {props.children}
      </HealthTrend>

      <TallyTable caption="By curated label" name="Label" rows={shown.labels} noKey="" hrefFor={facetLink('label')} onFollow={follow} />
      <TallyTable caption="By group" name="Group" rows={shown.groups} noKey="No group:: label" hrefFor={facetLink('group')} onFollow={follow} />
      <TallyTable caption="By stage" name="Stage" rows={shown.stages} noKey="No devops:: label" hrefFor={facetLink('stage')} onFollow={follow} />

      <section aria-labelledby="failing-heading">
        <div class="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="failing-heading" class="text-xl font-semibold">
            Issues below the bar ({failingTotal.toLocaleString('en')})
          </h2>
          <a href={props.csvUrl} download="co-create-health.csv" onClick={download} class="font-semibold">
            Download CSV{report && filtered ? ' of this view' : ''}
          </a>
        </div>
        <FailingList
          failing={shown.failing}
          limit={limit}
          total={failingTotal}
          onMore={report ? () => setLimit(limit + FAILING_PAGE_SIZE) : undefined}
        />
      </section>
    </main>
  );
}

const single = (values: readonly string[]) => (values.length === 1 ? values[0]! : '');
const keys = (tallies: HealthReport['groups']) => tallies.flatMap((tally) => (tally.key === null ? [] : [tally.key]));

interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  display?: (value: string) => string;
  onChange: (value: string) => void;
}

function Select({ id, label, value, options, display = (v) => v, onChange }: SelectProps) {
  return (
    <div class="flex min-w-0 flex-col gap-1 text-sm">
      <label for={id} class="font-semibold">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
        class="max-w-[16rem] rounded-md border border-border bg-bg px-2 py-1"
      >
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {display(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
