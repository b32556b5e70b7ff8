import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { rememberDensity } from '../client/density';
import { loadData } from '../client/load-data';
import {
  emptyView,
  hasActiveFilters,
  orderWithoutSearch,
  withoutFilter,
  type Density,
  type Facet,
  type Issue,
  type SortKey,
  type ViewFilter,
  type ViewState,
} from '../lib/model';
import { formatCount } from '../lib/text/format';
import type { FacetOption } from '../lib/view/facets';
import type { IssueQuery } from '../lib/view/query';
import { withTypedFilters } from '../lib/view/typed-filters';
import { defaultSort } from '../lib/view/url-state';
import { ActiveFilters } from './ActiveFilters';
import { DataFailure } from './DataFailure';
import { FilterPanel, type ViewToggle } from './FilterPanel';
import { IgnoredValues } from './IgnoredValues';
import { useLinkResolution } from './use-link-resolution';
import { useListPlace } from './use-list-place';
import { useDeferredWhile } from './use-deferred-while';
import { useFillAfterPaint } from './use-fill-after-paint';
import { GitlabViewLink } from './GitlabViewLink';
import { ResultList } from './ResultList';
import { ShortlistBar } from './ShortlistBar';
import { ShortlistPage } from './ShortlistView';
import { SubscribeLink } from './SubscribeLink';
import { EmptySnapshot, NoResults } from './EmptyList';
import { FIRST_CARDS, firstOfNewView, PAGE_SIZE } from './first-render';
import { useSite, withSite } from './site-context';
import { Toolbar } from './Toolbar';
import { useUrlView, type ViewChange } from './use-url-view';
import { useViewTitle, viewTitle } from './view-title';

interface Props {
  /** Where the full issue data is (fetched after first paint). */
  dataUrl: string;
  /** The build's view of the default list, shown until the data arrives (and as the page without JavaScript). */
  initialIssues: Issue[];
  initialFacets: Record<Facet, FacetOption[]>;
  initialAvailable: number;
  initialReady: number;
  total: number;
}

type Status = 'loading' | 'ready' | 'failed';

/** Search, filters, sort and results over every curated issue; everything it shows is in the URL. */
export const IssueBrowser = withSite(Browser);

