/**
 * CSV reading that keeps every row's position, so each later problem can be reported at the
 * exact line and column. Parsing is papaparse's (its reading of each record, csv-records.ts);
 * this module adds what spreadsheets need (BOM, CRLF or CR-only lines, trailing blank lines),
 * header checks, the checks of cells that legal CSV can still hide (csv-cell-checks.ts: control
 * characters, line breaks outside notes, rows swallowed by a quote), and row → line/column
 * bookkeeping.
 */
import { controlCharIn, hasLineBreak, SuspectScanner, swallowedRowIn } from './csv-cell-checks.ts';
import { forEachCsvRecord, type CsvNewline } from './csv-records.ts';
import { quoted, type DiagnosticList, type Position } from './diagnostics.ts';
import type { ErrorCode } from './error-codes.ts';

export interface ColumnSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /**
   * Columns of free text whose quoted cells may run over several lines (notes); a line break
   * in any other column's cell is an error.
   */
  readonly multiline?: readonly string[];
}

export interface CsvRow {
  readonly file: string;
  /** Line on which the row starts. */
  readonly line: number;
  /** Cells in header order, whitespace-trimmed. */
  readonly cells: readonly string[];
  /** Where cell `index` starts (computed only when a problem needs it). */
  positionOf(index: number): Position;
  /**
   * The same positions without the cells, also by column name: what a loaded record keeps for
   * its whole life (as its provenance), so the cell texts of half a million rows need not stay
   * in memory with it.
   */
  readonly locator?: CellLocator;
}

export interface CsvTable {
  readonly file: string;
  /** Column name → cell index. */
  readonly columns: ReadonlyMap<string, number>;
  readonly header: readonly string[];
  /** Rows that have the header's shape; rows that don't are reported, not returned. */
  readonly rows: CsvRow[];
  /** Data rows seen, including those rejected for their shape. */
  readonly rowsRead: number;
}


/**
 * Parses `text` as CSV with a header row checked against `spec`. Returns null when the file
 * cannot be used at all (no header, header problems); the reasons are in `diagnostics`.
 *
 * With `onRow`, each good row is handed over as soon as it is read and not kept in the
 * table's `rows` (so a file of 50,000 rows never holds them all at once: they die young
 * instead of filling the old generation the garbage collector has to sweep). Diagnostics
 * are reported in the same order either way: quote problems as found, then header problems,
 * then rows with the wrong number of cells or unsound cells (neither is loaded); `onRow`'s own
 * problems should follow those.
 */
