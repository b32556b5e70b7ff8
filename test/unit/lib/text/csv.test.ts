import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../src/lib/text/csv';

describe('toCsv', () => {
  it('starts with a byte order mark and ends every record with CRLF; numbers stay numbers', () => {
    expect(toCsv([['a', 1], [-2, 0.5]])).toBe('\uFEFFa,1\r\n-2,0.5\r\n');
  });

  it('quotes what needs quoting and defuses formulas', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3, null]])).toBe('\uFEFFa,"b,c","say ""hi""","two\nlines",3,\r\n');
    expect(toCsv([['=HYPERLINK("x")', '+1', '-cmd', '@SUM(A1)', 'fine']])).toBe(`\uFEFF"'=HYPERLINK(""x"")",'+1,'-cmd,'@SUM(A1),fine\r\n`);
  });

  it('drops control characters and replaces lone surrogates, so the UTF-8 file says what the text said', () => {
    expect(toCsv([['a\u0000b\u001fc\u007f', 'x\uD800y', 'ok 🚀', 'tab\there']])).toBe('\uFEFFabc,x\uFFFDy,ok 🚀,tab\there\r\n');
  });
});
