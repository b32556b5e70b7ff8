import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isReady } from '../../../../src/lib/health/ready';
import { isAvailable } from '../../../../src/lib/health/rules';
import { createRandom } from '../../../../tools/gitlab-stand-in/prng';
import { createFacetIndex, type FacetOption } from '../../../../src/lib/view/facets';
import {
  AREAS,
  FACETS,
  WEIGHT_BUCKETS,
  emptyView,
  facetValues,
  toIssue,
  type Area,
  type Facet,
  type Issue,
  type ViewState,
} from '../../../../src/lib/model';
import { LANGUAGE_MAP } from '../../../../src/config';
import { languagesOf, LANGUAGES } from '../../../../src/lib/languages';
import { parseSnapshot, type SnapshotIssue } from '../../../../src/lib/snapshot';
import { makeIssue } from '../../make-issue';

const LABELS = ['co-create', 'quick win', 'quick win::first-time contributor'];
// The snapshot's time for readiness: makeIssue's items were updated at 0, so they are all fresh then.
const AS_OF = 1000;
const FTC = 'quick win::first-time contributor';

// Facet tests count projects, so their issues default to a short project path of their own.
const issue = (id: number, patch: Partial<Issue> = {}): Issue => makeIssue(id, { project: 'p/a', ...patch });

function view(filters: Partial<ViewState['filters']> = {}, available = false): ViewState {
  const base = emptyView();
  return { ...base, available, filters: { ...base.filters, ...filters } };
}

// Options as [value, count] pairs (selected ones marked with *), in order, for compact expectations.
function summary(options: readonly FacetOption[]): string[] {
  return options.map((o) => `${o.value}${o.selected ? '*' : ''}=${o.count}`);
}

const ids = (issues: readonly Issue[]) => issues.map((i) => i.id);

// Six issues; the expected counts below are worked out by hand from this table.
const ISSUES: Issue[] = [
  issue(1, { curated: ['co-create'], type: 'bug', stage: 's1', group: 'g1', areas: ['frontend'], weight: 1 }),
  issue(2, {
    curated: ['quick win'],
    type: 'feature',
    stage: 's1',
    group: 'g1',
    areas: ['backend'],
    weight: 2,
    assignees: ['alice'],
  }),
  issue(3, {
    curated: ['co-create', 'quick win'],
    type: 'bug',
    stage: 's1',
    group: 'g2',
    areas: ['frontend', 'backend'],
    project: 'p/b',
  }),
  issue(4, { curated: [FTC], type: 'maintenance', weight: 5, project: 'p/b', mergeRequests: 1 }),
  issue(5, {
    curated: ['co-create'],
    type: 'feature',
    group: 'g2',
    areas: ['documentation'],
    weight: 0,
    project: 'p/c',
  }),
  issue(6, { curated: ['quick win'], type: 'bug' }),
];

// One view at a time, as a page applies its first view.
const filterAndCount = (issues: readonly Issue[], view: ViewState, order: ArrayLike<number> | null, labels: readonly string[]) =>
  createFacetIndex(issues, labels, AS_OF).filterAndCount(view, order);