export function readCsv(
  text: string,
  file: string,
  spec: ColumnSpec,
  diagnostics: DiagnosticList,
  onRow?: (row: CsvRow, table: CsvTable) => void,
): CsvTable | null {
  const locator = new Locator(text, file);
  const suspects = new SuspectScanner(text);
  const multiline = new Set(spec.multiline);
  let headerRaw: { start: number; data: string[] } | undefined;
  let table: { file: string; columns: Map<string, number>; header: string[]; rows: CsvRow[]; rowsRead: number } | undefined;
  // what the header check and the rows report waits until every quote problem is reported
  const headerProblems = new DiagnosticBuffer();
  const rowProblems = new DiagnosticBuffer();
  const takeRow = (recordStart: number, end: number, data: string[]) => {
    // line breaks and spaces that open a record (a "\n" in a file whose records end at "\r")
    // are text of its first cell, trimmed away with it: the row starts where its text does
    const start = afterLeadingSpace(text, recordStart, end);
    if (!headerRaw) {
      headerRaw = { start, data };
      if (isBlank(data)) return;
      const header = data.map((h) => h.trim());
      if (!checkHeader(header, spec, file, locator, start, headerProblems)) return;
      table = { file, columns: new Map(header.map((name, i) => [name, i] as const)), header, rows: [], rowsRead: 0 };
      return;
    }
    if (!table) return; // no usable header: no row is read
    if (data.length === 0) {
      table.rowsRead++; // a row papaparse flagged; its error is already reported
      return;
    }
    if (isBlank(data)) return; // blank lines and all-empty rows carry no data
    table.rowsRead++;
    if (data.length !== table.header.length) {
      const at = locator.at(start);
      // a quoted cell that runs over line breaks (or a line break the file's records do not end
      // with) makes one record of several lines, each of which may have been a row: they are
      // named, so none of them vanishes unmentioned
      const lastLine = locator.lastLineOf(start, end);
      const lines = lastLine > at.line ? `; lines ${at.line}–${lastLine} were read as this one row (check the quotes and line breaks on them)` : '';
      rowProblems.error(
        at,
        'CSV_COLUMN_COUNT',
        `row has ${data.length} cells but the header has ${table.header.length}; a cell with a comma must be wrapped in quotes ("a, b")${lines}; this row was not loaded`,
      );
      return;
    }
    const line = locator.lineOf(start);
    // almost every record is one line without a suspect character: only the others are looked into
    const spansLines = locator.lastLineOf(start, end) !== line;
    if (spansLines || suspects.within(start, end)) {
      const check = checkCells(data, start, end, table.header, multiline, locator, rowProblems);
      if (!check.sound) {
        table.rowsRead += check.hiddenRows; // rows a quote swallowed count as rows read, though not loaded
        return; // reported; like a row of the wrong shape, not loaded
      }
    }
    const row = makeRow(file, line, start, data, locator, table.columns);
    if (onRow) onRow(row, table);
    else table.rows.push(row);
  };
  let unreadableFromLine = -1;
  forEachCsvRecord(text, (result) => {
    const start = result.start;
    locator.newline = result.newline;
    if (result.errors.length > 0) {
      const lastLine = locator.at(text.length).line;
      // the record's own first line: an earlier cell of it may have run over lines already
      const firstLine = locator.at(start).line;
      const malformed = result.errors.find((e) => e.code === 'InvalidQuotes');
      const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
      if (malformed) {
        // text right after a closing quote, e.g. "x"y: papaparse then reads on to the end, or
        // to a later quote, so the record may take in lines that were rows: they are named
        const at = locator.at(typeof malformed.index === 'number' ? malformed.index : start);
        if (unclosed) unreadableFromLine = at.line;
        const last = unclosed ? lastLine : locator.lastLineOf(start, result.end);
        const lost = unclosed || last > firstLine ? `, so lines ${firstLine}–${last} could not be read` : '';
        diagnostics.error(
          at,
          'CSV_BAD_QUOTE',
          `text follows a closing quote in this cell${lost}: wrap the whole cell in quotes and double each " inside it ("")`,
        );
      } else if (unclosed) {
        // papaparse points just past the opening quote; point at the quote itself
        const index = typeof unclosed.index === 'number' ? unclosed.index : start;
        const quote = text.lastIndexOf('"', index);
        const at = locator.at(quote >= start ? quote : index);
        unreadableFromLine = at.line;
        diagnostics.error(
          at,
          'CSV_UNCLOSED_QUOTE',
          `a quoted cell opened here never closes, so lines ${firstLine}–${lastLine} could not be read: add the missing " or remove the stray one`,
        );
      } else {
        for (const error of result.errors) diagnostics.error(locator.at(start), 'CSV_BAD_QUOTE', `${error.message}`);
      }
    }
    if (result.errors.length === 0) takeRow(start, result.end, result.data);
    else if (unreadableFromLine < 0) takeRow(start, result.end, []); // keep the row count honest
  });

  // a header a quote made unreadable is in that error's range; a blank one is said to be,
  // whatever fails further down (its rows are not read either way)
  if (!headerRaw || isBlank(headerRaw.data)) {
    if (headerRaw || unreadableFromLine < 0) diagnostics.error({ file, line: 1, col: 1 }, 'HEADER_EMPTY', 'the file is empty or its first line is blank; the first line must name the columns');
    return null;
  }
  headerProblems.flushInto(diagnostics);
  if (!table) return null;
  rowProblems.flushInto(diagnostics);
  return table;
}

