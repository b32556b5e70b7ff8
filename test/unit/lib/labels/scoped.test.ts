import { describe, expect, it } from 'vitest';
import { contrastRatio, labelColors, parseScopedLabel, scopedValue, validColor } from '../../../../src/lib/labels/scoped';

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

describe('scopedValue', () => {
  it('returns the value of the scope, or null', () => {
    const names = ['backend', 'devops::verify', 'group::pipeline authoring', 'type::feature'];
    expect(scopedValue(names, 'type')).toBe('feature');
    expect(scopedValue(names, 'devops')).toBe('verify');
    expect(scopedValue(names, 'group')).toBe('pipeline authoring');
    expect(scopedValue(names, 'workflow')).toBeNull();
  });

  it('picks the first by name when hostile data carries two of one scope', () => {
    expect(scopedValue(['type::maintenance', 'type::bug'], 'type')).toBe('bug');
  });

  it('does not mistake a nested scope for its parent', () => {
    expect(scopedValue(['quick win::first-time contributor'], 'quick')).toBeNull();
  });
});

describe('validColor', () => {
  it('keeps #rgb and #rrggbb, lower-cased', () => {
    expect(validColor('#FFF')).toBe('#fff');
    expect(validColor('#6699cc')).toBe('#6699cc');
    expect(validColor(' #D9534F ')).toBe('#d9534f');
  });

  it.each([
    'red',
    '#GGGGGG',
    '#ffff',
    '#1234567',
    'red; background:url(javascript:alert(1))',
    '#fff;color:red',
    'rgb(0,0,0)',
    '',
    null,
    undefined,
    42,
  ])('rejects %j', (value) => {
    expect(validColor(value)).toBeNull();
  });
});

describe('labelColors', () => {
  it("keeps GitLab's text colour when it reads well", () => {
    expect(labelColors('#dc143c', '#FFFFFF')).toEqual({ color: '#dc143c', textColor: '#ffffff' });
  });

  it('picks black or white when the text colour is missing, invalid or unreadable', () => {
    expect(labelColors('#ffff00', null)).toEqual({ color: '#ffff00', textColor: '#000000' });
    expect(labelColors('#000080', 'javascript:alert(1)')).toEqual({ color: '#000080', textColor: '#ffffff' });
    expect(labelColors('#ffffff', '#eeeeee')).toEqual({ color: '#ffffff', textColor: '#000000' });
  });

  it('drops both colours when the background is invalid', () => {
    expect(labelColors('red; background:url(x)', '#fff')).toEqual({ color: null, textColor: null });
  });

  it('always yields AA contrast when it keeps a colour', () => {
    for (const bg of ['#000', '#777', '#808080', '#f0f', '#0ff', '#336699', '#ed9121', '#fff']) {
      const { color, textColor } = labelColors(bg, null);
      expect(contrastRatio(color!, textColor!)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
