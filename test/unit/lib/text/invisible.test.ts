import { describe, expect, it } from 'vitest';
import { NO_INVISIBLE_CONTROLS, stripInvisibleControls } from '../../../../src/lib/text/invisible';

// Every bidi control and zero-width character the site refuses in names, one of each.
const CONTROLS = [
  '\u200B', '\u200C', '\u200D', '\u200E', '\u200F',
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
  '\u2066', '\u2067', '\u2068', '\u2069',
  '\uFEFF', '\u061C',
];

describe('stripInvisibleControls', () => {
  it('turns "gitlab-org/\\u202Eevil", which reads as gitlab-org/live, into gitlab-org/evil', () => {
    expect(stripInvisibleControls('gitlab-org/\u202Eevil')).toBe('gitlab-org/evil');
  });

  it.each(CONTROLS.map((c) => [c.codePointAt(0)!.toString(16).toUpperCase(), c]))('strips U+%s', (_, control) => {
    expect(stripInvisibleControls(`a${control}b${control}`)).toBe('ab');
  });

  it('leaves other text alone, right-to-left scripts and emoji included', () => {
    const text = 'gitlab-org/gitlab تحسين 改进 🚀 café';
    expect(stripInvisibleControls(text)).toBe(text);
  });
});

describe('NO_INVISIBLE_CONTROLS', () => {
  it('matches text without them and refuses text with any', () => {
    expect(NO_INVISIBLE_CONTROLS.test('gitlab-org/gitlab#12 تحسين')).toBe(true);
    for (const control of CONTROLS) expect(NO_INVISIBLE_CONTROLS.test(`gitlab-org/${control}x`)).toBe(false);
  });
});