/** Problems held back so that they are reported in the order the whole-file reading would give. */
class DiagnosticBuffer {
  private readonly held: { at: Position; code: ErrorCode; message: string }[] = [];

  error(at: Position, code: ErrorCode, message: string): void {
    this.held.push({ at, code, message });
  }

  flushInto(diagnostics: DiagnosticList): void {
    for (const { at, code, message } of this.held) diagnostics.error(at, code, message);
    this.held.length = 0;
  }
}

/**
 * Whether the cells of a record that spans lines or holds a suspect character are sound: no
 * control character or broken text in any cell, no line break outside the multi-line columns,
 * and no line inside a quoted cell that looks like a row of its own (a quote closed a line
 * late, which makes a whole row vanish into a note). Each problem is reported at its cell.
 */
function checkCells(
  data: readonly string[],
  start: number,
  end: number,
  header: readonly string[],
  multiline: ReadonlySet<string>,
  locator: Locator,
  problems: DiagnosticBuffer,
): { sound: boolean; hiddenRows: number } {
  const offsets = fieldOffsets(locator.text, start, locator.newline);
  const cellAt = (i: number) => locator.at(start + (offsets[i] ?? 0));
  let sound = true;
  let hiddenRows = 0;
  for (let i = 0; i < data.length; i++) {
    const cell = data[i]!;
    const column = header[i]!;
    const control = controlCharIn(cell);
    const breaks = hasLineBreak(cell);
    // a cell with a control character may still hide rows, and they are named too
    const swallowed = breaks ? swallowedRowIn(cell, header.length, data.length - 1 - i) : undefined;
    if (swallowed) {
      sound = false;
      hiddenRows += 1 + swallowed.more;
      const at = cellAt(i);
      const line = at.line + swallowed.lineIndex;
      const more = swallowed.more > 0 ? ` (and ${swallowed.more} more line${swallowed.more === 1 ? '' : 's'} after it)` : '';
      // the whole stretch is named, so that every line the row hides is accounted for
      const lines = `${locator.at(start).line}–${locator.lastLineOf(start, end)}`;
      problems.error(
        at,
        'CSV_SWALLOWED_ROW',
        `${column}: the quoted cell opened at line ${at.line} runs on over line ${line}, which looks like a row of its own (id ${quoted(swallowed.id)})${more}, so lines ${lines} were read as one row: close the quote on line ${at.line}; ${swallowed.more > 0 ? 'none of these rows was' : 'neither row was'} loaded`,
      );
    }
    const breaksLine = !swallowed && !multiline.has(column) && hasLineBreak(cell.trim());
    if (!control && !breaksLine) continue;
    sound = false;
    const at = cellAt(i);
    // the lines a cell runs over are named: each of them may have been a row
    const lastLine = i + 1 < offsets.length ? locator.at(start + offsets[i + 1]! - 1).line : locator.lastLineOf(start, end);
    const runsOver = breaks && lastLine > at.line ? ` (it runs over lines ${at.line}–${lastLine})` : '';
    if (control) {
      problems.error(at, 'CELL_CONTROL_CHAR', `${column}: the cell holds ${control.name} at its character ${control.index + 1}${runsOver}; remove it; this row was not loaded`);
    } else {
      problems.error(at, 'CELL_CONTROL_CHAR', `${column}: the cell holds a line break${runsOver}, but ${column} is one line of text; join the lines; this row was not loaded`);
    }
  }
  return { sound, hiddenRows };
}

/**
 * The first offset from `start` (before `end`) that holds no character trim() removes, but a
 * vertical tab or form feed: those are controls, which the cell checks must see and report.
 */
function afterLeadingSpace(text: string, start: number, end: number): number {
  let i = start;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    // almost every record starts with a printable ASCII character: no pattern needed
    if ((code > 0x20 && code < 0x7f) || code === 0x0b || code === 0x0c || !/\s/.test(text[i]!)) break;
  }
  return i;
}

function isBlank(data: readonly string[]): boolean {
  return data.every((cell) => cell.trim() === '');
}

/** How many of the same header problem are reported one by one before a count of the rest. */
const HEADER_REPORTS_EACH = 20;

