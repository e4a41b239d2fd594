/**
 * Writing CSV (RFC 4180), one rule for every writer: the downloads, the closures browser's
 * "download this view" and the synthetic dataset generator.
 *
 * Spreadsheet formula injection: a cell that begins with = + - @, a tab or a carriage return
 * is read as a formula by Excel, LibreOffice and Google Sheets. In a file meant for people
 * every such cell gets a single quote (') in front, which spreadsheets show as text and hide
 * (OWASP's advice on CSV injection); to get the original value back, drop a leading quote
 * that is followed by one of those characters (`originalCell`). Files the registry reads
 * back itself (data/) must keep every value exactly, so they are written without the quote.
 *
 * A field is quoted when it holds a quote, comma or line break, and also when it starts or
 * ends with a space, which some readers would otherwise trim.
 */

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

/** What a cell may not start with in a file meant for spreadsheets. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The cell with a quote put before a leading formula character. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of neutraliseCell, for readers who want the values exactly as in the data. */
export function originalCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** A field of a file the registry reads back: the value exactly, quoted when needed. */
export function exactCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A field of a file meant for people and spreadsheets: neutralised, then quoted when needed. */
export function csvField(text: string): string {
  if (text === '') return text;
  return exactCsvField(neutraliseCell(text));
}

/** A record's fields joined, without a line end (writers choose CRLF or LF). */
export function csvRow(cells: readonly string[], field: (text: string) => string = csvField): string {
  return cells.map(field).join(',');
}