describe('filterAndCount', () => {
  it('lists everything with full counts for the empty view', () => {
    const { results, facets, availableCount } = filterAndCount(ISSUES, emptyView(), null, LABELS);
    expect(ids(results)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(summary(facets.label)).toEqual(['co-create=3', 'quick win=3', `${FTC}=1`]);
    expect(summary(facets.type)).toEqual(['bug=3', 'feature=2', 'maintenance=1']);
    expect(summary(facets.stage)).toEqual(['s1=3']);
    expect(summary(facets.group)).toEqual(['g1=2', 'g2=2']);
    expect(summary(facets.area)).toEqual(['frontend=2', 'backend=2', 'documentation=1']);
    expect(summary(facets.project)).toEqual(['p/a=3', 'p/b=2', 'p/c=1']);
    expect(summary(facets.weight)).toEqual(['0-1=2', '2-3=1', '4+=1', 'none=2']);
    expect(availableCount).toBe(4);
  });

  it("does not let a facet's own selection shrink its counts", () => {
    const { results, facets, availableCount } = filterAndCount(ISSUES, view({ type: ['bug'] }), null, LABELS);
    expect(ids(results)).toEqual([1, 3, 6]);
    expect(summary(facets.type)).toEqual(['bug*=3', 'feature=2', 'maintenance=1']);
    // Other facets count the three bugs; options with no bug stay listed with 0.
    expect(summary(facets.label)).toEqual(['co-create=2', 'quick win=2', `${FTC}=0`]);
    expect(summary(facets.project)).toEqual(['p/a=2', 'p/b=1', 'p/c=0']);
    expect(availableCount).toBe(3);
  });

  it('ORs within a facet and ANDs across facets', () => {
    expect(ids(filterAndCount(ISSUES, view({ type: ['bug', 'feature'] }), null, LABELS).results)).toEqual([
      1, 2, 3, 5, 6,
    ]);
    const { results, facets } = filterAndCount(ISSUES, view({ type: ['bug'], label: ['quick win'] }), null, LABELS);
    expect(ids(results)).toEqual([3, 6]);
    // Types among quick wins (2, 3, 6); labels among bugs (1, 3, 6); groups among the results (3, 6).
    expect(summary(facets.type)).toEqual(['bug*=2', 'feature=1', 'maintenance=0']);
    expect(summary(facets.label)).toEqual(['co-create=2', 'quick win*=2', `${FTC}=0`]);
    expect(summary(facets.group)).toEqual(['g2=1', 'g1=0']);
  });

  it('restricts results and every count to available issues', () => {
    const { results, facets, availableCount } = filterAndCount(
      ISSUES,
      view({ type: ['bug'], label: ['quick win'] }, true),
      null,
      LABELS,
    );
    expect(ids(results)).toEqual([3, 6]);
    // Issue 2 is a quick-win feature but assigned, so it no longer counts.
    expect(summary(facets.type)).toEqual(['bug*=2', 'feature=0', 'maintenance=0']);
    expect(availableCount).toBe(2);
    expect(filterAndCount(ISSUES, view({}, true), null, LABELS).availableCount).toBe(4);
  });

  it('counts available issues whether or not available is set', () => {
    const off = filterAndCount(ISSUES, view({ type: ['feature'] }), null, LABELS);
    const on = filterAndCount(ISSUES, view({ type: ['feature'] }, true), null, LABELS);
    expect([off.availableCount, on.availableCount]).toEqual([1, 1]);
    expect([ids(off.results), ids(on.results)]).toEqual([[2, 5], [5]]);
  });

  it('restricts to the issues at the given positions, in that order', () => {
    const at = (id: number) => ISSUES.findIndex((issue) => issue.id === id);
    const { results, facets, availableCount } = filterAndCount(ISSUES, emptyView(), [at(4), at(2), at(1)], LABELS);
    expect(ids(results)).toEqual([4, 2, 1]);
    expect(summary(facets.label)).toEqual(['co-create=1', 'quick win=1', `${FTC}=1`]);
    expect(availableCount).toBe(1);
    expect(filterAndCount(ISSUES, emptyView(), [], LABELS).results).toEqual([]);
  });

  it('lists selected values the data does not have, with 0', () => {
    const { results, facets } = filterAndCount(ISSUES, view({ group: ['nope'], weight: ['none', '4+'] }), null, LABELS);
    expect(results).toEqual([]);
    // Groups among weight none or 4+ (3, 4, 6): only issue 3 has one.
    expect(summary(facets.group)).toEqual(['g2=1', 'g1=0', 'nope*=0']);
    expect(summary(facets.weight)).toEqual(['0-1=0', '2-3=0', '4+*=0', 'none*=0']);
    expect(summary(facets.type)).toEqual(['bug=0', 'feature=0', 'maintenance=0']);
  });

  it('orders labels, weights and areas by configuration, unknown values last', () => {
    const data = [
      issue(1, { curated: ['quick win'], weight: null, areas: ['documentation'] }),
      issue(2, { curated: ['zzz', 'quick win'], weight: 9, areas: ['backend'] }),
      issue(3, { curated: ['aaa'], weight: 0 }),
    ];
    const { facets } = filterAndCount(data, view({ label: ['co-create'], area: ['frontend'] }), null, LABELS);
    expect(facets.label.map((o) => o.value)).toEqual(['co-create', 'quick win', 'aaa', 'zzz']);
    expect(facets.weight.map((o) => o.value)).toEqual(['0-1', '4+', 'none']);
    expect(facets.area.map((o) => o.value)).toEqual(['frontend', 'backend', 'documentation']);
  });

  it('orders free-text facets by count, then by name', () => {
    const data = ['b', 'a', 'c', 'c', 'Ä'].map((group, i) => issue(i + 1, { group }));
    expect(summary(filterAndCount(data, emptyView(), null, LABELS).facets.group)).toEqual(['c=2', 'a=1', 'Ä=1', 'b=1']);
  });

  it('handles an empty dataset', () => {
    const { results, facets, availableCount } = filterAndCount([], view({ type: ['bug'] }), null, LABELS);
    expect(results).toEqual([]);
    expect(summary(facets.type)).toEqual(['bug*=0']);
    expect(facets.label).toEqual([]);
    expect(availableCount).toBe(0);
  });
});

describe('resolve', () => {
  const index = createFacetIndex(
    [
      ...ISSUES,
      issue(7, { stage: 'Verify', group: 'source code', project: 'gitlab-org/gitlab-runner', type: 'bug' }),
      issue(8, { group: 'Source Code' }),
    ],
    LABELS,
    AS_OF,
  );

  it('leaves a view whose values the data has as it is, the same object', () => {
    const v = view({ type: ['bug'], stage: ['s1'], project: ['p/a'] });
    expect(index.resolve(v)).toEqual({ view: v, ignored: [] });
    expect(index.resolve(v).view).toBe(v);
  });

  it.each([
    ['stage', 'verify', 'Verify'],
    ['stage', 'devops::verify', 'Verify'],
    ['stage', 'DevOps::Verify', 'Verify'],
    // Two groups share the loose key: the first by name stands for it.
    ['group', 'group::source+code', 'source code'],
    ['group', 'source_code', 'source code'],
    ['group', 'Source-Code', 'source code'],
    ['type', 'type::Bug', 'bug'],
    ['project', 'GitLab-Org/GitLab-Runner', 'gitlab-org/gitlab-runner'],
  ] as const)('matches %s %j to the data\'s %j', (facet, asked, value) => {
    const { view: resolved, ignored } = index.resolve(view({ [facet]: [asked] }));
    expect(resolved.filters[facet]).toEqual([value]);
    expect(ignored).toEqual([]);
  });

  it('keeps exact values first: two groups that differ only in case stay apart', () => {
    expect(index.resolve(view({ group: ['source code'] })).view.filters.group).toEqual(['source code']);
    expect(index.resolve(view({ group: ['Source Code'] })).view.filters.group).toEqual(['Source Code']);
  });

  it('leaves out and lists values that match nothing, and the scope of another facet', () => {
    const { view: resolved, ignored } = index.resolve(view({ stage: ['verfy', 's1'], group: ['devops::source code'], type: ['x'] }));
    expect(resolved.filters).toMatchObject({ stage: ['s1'], group: [], type: [] });
    expect(ignored).toEqual([
      { facet: 'type', value: 'x' },
      { facet: 'stage', value: 'verfy' },
      { facet: 'group', value: 'devops::source code' },
    ]);
  });

  it('leaves curated labels, weights and areas to the URL parser, which knows their every value', () => {
    const v = view({ label: [FTC], weight: ['4+'], area: ['documentation'] });
    expect(index.resolve(v).view).toBe(v);
  });
});

// The obvious, slow definition: every facet's counts filter the whole list again without that facet.
function reference(issues: readonly Issue[], v: ViewState, matched: ReadonlySet<number> | null, asOf: number) {
  const toggles = (issue: Issue) => (!v.available || isAvailable(issue)) && (!v.ready || isReady(issue, asOf));
  const passes = (issue: Issue, skip: Facet | null) =>
    (!matched || matched.has(issue.id)) &&
    FACETS.every(
      (f) => f === skip || v.filters[f].length === 0 || facetValues(issue, f).some((x) => v.filters[f].includes(x)),
    );
  const results = issues.filter((i) => passes(i, null) && toggles(i));
  const availableCount = issues.filter((i) => passes(i, null) && isAvailable(i) && (!v.ready || isReady(i, asOf))).length;
  const readyCount = issues.filter((i) => passes(i, null) && isReady(i, asOf) && (!v.available || isAvailable(i))).length;
  const facets = Object.fromEntries(
    FACETS.map((f) => {
      const counted = issues.filter((i) => passes(i, f) && toggles(i));
      const values = new Set([...issues.flatMap((i) => facetValues(i, f)), ...v.filters[f]]);
      const options = [...values].map((value) => ({
        value,
        count: counted.filter((i) => facetValues(i, f).includes(value)).length,
        selected: v.filters[f].includes(value),
      }));
      const order: readonly string[] | null =
        f === 'label' ? LABELS : f === 'weight' ? WEIGHT_BUCKETS : f === 'area' ? AREAS : f === 'language' ? LANGUAGES : null;
      const pos = (x: string) => (order?.includes(x) ? order.indexOf(x) : Infinity);
      options.sort((a, b) =>
        order
          ? pos(a.value) - pos(b.value) || a.value.localeCompare(b.value)
          : b.count - a.count || a.value.localeCompare(b.value),
      );
      return [f, options];
    }),
  );
  return { results, facets, availableCount, readyCount };
}

describe('filterAndCount on the sample snapshot', () => {
  const snapshot = parseSnapshot(readFileSync(new URL('../../../../src/data/sample/issues.json', import.meta.url), 'utf8'));
  // With languages as the build gives them, so the Language facet is exercised too.
  const languages = (issue: SnapshotIssue) => languagesOf(issue.project, issue.labels.map((label) => label.name), LANGUAGE_MAP);
  const issues = snapshot.issues.map((issue) => toIssue(issue, null, languages(issue)));
  const asOf = Date.parse(snapshot.generatedAt);
  const index = createFacetIndex(issues, snapshot.source.labels, asOf);
  const random = createRandom(7);
  const valuesOf = (f: Facet) => [...new Set(issues.flatMap((i) => facetValues(i, f)))];

  const views = Array.from({ length: 30 }, (_, n) => {
    const v = emptyView();
    for (const f of FACETS) {
      if (!random.chance(0.35)) continue;
      const values = valuesOf(f);
      v.filters[f] = [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(values)))];
      if (random.chance(0.1)) v.filters[f].push(f === 'area' ? ('backend' satisfies Area) : `missing-${n}`);
    }
    v.available = random.chance(0.3);
    v.ready = random.chance(0.3);
    const matched = random.chance(0.5) ? new Set(issues.filter(() => random.chance(0.4)).map((i) => i.id)) : null;
    return [n, v, matched] as const;
  });
  // Views with nothing chosen, whose counts are made only when read: over every issue, or over a search's matches.
  for (let n = 30; n < 36; n++) {
    const matched = n % 3 === 0 ? null : new Set(issues.filter(() => random.chance(0.4)).map((i) => i.id));
    views.push([n, emptyView(), matched] as const);
  }
  // Positions of the matched issues, in array order (the reference keeps array order too).
  const orderOf = (matched: ReadonlySet<number> | null) =>
    matched ? issues.flatMap((issue, at) => (matched.has(issue.id) ? [at] : [])) : null;

  it.each(views)('matches the reference implementation for random view %i', (_, v, matched) => {
    expect(index.filterAndCount(v, orderOf(matched))).toEqual(reference(issues, v, matched, asOf));
  });

  it('makes the counts of a view with nothing chosen when they are first read, once', () => {
    const matched = new Set(issues.slice(0, 20).map((i) => i.id));
    const result = index.filterAndCount(emptyView(), orderOf(matched));
    expect(ids(result.results)).toEqual([...matched]);
    for (const key of ['facets', 'availableCount', 'readyCount']) {
      expect(Object.getOwnPropertyDescriptor(result, key)?.get, key).toBeTypeOf('function');
    }
    expect(result.facets).toBe(result.facets);
    // A chosen value or toggle counts at once, in the same pass as it filters.
    expect(Object.getOwnPropertyDescriptor(index.filterAndCount({ ...emptyView(), ready: true }, null), 'facets')?.value).toBeDefined();
  });

  it('keeps every option listed whatever the view', () => {
    for (const [, v, matched] of views) {
      const { facets } = index.filterAndCount(v, orderOf(matched));
      for (const f of FACETS) expect(facets[f].length).toBeGreaterThanOrEqual(valuesOf(f).length);
    }
  });
});