function checkHeader(
  header: string[],
  spec: ColumnSpec,
  file: string,
  locator: Locator,
  headerStart: number,
  diagnostics: Pick<DiagnosticList, 'error'>,
): boolean {
  const known = [...new Set([...spec.required, ...spec.optional])];
  const knownSet = new Set(known);
  type HeaderCode = 'HEADER_DUPLICATE_COLUMN' | 'HEADER_UNKNOWN_COLUMN' | 'HEADER_MISSING_COLUMN';
  const problems: { at: Position; code: HeaderCode; message: string }[] = [];
  // a header of 20,000 columns must not take 20,000 readings of the header, nor 20,000 lines
  const offsets = fieldOffsets(locator.text, headerStart, locator.newline);
  const cellPosition = (i: number) => locator.at(headerStart + (offsets[i] ?? 0));
  const counts = { HEADER_DUPLICATE_COLUMN: 0, HEADER_UNKNOWN_COLUMN: 0, HEADER_MISSING_COLUMN: 0 };
  const firstUnlisted: Partial<Record<HeaderCode, Position>> = {};
  const report = (code: HeaderCode, at: () => Position, message: () => string) => {
    const count = ++counts[code];
    if (count <= HEADER_REPORTS_EACH) problems.push({ at: at(), code, message: message() });
    else if (count === HEADER_REPORTS_EACH + 1) firstUnlisted[code] = at();
  };
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) {
      report('HEADER_DUPLICATE_COLUMN', () => cellPosition(i), () => `column ${quoted(name)} appears twice in the header (columns ${first + 1} and ${i + 1})`);
    } else {
      seen.set(name, i);
    }
    if (!knownSet.has(name)) {
      report('HEADER_UNKNOWN_COLUMN', () => cellPosition(i), () => {
        const hint = nearest(name, known);
        const label = name === '' ? `column ${i + 1} has no name` : `unknown column ${quoted(name)}`;
        return `${label}${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${known.join(', ')}`;
      });
    }
  });
  for (const name of spec.required) {
    if (!seen.has(name)) report('HEADER_MISSING_COLUMN', () => locator.at(headerStart), () => `the header lacks the required column "${name}"`);
  }
  for (const code of ['HEADER_DUPLICATE_COLUMN', 'HEADER_UNKNOWN_COLUMN'] as const) {
    const rest = counts[code] - HEADER_REPORTS_EACH;
    if (rest > 0) {
      const what = code === 'HEADER_UNKNOWN_COLUMN' ? 'unknown' : 'repeated';
      problems.push({ at: firstUnlisted[code]!, code, message: `and ${rest} more ${what} column${rest === 1 ? '' : 's'} after the ${HEADER_REPORTS_EACH} above (not listed one by one)` });
    }
  }
  for (const p of problems) {
    diagnostics.error(p.at, p.code, `${p.message} (no row of this file is loaded until the header is fixed)`);
  }
  return problems.length === 0;
}

