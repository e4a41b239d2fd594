/**
 * The plain form notice frontmatter is written in, read without the YAML library: one
 * `key: value` per line, each value a quoted text or a lower-case word, or a list of those on
 * `  - item` lines below an empty `key:`. That is what `npm run new:closure` writes and what
 * thousands of notices at national scale hold, and the library's full parse of each was most
 * of the cost of reading them. Anything else — flow lists, numbers, other plain scalars,
 * comments, escapes, blank lines — is left to the library (which also reports what is wrong),
 * so this never has to know more of YAML than the form it reads.
 */

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
