/**
 * Reading notice frontmatter. The plain form notices are written in — one `key: value` per
 * line, each value a quoted text or a lower-case word, or a list of those on `  - item` lines
 * below an empty `key:` — is read without the YAML library. That is what `npm run new:closure`
 * writes and what thousands of notices at national scale hold, and the library's full parse of
 * each was most of the cost of reading them. Anything else — flow lists, numbers, other plain
 * scalars, comments, escapes, blank lines — is left to the library (which also reports what is
 * wrong), so the plain reader never has to know more of YAML than the form it reads; the
 * library reads within limits that keep hostile YAML (deep nesting, alias bombs) from
 * overflowing the stack or the memory.
 *
 * The plain reader is kept because validation's budget needs it (measured 2026-12-03 on the
 * 500,000-row synthetic dataset, seed 1, CPU seconds, medians, on the shared 2-core machine
 * under load): the 3,038 notices' frontmatter takes 0.02 s with it against 0.41 s with the
 * library alone (the whole `npm run validate`, 16.9 s against 18.4 s, is too noisy to say
 * more). It grows with the notices, not the rows; validation must stay under 10 s wall on an
 * idle machine and is close to it.
 */
import { isAlias, isCollection, isPair, LineCounter, parseDocument, type Alias } from 'yaml';
import type { DiagnosticList } from './diagnostics.ts';

export type SimpleFrontmatter = Record<string, string | string[]>;

const KEY_LINE = /^([a-z][a-z0-9_]*):(?: (.*))?$/;
const ITEM_LINE = /^( +)- (.*)$/;
/** A plain scalar that YAML 1.2's core schema reads as text (null, true and false it does not). */
const WORD = /^[a-z][a-z0-9-]*$/;

/**
 * What `parseDocument(text).toJS()` gives for frontmatter in the plain form (a plain object,
 * keys in order); undefined when the text is not in that form.
 */
export function readSimpleFrontmatter(text: string): SimpleFrontmatter | undefined {
  if (text.includes('\r')) return undefined;
  const lines = text.split('\n');
  const data: SimpleFrontmatter = {};
  for (let i = 0; i < lines.length; i++) {
    const key = KEY_LINE.exec(lines[i]!);
    if (!key || Object.hasOwn(data, key[1]!)) return undefined;
    if (key[2] !== undefined) {
      const value = scalar(key[2]);
      if (value === undefined) return undefined;
      data[key[1]!] = value;
      continue;
    }
    const items: string[] = [];
    let indent: string | undefined;
    for (let item = ITEM_LINE.exec(lines[i + 1] ?? ''); item; item = ITEM_LINE.exec(lines[i + 1] ?? '')) {
      if (indent !== undefined && item[1] !== indent) return undefined;
      indent = item[1]!;
      const value = scalar(item[2]!);
      if (value === undefined) return undefined;
      items.push(value);
      i++;
    }
    if (items.length === 0) return undefined; // an empty value is null in YAML
    data[key[1]!] = items;
  }
  return data;
}

/** A whole quoted text without escapes, or a plain word; undefined for anything else. */
function scalar(text: string): string | undefined {
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || text[text.length - 1] !== quote || inner.includes(quote) || (quote === '"' && inner.includes('\\'))) return undefined;
    return /[\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff\ud800-\udfff]/.test(inner) ? undefined : inner;
  }
  return WORD.test(text) && text !== 'null' && text !== 'true' && text !== 'false' ? text : undefined;
}

/**
 * How deep frontmatter may nest before the YAML library reads it. Its composer (and `toJS`)
 * recurse once per level, so 3,000 levels (`a: [[[[…`, `- - - - …`, or maps indented one
 * space further each line) would overflow the stack; a notice's frontmatter needs two levels.
 */
export const FRONTMATTER_LIMITS = {
  /** Characters between the two `---` lines. */
  chars: 10_000,
  /** Columns a line is indented. */
  indent: 32,
  /** `- ` and `? ` that open one line, each a level. */
  indicatorsPerLine: 8,
  /** `[` and `{` open at once (counted inside quotes too: too many, never too few). */
  flowDepth: 16,
} as const;

/** 1-based line and column in the frontmatter text. */
export interface FrontmatterPlace {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** The first place the frontmatter nests deeper than FRONTMATTER_LIMITS allow: one pass over the text. */
export function frontmatterTooDeep(text: string): FrontmatterPlace | undefined {
  const limits = FRONTMATTER_LIMITS;
  if (text.length > limits.chars) return { line: 1, col: 1, message: `the frontmatter has ${text.length} characters; a notice's needs a few hundred (limit ${limits.chars})` };
  const deep = `nests deeper than a notice's frontmatter ever needs (a field holds a text or a list of texts)`;
  const lines = text.split(/\r\n|\r|\n/);
  let flow = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let i = 0;
    while (line[i] === ' ') i++;
    if (i > limits.indent) return { line: n + 1, col: i + 1, message: `the line is indented ${i} spaces: it ${deep}` };
    for (let indicators = 0; (line[i] === '-' || line[i] === '?') && (line[i + 1] === ' ' || line[i + 1] === undefined); ) {
      if (++indicators > limits.indicatorsPerLine) return { line: n + 1, col: i + 1, message: `the line opens more than ${limits.indicatorsPerLine} lists: it ${deep}` };
      i += 1;
      while (line[i] === ' ') i++;
    }
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === '[' || c === '{') {
        if (++flow > limits.flowDepth) return { line: n + 1, col: i + 1, message: `more than ${limits.flowDepth} "[" or "{" are open here: the frontmatter ${deep}` };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
  }
  return undefined;
}

/**
 * Frontmatter in any form through the YAML library, within limits: nesting first (above),
 * then no aliases at all (`*a`): a notice repeats no values, and aliases of aliases are how a
 * few lines expand into billions of values (the "billion laughs"). Undefined, with every
 * problem a FRONTMATTER diagnostic at its line, when the text is not usable.
 */
export function readYamlFrontmatter(text: string, firstLine: number, file: string, diagnostics: DiagnosticList): unknown {
  const at = (line: number, col: number) => ({ file, line: firstLine + line - 1, col });
  const deep = frontmatterTooDeep(text);
  if (deep) {
    diagnostics.error(at(deep.line, deep.col), 'FRONTMATTER', deep.message);
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      diagnostics.error(at(pos?.line ?? 1, pos?.col ?? 1), 'FRONTMATTER', `frontmatter is not valid YAML: ${error.message.split('\n')[0]}`);
    }
    return undefined;
  }
  const alias = firstAlias(doc.contents);
  if (alias) {
    const pos = lineCounter.linePos(alias.range?.[0] ?? 0);
    diagnostics.error(at(pos.line, pos.col), 'FRONTMATTER', `the frontmatter uses the YAML alias "*${alias.source}": write each value out in full (aliases are not allowed in notices)`);
    return undefined;
  }
  try {
    // no alias is left to resolve; 0 makes the library refuse one should the search above miss it
    return doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    diagnostics.error(at(1, 1), 'FRONTMATTER', `the frontmatter cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The first alias node in a YAML tree, found from a stack (no recursion on the text's depth). */
function firstAlias(root: unknown): Alias | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return node;
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return undefined;
}