/** The known name closest to a typo, when it is close enough to be a useful hint. */
function nearest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  const folded = name.toLowerCase();
  for (const c of candidates) {
    // the distance is at least the difference in length: a long name needs no table
    if (Math.abs(folded.length - c.length) >= bestDistance) continue;
    const d = editDistance(folded, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function makeRow(file: string, line: number, start: number, data: string[], locator: Locator, columns: ReadonlyMap<string, number>): CsvRow {
  // the parser's array is fresh and ours: trim in place rather than copy (one array less per row)
  for (let i = 0; i < data.length; i++) data[i] = data[i]!.trim();
  return new PositionedRow(file, line, data, new CellLocator(file, line, locator, start, columns));
}

/**
 * Positions of the cells of the record that starts at `start`, by index or by column name (a
 * class, not a closure per row, to keep rows small). It is all a record needs to say where it
 * came from, so records keep it as their provenance: one small object per row, not two.
 */
export class CellLocator {
  readonly file: string;
  readonly line: number;
  readonly #locator: Locator;
  readonly #start: number;
  readonly #columns: ReadonlyMap<string, number>;

  constructor(file: string, line: number, locator: Locator, start: number, columns: ReadonlyMap<string, number>) {
    this.file = file;
    this.line = line;
    this.#locator = locator;
    this.#start = start;
    this.#columns = columns;
  }

  /** The file's column name → cell index map these positions are for. */
  get columns(): ReadonlyMap<string, number> {
    return this.#columns;
  }

  positionOf(index: number): Position {
    const offsets = fieldOffsets(this.#locator.text, this.#start, this.#locator.newline, index + 1);
    return this.#locator.at(this.#start + (offsets[index] ?? 0));
  }

  /** Where the row's cell in `column` starts; the row's line when the file has no such column. */
  at(column: string): Position {
    const index = this.#columns.get(column);
    return index === undefined ? { file: this.file, line: this.line, col: 1 } : this.positionOf(index);
  }
}

class PositionedRow implements CsvRow {
  readonly file: string;
  readonly line: number;
  readonly cells: readonly string[];
  readonly locator: CellLocator;

  constructor(file: string, line: number, cells: readonly string[], locator: CellLocator) {
    this.file = file;
    this.line = line;
    this.cells = cells;
    this.locator = locator;
  }

  positionOf(index: number): Position {
    return this.locator.positionOf(index);
  }
}

/**
 * Offsets (relative to `start`) at which each field of the record beginning at `start`
 * begins, the first `count` of them at most. The record ends at `newline` outside quotes, the
 * line break its file's records end with (a "\r" in a file of "\n" records is text of a
 * cell). Only called when a problem must be located, and reads the record once.
 */
export function fieldOffsets(text: string, start: number, newline: CsvNewline = '\n', count = Infinity): number[] {
  const offsets = [0];
  const breakChar = newline[0];
  let inQuotes = false;
  for (let i = start; i < text.length && offsets.length < count; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      offsets.push(i + 1 - start);
    } else if (ch === breakChar && (newline !== '\r\n' || text[i + 1] === '\n')) {
      break;
    }
  }
  return offsets;
}

/**
 * Character offset → 1-based line and column, via a table of line starts built once. Lines
 * are an editor's: each "\r\n", "\n" and lone "\r" ends one, whatever line break the
 * file's records end with.
 */
class Locator {
  readonly text: string;
  readonly file: string;
  /** The line break that ends the file's records (see CsvRecord.newline). */
  newline: CsvNewline = '\n';
  private lineStarts: number[] | undefined;
  /** Index into lineStarts of lineOf's last answer. */
  private lastLine = 0;

  constructor(text: string, file: string) {
    this.text = text;
    this.file = file;
  }

  /** The line of `offset`, as at() gives it; rows are read in order, so it walks on from the last one. */
  lineOf(offset: number): number {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let i = starts[this.lastLine]! <= offset ? this.lastLine : 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    this.lastLine = i;
    return this.insideBreak(offset) ? i + 2 : i + 1;
  }

  at(offset: number): Position {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    // the "\n" of a "\r\n" is no place an editor can show: a position there (where a record of
    // a file read at "\r" starts, its first cell opening with the "\n") is the next line's start
    if (this.insideBreak(offset)) return { file: this.file, line: lo + 2, col: 1 };
    return { file: this.file, line: lo + 1, col: offset - starts[lo]! + 1 };
  }

  /** The line of the last character of the record text[start, end), its closing line break aside. */
  lastLineOf(start: number, end: number): number {
    let last = end - 1;
    if (this.insideBreak(last)) last--;
    return last > start ? this.lineOf(last) : this.lineOf(start);
  }

  /** True at the "\n" of a "\r\n". */
  private insideBreak(offset: number): boolean {
    return this.text.charCodeAt(offset) === 0x0a && this.text.charCodeAt(offset - 1) === 0x0d;
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    } else {
      const next = text.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1; // "\r\n" is one line break
      starts.push(next);
      if (next === cr + 2) lf = text.indexOf('\n', next);
      cr = text.indexOf('\r', next);
    }
  }
  return starts;
}
