/**
 * The one CSV encoder of the portal's exports (the audit log's, FarPay payments'). A value a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return before
 * one) gets a leading apostrophe, as OWASP's CSV-injection advice says; quotes inside a quoted
 * cell are doubled. Lines end in CRLF (RFC 4180).
 */
export type CsvValue = string | number | null | undefined;

/** `always`: every cell in quotes; `as-needed`: only a cell with a quote, comma, semicolon or line break. */
export type CsvQuoting = 'always' | 'as-needed';

const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n;]/;

export function csvCell(value: CsvValue, quoting: CsvQuoting = 'always'): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (quoting === 'as-needed' && !FORMULA.test(text) && !NEEDS_QUOTES.test(text)) return text; // most fields: nothing to do
  if (FORMULA.test(text)) text = `'${text}`;
  return quoting === 'always' || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: CsvValue[], quoting: CsvQuoting = 'always'): string {
  return `${cells.map((cell) => csvCell(cell, quoting)).join(',')}\r\n`;
}
