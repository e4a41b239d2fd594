/**
 * A published list, whatever its format, as tables of rows of text with the line (or sheet
 * row) each came from: the one shape the rest of the importer reads. The format is told by
 * the bytes (a ZIP is an .xlsx, markup is HTML, anything else CSV), not only by the name, as
 * offices publish ".xls" files that are HTML and ".csv" downloads that are web pages.
 *
 * The list is hostile input like any contributed file: sizes are capped before anything is
 * decoded, a cell's content is only ever text, and nothing in it is evaluated.
 */
import type { DiagnosticList } from '../domain/diagnostics.ts';
import type { ListEncoding } from './decode-text.ts';
import { readCsvTable } from './read-csv.ts';
import { readHtmlTables } from './read-html.ts';
import { readXlsxTable } from './read-xlsx.ts';

export interface SourceRow {
  /** 1-based line of the file (CSV, HTML) or row of the sheet (xlsx) where the row starts. */
  readonly line: number;
  /** Cells in the list's column order, whitespace-trimmed. */
  readonly cells: readonly string[];
  /** 1-based column where cell `index` starts: characters for CSV and HTML, the sheet column for xlsx. */
  col(index: number): number;
}

export interface SourceTable {
  /** How messages name it when a file has several ("table 2"); empty for a file's only table. */
  readonly label: string;
  readonly rows: readonly SourceRow[];
}

export type ListFormat = 'csv' | 'xlsx' | 'html';

export interface ListTables {
  readonly format: ListFormat;
  /** The text encoding read (CSV and HTML). */
  readonly encoding?: ListEncoding;
  readonly tables: readonly SourceTable[];
}

export interface ReadOptions {
  /** --encoding: the text encoding, when detection should not decide. */
  readonly encoding?: ListEncoding;
  /** --sheet: the .xlsx sheet's name or 1-based number (default the first). */
  readonly sheet?: string;
}

/** Larger than any published list (50,000 rows of CSV are ~8 MB); larger files are refused unread. */
export const MAX_LIST_BYTES = 64 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The format the bytes are in, whatever the file is called. */
export function sniffFormat(bytes: Uint8Array): ListFormat | 'xls' {
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) return 'xls';
  // markup: the first thing after a BOM and blanks is "<", or a table tag comes early on
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (/^(?:\xef\xbb\xbf)?\s*</.test(head) || /<(?:table|html|!doctype)\b/i.test(head)) return 'html';
  return 'csv';
}

/**
 * Reads every table of the list. Returns null, with an IMPORT_UNREADABLE error, when nothing
 * could be read at all; problems with parts of it are warnings and the rest is read.
 */
export async function readListTables(bytes: Uint8Array, file: string, options: ReadOptions, diagnostics: DiagnosticList): Promise<ListTables | null> {
  const at = { file, line: 1, col: 1 };
  if (bytes.length === 0) {
    diagnostics.error(at, 'IMPORT_UNREADABLE', 'the list is empty');
    return null;
  }
  if (bytes.length > MAX_LIST_BYTES) {
    diagnostics.error(at, 'IMPORT_UNREADABLE', `the list is ${(bytes.length / 1048576).toFixed(0)} MB, more than the ${MAX_LIST_BYTES / 1048576} MB the importer reads; split it`);
    return null;
  }
  const format = sniffFormat(bytes);
  if (format === 'xls') {
    diagnostics.error(at, 'IMPORT_UNREADABLE', 'this is an old binary Excel .xls file, which the importer does not read; open it and save it as .xlsx (or CSV UTF-8)');
    return null;
  }
  if (format === 'xlsx') {
    const table = await readXlsxTable(bytes, file, options.sheet, diagnostics);
    return table && { format, tables: [table] };
  }
  if (format === 'html') {
    const read = readHtmlTables(bytes, file, options.encoding, diagnostics);
    return read && { format, encoding: read.encoding, tables: read.tables };
  }
  const read = readCsvTable(bytes, file, options.encoding, diagnostics);
  return read && { format, encoding: read.encoding, tables: [read.table] };
}
