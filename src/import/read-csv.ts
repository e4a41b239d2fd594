/**
 * A CSV list as one table: decoded (UTF-8, GB18030 or Big5), then split into records by the
 * registry's own CSV reading (papaparse's rules, csv-records.ts), each record with the line it
 * starts on. Quote problems do not stop the reading: the records before them are kept and the
 * problem is reported where it is.
 */
import { forEachCsvRecord, type CsvNewline } from '../domain/csv-records.ts';
import { fieldOffsets } from '../domain/csv.ts';
import type { DiagnosticList } from '../domain/diagnostics.ts';
import { decodeListText, type ListEncoding } from './decode-text.ts';
import type { SourceRow, SourceTable } from './read-table.ts';

class CsvSourceRow implements SourceRow {
  readonly line: number;
  readonly cells: readonly string[];
  readonly #text: string;
  readonly #start: number;
  readonly #lineStart: number;
  readonly #newline: CsvNewline;

  constructor(line: number, cells: readonly string[], text: string, start: number, lineStart: number, newline: CsvNewline) {
    this.line = line;
    this.cells = cells;
    this.#text = text;
    this.#start = start;
    this.#lineStart = lineStart;
    this.#newline = newline;
  }

  col(index: number): number {
    // a cell after a line break inside quotes is reported at the record's first line
    const offset = fieldOffsets(this.#text, this.#start, this.#newline, index + 1)[index] ?? 0;
    return this.#start + offset - this.#lineStart + 1;
  }
}

export function readCsvTable(
  bytes: Uint8Array,
  file: string,
  encoding: ListEncoding | undefined,
  diagnostics: DiagnosticList,
): { table: SourceTable; encoding: ListEncoding } | null {
  const decoded = decodeListText(bytes, encoding);
  if (!decoded.ok) {
    diagnostics.error({ file, line: 1, col: 1 }, 'IMPORT_UNREADABLE', decoded.message);
    return null;
  }
  const text = decoded.text;
  const rows: SourceRow[] = [];
  // records come in order, so the line count walks forward with them
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  const advanceTo = (offset: number) => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    counted = Math.max(counted, offset);
  };
  let broken = false;
  forEachCsvRecord(text, (record) => {
    if (broken) return;
    advanceTo(record.start);
    if (record.errors.length > 0) {
      const error = record.errors[0]!;
      const unclosed = record.errors.some((e) => e.code === 'MissingQuotes');
      diagnostics.warning(
        { file, line, col: 1 },
        'IMPORT_UNREADABLE',
        `${unclosed ? 'a quoted cell opened on this line never closes, so the rest of the list could not be read' : `this line could not be split into cells (${error.message})`}; fix the quotes and import again`,
      );
      if (unclosed) broken = true;
      return;
    }
    const cells = record.data.map((c) => c.trim());
    if (cells.every((c) => c === '')) return;
    rows.push(new CsvSourceRow(line, cells, text, record.start, lineStart, record.newline));
  });
  return { table: { label: '', rows }, encoding: decoded.encoding };
}
