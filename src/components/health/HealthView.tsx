import { formatCount } from '../../lib/text/format';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { healthCsv, healthCsvName } from '../../lib/health/csv';
import { FIX_HINTS } from '../../lib/health/fixes';
import { HEALTH_GOAL, PROBLEM_NAMES, PROBLEMS, UNTOUCHED_AFTER_DAYS } from '../../lib/health/rules';
import { healthReport, heldToBar, sharePercent, shareOf, type HealthReport } from '../../lib/health/report';
import { nextOrder, sortFailing, type TallyColumn } from '../../lib/health/table-sort';
import { emptyView, hasActiveFilters, type Facet } from '../../lib/model';
import type { SnapshotDeparted } from '../../lib/snapshot';
import type { IssueQuery } from '../../lib/view/query';
import { loadData } from '../../client/load-data';
import { isPlainClick } from '../plain-click';
import { useLinkResolution } from '../use-link-resolution';
import { DepartedList } from './DepartedList';
import { FailingList } from './FailingList';
import { HealthFilters } from './HealthFilters';
import { HealthTrend } from './HealthTrend';
import { useSite, withSite } from '../site-context';
import { TallyTable } from './TallyTable';
import { useHealthUrl, type HealthState } from './use-health-url';

type TallyTableId = 'label' | 'group' | 'stage';

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
  /** What left the list in the last 30 days (the snapshot's `departed`). */
  departed: readonly SnapshotDeparted[];
  /** The published trend (/history.json and /history.csv). */
  historyUrl: string;
  historyCsvUrl: string;
  /** The build's trend chart of every curated label, shown for the whole list. */
  children?: ComponentChildren;
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
  const { state, change, parse, serialize } = useHealthUrl();
  const { view, problems, sorts } = state;

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
    change(
      (newest) => (newest.view.filters === asked && resolved !== asked ? { ...newest, view: { ...newest.view, filters: resolved } } : newest),
      'replace',
    ),
  );

  const update = (next: HealthState) => {
    clearIgnored();
    setLimit(FAILING_PAGE_SIZE);
    change(next, 'step');
  };
  // Sorting is a step in history too (Back undoes it), but it keeps the note and the issues shown.
  const sortBy = (table: TallyTableId) => (column: TallyColumn) => change({ ...state, sorts: { ...sorts, [table]: nextOrder(sorts[table], column) } }, 'step');
  const hrefOf = (next: HealthState) => {
    const query = serialize(next);
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  const follow = (href: string, event: MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    update(parse(new URL(href, location.href).search));
  };

  const only = (facet: Facet, value: string) => ({ ...state, view: { ...view, filters: { ...view.filters, [facet]: value ? [value] : [] } } });
  // Server-rendered links must not depend on `location`; they become filtered links in the browser.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  const facetLink = (facet: Facet) => (key: string | null) =>
    key === null ? (facet === 'group' && inBrowser ? hrefOf({ ...state, problems: ['no-group'] }) : null) : inBrowser ? hrefOf(only(facet, key)) : null;

  const shown = report ?? initialReport;
  const failingTotal = report ? report.failing.length : props.failingTotal;
  const filtered = hasActiveFilters(view) || problems.length > 0;
  const { all } = shown;
  const share = shareOf(all);
  const held = heldToBar(all);
  // The name says what the file holds: the view on screen once the data is here, every issue before.
  const csvName = healthCsvName(report ? view : null, report ? problems : [], asOf);
  const download = (event: MouseEvent) => {
    // With the data here, the download is exactly the list on screen; before that, the full CSV the build made.
    if (!report) return;
    event.preventDefault();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([healthCsv(sortFailing(report.failing, sorts.failing, asOf), asOf)], { type: 'text/csv;charset=utf-8' }));
    link.download = csvName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };
  const tally = (id: TallyTableId, heading: string, name: string, noKey: string) => (
    <TallyTable id={id} heading={heading} name={name} rows={shown[`${id}s`]} noKey={noKey} hrefFor={facetLink(id)} onFollow={follow} order={sorts[id]} onSort={sortBy(id)} />
  );

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
            <li key={problem}>
              {PROBLEM_NAMES[problem]} <span class="text-muted">— fix: {FIX_HINTS[problem]}</span>
            </li>
          ))}
        </ul>
        <p class="mt-2 max-w-prose">
          <strong>In progress is not a problem.</strong> An issue someone is on (an open merge request would close it, or it is
          assigned and was updated in the last {UNTOUCHED_AFTER_DAYS} days) is counted apart as in progress, not held to the
          bar: the share meeting the bar is of the issues not in progress.
        </p>
      </section>

      <HealthFilters state={state} initialReport={initialReport} pending={!report} ignored={ignored} onChange={update}>
        {failed
          ? 'The issue data could not be loaded, so filters are unavailable. The report below covers every issue.'
          : !report && filtered
            ? 'Loading issues…'
            : `${formatCount(all.total)} issues scored: ${formatCount(all.inProgress)} in progress; of the other ${formatCount(held)}, ${formatCount(all.healthy)} meet the bar${share === null ? '' : ` (${sharePercent(share)} %)`}; ${formatCount(all.ready)} ready to pick up`}
      </HealthFilters>

      {/* The trend of what the tables below show: the whole list's until a narrower view's data is here. */}
      <HealthTrend view={failed ? emptyView() : report || !hasActiveFilters(view) ? view : null} historyUrl={props.historyUrl} historyCsvUrl={props.historyCsvUrl}>
        {props.children}
      </HealthTrend>

      {tally('label', 'By curated label', 'Label', '')}
      {tally('group', 'By group', 'Group', 'No group:: label')}
      {tally('stage', 'By stage', 'Stage', 'No devops:: label')}

      <section aria-labelledby="failing-heading">
        <div class="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="failing-heading" class="text-xl font-semibold">
            Issues below the bar ({formatCount(failingTotal)})
          </h2>
          <a href={props.csvUrl} download={csvName} onClick={download} class="font-semibold">
            Download CSV{report && filtered ? ' of this view' : ''}
          </a>
        </div>
        <FailingList
          failing={sortFailing(shown.failing, sorts.failing, asOf)}
          limit={limit}
          total={failingTotal}
          onMore={report ? () => setLimit(limit + FAILING_PAGE_SIZE) : undefined}
          order={sorts.failing}
          onSort={(order) => change({ ...state, sorts: { ...sorts, failing: order } }, 'step')}
        />
      </section>

      <DepartedList departed={props.departed} filters={view.filters} />
    </main>
  );
}

