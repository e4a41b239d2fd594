/**
 * Applying an entity schema to one CSV row: every bad cell becomes one diagnostic at that
 * cell's line and column; a row with any bad cell yields no record (its errors say why).
 */
import type { z } from 'zod';
import type { CsvRow, CsvTable } from './csv.ts';
import type { DiagnosticList, Position } from './diagnostics.ts';
import type { ErrorCode } from './error-codes.ts';

/** Where a record came from, so later cross-row checks can point at the right cell. */
export interface Provenance {
  readonly file: string;
  readonly line: number;
  /** Position of a column's cell in this row. */
  at(column: string): Position;
}

export type Loaded<T> = T & { readonly from: Provenance };

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;

export function parseRows<S extends AnyObjectSchema>(
  table: CsvTable,
  schema: S,
  diagnostics: DiagnosticList,
): Loaded<z.output<S>>[] {
  return table.rows.flatMap((row) => {
    const record = parseRecord(row, table, schema, diagnostics);
    return record ? [record] : [];
  });
}

function parseRecord<S extends AnyObjectSchema>(
  row: CsvRow,
  table: CsvTable,
  schema: S,
  diagnostics: DiagnosticList,
): Loaded<z.output<S>> | undefined {
  const input: Record<string, string | undefined> = {};
  for (const [name, index] of table.columns) {
    const value = row.cells[index];
    input[name] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(input);
  const from = provenance(row, table);
  if (result.success) return { ...(result.data as z.output<S>), from };
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? '');
    const { code, message } = describeIssue(issue, column, input[column], 'REQUIRED');
    diagnostics.error(from.at(column), code, message);
  }
  return undefined;
}

export function provenance(row: CsvRow, table: CsvTable): Provenance {
  return {
    file: row.file,
    line: row.line,
    at(column: string): Position {
      const index = table.columns.get(column);
      return index === undefined ? { file: row.file, line: row.line, col: 1 } : row.positionOf(index);
    },
  };
}

/** Maps a zod issue to the validator's code and a message that names the column. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  column: string,
  input: unknown,
  otherwise: ErrorCode,
): { code: ErrorCode; message: string } {
  const params = (issue as { params?: { code?: ErrorCode } }).params;
  if (params?.code) return { code: params.code, message: `${column}: ${issue.message}` };
  if (input === undefined) return { code: 'REQUIRED', message: `${column} is required but empty` };
  return { code: otherwise, message: `${column}: ${issue.message}` };
}
