/**
 * A small RFC 4180 reader for tests, written apart from the product's writer so that each checks the other: a
 * leading byte order mark is reported, not kept; fields are split on commas and CRLF; a quoted field may hold commas,
 * line breaks and doubled quotes. Throws on what RFC 4180 forbids (a bare quote inside an unquoted field, a bare LF).
 */
export function parseCsv(text: string): { bom: boolean; rows: string[][] } {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let at = 0;
  while (at < body.length) {
    if (body[at] === '"' && field === '') {
      const end = closingQuote(body, at + 1);
      field = body.slice(at + 1, end).replace(/""/g, '"');
      at = end + 1;
      if (at < body.length && body[at] !== ',' && !body.startsWith('\r\n', at)) throw new Error(`text after a closing quote at ${at}`);
      continue;
    }
    if (body[at] === ',') {
      row.push(field);
      field = '';
      at += 1;
    } else if (body.startsWith('\r\n', at)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      at += 2;
    } else if (body[at] === '"' || body[at] === '\n' || body[at] === '\r') {
      throw new Error(`a bare ${JSON.stringify(body[at])} at ${at}`);
    } else {
      field += body[at];
      at += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return { bom, rows };
}

function closingQuote(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) throw new Error('an unclosed quote');
    if (text[quote + 1] !== '"') return quote;
    at = quote + 2;
  }
}

/** The rows of a CSV with a header, as objects by column name. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text).rows;
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!])));
}
