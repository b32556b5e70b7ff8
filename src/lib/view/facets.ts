import { FACETS, facetValues, fixedFacetOrder, type Facet, type IgnoredValue, type Issue, type ViewState } from '../model';
import { isReady } from '../health/ready';
import { isAvailable } from '../health/rules';
import { parseScopedLabel, SCOPED_FIELDS } from '../labels/scoped';
import { ITEMS_PER_STEP, NEW_SLICE, runNow, type Steps } from '../slices';
import { doubled } from '../typed-array';
import { looseKey } from './url-state';

/** One choice in a facet's filter list. */
export interface FacetOption {
  value: string;
  /** Issues the list would show with this value selected, given the search, the toggles and the other facets. */
  count: number;
  selected: boolean;
}

/** What one view of the list shows: the matching issues and every facet's options with counts. */
export interface FacetResult {
  /** Matching issues, in the order asked for. */
  results: Issue[];
  facets: Record<Facet, FacetOption[]>;
  /** Issues passing the search, every facet and `ready` that nobody is working on, whether or not `available` is set. */
  availableCount: number;
  /** Issues passing the search, every facet and `available` that are ready to pick up, whether or not `ready` is set. */
  readyCount: number;
}


/** Filtering and faceted counts over one dataset; build once, call per view. */
export interface FacetIndex {
  /**
   * The view with each value of the open facets (type, stage, group, project) written as the data writes it, when
   * one matches leniently: case, -, _, + and spaces alike (looseKey), and the scope a label value carries
   * (`devops::verify` for a stage). A value that matches none is left out of the view and listed in `ignored`.
   */
  resolve(view: ViewState): { view: ViewState; ignored: IgnoredValue[] };
  /**
   * Applies a view to the issues at `order` (positions in the indexed array, in the order results should come
   * out), or to every issue in array order when `order` is null.
   */
  filterAndCount(view: ViewState, order: ArrayLike<number> | null): FacetResult;
}

// No facet failed; and the marker for "two or more failed", after which an issue counts for nothing.
const NONE = -1;
const SEVERAL = -2;

// Label, weight and area options keep their configured order (unknown values last, by name); the rest put
// the biggest first so the useful choices lead a long list.
function optionComparator(facet: Facet, curatedLabels: readonly string[]): (a: FacetOption, b: FacetOption) => number {
  const order = fixedFacetOrder(facet, curatedLabels);
  if (!order) return (a, b) => b.count - a.count || a.value.localeCompare(b.value);
  const rank = new Map(order.map((value, index) => [value, index]));
  const position = (option: FacetOption) => rank.get(option.value) ?? order.length;
  return (a, b) => position(a) - position(b) || a.value.localeCompare(b.value);
}

// A value's loose key; a value of a scoped facet may carry its scope (`group::source code` for the group facet).
function looseValue(facet: Facet, value: string): string {
  const scope = facet === 'type' || facet === 'stage' || facet === 'group' ? SCOPED_FIELDS[facet] : null;
  const scoped = parseScopedLabel(value);
  const bare = scope !== null && scoped.scope?.trim().toLowerCase() === scope ? scoped.value : value;
  return looseKey(bare);
}

/** Precomputes what every view of `issues` shares, at once: each issue's facet values and each facet's values. */
export function createFacetIndex(issues: readonly Issue[], curatedLabels: readonly string[], asOf: number): FacetIndex {
  return runNow(facetIndexSteps(issues, curatedLabels, asOf));
}

