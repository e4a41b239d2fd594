/**
 * Limits a notice body keeps before the CommonMark parser reads it. micromark, like every
 * CommonMark parser, takes time that grows much faster than the text on a few shapes: lists
 * nested on one line (`- - - - …`: 1,000 levels in 2 KB take seconds), many list items that
 * hold lists (2,000 lines of `- - - - x`: 13 s), thousands of setext headings (`a` over `=`),
 * images nested in images, emphasis opened thousands of times in one paragraph. No notice
 * needs any of them, so one pass over the text, linear in its length, refuses them first with
 * a line and a column, and what the parser is given parses in well under a second.
 *
 * The scan knows only enough Markdown to count: it may count a `[` or `*` the parser would
 * read as code or text (too many, never too few), which honest notices are nowhere near.
 */

export const NOTICE_BODY_LIMITS = {
  /** Characters in a body: some fifteen pages of Chinese text. */
  chars: 30_000,
  /** Lines in a body. */
  lines: 1_000,
  /** Quote and list markers that open one line (`> - 1. …`), each a level of nesting. */
  markersPerLine: 8,
  /** List items (list markers) in a body. */
  listItems: 1_000,
  /** Columns of indentation and markers before a line's text (nested lists need two a level). */
  prefixColumns: 64,
  /** `[` open at once in a block: links and images nested in each other. */
  openBrackets: 16,
  /** `*` and `_` in a block (a stretch between blank lines), where emphasis is resolved. */
  emphasisMarks: 400,
} as const;

export interface LimitExceeded {
  /** 1-based line and column in the body. */
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** The first place `body` goes past a limit, or undefined when it keeps them all. */
export function markdownLimitExceeded(body: string): LimitExceeded | undefined {
  const limits = NOTICE_BODY_LIMITS;
  if (body.length > limits.chars) {
    return { line: 1, col: 1, message: `the notice body has ${body.length} characters; the limit is ${limits.chars}: publish a longer text elsewhere and link to it` };
  }
  const lines = body.split(LINE_BREAK);
  if (lines.length > limits.lines) {
    return { line: limits.lines + 1, col: 1, message: `the notice body has ${lines.length} lines; the limit is ${limits.lines}: publish a longer text elsewhere and link to it` };
  }
  let listItems = 0;
  let openBrackets = 0;
  let emphasisMarks = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const at = (index: number, message: string): LimitExceeded => ({ line: n + 1, col: index + 1, message });
    if (line.trim() === '') {
      openBrackets = 0;
      emphasisMarks = 0;
      continue;
    }
    let i = 0;
    let columns = 0;
    let markers = 0;
    for (;;) {
      while (line[i] === ' ' || line[i] === '\t') {
        columns += line[i] === '\t' ? 4 - (columns % 4) : 1;
        i++;
      }
      const end = markerEnd(line, i);
      if (end === i) break;
      if (line[i] !== '>' && ++listItems > limits.listItems) return at(i, `the notice has more than ${limits.listItems} list items`);
      if (++markers > limits.markersPerLine) return at(i, `the line opens more than ${limits.markersPerLine} quotes or lists inside each other; a notice needs a few at most`);
      columns += end - i;
      i = end;
    }
    if (columns > limits.prefixColumns) return at(i, `the line is indented or nested more than ${limits.prefixColumns} columns deep; a notice needs a few levels at most`);
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === '\\') i++;
      else if (c === '[') {
        if (++openBrackets > limits.openBrackets) return at(i, `more than ${limits.openBrackets} links or images are open inside each other here`);
      } else if (c === ']') openBrackets = Math.max(0, openBrackets - 1);
      else if ((c === '*' || c === '_') && ++emphasisMarks > limits.emphasisMarks) {
        return at(i, `the paragraph has more than ${limits.emphasisMarks} "*" and "_"; split it with blank lines or write fewer of them`);
      }
    }
  }
  return undefined;
}

/**
 * The end of a block quote or list marker starting at `i` (`>`, or `-`, `+`, `*` or up to nine
 * digits and `.` or `)`, followed by a space, a tab or the end of the line), or `i` for none.
 */
function markerEnd(line: string, i: number): number {
  const c = line[i];
  if (c === '>') return i + 1;
  const spaced = (j: number) => j === line.length || line[j] === ' ' || line[j] === '\t';
  if ((c === '-' || c === '+' || c === '*') && spaced(i + 1)) return i + 1;
  let j = i;
  while (j < line.length && j - i < 9 && line[j]! >= '0' && line[j]! <= '9') j++;
  if (j > i && (line[j] === '.' || line[j] === ')') && spaced(j + 1)) return j + 1;
  return i;
}
