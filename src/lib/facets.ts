import {
  AREAS,
  FACETS,
  WEIGHT_BUCKETS,
  facetValues,
  type Facet,
  type Issue,
  type ViewState,
} from './model';
import { isAvailable } from './health';
import { ITEMS_PER_STEP, runNow, type Steps } from './slices';

/** One choice in a facet's filter list. */
export interface FacetOption {
  value: string;
  /** Issues the list would show with this value selected, given the search, `available` and the other facets. */
  count: number;
  selected: boolean;
}

/** What one view of the list shows: the matching issues and every facet's options with counts. */
export interface FacetResult {
  /** Matching issues, in the order asked for. */
  results: Issue[];
  facets: Record<Facet, FacetOption[]>;
  /** Issues passing the search and every facet that nobody is working on, whether or not `available` is set. */
  availableCount: number;
}

/** Filtering and faceted counts over one dataset; build once, call per view. */
export interface FacetIndex {
  /**
   * Applies a view to the issues at `order` (positions in the indexed array, in the order results should come
   * out), or to every issue in array order when `order` is null.
   */
  filterAndCount(view: ViewState, order: ArrayLike<number> | null): FacetResult;
}

// An issue as the per-view loop reads it: per facet, the ids of its values (interned per facet), so the loop
// counts into typed arrays instead of maps of strings.
interface Entry {
  issue: Issue;
  valueIds: readonly Uint16Array[];
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

/** Precomputes what every view of `issues` shares, at once: each issue's facet values and each facet's values. */
export function createFacetIndex(issues: readonly Issue[], curatedLabels: readonly string[]): FacetIndex {
  return runNow(facetIndexSteps(issues, curatedLabels));
}

/** Precomputes the facet index, yielding between small pieces of work (see slices.ts). */
export function* facetIndexSteps(issues: readonly Issue[], curatedLabels: readonly string[]): Steps<FacetIndex> {
  // Every value in the data, so an option stays listed (with 0) when the other filters leave it no issues.
  const values = FACETS.map(() => [] as string[]);
  const ids = FACETS.map(() => new Map<string, number>());
  const intern = (f: number, value: string) => {
    let id = ids[f]!.get(value);
    if (id === undefined) {
      id = values[f]!.push(value) - 1;
      ids[f]!.set(value, id);
    }
    return id;
  };
  const entries: Entry[] = [];
  for (const issue of issues) {
    entries.push({
      issue,
      valueIds: FACETS.map((facet, f) => Uint16Array.from(facetValues(issue, facet), (value) => intern(f, value))),
      available: isAvailable(issue),
    });
    if (entries.length % ITEMS_PER_STEP === 0) yield;
  }
  const comparators = FACETS.map((facet) => optionComparator(facet, curatedLabels));

  return {
    filterAndCount(view, order) {
      const selected = FACETS.map((facet, f) => {
        const flags = new Uint8Array(values[f]!.length);
        for (const value of view.filters[facet]) {
          const id = ids[f]!.get(value);
          if (id !== undefined) flags[id] = 1;
        }
        return flags;
      });
      // A selected value no issue has still filters: it matches nothing.
      const active = FACETS.flatMap((facet, f) => (view.filters[facet].length > 0 ? [f] : []));
      const counts = FACETS.map((_, f) => new Uint32Array(values[f]!.length));
      const results: Issue[] = [];
      let availableCount = 0;
      const total = order ? order.length : entries.length;

      for (let k = 0; k < total; k++) {
        const entry = entries[order ? order[k]! : k]!;
        // Which active facet the issue fails: a facet's counts ignore its own selection, so an issue failing
        // exactly one facet still counts towards that facet's options.
        let failed = NONE;
        for (const f of active) {
          const own = entry.valueIds[f]!;
          const flags = selected[f]!;
          let hit = false;
          for (let v = 0; v < own.length; v++) if (flags[own[v]!]) hit = true;
          if (hit) continue;
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
          for (let f = 0; f < FACETS.length; f++) for (const id of entry.valueIds[f]!) counts[f]![id]! += 1;
        } else {
          for (const id of entry.valueIds[failed]!) counts[failed]![id]! += 1;
        }
      }

      const facets = {} as Record<Facet, FacetOption[]>;
      FACETS.forEach((facet, f) => {
        const chosen = new Set(view.filters[facet]);
        const options = values[f]!.map((value, id) => ({ value, count: counts[f]![id]!, selected: chosen.has(value) }));
        for (const value of chosen) if (!ids[f]!.has(value)) options.push({ value, count: 0, selected: true });
        facets[facet] = options.sort(comparators[f]);
      });
      return { results, facets, availableCount };
    },
  };
}

/** One-off filterAndCount; build a createFacetIndex once instead when the dataset serves many views. */
export function filterAndCount(
  issues: readonly Issue[],
  view: ViewState,
  order: ArrayLike<number> | null,
  curatedLabels: readonly string[],
): FacetResult {
  return createFacetIndex(issues, curatedLabels).filterAndCount(view, order);
}
