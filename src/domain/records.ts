/**
 * Applying an entity schema to one CSV row: every bad cell becomes one diagnostic at that
 * cell's line and column; a row with any bad cell yields no record (its errors say why).
 */
import { z } from 'zod';
import type { CsvRow, CsvTable } from './csv.ts';
import { quoted, type DiagnosticList, type Position } from './diagnostics.ts';
import type { ErrorCode } from './error-codes.ts';
import { rowReaderFor } from './row-reader.ts';
import { showsNothing } from './schemas/cells.ts';

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
  const records: Loaded<z.output<S>>[] = [];
  for (const row of table.rows) {
    const record = parseRow(row, table, schema, diagnostics);
    if (record) records.push(record);
  }
  return records;
}

/** One row as a record, or undefined with its problems in `diagnostics` (for reading rows as they come). */
export function parseRow<S extends AnyObjectSchema>(row: CsvRow, table: CsvTable, schema: S, diagnostics: DiagnosticList): Loaded<z.output<S>> | undefined {
  const from = provenance(row, table);
  const record = rowReaderFor(schema, table.columns)?.(row.cells, from);
  if (record) return record as Loaded<z.output<S>>;
  // a bad row (or a schema the fast reader does not cover): zod says exactly what is wrong
  return parseRecord(row, table, compiledSchema(schema), requiredFields(schema), diagnostics, from);
}

const requiredFieldsOf = new WeakMap<AnyObjectSchema, ReadonlySet<string>>();

function requiredFields(schema: AnyObjectSchema): ReadonlySet<string> {
  let required = requiredFieldsOf.get(schema);
  if (!required) {
    required = new Set(Object.entries(schema.shape).filter(([, field]) => !(field instanceof z.ZodOptional)).map(([name]) => name));
    requiredFieldsOf.set(schema, required);
  }
  return required;
}

const compiledSchemas = new WeakMap<AnyObjectSchema, AnyObjectSchema>();

/**
 * The schema compiled by zod (z.compile: same output, same issues, several times faster;
 * on a bad row it falls back to the ordinary parser for the exact issues), for the rows the
 * fast reader gives up on and the schemas it does not cover.
 */
function compiledSchema<S extends AnyObjectSchema>(schema: S): S {
  let compiled = compiledSchemas.get(schema);
  if (!compiled) compiledSchemas.set(schema, (compiled = z.compile(schema)));
  return compiled as S;
}

function parseRecord<S extends AnyObjectSchema>(
  row: CsvRow,
  table: CsvTable,
  schema: S,
  required: ReadonlySet<string>,
  diagnostics: DiagnosticList,
  from: Provenance,
): Loaded<z.output<S>> | undefined {
  const input: Record<string, string | undefined> = {};
  for (const [name, index] of table.columns) {
    const value = row.cells[index];
    // a required cell that shows nothing (U+200B and the like) is as empty as an empty one
    input[name] = value === '' || (value !== undefined && required.has(name) && showsNothing(value)) ? undefined : value;
  }
  const result = schema.safeParse(input);
  if (result.success) {
    // the parsed object is fresh and ours: add `from` to it rather than copying it
    const record = result.data as Loaded<z.output<S>> & { from: Provenance };
    record.from = from;
    return record;
  }
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? '');
    const { code, message } = describeIssue(issue, column, input[column], 'REQUIRED');
    const cell = row.cells[table.columns.get(column) ?? -1];
    const invisible = code === 'REQUIRED' && cell !== undefined && cell !== '';
    diagnostics.error(from.at(column), code, invisible ? `${column} is required but holds only invisible characters (${quoted(cell)}): write its value` : message);
  }
  return undefined;
}

export function provenance(row: CsvRow, table: CsvTable): Provenance {
  // a row read by readCsv knows its cells' positions by column: that is the provenance
  if (row.locator?.columns === table.columns && row.locator.file === row.file && row.locator.line === row.line) return row.locator;
  return new RowProvenance(row.file, row.line, row.locator ?? row, table.columns);
}

/**
 * The provenance of rows made otherwise. It holds only what locating a cell needs (not the
 * row's cells): with half a million rows, a closure over the row per record was the largest
 * share of the validator's memory.
 */
class RowProvenance implements Provenance {
  readonly file: string;
  readonly line: number;
  readonly #cells: { positionOf(index: number): Position };
  readonly #columns: ReadonlyMap<string, number>;

  constructor(file: string, line: number, cells: { positionOf(index: number): Position }, columns: ReadonlyMap<string, number>) {
    this.file = file;
    this.line = line;
    this.#cells = cells;
    this.#columns = columns;
  }

  at(column: string): Position {
    const index = this.#columns.get(column);
    return index === undefined ? { file: this.file, line: this.line, col: 1 } : this.#cells.positionOf(index);
  }
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
