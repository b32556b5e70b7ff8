import { describe, expect, it } from 'vitest';
import { xmlText } from '../../../../src/lib/text/xml';

describe('xmlText', () => {
  it('escapes markup and whitespace that a parser would change, and drops what XML forbids', () => {
    expect(xmlText('a<b>&"c\'\t\n\r\u0000\uFFFF')).toBe('a&lt;b&gt;&amp;&quot;c\'&#9;&#10;&#13;');
  });

  it('keeps every character XML allows, astral ones included', () => {
    const allowed = 'Ünïcødé 日本語 \u0085 \u202e \uE000 \uFFFD 😀 \u{10FFFF}';
    expect(xmlText(allowed)).toBe(allowed);
  });
});
