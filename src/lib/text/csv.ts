// A spreadsheet runs a cell that starts like a formula; issue titles come from strangers, so such cells get a
// leading apostrophe (OWASP's advice for CSV injection) and every cell is quoted when it needs to be.
const FORMULA_START = /^[=+\-@\t\r]/;

// Control characters have no place in a spreadsheet cell, and a lone surrogate cannot be written as UTF-8: the
// file would differ from the text it was made from.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value).replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A UTF-8 byte order mark first: without it, Excel reads a CSV in the system's code page and garbles CJK and emoji.
const BOM = '\uFEFF';

/**
 * Rows as RFC 4180 CSV: a byte order mark, CRLF line ends, quoted where needed, formula-like text defused. Numbers
 * stay numbers (a negative one is not a formula).
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return BOM + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
