/**
 * The tables of a web page (an office's list published as HTML, or an ".xls" that is a page),
 * each as rows of cell text with the line of each row. parse5 parses the page as a browser
 * would; the tree is walked with explicit stacks, never by recursion, so a page nested ten
 * thousand deep is just a long walk. A cell spanning rows (rowspan, as lists do for a body
 * with several accounts) gives its text to every row it spans; a cell spanning columns gives
 * it to the first. Only text is taken: no attribute, script or style of the page is used.
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { DiagnosticList } from '../domain/diagnostics.ts';
import { decodeListText, encodingNamed, type ListEncoding } from './decode-text.ts';
import type { SourceRow, SourceTable } from './read-table.ts';

/** Wider than any list; a colspan beyond it is hostile or broken. */
const MAX_COLUMNS = 200;

type Node = T.Node;
type Element = T.Element;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): readonly Node[] {
  if (isElement(node) && node.tagName === 'template') return (node as T.Template).content.childNodes;
  return 'childNodes' in node ? node.childNodes : [];
}

/** Elements under `root` in document order for which `take` says yes; `enter` says whether to look inside one. */
function descendants(root: Node, take: (e: Element) => boolean, enter: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (take(node)) found.push(node);
    if (!enter(node)) continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}

const SKIPPED_TEXT = new Set(['script', 'style', 'template', 'table']);

/** A cell's text: its text nodes in order (not those of a nested table), blanks collapsed. */
function cellText(cell: Element): string {
  let text = '';
  const stack: Node[] = [...childrenOf(cell)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      text += (node as T.TextNode).value;
      continue;
    }
    if (!isElement(node) || SKIPPED_TEXT.has(node.tagName)) continue;
    if (node.tagName === 'br' || node.tagName === 'p' || node.tagName === 'div') text += ' ';
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function spanOf(cell: Element, name: string, max: number): number {
  const value = cell.attrs.find((a) => a.name === name)?.value;
  const n = value === undefined ? 1 : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

class HtmlSourceRow implements SourceRow {
  readonly line: number;
  readonly cells: readonly string[];
  readonly #cols: readonly number[];

  constructor(line: number, cells: readonly string[], cols: readonly number[]) {
    this.line = line;
    this.cells = cells;
    this.#cols = cols;
  }

  col(index: number): number {
    return this.#cols[index] ?? 1;
  }
}

/** One table's rows, spans spread over the grid. */
function tableRows(table: Element): SourceRow[] {
  const trs = descendants(table, (e) => e.tagName === 'tr', (e) => e.tagName !== 'table');
  const grid: { text: string; col: number }[][] = trs.map(() => []);
  // spreading spans is bounded by the grid's size: overlapping hostile spans (each cell
  // rowspan=65534 colspan=200) would otherwise cost rows × columns per cell
  let spanBudget = 4 * (trs.length + 1) * MAX_COLUMNS;
  trs.forEach((tr, r) => {
    const row = grid[r]!;
    let c = 0;
    for (const cell of tr.childNodes) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (row[c] !== undefined) c++;
      if (c >= MAX_COLUMNS) break;
      const text = cellText(cell);
      const col = cell.sourceCodeLocation?.startCol ?? 1;
      let colspan = spanOf(cell, 'colspan', MAX_COLUMNS - c);
      let rowspan = spanOf(cell, 'rowspan', trs.length - r);
      if (rowspan * colspan > spanBudget) rowspan = colspan = 1;
      spanBudget -= rowspan * colspan;
      for (let dr = 0; dr < rowspan; dr++) {
        const spanned = grid[r + dr]!;
        for (let dc = 0; dc < colspan; dc++) spanned[c + dc] ??= { text: dc === 0 ? text : '', col };
      }
      c += colspan;
    }
  });
  const rows: SourceRow[] = [];
  trs.forEach((tr, r) => {
    const cells = grid[r]!;
    const texts: string[] = [];
    const cols: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      texts.push(cells[i]?.text ?? '');
      cols.push(cells[i]?.col ?? 1);
    }
    if (texts.every((t) => t === '')) return;
    rows.push(new HtmlSourceRow(tr.sourceCodeLocation?.startLine ?? 1, texts, cols));
  });
  return rows;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv). */
function declaredEncoding(bytes: Uint8Array): ListEncoding | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? encodingNamed(m[1]!) : undefined;
}

export function readHtmlTables(
  bytes: Uint8Array,
  file: string,
  encoding: ListEncoding | undefined,
  diagnostics: DiagnosticList,
): { tables: SourceTable[]; encoding: ListEncoding } | null {
  const decoded = decodeListText(bytes, encoding, declaredEncoding(bytes));
  if (!decoded.ok) {
    diagnostics.error({ file, line: 1, col: 1 }, 'IMPORT_UNREADABLE', decoded.message);
    return null;
  }
  const document = parse(decoded.text, { sourceCodeLocationInfo: true });
  const tables = descendants(document, (e) => e.tagName === 'table', () => true);
  if (tables.length === 0) {
    diagnostics.error({ file, line: 1, col: 1 }, 'IMPORT_UNREADABLE', 'the page has no table; save the list itself (the page with the table of accounts, or its .xlsx or .csv)');
    return null;
  }
  return {
    tables: tables.map((table, i) => ({ label: tables.length > 1 ? `table ${i + 1}` : '', rows: tableRows(table) })),
    encoding: decoded.encoding,
  };
}
