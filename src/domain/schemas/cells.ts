/**
 * Cell types shared by every entity's schema. Each is a zod schema over the trimmed cell
 * text that either yields a typed value or reports one issue whose `params.code` is the
 * validator's error code, so a bad cell becomes exactly one precise message.
 */
import { z } from 'zod';
import { digitsAt, parseApproxDate, type ApproxDate } from '../approx-date.ts';
import { quoted } from '../diagnostics.ts';
import type { ErrorCode } from '../error-codes.ts';

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (code: ErrorCode, message: string): CellResult<never> => ({ ok: false, code, message });

export type CellParser<T> = (text: string) => CellResult<T>;

/** Each cell schema's transform → the parser it runs (see cellParserOf). */
const parsersByTransform = new WeakMap<object, CellParser<unknown>>();

/** A zod schema from a cell parser; failures carry the error code in `params.code`. */
export function cell<T>(parse: CellParser<T>) {
  const transform = (text: string, ctx: z.core.$RefinementCtx<string>): T => {
    const result = parse(text);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.message, input: text, params: { code: result.code } });
    return z.NEVER;
  };
  parsersByTransform.set(transform, parse as CellParser<unknown>);
  return z.string().transform(transform);
}

/**
 * The parser behind a schema made by `cell()` (metadata and all), or undefined for any other
 * schema. It lets a row reader run the cell rules without zod's machinery around them, while
 * the rules themselves stay defined once, here and in the entity schemas.
 */
export function cellParserOf(schema: z.ZodType): CellParser<unknown> | undefined {
  if (!(schema instanceof z.ZodPipe) || !(schema.in instanceof z.ZodString) || !(schema.out instanceof z.ZodTransform)) return undefined;
  if (schema.in.def.checks?.length) return undefined;
  return parsersByTransform.get(schema.out.def.transform);
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export function parseId(text: string): CellResult<string> {
  return ID_PATTERN.test(text)
    ? ok(text)
    : fail('ID_FORMAT', `${quoted(text)} is not a valid id: use lower-case letters a–z, digits and hyphens, starting with a letter or digit (e.g. rongcheng-police-weibo)`);
}

export function parseHttpUrl(text: string): CellResult<string> {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    return fail('URL_SCHEME', `${quoted(text)} is not an http(s) link${scheme ? ` (scheme "${scheme}:" is not allowed)` : ''}; write the full address starting with https://`);
  }
  try {
    const url = new URL(text);
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') throw new Error('no host');
    return ok(text);
  } catch {
    return fail('URL_FORMAT', `${quoted(text)} is not a valid web address`);
  }
}

/** A reference that is either an id from some registry or an http(s) URL. */
export type Ref = { kind: 'id'; id: string } | { kind: 'url'; url: string };

export function parseRef(text: string): CellResult<Ref> {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(text)) {
    const url = parseHttpUrl(text);
    return url.ok ? ok({ kind: 'url', url: url.value }) : url;
  }
  const id = parseId(text);
  return id.ok ? ok({ kind: 'id', id: id.value }) : fail('ID_FORMAT', `${quoted(text)} is neither an id nor an http(s) link`);
}

/**
 * `;`-separated list; empty parts (a stray `;`) are ignored, but a list of nothing but `;` is
 * refused: ";;;" must not pass for "at least one source".
 */
export function listOf<T>(parseItem: (text: string) => CellResult<T>) {
  return repeated((text: string): CellResult<T[]> => {
    const values: T[] = [];
    for (const part of text.split(';')) {
      const item = part.trim();
      if (item === '') continue;
      const result = parseItem(item);
      if (!result.ok) return result;
      values.push(result.value);
    }
    if (values.length === 0) return fail('LIST_EMPTY', `${quoted(text)} lists nothing between its ";" separators: write at least one item (an id or an https:// link), or leave the cell empty where it may be`);
    return ok(values);
  });
}

function parseDateText(text: string): CellResult<ApproxDate> {
  const result = parseApproxDate(text);
  return result.ok ? ok(result.date) : fail(result.code, result.message);
}

const FIRST_YEAR = 1990;
const DATE_SLOTS = (2100 - FIRST_YEAR + 1) * 13 * 32;

/**
 * A number of its own for each YYYY, YYYY-MM or YYYY-MM-DD text of digits with a year
 * 1990–2100, a month 01–12 and a day 01–31 (so every date the registry can hold has one);
 * -1 for any other text.
 */
