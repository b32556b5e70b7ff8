import {
  AREAS,
  FACETS,
  WEIGHT_BUCKETS,
  facetValues,
  isAvailable,
  type Facet,
  type Issue,
  type ViewState,
} from './model';

/** One choice in a facet's filter list. */
export interface FacetOption {
  value: string;
  /** Issues the list would show with this value selected, given the search, `available` and the other facets. */
  count: number;
  selected: boolean;
}

/** What one view of the list shows: the matching issues and every facet's options with counts. */
export interface FacetResult {
  /** Matching issues, in input order. */
  results: Issue[];
  facets: Record<Facet, FacetOption[]>;
  /** Issues passing the search and every facet that nobody is working on, whether or not `available` is set. */
  availableCount: number;
}

/** Filtering and faceted counts over one dataset; build once, call per view. */
export interface FacetIndex {
  /** Applies a view; `matchedIds` is the search's result set, or null when there is no search. */
  filterAndCount(view: ViewState, matchedIds: ReadonlySet<number> | null): FacetResult;
}

// An issue as the per-view loop reads it: facet values by FACETS index, so the loop does no lookups by name.
interface Entry {
  issue: Issue;
  values: readonly (readonly string[])[];
  available: boolean;
}

// No facet failed; and the marker for "two or more failed", after which an issue counts for nothing.
const NONE = -1;
const SEVERAL = -2;

function fixedOrder(facet: Facet, curatedLabels: readonly string[]): readonly string[] | null {
  if (facet === 'label') return curatedLabels;
  if (facet === 'weight') return WEIGHT_BUCKETS;
  if (facet === 'area') return AREAS;
  return null;
}

// Label, weight and area options keep their configured order (unknown values last, by name); the rest put
// the biggest first so the useful choices lead a long list.
function optionComparator(facet: Facet, curatedLabels: readonly string[]): (a: FacetOption, b: FacetOption) => number {
  const order = fixedOrder(facet, curatedLabels);
  if (!order) return (a, b) => b.count - a.count || a.value.localeCompare(b.value);
  const rank = new Map(order.map((value, index) => [value, index]));
  const position = (option: FacetOption) => rank.get(option.value) ?? order.length;
  return (a, b) => position(a) - position(b) || a.value.localeCompare(b.value);
}

/** Precomputes what every view of `issues` shares: each issue's facet values and each facet's full value list. */
export function createFacetIndex(issues: readonly Issue[], curatedLabels: readonly string[]): FacetIndex {
  const entries: Entry[] = issues.map((issue) => ({
    issue,
    values: FACETS.map((facet) => facetValues(issue, facet)),
    available: isAvailable(issue),
  }));
  // Every value in the data, so an option stays listed (with 0) when the other filters leave it no issues.
  const allValues = FACETS.map((_, f) => new Set(entries.flatMap((entry) => entry.values[f] ?? [])));
  const comparators = FACETS.map((facet) => optionComparator(facet, curatedLabels));

  return {
    filterAndCount(view, matchedIds) {
      const selected = FACETS.map((facet) => new Set(view.filters[facet]));
      const active = FACETS.flatMap((_, f) => (selected[f]!.size > 0 ? [f] : []));
      const counts = FACETS.map(() => new Map<string, number>());
      const results: Issue[] = [];
      let availableCount = 0;

      const count = (f: number, values: readonly string[]) => {
        const map = counts[f]!;
        for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
      };

      for (const entry of entries) {
        if (matchedIds && !matchedIds.has(entry.issue.id)) continue;
        // Which active facet the issue fails: a facet's counts ignore its own selection, so an issue failing
        // exactly one facet still counts towards that facet's options.
        let failed = NONE;
        for (const f of active) {
          if (entry.values[f]!.some((value) => selected[f]!.has(value))) continue;
          if (failed !== NONE) {
            failed = SEVERAL;
            break;
          }
          failed = f;
        }
        if (failed === SEVERAL) continue;
        if (failed === NONE && entry.available) availableCount++;
        // `available` is not a facet with options, so it restricts every count like the search does.
        if (view.available && !entry.available) continue;
        if (failed === NONE) {
          results.push(entry.issue);
          entry.values.forEach((values, f) => count(f, values));
        } else {
          count(failed, entry.values[failed]!);
        }
      }

      const facets = {} as Record<Facet, FacetOption[]>;
      FACETS.forEach((facet, f) => {
        const chosen = selected[f]!;
        const values = new Set([...allValues[f]!, ...chosen]);
        facets[facet] = [...values]
          .map((value) => ({ value, count: counts[f]!.get(value) ?? 0, selected: chosen.has(value) }))
          .sort(comparators[f]);
      });
      return { results, facets, availableCount };
    },
  };
}

/** One-off filterAndCount; build a createFacetIndex once instead when the dataset serves many views. */
export function filterAndCount(
  issues: readonly Issue[],
  view: ViewState,
  matchedIds: ReadonlySet<number> | null,
  curatedLabels: readonly string[],
): FacetResult {
  return createFacetIndex(issues, curatedLabels).filterAndCount(view, matchedIds);
}
