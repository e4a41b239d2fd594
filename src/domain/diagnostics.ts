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
  return `${d.file}:${d.line}:${d.col}: ${d.severity} ${d.code} ${d.message}`;
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
