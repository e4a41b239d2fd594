/**
 * Problems found in the data, collected (never thrown) so that one run reports every one of
 * them, each at the file, line and column a person or an editor can jump to.
 */
import type { ErrorCode } from './error-codes.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path as given to the loader (relative to the working directory where possible). */
  readonly file: string;
  /** 1-based line; 1 for whole-file problems. */
  readonly line: number;
  /** 1-based column (in characters); 1 when the problem is the whole line. */
  readonly col: number;
  readonly severity: Severity;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  error(at: Position, code: ErrorCode, message: string): void {
    this.items.push({ ...at, severity: 'error', code, message });
  }

  warning(at: Position, code: ErrorCode, message: string): void {
    this.items.push({ ...at, severity: 'warning', code, message });
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.items.filter((d) => d.severity === 'warning').length;
  }

  /** Sorted by file, line, column, so output is stable whatever order rules ran in. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
    );
  }
}

/** `path:line:col: error CODE message`, the form editors and problem matchers parse. */
export function formatDiagnostic(d: Diagnostic): string {
  // one problem, one line, whatever a message or a file name holds: a line break there would
  // make the rest of the message look like a problem of its own to a reader or a matcher
  return `${escapeInvisible(d.file)}:${d.line}:${d.col}: ${d.severity} ${d.code} ${escapeInvisible(d.message)}`;
}

/** How many characters of a cell a message quotes. */
const QUOTED_LENGTH = 80;

/**
 * A piece of contributed text as a message quotes it: in double quotes, at most 80 characters
 * (then "…"), with line breaks, controls and invisible characters written as escapes (`\n`,
 * `\u200B`), so that the message stays on one line and shows what the cell really holds. The
 * one way messages quote data.
 */
export function quoted(text: string): string {
  let shown = text;
  if (text.length > QUOTED_LENGTH) {
    // never cut a surrogate pair in two
    const cut = isHighSurrogate(text.charCodeAt(QUOTED_LENGTH - 1)) ? QUOTED_LENGTH - 1 : QUOTED_LENGTH;
    shown = `${text.slice(0, cut)}…`;
  }
  return `"${escapeInvisible(shown)}"`;
}

/**
 * Characters a message shows as escapes: controls (C0, DEL, C1), line and paragraph
 * separators, format characters (zero-width ones, bidirectional overrides that would reorder
 * the line on screen), the other default-ignorable ones (fillers, variation selectors) and the
 * blank braille pattern, spaces other than the plain and the ideographic one, and surrogates
 * without their other half.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800\u00a0\u1680\u2000-\u200a\u202f\u205f]/gu;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with the characters of INVISIBLE as escapes (`\n`, `\u0000`, `\u{E0001}`). */
export function escapeInvisible(text: string): string {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (ch) => {
    const short = SHORT_ESCAPES[ch];
    if (short) return short;
    const code = ch.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A GitHub Actions workflow command, shown as an inline annotation on the pull request. */
export function formatGithubAnnotation(d: Diagnostic): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${d.severity} file=${escapeProp(d.file)},line=${d.line},col=${d.col},title=${escapeProp(d.code)}::${escapeData(d.message)}`;
}

export function summarise(list: DiagnosticList, rowsRead: number): string {
  const e = list.errorCount;
  const w = list.warningCount;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(e, 'error')}, ${plural(w, 'warning')} in ${plural(rowsRead, 'row')}`;
}
