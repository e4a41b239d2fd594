/**
 * One sheet of an .xlsx list as rows of text. read-excel-file reads the cells (shared strings,
 * dates by their number format, formulas by the value the spreadsheet saved: none is ever
 * evaluated); numbers are kept as the digits written (an account id of 20 digits stays exact).
 *
 * An .xlsx is a ZIP archive, and a small archive can inflate to gigabytes (a "zip bomb").
 * So before the library sees it, every part it would read is inflated here in small steps,
 * counting the bytes, and the file is refused as soon as they pass a cap far above any real
 * list. That pass also keeps the workbook's sheet list and the sheet's merged cells, which
 * the library does not report: lists merge a body's name down over its several accounts, and
 * each of those rows must get the name.
 */
import { XMLParser } from 'fast-xml-parser';
import { Unzip, UnzipInflate } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { quoted, type DiagnosticList } from '../domain/diagnostics.ts';
import type { SourceRow, SourceTable } from './read-table.ts';

/** The most XML an .xlsx may inflate to (50,000 rows are ~40 MB). */
export const MAX_XLSX_XML_BYTES = 160 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time, so one step inflates at most ~1,000 times this. */
const STEP = 16 * 1024;

class TooLarge extends Error {}

/** The parts read-excel-file reads (its own filter), inflated under the cap. */
function inflateXmlParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array[]>();
  let total = 0;
  const unzip = new Unzip((file) => {
    if (!file.name.endsWith('.xml') && !file.name.endsWith('.xml.rels')) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (error, chunk) => {
      if (error) throw error;
      total += chunk.length;
      if (total > MAX_XLSX_XML_BYTES) throw new TooLarge();
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let i = 0; i < bytes.length; i += STEP) unzip.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length);
  const joined = new Map<string, Uint8Array>();
  for (const [name, chunks] of parts) joined.set(name, Buffer.concat(chunks));
  return joined;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  processEntities: false,
  isArray: (name) => name === 'sheet' || name === 'Relationship' || name === 'mergeCell',
});

interface SheetEntry {
  readonly name: string;
  readonly path: string;
}

function text(bytes: Uint8Array | undefined): string {
  return bytes ? new TextDecoder().decode(bytes) : '';
}

/** The workbook's sheets in order, each with the archive path of its XML. */
function sheetEntries(parts: ReadonlyMap<string, Uint8Array>): SheetEntry[] {
  const workbook = xml.parse(text(parts.get('xl/workbook.xml'))) as { workbook?: { sheets?: { sheet?: { name?: string; id?: string }[] } } };
  const rels = xml.parse(text(parts.get('xl/_rels/workbook.xml.rels'))) as { Relationships?: { Relationship?: { Id?: string; Target?: string }[] } };
  const targets = new Map((rels.Relationships?.Relationship ?? []).map((r) => [r.Id, r.Target] as const));
  return (workbook.workbook?.sheets?.sheet ?? []).map((s) => {
    const target = targets.get(s.id) ?? '';
    return { name: unescapeXml(String(s.name ?? '')), path: target.startsWith('/') ? target.slice(1) : `xl/${target}` };
  });
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function cellAddress(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The sheet's merged ranges (0-based), read from its <mergeCells> part only. */
function mergedRanges(sheetXml: string): Range[] {
  const start = sheetXml.lastIndexOf('<mergeCells');
  if (start < 0) return [];
  const end = sheetXml.indexOf('</mergeCells>', start);
  if (end < 0) return [];
  const parsed = xml.parse(sheetXml.slice(start, end + '</mergeCells>'.length)) as { mergeCells?: { mergeCell?: { ref?: string }[] } };
  const ranges: Range[] = [];
  for (const m of parsed.mergeCells?.mergeCell ?? []) {
    const [from, to] = String(m.ref ?? '').split(':');
    const a = from ? cellAddress(from) : undefined;
    const b = to ? cellAddress(to) : a;
    if (a && b) ranges.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return ranges;
}

function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

class XlsxSourceRow implements SourceRow {
  readonly line: number;
  readonly cells: readonly string[];

  constructor(line: number, cells: readonly string[]) {
    this.line = line;
    this.cells = cells;
  }

  col(index: number): number {
    return index + 1;
  }
}

export async function readXlsxTable(bytes: Uint8Array, file: string, sheet: string | undefined, diagnostics: DiagnosticList): Promise<SourceTable | null> {
  const at = { file, line: 1, col: 1 };
  let parts: Map<string, Uint8Array>;
  try {
    parts = inflateXmlParts(bytes);
  } catch (error) {
    const message = error instanceof TooLarge
      ? `the spreadsheet inflates to more than ${MAX_XLSX_XML_BYTES / 1048576} MB of XML, far more than any list; it was not read`
      : 'the file looks like an .xlsx (a ZIP archive) but cannot be unpacked; open it in a spreadsheet program and save it again';
    diagnostics.error(at, 'IMPORT_UNREADABLE', message);
    return null;
  }
  const sheets = sheetEntries(parts);
  const wanted = sheet === undefined ? sheets[0] : /^\d+$/.test(sheet) ? sheets[Number(sheet) - 1] : sheets.find((s) => s.name === sheet);
  if (!wanted) {
    const names = sheets.map((s, i) => `${i + 1} ${quoted(s.name)}`).join(', ');
    diagnostics.error(at, 'IMPORT_UNREADABLE', sheets.length === 0 ? 'the workbook has no sheet' : `the workbook has no sheet ${sheet}; its sheets: ${names}`);
    return null;
  }
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), sheets.indexOf(wanted) + 1, { trim: true, parseNumber: (s: string) => s })) as unknown[][];
  } catch (error) {
    diagnostics.error(at, 'IMPORT_UNREADABLE', `the spreadsheet cannot be read (${error instanceof Error ? error.message : String(error)}); open it and save it again as .xlsx`);
    return null;
  }
  const grid = data.map((row) => row.map(cellString));
  // filling is bounded by the sheet's size: a workbook could list millions of overlapping merges
  let fillBudget = 4 * (grid.length + 1);
  for (const range of mergedRanges(text(parts.get(wanted.path)))) {
    const value = grid[range.top]?.[range.left] ?? '';
    const bottom = Math.min(range.bottom, grid.length - 1);
    fillBudget -= Math.max(0, bottom - range.top);
    if (fillBudget < 0) break;
    for (let r = range.top + 1; r <= bottom; r++) {
      const row = grid[r]!;
      if ((row[range.left] ?? '') === '') row[range.left] = value;
    }
  }
  const rows: SourceRow[] = [];
  grid.forEach((cells, i) => {
    if (cells.every((c) => c === '')) return;
    rows.push(new XlsxSourceRow(i + 1, cells));
  });
  return { label: sheets.length > 1 ? `sheet ${quoted(wanted.name)}` : '', rows };
}
