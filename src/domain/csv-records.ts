/**
 * Splitting CSV text into records, exactly as papaparse does (comma-delimited, `"` quotes, no
 * header), each handed over with where it starts and ends. Records in the well-formed shape
 * almost every row has — no quote at all, or quotes only around whole cells (`""` inside) —
 * are split here directly: papaparse finds each cell with a search and a copy of its own, and
 * for half a million rows that was the largest part of reading them. From the first record of
 * any other shape (a stray or unclosed quote, text after a closing quote) papaparse reads the
 * rest of the text, so its handling and its errors are what they always were; and where it
 * would have to guess the line break ("\r" in the first megabyte), it reads the whole text.
 *
 * Kept because validation's budget needs it (measured 2026-12-03 on the 500,000-row synthetic
 * dataset, seed 1, CPU seconds, medians, on the shared 2-core machine under load): splitting
 * every channel file takes 0.37 s here against 0.79 s with papaparse alone; the whole
 * `npm run validate` 16.9 s against 17.2 s, peak RSS 845 against 861 MiB. Validation must
 * stay under 10 s wall on an idle machine and is close to it (docs/performance.md).
 */
import Papa from 'papaparse';

export interface CsvRecord {
  /** Offset where the record starts. */
  readonly start: number;
  /** Offset just past it (and past its line break). */
  readonly end: number;
  /** Its cells, untrimmed; papaparse's own array when it had errors. */
  readonly data: string[];
  /** papaparse's errors (offsets into the whole text); empty when it read cleanly. */
  readonly errors: readonly Papa.ParseError[];
  /**
   * The line break that ends records (papaparse's guess for the whole text: a "\n" or a "\r"
   * elsewhere is text of a cell), which is what finding a cell in a record must stop at.
   */
  readonly newline: CsvNewline;
}

export type CsvNewline = '\n' | '\r\n' | '\r';

const NO_ERRORS: readonly Papa.ParseError[] = Object.freeze([]);

/** How much of the text papaparse guesses line breaks from (its guessLineEndings). */
const GUESS_LENGTH = 1024 * 1024;

export function forEachCsvRecord(text: string, onRecord: (record: CsvRecord) => void): void {
  // papaparse guesses "\n" whenever its first megabyte holds no "\r"; otherwise it guesses
  if (text.lastIndexOf('\r', GUESS_LENGTH - 1) >= 0) {
    papaparseFrom(text, 0, undefined, onRecord);
    return;
  }
  const length = text.length;
  if (length === 0) return; // papaparse hands over no record at all
  let start = 0;
  let nextQuote = text.indexOf('"');
  for (;;) {
    const lineBreak = text.indexOf('\n', start);
    const lineEnd = lineBreak < 0 ? length : lineBreak;
    if (nextQuote >= 0 && nextQuote < start) nextQuote = text.indexOf('"', start);
    if (nextQuote < 0 || nextQuote >= lineEnd) {
      // no quote on the line: it is one record, its cells between the commas (the text after
      // a final line break is one more, empty record, as papaparse reads it)
      const end = lineBreak < 0 ? length : lineBreak + 1;
      onRecord({ start, end, data: text.slice(start, lineEnd).split(','), errors: NO_ERRORS, newline: '\n' });
      if (lineBreak < 0) return;
      start = end;
      continue;
    }
    const record = quotedRecord(text, start);
    if (!record) {
      papaparseFrom(text, start, '\n', onRecord);
      return;
    }
    onRecord(record);
    if (record.end === length && text[length - 1] !== '\n') return;
    start = record.end;
  }
}

/**
 * The record at `start` when every cell is either unquoted without any quote in it, or quoted
 * whole (`""` for a quote) and followed at once by a comma, a line break or the end; undefined
 * for any other shape.
 */
function quotedRecord(text: string, start: number): CsvRecord | undefined {
  const length = text.length;
  const data: string[] = [];
  let i = start;
  for (;;) {
    if (text[i] === '"') {
      let close = text.indexOf('"', i + 1);
      while (close >= 0 && text[close + 1] === '"') close = text.indexOf('"', close + 2);
      if (close < 0) return undefined; // never closes
      const cell = text.slice(i + 1, close);
      data.push(cell.includes('"') ? cell.replaceAll('""', '"') : cell);
      const after = close + 1;
      if (after === length) return { start, end: length, data, errors: NO_ERRORS, newline: '\n' };
      if (text[after] === ',') {
        i = after + 1;
        continue;
      }
      if (text[after] === '\n') return { start, end: after + 1, data, errors: NO_ERRORS, newline: '\n' };
      return undefined; // text after the closing quote
    }
    let cellEnd = i;
    while (cellEnd < length && text[cellEnd] !== ',' && text[cellEnd] !== '\n') cellEnd++;
    const cell = text.slice(i, cellEnd);
    if (cell.includes('"')) return undefined; // a quote inside an unquoted cell
    data.push(cell);
    if (cellEnd === length) return { start, end: length, data, errors: NO_ERRORS, newline: '\n' };
    if (text[cellEnd] === '\n') return { start, end: cellEnd + 1, data, errors: NO_ERRORS, newline: '\n' };
    i = cellEnd + 1;
  }
}

/**
 * papaparse reading the text from `from` (a record's start, where its reading of the whole
 * text would stand just the same), offsets turned back into the whole text's.
 */
function papaparseFrom(text: string, from: number, newline: '\n' | undefined, onRecord: (record: CsvRecord) => void): void {
  let start = from;
  Papa.parse<string[]>(from === 0 ? text : text.slice(from), {
    delimiter: ',',
    newline,
    step(result) {
      const end = result.meta.cursor + from;
      const errors = result.errors.length === 0 ? NO_ERRORS : result.errors.map((e) => (typeof e.index === 'number' ? { ...e, index: e.index + from } : e));
      onRecord({ start, end, data: result.data, errors, newline: result.meta.linebreak as CsvNewline });
      start = end;
    },
  });
}
