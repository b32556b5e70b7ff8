import { describe, expect, it } from 'vitest';
import {
  areasOf,
  compareRecency,
  emptyView,
  facetValues,
  hasActiveFilters,
  fixedFacetOrder,
  isNewSince,
  itemKey,
  labelView,
  orderWithoutSearch,
  SORT_KEYS,
  toIssue,
  withoutFilter,
} from '../../../src/lib/model';
import { makeIssue, makeSnapshotIssue } from '../make-issue';

describe('compareRecency', () => {
  it('puts the most recently updated first, then the higher id, then issues before tasks before epics', () => {
    const items = [
      makeIssue(1, { updatedAt: 5 }),
      makeIssue(2, { updatedAt: 9 }),
      makeIssue(3, { updatedAt: 5, kind: 'epic' }),
      makeIssue(3, { updatedAt: 5 }),
      makeIssue(3, { updatedAt: 5, kind: 'task' }),
    ];
    expect(items.sort(compareRecency).map(itemKey)).toEqual(['issue-2', 'issue-3', 'task-3', 'epic-3', 'issue-1']);
  });
});

describe('fixedFacetOrder', () => {
  it('lists labels as configured, weights and areas as defined, and nothing for facets ordered by count', () => {
    expect(fixedFacetOrder('label', ['quick win', 'co-create'])).toEqual(['quick win', 'co-create']);
    expect(fixedFacetOrder('weight', [])).toEqual(['0-1', '2-3', '4+', 'none']);
    expect(fixedFacetOrder('area', [])).toEqual(['frontend', 'backend', 'documentation']);
    for (const facet of ['type', 'stage', 'group', 'project'] as const) expect(fixedFacetOrder(facet, ['x'])).toBeNull();
  });
});

describe('orderWithoutSearch', () => {
  it('falls back from best match to recommended and keeps every other order', () => {
    expect(orderWithoutSearch('relevance')).toBe('recommended');
    for (const sort of SORT_KEYS.filter((key) => key !== 'relevance')) expect(orderWithoutSearch(sort)).toBe(sort);
  });
});

describe('areasOf and facetValues', () => {
  it('takes the labels named like an area, in the defined order', () => {
    expect(areasOf(['documentation', 'type::bug', 'frontend', 'Frontend', 'frontend'])).toEqual(['frontend', 'documentation']);
  });

  it('buckets weights, and gives each facet its values', () => {
    const values = (weight: number | null) => facetValues(makeIssue(1, { weight }), 'weight');
    expect([0, 1, 2, 3, 4, 13, null].map(values)).toEqual([['0-1'], ['0-1'], ['2-3'], ['2-3'], ['4+'], ['4+'], ['none']]);
    const issue = makeIssue(1, { type: 'bug', stage: null, curated: ['co-create', 'quick win'], areas: ['backend'] });
    expect(facetValues(issue, 'type')).toEqual(['bug']);
    expect(facetValues(issue, 'stage')).toEqual([]);
    expect(facetValues(issue, 'label')).toEqual(['co-create', 'quick win']);
    expect(facetValues(issue, 'area')).toEqual(['backend']);
    expect(facetValues(issue, 'project')).toEqual(['gitlab-org/gitlab']);
  });
});

describe('withoutFilter', () => {
  it('removes one filter, and best match with the search', () => {
    const view = { ...emptyView(), q: 'x', sort: 'relevance' as const, available: true, ready: true, filters: { ...emptyView().filters, type: ['bug', 'feature'] } };
    expect(withoutFilter(view, 'q')).toMatchObject({ q: '', sort: 'recommended', available: true });
    expect(withoutFilter(view, 'available')).toMatchObject({ available: false, ready: true, q: 'x' });
    expect(withoutFilter(view, 'ready')).toMatchObject({ ready: false, available: true });
    expect(withoutFilter(view, 'type', 'bug').filters.type).toEqual(['feature']);
    expect(withoutFilter({ ...view, sort: 'upvotes' }, 'q').sort).toBe('upvotes');
    expect(withoutFilter({ ...view, density: 'compact' }, 'type', 'bug').density).toBe('compact');
  });
});

describe('labelView and hasActiveFilters', () => {
  it('is the default view narrowed to one curated label', () => {
    const view = labelView('quick win');
    expect(view).toEqual({ ...emptyView(), filters: { ...emptyView().filters, label: ['quick win'] } });
    expect(hasActiveFilters(view)).toBe(true);
  });

  it('tells a view that narrows the list from one that only orders it', () => {
    expect(hasActiveFilters({ ...emptyView(), sort: 'upvotes' })).toBe(false);
    expect(hasActiveFilters({ ...emptyView(), ready: true })).toBe(true);
    expect(hasActiveFilters({ ...emptyView(), q: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...emptyView(), q: 'x' })).toBe(true);
    expect(hasActiveFilters({ ...emptyView(), available: true })).toBe(true);
    // Compact rows are a way of looking at the list, not a narrowing of it.
    expect(hasActiveFilters({ ...emptyView(), density: 'compact' })).toBe(false);
  });
});

describe('toIssue and isNewSince', () => {
  it('derives areas and times, and tells new items by the previous snapshot', () => {
    const item = makeSnapshotIssue(7, {
      labels: [{ name: 'frontend', color: null, textColor: null }],
      milestone: { title: '18.7', dueDate: null },
      firstSeenAt: '2026-10-31T12:00:00.000Z',
    });
    const issue = toIssue(item, '2026-10-31T06:00:00.000Z');
    expect(issue).toMatchObject({ areas: ['frontend'], milestone: { title: '18.7', dueDate: null }, isNew: true, firstSeenAt: Date.parse(item.firstSeenAt) });
    expect(toIssue(item, '2026-10-31T12:00:00.000Z').isNew).toBe(false);
    expect(toIssue(item, null).isNew).toBe(false);
    expect(isNewSince(2, 1)).toBe(true);
    expect(isNewSince(1, null)).toBe(false);
  });
});