function Browser({ dataUrl, initialIssues, initialFacets, initialAvailable, initialReady, total }: Props) {
  const site = useSite();
  const [query, setQuery] = useState<IssueQuery | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  // Try again loads anew (a new attempt reruns the load below); the alert stays until a try succeeds.
  const [attempt, setAttempt] = useState(0);
  const [failures, setFailures] = useState(0);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [rendered, setRendered] = useState(FIRST_CARDS);
  const [view, changeView] = useUrlView(emptyView());
  // No clock on the server: the served cards give dates, and ages once the browser's clock is known (RelativeTime).
  const [now, setNow] = useState<number | null>(null);

  // The view shown now, for the data's first run (load-data.ts), which resolves after this render.
  const shownView = useRef(view);
  shownView.current = view;
  useEffect(() => {
    setNow(Date.now());
    loadData(dataUrl, site, () => shownView.current)
      .then((loaded) => {
        setQuery(loaded);
        setStatus('ready');
      })
      .catch(() => {
        setFailures((n) => n + 1);
        setStatus('failed');
      });
  }, [dataUrl, site, attempt]);
  const failing = failures > 0 && status !== 'ready';
  const retry = () => {
    setStatus('loading');
    setAttempt(attempt + 1);
  };
  useEffect(() => {
    // A try succeeded: the alert went, and with it the focus of whoever pressed Try again. The search box takes it,
    // or on a shortlist its first control (Apply with these issues).
    if (status !== 'ready' || failures === 0 || document.activeElement !== document.body) return;
    (document.getElementById('search') ?? document.querySelector<HTMLElement>('#main :is(a, button)'))?.focus();
  }, [status, failures]);

  // The indexes are built once per data load (load-data.ts); a keystroke only runs the query.
  const listing = useMemo(() => query?.run(view) ?? null, [query, view]);
  const shortlisted = useMemo(() => (query && view.refs.length > 0 ? query.shortlist(view.refs) : null), [query, view.refs]);
  // Onto the newest view: a keystroke may have come since this one was resolved. The same filters keep the view
  // itself (see useLinkResolution): a copy would be run anew, about 20 ms at 10,000 issues.
  const [ignored, clearIgnored] = useLinkResolution(listing, view, (asked, resolved) =>
    changeView((newest) => (newest.filters === asked && resolved !== asked ? { ...newest, filters: resolved } : newest), 'replace'),
  );

  useListPlace(limit, status === 'ready', (cards) => {
    setLimit(cards);
    setRendered(cards);
  });
  // Which card takes the focus once it is rendered: the first new one after "Show more", the first after Enter in the
  // search box; and in which view. Only a render of that view may move the focus: Preact runs an earlier render's
  // effects before rendering anew, and a card of the view being left would take the focus and then go with it.
  const list = useRef<HTMLOListElement>(null);
  const focusCard = useRef<{ at: number; view: ViewState } | null>(null);
  const focusPending = () => {
    const pending = focusCard.current;
    const article = pending?.view === view ? list.current?.children[pending.at]?.querySelector('article') : null;
    if (!article) return;
    focusCard.current = null;
    const link = article.querySelector<HTMLElement>('h3 a');
    if (link) return link.focus();
    // A title not linked (its URL is not under the instance): the card itself, named by its title.
    article.tabIndex = -1;
    article.focus();
  };
  useEffect(focusPending);

  // Until the data is there, only the served cards exist.
  useFillAfterPaint(status === 'ready', rendered, limit, setRendered);

  // Whether the newest view came from typing in the search box (see what surrounds the list, below).
  const typing = useRef(false);
  const update = (next: ViewState, how: ViewChange = 'step') => {
    typing.current = how === 'typing';
    clearIgnored();
    setLimit(PAGE_SIZE);
    setRendered(firstOfNewView(next.density));
    changeView(next, how);
  };
  // Remembered first: the URL is written against the remembered density (see useUrlView). The same history entry,
  // changed: Back goes to the previous filters, not to the other density, and the list stays where it was.
  const changeDensity = (density: Density) => {
    if (density === view.density) return;
    rememberDensity(density);
    changeView((newest) => ({ ...newest, density }), 'replace');
  };
  const search = (typedQuery: string, complete: boolean) => {
    // Filters typed into the box (group::runner, is:ready) become chips; the rest is the search.
    const next = withTypedFilters(view, typedQuery, complete);
    // Typing a query switches to best-match order unless the visitor picked an order of their own.
    const sort = view.sort === defaultSort(view.q) ? defaultSort(next.q) : view.sort;
    // A filter taken from the text is a new object of filters: a step in history, like ticking a box.
    const tookFilter = next.filters !== view.filters;
    const changed = tookFilter || next.q !== view.q;
    const nextView = changed ? { ...next, sort } : view;
    // Enter: done typing, on to the results (at once when the view stays as it is, else once they are rendered).
    if (complete) focusCard.current = { at: 0, view: nextView };
    if (!changed) return focusPending();
    update(nextView, tookFilter ? 'step' : 'typing');
  };
  const toggle = (facet: Facet, value: string, selected: boolean) => {
    const values = view.filters[facet].filter((v) => v !== value);
    update({ ...view, filters: { ...view.filters, [facet]: selected ? [...values, value] : values } });
  };
  // The filter panel gets a toggle that keeps its identity and calls the latest one, so that facets whose
  // counts did not change skip re-rendering (see FacetGroup).
  const latestToggle = useRef(toggle);
  latestToggle.current = toggle;
  const stableToggle = useCallback((facet: Facet, value: string, selected: boolean) => latestToggle.current(facet, value, selected), []);
  const remove = (what: ViewFilter, value?: string) => update(withoutFilter(view, what, value));

  // Clearing the filters keeps the order and the density: neither narrows the list.
  const clearAll = () => update({ ...emptyView(), sort: orderWithoutSearch(view.sort), density: view.density });

  const loaded = status === 'ready' && listing !== null;
  const results = loaded ? listing.results : initialIssues;
  const count = loaded ? listing.results.length : total;
  // While someone types, what surrounds the list follows once the keystroke's results are painted: the filter panel's
  // counts and the document's title. A keystroke then pays for its cards and the count above them, not for updating a
  // hundred options beside them (at 10,000 issues, the first change of the list came 1.5 ms sooner at p95 of the
  // bench's keys) or for the title's change. A click on a filter shows them at once.
  const settled = useDeferredWhile(loaded ? listing : null, typing.current);
  useViewTitle(settled ? settled.view : view);
  const toggles: ViewToggle[] = [
    { key: 'ready', label: 'Ready to pick up', hint: 'free, agreed, sized and planned', checked: view.ready, count: settled ? settled.readyCount : initialReady },
    { key: 'available', label: 'Only available', hint: 'unassigned, no open MR', checked: view.available, count: settled ? settled.availableCount : initialAvailable },
  ];
  const shown = results.slice(0, Math.min(limit, rendered));
  const filtered = hasActiveFilters(view);
  // A shortlist link's picks, or the visitor's own shortlist shown: a step in history, like a filter.
  const showShortlist = (refs: readonly string[], title: string) => update({ ...emptyView(), density: view.density, refs: [...refs], title });

  if (view.refs.length > 0) {
    const failure = failing ? <DataFailure needs="The shortlist needs it." failures={failures} retrying={status === 'loading'} onRetry={retry} /> : null;
    return (
      <ShortlistPage entries={shortlisted} title={view.title} now={now} loading={status === 'loading'} failure={failure} onLeave={clearAll} onShow={showShortlist} />
    );
  }

  return (
    // Flex, not a grid: without JavaScript the filter panel is not there (needs-js), and the list takes its place.
    <div class="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row print:block">
      <FilterPanel
        facets={settled ? settled.facets : initialFacets}
        toggles={toggles}
        // What the status line says, for the phone's filter drawer, which hides it; unknown while a filtered view
        // loads, or while the data could not be loaded.
        resultCount={settled ? settled.results.length : !filtered && !failing ? total : null}
        disabled={loaded ? undefined : failing ? 'failed' : 'loading'}
        onToggle={stableToggle}
        onToggleView={(key, on) => update({ ...view, [key]: on })}
      />
      <main id="main" class="min-w-0 flex-1" aria-busy={status === 'loading' && filtered}>
        {/* On paper, what the list shows stands on top (the header says as of when); isolated, as it holds the search. */}
        <p class="hidden text-xl font-semibold print:block">
          <bdi>{viewTitle(view) || 'All curated issues'}</bdi>
        </p>
        <Toolbar
          q={view.q}
          sort={view.sort}
          density={view.density}
          onQuery={search}
          onSort={(sort: SortKey) => update({ ...view, sort })}
          onDensity={changeDensity}
          disabled={failing}
        />
        <div class="mt-3 print:hidden">
          <ActiveFilters view={view} onRemove={remove} onClearAll={clearAll} focusWhenEmpty="search" pending={!loaded} />
        </div>
        {failing && <DataFailure needs="Search and filters need it." failures={failures} retrying={status === 'loading'} onRetry={retry} />}
        <h2 class="sr-only">Results</h2>
        {/* The count of a view comes with its data: until then, "Loading" for a filtered view or a new try, and
            nothing while the alert above says why there is none. */}
        <p role="status" class="mt-3 text-sm text-muted">
          {status === 'failed'
            ? ''
            : status === 'loading' && (filtered || failing)
              ? 'Loading issues…'
              : `${formatCount(count)} ${count === 1 ? 'issue' : 'issues'}${filtered ? ' match' : ''}`}
        </p>
        <div class="print:hidden">
          <IgnoredValues ignored={ignored} />
          {/* Side by side where they fit: the list starts a line higher. */}
          <div class="flex flex-wrap items-baseline gap-x-4">
            <GitlabViewLink view={view} />
            <SubscribeLink view={view} />
          </div>
        </div>
        {total === 0 ? (
          <EmptySnapshot />
        ) : loaded && count === 0 ? (
          <NoResults view={view} onClearAll={clearAll} />
        ) : !loaded && filtered ? null /* The served cards are the unfiltered list: they are no filtered view's results. */ : (
          <ResultList
            shown={shown}
            wanted={Math.min(limit, count)}
            words={loaded ? listing.words : null}
            now={now}
            density={view.density}
            served={status === 'loading'}
            listRef={list}
          />
        )}
        {loaded && count > limit && (
          <button
            type="button"
            onClick={() => {
              focusCard.current = { at: limit, view };
              setLimit(limit + PAGE_SIZE * 2);
              setRendered(limit + PAGE_SIZE * 2);
            }}
            class="mt-4 w-full rounded-md border border-border bg-surface px-4 py-2 font-medium"
          >
            Show more ({formatCount(count - limit)} left)
          </button>
        )}
        <ShortlistBar onShow={showShortlist} />
      </main>
    </div>
  );
}
