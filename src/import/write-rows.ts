/**
 * Imported rows as CSV, through the registry's one CSV writer (src/format/csv.ts): the --out
 * file for people (formula-guarded, BOM, CRLF), and the text that --into adds to the end of
 * a province's file (values exactly, as the registry reads its files back). Rows with a cell
 * a spreadsheet would take for a formula never get here (list-cells.ts), so both hold the
 * same values. Appending never rewrites: the new text goes after the
 * file's last byte, in the file's own column order and line ending, and a file that ends
 * without a line break is continued on a new line and still ends without one.
 */
import { BOM, CRLF, csvRow, exactCsvField } from '../format/csv.ts';
import { parseCsvDocument } from '../format/csv-edit.ts';
import { CHANNEL_COLUMNS } from '../domain/schemas/channel.ts';

export type ChannelCells = Readonly<Partial<Record<(typeof CHANNEL_COLUMNS)[number], string>>>;

/** The --out file: every channel column, UTF-8 with a BOM and CRLF, as spreadsheets open it and the loader reads it. */
export function channelRowsCsv(rows: readonly ChannelCells[]): string {
  let text = BOM + csvRow(CHANNEL_COLUMNS) + CRLF;
  for (const row of rows) text += csvRow(CHANNEL_COLUMNS.map((c) => row[c] ?? '')) + CRLF;
  return text;
}

export interface Appended {
  /** The text to add at the end of the file (all of it when the file is new). */
  readonly text: string;
  /** Indexes (into the rows given) of the rows the text holds. */
  readonly written: readonly number[];
  /** Rows that were not written, with the columns the file lacks for them. */
  readonly refused: readonly { readonly index: number; readonly columns: readonly string[] }[];
}

/**
 * What to append to a channel file whose text is `existing` (undefined: the file is new).
 * A row with a value in a column the file does not have is refused, not written without it.
 */
export function appendText(existing: string | undefined, rows: readonly ChannelCells[]): Appended {
  if (existing === undefined || existing.replace(/^\uFEFF/, '').trim() === '') {
    const header = existing === undefined || existing === '' ? `${CHANNEL_COLUMNS.join(',')}\n` : '';
    const body = rows.map((row) => lineOf(CHANNEL_COLUMNS, row)).join('\n');
    return { text: header + (rows.length > 0 ? `${body}\n` : ''), written: rows.map((_, i) => i), refused: [] };
  }
  const doc = parseCsvDocument(existing);
  const header = doc.header;
  const firstBreak = existing.indexOf('\n');
  const eol = firstBreak > 0 && existing[firstBreak - 1] === '\r' ? CRLF : '\n';
  const endsWithBreak = existing.endsWith('\n') || existing.endsWith('\r');
  const known = new Set(header);
  const written: number[] = [];
  const refused: { index: number; columns: string[] }[] = [];
  const lines: string[] = [];
  rows.forEach((row, index) => {
    const missing = CHANNEL_COLUMNS.filter((c) => (row[c] ?? '') !== '' && !known.has(c));
    if (missing.length > 0) {
      refused.push({ index, columns: missing });
      return;
    }
    lines.push(lineOf(header, row));
    written.push(index);
  });
  if (lines.length === 0) return { text: '', written, refused };
  const body = lines.join(eol);
  return { text: endsWithBreak ? `${body}${eol}` : `${eol}${body}`, written, refused };
}

function lineOf(columns: readonly string[], row: ChannelCells): string {
  return csvRow(columns.map((c) => (row as Record<string, string | undefined>)[c] ?? ''), exactCsvField);
}
