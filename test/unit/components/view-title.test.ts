import { describe, expect, it } from 'vitest';
import { viewTitle } from '../../../src/components/view-title';
import { emptyView, labelView } from '../../../src/lib/model';

describe('viewTitle', () => {
  it('names what the view narrows to, and nothing for the whole list', () => {
    expect(viewTitle(emptyView())).toBe('');
    expect(viewTitle({ ...emptyView(), sort: 'upvotes' })).toBe('');
    expect(viewTitle({ ...emptyView(), density: 'compact' })).toBe('');
    expect(viewTitle(labelView('co-create'))).toBe('co-create');
    const view = { ...labelView('co-create'), q: ' pipeline ', ready: true, available: true };
    view.filters = { ...view.filters, stage: ['verify'], weight: ['4+'] };
    expect(viewTitle(view)).toBe('“pipeline” · co-create · verify · 4 or more · ready to pick up · available');
  });

  it('names a shortlist by its title, or as a shortlist', () => {
    expect(viewTitle({ ...emptyView(), refs: ['a/b#1'], title: 'For ACME' })).toBe('For ACME');
    expect(viewTitle({ ...labelView('co-create'), refs: ['a/b#1'] })).toBe('Shortlist');
  });
});
