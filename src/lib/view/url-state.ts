import { LANGUAGE_NAMES, LANGUAGES } from '../languages';
import { pathWithBase } from '../links/site-paths';
import { readShortlist, writeShortlist } from '../shortlist';
import {
  AREAS,
  DENSITIES,
  FACETS,
  SORT_KEYS,
  WEIGHT_BUCKETS,
  emptyView,
  fixedFacetOrder,
  type Density,
  type Facet,
  type IgnoredValue,
  type SortKey,
  type ViewState,
} from '../model';

// Limits far beyond any real view, so that a crafted link cannot make the page render, count and search with
// megabytes: a search or a value is at most MAX_TEXT_LENGTH long, a facet has at most MAX_FACET_VALUES values, and
// a query string is read no further than MAX_QUERY_LENGTH characters.
const MAX_TEXT_LENGTH = 200;
const MAX_FACET_VALUES = 20;
const MAX_QUERY_LENGTH = 2000;

const TRUE_VALUES = new Set(['true', '1', 'yes', 'on']);

// The facets whose every value the page knows without the data.
const CLOSED_FACETS = ['label', 'area', 'language', 'weight'] as const satisfies readonly Facet[];

/** The sort a view gets when the URL names none: relevance while searching, recommended otherwise. */
export function defaultSort(q: string): SortKey {
  return q.trim() ? 'relevance' : 'recommended';
}

// Relevance means nothing without a query, so it falls back to the default rather than an arbitrary order.
function effectiveSort(q: string, sort: string | null): SortKey {
  const key = sort?.trim().toLowerCase();
  const known = SORT_KEYS.find((candidate) => candidate === key);
  if (!known || (known === 'relevance' && !q.trim())) return defaultSort(q);
  return known;
}

// `Compact` and ` compact ` are read as compact; anything else names no density, and the remembered one applies.
function matchDensity(value: string | null): Density | null {
  const key = value?.trim().toLowerCase();
  return DENSITIES.find((density) => density === key) ?? null;
}

/**
 * The `view` value a URL carries for `density`, or null for none. Cards are the default and go unwritten, except for
 * a visitor who remembered compact: a URL without `view` shows them compact rows, so their cards are named.
 */
function densityParam(density: Density, remembered: Density): string | null {
  return density === 'cards' && remembered === 'cards' ? null : density;
}

// Cuts at MAX_TEXT_LENGTH without leaving half a surrogate pair, which would not survive URL encoding.
function truncate(text: string): string {
  if (text.length <= MAX_TEXT_LENGTH) return text;
  const cut = text.slice(0, MAX_TEXT_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function cleanQuery(q: string): string {
  return q.trim() ? truncate(q) : '';
}

/**
 * A value as links spell it loosely (quick-win, Quick_Win, source+code): compared case-insensitively, with -, _, +
 * and whitespace runs all read as one space. Curated labels are matched this way here, other facets' values by the
 * facet index, which knows the data's.
 */
export function looseKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[-_+\s]+/g, ' ')
    .trim();
}

function matchLabel(value: string, curatedLabels: readonly string[]): string | undefined {
  if (curatedLabels.includes(value)) return value;
  const key = looseKey(value);
  return curatedLabels.find((label) => looseKey(label) === key);
}

function matchArea(value: string): string | undefined {
  const lower = value.toLowerCase();
  return AREAS.find((area) => area === lower);
}

// A language by its slug or by a word of its name, in any case: `go`, `Ruby`, `vue` (JavaScript/Vue).
function matchLanguage(value: string): string | undefined {
  const lower = value.toLowerCase();
  return LANGUAGES.find((language) => language === lower || LANGUAGE_NAMES[language].toLowerCase().split('/').includes(lower));
}

// `4+` arrives as `4 ` when the + was not percent-encoded; trimming leaves `4`.
function matchWeight(value: string): string | undefined {
  const lower = value.toLowerCase();
  return WEIGHT_BUCKETS.find((bucket) => bucket === lower || (bucket === '4+' && lower === '4'));
}

// Open facets (type, stage, group, project) keep any value here: only the data knows which it has, so the query
// matches them leniently and names the ones no issue has (see FacetIndex.resolve).
function matchFreeText(value: string): string | undefined {
  return value.length <= MAX_TEXT_LENGTH ? value : undefined;
}

/** A value of one facet as the page writes it, or undefined when the facet has no such value. */
function matchValue(facet: Facet, value: string, curatedLabels: readonly string[]): string | undefined {
  switch (facet) {
    case 'label':
      return matchLabel(value, curatedLabels);
    case 'area':
      return matchArea(value);
    case 'language':
      return matchLanguage(value);
    case 'weight':
      return matchWeight(value);
    default:
      return matchFreeText(value);
  }
}

