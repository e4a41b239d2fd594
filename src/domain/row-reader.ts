/**
 * The fast path for good CSV rows. An entity schema's fields are each plain text or a `cell()`
 * rule, optional or not; from that field table this makes, per file, a reader that turns a
 * row's cells into exactly what zod would give for a good row (the same fields in the same
 * order, the same values) without zod's per-cell work, which for half a million rows was the
 * validator's largest cost. The reader never reports anything: on any bad or missing cell (a
 * required one empty or showing nothing, see showsNothing) it gives up and the row goes to
 * zod, which says exactly what is wrong. So the schemas stay the one place the rules live;
 * this only knows how zod puts their results together.
 *
 * Kept because validation's budget needs it (measured 2026-12-03 on the 500,000-row synthetic
 * dataset, seed 1, CPU seconds, medians, on the shared 2-core machine under load): reading and
 * checking every channel row takes 2.36 s with this reader against 3.28 s with zod's compiled
 * schema alone; the whole `npm run validate` 16.9 s against 18.4 s, peak RSS 845 against
 * 858 MiB. Validation must stay under 10 s wall on an idle machine and is close to it.
 */
import { z } from 'zod';
import { cellParserOf, showsNothing, type CellParser } from './schemas/cells.ts';

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * The row's fields with `from` as the last one, or undefined when a cell is bad (or a
 * required one empty). `from` is taken here so that the record is made whole at once.
 */
export type RowReader = (cells: readonly (string | undefined)[], from: unknown) => Record<string, unknown> | undefined;

interface FieldRule {
  readonly name: string;
  readonly optional: boolean;
  /** The cell rule; undefined for plain text. */
  readonly parse: CellParser<unknown> | undefined;
}

const fieldRules = new WeakMap<AnyObjectSchema, readonly FieldRule[] | null>();
/** Per file (its column map), the reader for the schema its rows are read with. */
const readers = new WeakMap<ReadonlyMap<string, number>, { schema: AnyObjectSchema; reader: RowReader | undefined }>();

/**
 * The reader for rows of a file with these columns, or undefined when the schema has a field
 * that is neither text nor a cell rule, or the file lacks a required column (zod then reads
 * every row).
 */
export function rowReaderFor(schema: AnyObjectSchema, columns: ReadonlyMap<string, number>): RowReader | undefined {
  let cached = readers.get(columns);
  if (cached?.schema !== schema) {
    cached = { schema, reader: makeReader(rulesOf(schema), columns) };
    readers.set(columns, cached);
  }
  return cached.reader;
}

function rulesOf(schema: AnyObjectSchema): readonly FieldRule[] | null {
  let rules = fieldRules.get(schema);
  if (rules === undefined) {
    const list: FieldRule[] = [];
    for (const [name, field] of Object.entries(schema.shape)) {
      const optional = field instanceof z.ZodOptional;
      const inner = (field instanceof z.ZodOptional ? field.unwrap() : field) as z.ZodType;
      const parse = cellParserOf(inner);
      if (!parse && !(inner instanceof z.ZodString && !inner.def.checks?.length)) {
        list.length = 0;
        break;
      }
      list.push({ name, optional, parse });
    }
    rules = list.length > 0 ? list : null;
    fieldRules.set(schema, rules);
  }
  return rules;
}

/**
 * The reader as generated code, one statement per field and the record as one object literal:
 * V8 then keeps all its fields inside the object. Built field by field in a loop, a record of
 * 23 fields went to V8's slow dictionary form and half a million of them took 700 MB more.
 */
function makeReader(rules: readonly FieldRule[] | null, columns: ReadonlyMap<string, number>): RowReader | undefined {
  if (!rules) return undefined;
  const parsers: CellParser<unknown>[] = [];
  const lines: string[] = [];
  const props: string[] = [];
  for (const rule of rules) {
    const index = columns.get(rule.name);
    if (index === undefined) {
      if (!rule.optional) return undefined;
      continue; // zod leaves a field the file has no column for out of the record
    }
    const v = `v${props.length}`;
    const empty = `t === '' || t === undefined`;
    const blank = `t === '' || t === undefined || showsNothing(t)`;
    lines.push(`t = cells[${index}];`);
    if (!rule.parse) {
      lines.push(rule.optional ? `const ${v} = ${empty} ? undefined : t;` : `if (${blank}) return undefined;`, ...(rule.optional ? [] : [`const ${v} = t;`]));
    } else {
      const p = `p${parsers.push(rule.parse) - 1}`;
      lines.push(
        `let ${v};`,
        rule.optional ? `if (!(${empty})) {` : `if (${blank}) return undefined; {`,
        `  r = ${p}(t);`,
        `  if (!r.ok) return undefined;`,
        `  ${v} = r.value;`,
        `}`,
      );
    }
    props.push(`${JSON.stringify(rule.name)}: ${v}`);
  }
  const code = [
    ...parsers.map((_, i) => `const p${i} = parsers[${i}];`),
    'return function readRow(cells, from) {',
    '  let t, r;',
    ...lines.map((l) => `  ${l}`),
    `  return { ${[...props, 'from'].join(', ')} };`,
    '};',
  ].join('\n');
  return new Function('parsers', 'showsNothing', code)(parsers, showsNothing) as RowReader;
}