function dateSlot(text: string): number {
  const length = text.length;
  if (length !== 4 && length !== 7 && length !== 10) return -1;
  const year = digitsAt(text, 0, 4);
  if (year < FIRST_YEAR || year > 2100) return -1;
  let month = 0;
  let day = 0;
  if (length >= 7) {
    month = text[4] === '-' ? digitsAt(text, 5, 7) : -1;
    if (month < 1 || month > 12) return -1;
  }
  if (length === 10) {
    day = text[7] === '-' ? digitsAt(text, 8, 10) : -1;
    if (day < 1 || day > 31) return -1;
  }
  return ((year - FIRST_YEAR) * 13 + month) * 32 + day;
}

/**
 * Dates repeat like the other cells `repeated` keeps, and are the most common cell of all
 * (four columns), so theirs are kept by a number read from the digits, not by the text: that
 * spares hashing the text of almost a million cells.
 */
const datesBySlot: (CellResult<ApproxDate> | undefined)[] = new Array(DATE_SLOTS).fill(undefined);

export function parseDate(text: string): CellResult<ApproxDate> {
  const slot = dateSlot(text);
  if (slot < 0) return parseDateText(text);
  let result = datesBySlot[slot];
  if (result === undefined) {
    result = parseDateText(text);
    if (result.ok) datesBySlot[slot] = deepFreeze(result);
  }
  return result;
}

export function parseCount(text: string): CellResult<number> {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    return fail('INTEGER', `${quoted(text)} is not a whole number; write digits only (e.g. 12000, not 1.2万 or 12,000)`);
  }
  return ok(Number(text));
}

export const parseRegionCode = repeated((text: string): CellResult<string> => {
  return /^(\d{6}|\d{9})$/.test(text)
    ? ok(text)
    : fail('REGION_FORMAT', `${quoted(text)} is not a region code: use the 6-digit GB/T 2260 code (370000, 371000, 371082), a 9-digit township code (360729200), or 100000 for central bodies`);
});

export function oneOf<const T extends readonly string[]>(values: T, what: string) {
  const allowed = new Set<string>(values);
  // a word of the vocabulary is the vocabulary's own string, not one more copy per row
  const words = new Map<string, CellResult<T[number]>>(values.map((v) => [v, ok(v)] as const));
  return (text: string): CellResult<T[number]> => {
    const word = words.get(text);
    if (word) return word;
    const folded = text.toLowerCase().replace(/[\s_]+/g, '-');
    const hint = allowed.has(folded) ? ` (did you mean ${quoted(folded)}?)` : '';
    return fail('ENUM', `${quoted(text)} is not a ${what}${hint}; use one of: ${values.join(', ')}`);
  };
}

const multilineTexts = new WeakSet<z.ZodType>();

/**
 * Free text whose quoted cells may run over several lines (notes). Any other column's cell is
 * one line: a line break there is an error (CELL_CONTROL_CHAR).
 */
export function multilineText() {
  const schema = z.string();
  multilineTexts.add(schema);
  return schema;
}

/** Whether a field (optional or not) is multilineText(). */
export function isMultilineText(field: z.ZodType): boolean {
  return multilineTexts.has(field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field);
}

/** How many distinct good texts one `repeated` parser keeps (far more than any column has). */
const REPEATED_LIMIT = 200_000;

/**
 * The parser, with each distinct good text parsed once and its value shared by every row that
 * has the same text: region codes, source lists and dates (parseDate keeps its own) repeat
 * across half a million rows, and one value instead of a copy per row keeps about 200 MB off
 * the validator's heap (and the garbage collector's work). The shared values are frozen, so code that changed one row's
 * value in place would fail loudly rather than change every row with the same text.
 */
function repeated<T>(parse: CellParser<T>): CellParser<T> {
  const seen = new Map<string, CellResult<T>>();
  return (text) => {
    let result = seen.get(text);
    if (result === undefined) {
      result = parse(text);
      if (result.ok && seen.size < REPEATED_LIMIT) seen.set(text, deepFreeze(result));
    }
    return result;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Characters that show nothing: whitespace (Zs and the rest of Unicode's White_Space), controls
 * (Cc), format characters (Cf: zero-width space and joiners, word joiner, soft hyphen, BOM…),
 * the other default-ignorable code points (Hangul fillers, variation selectors…) and the
 * blank braille pattern, a favourite "invisible" filler.
 */
const SHOWS_NOTHING = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]+$/u;

/**
 * True when `text` is empty or holds only characters that show nothing, so a required cell
 * like it is as empty as an empty one (JS trim() removes spaces but not U+200B and its kin).
 * Called for every required cell, so almost every text is ruled out by its first character:
 * printable ASCII and the CJK range that names are written in cannot start such a text.
 */
export function showsNothing(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  if (first >= 0x4e00 && first < 0xd800) return false;
  return text === '' || SHOWS_NOTHING.test(text);
}
