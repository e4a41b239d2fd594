/**
 * Editing cells of a CSV file in place. A contributor's file may have a BOM, CRLF line
 * endings, cells quoted by their spreadsheet, columns in their own order; a tool that
 * re-serialised the whole file would turn a one-cell change into a diff of every line. So
 * the file is scanned for the byte ranges of its cells, and only the changed ranges are
 * replaced: every other character stays exactly as it was.
 */

export interface CellSpan {
  /** Offset of the cell's first character (its opening quote, when quoted). */
  readonly start: number;
  /** Offset just past the cell's last character. */
  readonly end: number;
  readonly quoted: boolean;
}

export interface RecordSpan {
  readonly start: number;
  /** Offset of the record's line terminator (or the end of the text). */
  readonly end: number;
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly cells: readonly CellSpan[];
}

/** Splits CSV text (RFC 4180: "" escapes a quote; CRLF, LF or CR ends a record) into spans. */
export function scanCsv(text: string): RecordSpan[] {
  const records: RecordSpan[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const start = i;
    const startLine = line;
    const cells: CellSpan[] = [];
    for (;;) {
      const cellStart = i;
      const quoted = text[i] === '"';
      if (quoted) {
        i++;
        while (i < n) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') i += 2;
            else {
              i++;
              break;
            }
          } else {
            if (text[i] === '\n') line++;
            i++;
          }
        }
      }
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      cells.push({ start: cellStart, end: i, quoted });
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    records.push({ start, end: i, line: startLine, cells });
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < n) i++;
    line++;
  }
  return records;
}

/** The value of a cell as the loader sees it: unquoted, "" unescaped, trimmed. */
export function cellValue(text: string, cell: CellSpan): string {
  const raw = text.slice(cell.start, cell.end);
  if (!cell.quoted) return raw.trim();
  const close = raw.lastIndexOf('"');
  return raw.slice(1, close > 0 ? close : raw.length).replace(/""/g, '"').trim();
}

/** A value as cell text: quoted when it must be, or when the cell it replaces was quoted. */
export function encodeCell(value: string, quote: boolean): string {
  const needsQuotes = quote || /[",\r\n]/.test(value) || value !== value.trim();
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CellEdit {
  readonly cell: CellSpan;
  readonly value: string;
}

/** Applies edits (each replacing one whole cell) and returns the new text. */
export function applyCellEdits(text: string, edits: readonly CellEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.cell.start - a.cell.start);
  let out = text;
  for (const { cell, value } of sorted) {
    out = out.slice(0, cell.start) + encodeCell(value, cell.quoted) + out.slice(cell.end);
  }
  return out;
}

export interface CsvDocument {
  readonly text: string;
  readonly header: readonly string[];
  readonly rows: readonly RecordSpan[];
  column(name: string): number | undefined;
}

export function parseCsvDocument(text: string): CsvDocument {
  const [headerRecord, ...rows] = scanCsv(text);
  const header = headerRecord ? headerRecord.cells.map((c) => cellValue(text, c)) : [];
  const index = new Map(header.map((name, i) => [name, i] as const));
  return { text, header, rows, column: (name) => index.get(name) };
}