// The valid, de-duplicated values of one facet (the first MAX_FACET_VALUES) in the facet's fixed order (free-text
// facets keep the order given), so equal views give equal URLs.
function cleanFacetValues(facet: Facet, values: Iterable<string>, curatedLabels: readonly string[]): string[] {
  const matched = new Set<string>();
  for (const raw of values) {
    if (matched.size === MAX_FACET_VALUES) break;
    const value = raw.trim();
    const match = value ? matchValue(facet, value, curatedLabels) : undefined;
    if (match !== undefined) matched.add(match);
  }
  const order = fixedFacetOrder(facet, curatedLabels);
  return order ? order.filter((value) => matched.has(value)) : [...matched];
}

// The query string's parameters that end within MAX_QUERY_LENGTH characters: one cut in half would read as another.
function withinLimit(search: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length <= MAX_QUERY_LENGTH) return query;
  return query.slice(0, Math.max(0, query.lastIndexOf('&', MAX_QUERY_LENGTH)));
}

// A facet's values in a query string. GitLab label names (and so types, stages, groups) cannot contain commas, which
// makes `a,b` safe to split.
const facetParams = (params: URLSearchParams, facet: Facet) => params.getAll(facet).flatMap((value) => value.split(','));

/**
 * Reads a view from a query string (with or without `?`); never throws, drops what it does not understand. A URL
 * that names no density gets `remembered`, the visitor's own choice (cards when they made none).
 */
export function parseView(search: string | URLSearchParams, curatedLabels: readonly string[], remembered: Density = 'cards'): ViewState {
  // URLSearchParams decodes malformed percent escapes leniently (to U+FFFD) instead of throwing.
  const params = new URLSearchParams(withinLimit(search.toString()));
  const view = emptyView();
  view.q = cleanQuery(params.get('q') ?? '');
  for (const facet of FACETS) view.filters[facet] = cleanFacetValues(facet, facetParams(params, facet), curatedLabels);
  view.available = TRUE_VALUES.has(params.get('available')?.trim().toLowerCase() ?? '');
  view.ready = TRUE_VALUES.has(params.get('ready')?.trim().toLowerCase() ?? '');
  view.sort = effectiveSort(view.q, params.get('sort'));
  view.density = matchDensity(params.get('view')) ?? remembered;
  const shortlist = readShortlist(params);
  view.refs = shortlist.references;
  view.title = shortlist.title;
  return view;
}

/**
 * The values parseView leaves out of the closed facets (curated label, area, language, weight), whose values it
 * knows: a link's `?language=cobol`, so the page can say it ignored them. Open facets' values are the data's to
 * match (see FacetIndex.resolve).
 */
export function droppedValues(search: string, curatedLabels: readonly string[]): IgnoredValue[] {
  const params = new URLSearchParams(withinLimit(search));
  const dropped = new Map<string, IgnoredValue>();
  for (const facet of CLOSED_FACETS) {
    for (const raw of facetParams(params, facet)) {
      const value = truncate(raw.trim());
      if (value && matchValue(facet, value, curatedLabels) === undefined) dropped.set(`${facet}:${value}`, { facet, value });
    }
  }
  return [...dropped.values()].slice(0, MAX_FACET_VALUES);
}

/**
 * Whether a query string says a view's density as serializeView writes it (with `remembered` as there). When it does
 * not, say a visitor who remembered compact opened a link without `view`, the page rewrites the address so that it
 * says what is shown, and a copied link shows the same.
 */
export function saysDensity(search: string, view: ViewState, remembered: Density = 'cards'): boolean {
  const params = new URLSearchParams(withinLimit(search));
  return params.get('view') === densityParam(view.density, remembered);
}

/**
 * Writes a view as a query string without `?`, in canonical order, omitting defaults ('' for the default view);
 * `remembered` is the density a URL without `view` shows this visitor (see densityParam).
 */
export function serializeView(view: ViewState, curatedLabels: readonly string[], remembered: Density = 'cards'): string {
  const params = new URLSearchParams();
  const q = cleanQuery(view.q);
  if (q) params.append('q', q);
  for (const facet of FACETS) {
    for (const value of cleanFacetValues(facet, view.filters[facet], curatedLabels)) params.append(facet, value);
  }
  if (view.available) params.append('available', 'true');
  if (view.ready) params.append('ready', 'true');
  const sort = effectiveSort(q, view.sort);
  if (sort !== defaultSort(q)) params.append('sort', sort);
  const density = densityParam(view.density, remembered);
  if (density !== null) params.append('view', density);
  writeShortlist(params, view.refs, view.title);
  return params.toString();
}

/** The link to the list page showing `view`: the site's home with the view's query string. */
export function viewPath(view: ViewState, curatedLabels: readonly string[]): string {
  const query = serializeView(view, curatedLabels);
  return pathWithBase(query ? `?${query}` : '');
}
