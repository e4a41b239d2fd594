/**
 * The cells of a list the importer turns into registry values: when the account opened (as
 * offices write dates: 2014/6/3, 2014年6月, 2014.06), its address, and its status. Each gives
 * the value or says why it cannot, so the row goes to review rather than losing the cell.
 */
import { quoted } from '../domain/diagnostics.ts';
import { parseApproxDate } from '../domain/approx-date.ts';
import { parseHttpUrl } from '../domain/schemas/cells.ts';
import { neutraliseCell } from '../format/csv.ts';
import type { Status } from '../domain/vocabulary.ts';

export type CellValue<T> = { ok: true; value: T } | { ok: false; message: string };

const pad = (n: string) => n.padStart(2, '0');

/** A date as the registry writes it (YYYY, YYYY-MM or YYYY-MM-DD), from the forms lists use. */
export function listDate(text: string): CellValue<string | undefined> {
  const t = text.normalize('NFKC').trim();
  if (t === '') return { ok: true, value: undefined };
  let value: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})年?$/.exec(t))) value = m[1]!;
  else if ((m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(t))) value = `${m[1]}-${pad(m[2]!)}`;
  else if ((m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t))) value = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  if (value === undefined) return { ok: false, message: `opened date ${quoted(text)} is not a date the importer reads (2014, 2014-06, 2014-06-03, 2014/6/3, 2014年6月3日)` };
  const parsed = parseApproxDate(value);
  return parsed.ok ? { ok: true, value } : { ok: false, message: `opened date ${quoted(text)}: ${parsed.message}` };
}

/** An http(s) address; a bare host and path (weibo.com/u/123) gets https:// in front. */
export function listUrl(text: string): CellValue<string | undefined> {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : /^[\w-]+(?:\.[\w-]+)+(?:[/?#:]|$)/.test(t) ? `https://${t}` : undefined;
  if (withScheme === undefined) return { ok: false, message: `address ${quoted(t)} is not a web address` };
  const parsed = parseHttpUrl(withScheme);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: `address: ${parsed.message}` };
}

const STATUS_WORDS: Record<string, Status> = {
  正常: 'active', 运营: 'active', 运营中: 'active', 正常运营: 'active', 正常运行: 'active', 在运营: 'active', 在用: 'active', 使用中: 'active', 开通: 'active', 已开通: 'active', 启用: 'active', active: 'active',
  停更: 'dormant', 停止更新: 'dormant', 暂停更新: 'dormant', 暂停: 'dormant', dormant: 'dormant',
};

/**
 * The status the list gives: active when it gives none. Closures are not imported from a list
 * (a closing or closed row needs its reason and date: npm run new:closure records them).
 */
export function listStatus(text: string): CellValue<Status> {
  const t = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (t === '') return { ok: true, value: 'active' };
  const status = STATUS_WORDS[t];
  if (status) return { ok: true, value: status };
  return { ok: false, message: `status ${quoted(text)} is not one the importer records (it takes 正常/运营 as active and 停更 as dormant); record a closure with npm run new:closure` };
}

/**
 * True when a spreadsheet would read the text as a formula (= + - @ …). Such a cell is left
 * for a person: the rows go both to a file people open in spreadsheets (where the CSV writer
 * would have to put a quote before it, src/format/csv.ts) and to the registry's own files
 * (where it must not).
 */
export function looksLikeFormula(text: string): boolean {
  return neutraliseCell(text) !== text;
}
