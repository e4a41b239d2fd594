/**
 * Writing CSV (RFC 4180), one rule for every writer: the downloads, the closures browser's
 * "download this view" and the synthetic dataset generator.
 *
 * Spreadsheet formula injection: a cell that begins with = + - @, a tab or a carriage return
 * is read as a formula by Excel, LibreOffice and Google Sheets (OWASP's list), and some of
 * them skip leading spaces first. In a file meant for people such a cell gets one single
 * quote (') in front, which spreadsheets show as text. The rule, exactly:
 *
 *   guard:   a cell matching /^[' ]*[=+\-@\t\r]/ (any run of single quotes and spaces, then
 *            = + - @ tab or CR) gets one ' in front; every other cell is left as it is.
 *   undo:    a cell matching /^'[' ]*[=+\-@\t\r]/ loses its first character.
 *
 * Quotes are part of the run so that a value already starting with '= (or ''=, or ' =) is
 * guarded too: undoing the guard then always gives back the value exactly, whatever it was
 * (a guarded cell always matches the undo pattern, an unguarded one never does). Files the
 * registry reads back itself (data/) must keep every value exactly, so they are written
 * without the quote.
 *
 * A field is quoted when it holds a quote, comma or line break, and also when it starts or
 * ends with a space, which some readers would otherwise trim.
 */

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

/** A cell a spreadsheet could evaluate, after any quotes and spaces before it (see above). */
export const FORMULA_START = /^[' ]*[=+\-@\t\r]/;
/** A cell the guard changed: its quote, then a cell FORMULA_START matches. */
const NEUTRALISED = /^'[' ]*[=+\-@\t\r]/;
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
