import { describe, expect, it } from 'vitest';
import { contrastRatio, labelColorClass, labelColors, labelColorsCss, validColor } from '../../../../src/lib/labels/colors';

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

describe('label colour classes', () => {
  it('are built from validated hex only', () => {
    expect(labelColorClass({ color: '#DC143C', textColor: '#fff' })).toBe('lc-dc143c-fff');
    expect(labelColorClass({ color: 'red;x', textColor: '#fff' })).toBeNull();
    expect(labelColorClass({ color: null, textColor: null })).toBeNull();
  });

  it('make one rule per colour pair, in a stable order', () => {
    const css = labelColorsCss([
      { color: '#ffffff', textColor: '#000000' },
      { color: '#dc143c', textColor: '#ffffff' },
      { color: '#ffffff', textColor: '#000000' },
      { color: 'url(x)', textColor: '#000000' },
    ]);
    expect(css).toBe(
      '.lc-dc143c-ffffff{background-color:#dc143c;color:#ffffff}\n.lc-ffffff-000000{background-color:#ffffff;color:#000000}',
    );
  });
});
