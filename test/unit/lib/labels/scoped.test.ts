import { describe, expect, it } from 'vitest';
import { parseScopedLabel, scopedFields } from '../../../../src/lib/labels/scoped';

describe('parseScopedLabel', () => {
  it('splits at the last ::, as GitLab does', () => {
    expect(parseScopedLabel('type::bug')).toEqual({ scope: 'type', value: 'bug' });
    expect(parseScopedLabel('workflow::ready for development')).toEqual({ scope: 'workflow', value: 'ready for development' });
    expect(parseScopedLabel('quick win::first-time contributor')).toEqual({ scope: 'quick win', value: 'first-time contributor' });
    expect(parseScopedLabel('a::b::c')).toEqual({ scope: 'a::b', value: 'c' });
  });

  it('treats labels without a usable scope as unscoped', () => {
    expect(parseScopedLabel('co-create')).toEqual({ scope: null, value: 'co-create' });
    expect(parseScopedLabel('::bug')).toEqual({ scope: null, value: '::bug' });
    expect(parseScopedLabel('type::')).toEqual({ scope: null, value: 'type::' });
    expect(parseScopedLabel('Category:Pipelines')).toEqual({ scope: null, value: 'Category:Pipelines' });
  });
});

describe('scopedFields', () => {
  const fieldsOf = (names: string[]) => scopedFields(names.map(parseScopedLabel));

  it('gives each field the value of its scope, or null', () => {
    const names = ['backend', 'devops::verify', 'group::pipeline authoring', 'type::feature'];
    expect(fieldsOf(names)).toEqual({ type: 'feature', stage: 'verify', group: 'pipeline authoring', workflow: null });
    expect(fieldsOf(['workflow::ready for development']).workflow).toBe('ready for development');
  });

  it('picks the first by name when hostile data carries two of one scope', () => {
    expect(fieldsOf(['type::maintenance', 'type::bug']).type).toBe('bug');
    expect(fieldsOf(['type::bug', 'type::maintenance']).type).toBe('bug');
  });

  it('does not mistake a nested scope for its parent, nor an object key for a scope', () => {
    expect(fieldsOf(['quick win::first-time contributor', 'type::bug::x'])).toEqual({ type: null, stage: null, group: null, workflow: null });
    expect(fieldsOf(['constructor::x', 'toString::y', '__proto__::z'])).toEqual({ type: null, stage: null, group: null, workflow: null });
  });
});
