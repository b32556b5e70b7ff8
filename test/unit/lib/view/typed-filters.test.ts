import { describe, expect, it } from 'vitest';
import { emptyView } from '../../../../src/lib/model';
import { withTypedFilters } from '../../../../src/lib/view/typed-filters';

describe('withTypedFilters', () => {
  const typed = (q: string, complete = false) => withTypedFilters(emptyView(), q, complete);

  it('keeps plain text as the search', () => {
    expect(typed('pipeline editor ')).toEqual({ ...emptyView(), q: 'pipeline editor ' });
  });

  it('turns a finished scoped label into a filter and leaves the rest as the search', () => {
    const view = typed('group::runner timeout');
    expect(view.q).toBe('timeout');
    expect(view.filters.group).toEqual(['runner']);
    expect(typed('timeout devops::verify type::Bug ').filters).toMatchObject({ stage: ['verify'], type: ['Bug'] });
    expect(typed('timeout devops::verify type::Bug ').q).toBe('timeout ');
  });

  it('takes a quoted value with spaces, and is:ready and is:available', () => {
    expect(typed('group::"source code" x').filters.group).toEqual(['source code']);
    const view = typed('is:ready IS:available docs');
    expect([view.ready, view.available, view.q]).toEqual([true, true, 'docs']);
  });

  it('waits while the last token may still grow, and takes it when the query is complete', () => {
    expect(typed('timeout group::run')).toMatchObject({ q: 'timeout group::run', filters: { group: [] } });
    expect(typed('timeout group::runner', true)).toMatchObject({ q: 'timeout', filters: { group: ['runner'] } });
    expect(typed('is:read').ready).toBe(false);
  });

  it('leaves what is not a filter it knows as text', () => {
    for (const q of ['workflow::design x', 'group:: x', 'is:open x', 'mygroup::runner x', 'a::b::c x']) {
      expect(typed(q)).toEqual({ ...emptyView(), q });
    }
  });

  it('adds to the filters already set, once', () => {
    const view = withTypedFilters({ ...emptyView(), filters: { ...emptyView().filters, group: ['runner'] } }, 'group::runner group::gitaly ', false);
    expect(view.filters.group).toEqual(['runner', 'gitaly']);
  });
});
