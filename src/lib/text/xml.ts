// Everything outside XML 1.0's Char production: C0 controls but tab, LF and CR, U+FFFE and U+FFFF, and lone
// surrogates (with the u flag an unpaired surrogate is a code point of its own, so the class catches it).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Tab, LF and CR as references: a parser folds them to spaces in attributes and turns CR into LF in text.
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text made safe for XML 1.0 content and attribute values: forbidden characters dropped, the rest escaped. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"\t\n\r]/g, (char) => ESCAPES[char]!);
}