/** Precomputes the facet index, yielding between small pieces of work (see slices.ts). */
export function* facetIndexSteps(issues: readonly Issue[], curatedLabels: readonly string[], asOf: number): Steps<FacetIndex> {
  // Every value in the data, so an option stays listed (with 0) when the other filters leave it no issues.
  const values = FACETS.map(() => [] as string[]);
  const ids = FACETS.map(() => new Map<string, number>());
  const F = FACETS.length;
  // Per issue and facet, its values as ids local to the facet, all in one flat array: issue i's values of facet
  // f are at starts[i * F + f] up to starts[i * F + f + 1]. A keystroke counts 10,000 issues through these
  // without touching an object (per-issue arrays cost three times as much).
  const starts = new Uint32Array(issues.length * F + 1);
  let flat: Uint16Array<ArrayBuffer> = new Uint16Array(Math.max(16, issues.length * F));
  let used = 0;
  const available = new Uint8Array(issues.length);
  // Ready to pick up as of the snapshot's time (`asOf`), which every visitor's page shares.
  const ready = new Uint8Array(issues.length);
  for (let at = 0; at < issues.length; at++) {
    const issue = issues[at]!;
    for (let f = 0; f < F; f++) {
      starts[at * F + f] = used;
      for (const value of facetValues(issue, FACETS[f]!)) {
        let id = ids[f]!.get(value);
        if (id === undefined) {
          id = values[f]!.push(value) - 1;
          ids[f]!.set(value, id);
        }
        if (used === flat.length) flat = doubled(flat);
        flat[used++] = id;
      }
    }
    available[at] = isAvailable(issue) ? 1 : 0;
    ready[at] = isReady(issue, asOf) ? 1 : 0;
    if (at % ITEMS_PER_STEP === 0) yield;
  }
  starts[issues.length * F] = used;
  // Where each facet's counters start in the one array of counters.
  const base = new Uint32Array(F + 1);
  for (let f = 0; f < F; f++) base[f + 1] = base[f]! + values[f]!.length;
  const comparators = FACETS.map((facet) => optionComparator(facet, curatedLabels));
  // Each value's place among its facet's values by name: sorting options by it instead of comparing strings
  // on every keystroke gives the comparators' order without their cost. In a slice of its own: the first
  // localeCompare of a page loads ICU's collation data (10 ms and more).
  yield NEW_SLICE;
  const byName = values.map((list) => {
    const rank = new Uint32Array(list.length);
    Array.from(list.keys())
      .sort((a, b) => list[a]!.localeCompare(list[b]!))
      .forEach((id, position) => (rank[id] = position));
    return rank;
  });
  yield NEW_SLICE;
  const fixedRank = FACETS.map((facet, f) => {
    const order = fixedFacetOrder(facet, curatedLabels);
    if (!order) return null;
    const position = new Map(order.map((value, index) => [value, index]));
    return Uint32Array.from(values[f]!, (value, id) => (position.get(value) ?? order.length) * (values[f]!.length + 1) + byName[f]![id]!);
  });

  // Per open facet, each value's loose key and the value it stands for (the first by name, should two share one).
  // Made when a link first needs one: most visits only ever use values the page wrote itself.
  const loose: Array<Map<string, string> | undefined> = [];
  const looseMap = (f: number) => {
    if (loose[f]) return loose[f];
    const map = new Map<string, string>();
    for (const id of Array.from(values[f]!.keys()).sort((a, b) => byName[f]![a]! - byName[f]![b]!)) {
      const key = looseValue(FACETS[f]!, values[f]![id]!);
      if (!map.has(key)) map.set(key, values[f]![id]!);
    }
    return (loose[f] = map);
  };

  // The view's results and every count, in one pass over the issues at `order`.
  function filterAndCountNow(view: ViewState, order: ArrayLike<number> | null): FacetResult {
    const selected = new Uint8Array(base[F]!);
    // A selected value no issue has still filters: it matches nothing.
    const active: number[] = [];
    FACETS.forEach((facet, f) => {
      if (view.filters[facet].length > 0) active.push(f);
      for (const value of view.filters[facet]) {
        const id = ids[f]!.get(value);
        if (id !== undefined) selected[base[f]! + id] = 1;
      }
    });
    const counts = new Uint32Array(base[F]!);
    const results: Issue[] = [];
    let availableCount = 0;
    let readyCount = 0;
    const total = order ? order.length : issues.length;
    const onlyAvailable = view.available;
    const onlyReady = view.ready;

    for (let k = 0; k < total; k++) {
      const at = order ? order[k]! : k;
      const row = at * F;
      // Which active facet the issue fails: a facet's counts ignore its own selection, so an issue failing
      // exactly one facet still counts towards that facet's options.
      let failed = NONE;
      for (let a = 0; a < active.length; a++) {
        const f = active[a]!;
        const offset = base[f]!;
        let hit = false;
        for (let v = starts[row + f]!, end = starts[row + f + 1]!; v < end; v++) if (selected[offset + flat[v]!]) hit = true;
        if (hit) continue;
        if (failed !== NONE) {
          failed = SEVERAL;
          break;
        }
        failed = f;
      }
      if (failed === SEVERAL) continue;
      const free = available[at] === 1;
      const readyNow = ready[at] === 1;
      if (failed === NONE && free && (readyNow || !onlyReady)) availableCount++;
      if (failed === NONE && readyNow && (free || !onlyAvailable)) readyCount++;
      // The toggles are not facets with options, so they restrict every count like the search does.
      if ((onlyAvailable && !free) || (onlyReady && !readyNow)) continue;
      if (failed === NONE) {
        results.push(issues[at]!);
        // The counting loop is spelt out twice: as a shared closure it made this pass 30 % slower.
        for (let f = 0; f < F; f++) {
          const offset = base[f]!;
          for (let v = starts[row + f]!, end = starts[row + f + 1]!; v < end; v++) counts[offset + flat[v]!]! += 1;
        }
      } else {
        const offset = base[failed]!;
        for (let v = starts[row + failed]!, end = starts[row + failed + 1]!; v < end; v++) counts[offset + flat[v]!]! += 1;
      }
    }

    const facets = {} as Record<Facet, FacetOption[]>;
    FACETS.forEach((facet, f) => {
      const chosen = new Set(view.filters[facet]);
      const count = (id: number) => counts[base[f]! + id]!;
      const fixed = fixedRank[f];
      const rank = byName[f]!;
      const sorted = Array.from(values[f]!.keys()).sort(
        fixed ? (a, b) => fixed[a]! - fixed[b]! : (a, b) => count(b) - count(a) || rank[a]! - rank[b]!,
      );
      const options = sorted.map((id) => ({ value: values[f]![id]!, count: count(id), selected: chosen.has(values[f]![id]!) }));
      const unknown = [...chosen].filter((value) => !ids[f]!.has(value));
      // Rare (a link naming a value the data no longer has): those go in by the comparator, names and all.
      if (unknown.length) options.push(...unknown.map((value) => ({ value, count: 0, selected: true })));
      facets[facet] = unknown.length ? options.sort(comparators[f]) : options;
    });
    return { results, facets, availableCount, readyCount };
  }

  return {
    resolve(view) {
      const ignored: IgnoredValue[] = [];
      let filters: ViewState['filters'] | null = null;
      FACETS.forEach((facet, f) => {
        // Closed facets are the URL parser's; the common case, values as the page writes them, is one lookup each.
        if (fixedRank[f] || view.filters[facet].every((value) => ids[f]!.has(value))) return;
        const map = looseMap(f);
        const matched = new Set<string>();
        for (const value of view.filters[facet]) {
          const found = ids[f]!.has(value) ? value : map.get(looseValue(facet, value));
          if (found === undefined) ignored.push({ facet, value });
          else matched.add(found);
        }
        filters ??= { ...view.filters };
        filters[facet] = [...matched];
      });
      return { view: filters ? { ...view, filters } : view, ignored };
    },

    filterAndCount(view, order) {
      if (view.available || view.ready || FACETS.some((facet) => view.filters[facet].length > 0)) return filterAndCountNow(view, order);
      // Nothing chosen: every issue at `order` is a result. Those come at once, the counts when first read. While
      // someone types, the filter panel reads them after the keystroke's frame (use-deferred-while.ts), and never
      // for a view typed over before then.
      const results = order ? Array.from(order, (at) => issues[at]!) : [...issues];
      let counted: FacetResult | undefined;
      const counts = () => (counted ??= filterAndCountNow(view, order));
      return {
        results,
        get facets() {
          return counts().facets;
        },
        get availableCount() {
          return counts().availableCount;
        },
        get readyCount() {
          return counts().readyCount;
        },
      };
    },
  };
}
