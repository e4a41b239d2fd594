/**
 * Dates that may be known only to the year or month ("2024", "2024-04", "2024-08-14").
 * The precision is part of the value and survives to every page: a closure known as
 * "2024-04" is shown as "2024年4月", never as a made-up day.
 */
import { quoted } from './diagnostics.ts';

export type DatePrecision = 'year' | 'month' | 'day';

export interface ApproxDate {
  /** Canonical text as written in the data: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly value: string;
  readonly precision: DatePrecision;
  readonly year: number;
  /** 1–12, when precision is month or day. */
  readonly month?: number;
  /** 1–31, when precision is day. */
  readonly day?: number;
}

export type DateParseResult =
  | { ok: true; date: ApproxDate }
  | { ok: false; code: 'DATE_FORMAT' | 'DATE_IMPOSSIBLE'; message: string };

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // the calendar's rule, for what the registry's dates can hold; anything else as Date counts it
  // (which reads years 0–99 as 1900–1999), so the answer is Date's either way
  if (Number.isInteger(year) && year >= 100 && Number.isInteger(month) && month >= 1 && month <= 12) {
    return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]!;
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseApproxDate(text: string): DateParseResult {
  const m = DATE_RE.exec(text);
  if (!m) {
    return {
      ok: false,
      code: 'DATE_FORMAT',
      message: `${quoted(text)} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-04, 2024-08-14)`,
    };
  }
  const year = Number(m[1]);
  if (year < 1990 || year > 2100) {
    return { ok: false, code: 'DATE_IMPOSSIBLE', message: `year ${year} in ${quoted(text)} is outside 1990–2100` };
  }
  if (m[2] === undefined) return { ok: true, date: { value: text, precision: 'year', year } };
  const month = Number(m[2]);
  if (month < 1 || month > 12) {
    return { ok: false, code: 'DATE_IMPOSSIBLE', message: `${quoted(text)} has no month ${m[2]}` };
  }
  if (m[3] === undefined) return { ok: true, date: { value: text, precision: 'month', year, month } };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, code: 'DATE_IMPOSSIBLE', message: `${quoted(text)} does not exist: ${year}-${m[2]} has ${daysInMonth(year, month)} days` };
  }
  return { ok: true, date: { value: text, precision: 'day', year, month, day } };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day the value can mean, as YYYY-MM-DD. */
export function earliestDay(d: ApproxDate): string {
  return `${d.year}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

/** The last day the value can mean, as YYYY-MM-DD. */
export function latestDay(d: ApproxDate): string {
  const month = d.month ?? 12;
  return `${d.year}-${pad(month)}-${pad(d.day ?? daysInMonth(d.year, month))}`;
}

/** True only when `a` is certainly before `b` whatever the unknown parts are. */
export function isCertainlyBefore(a: ApproxDate, b: ApproxDate): boolean {
  const before = dayNumber(latestParts(a));
  const after = dayNumber(earliestParts(b));
  return before >= 0 && after >= 0 ? before < after : latestDay(a) < earliestDay(b);
}

/**
 * True when the first day `d` can mean comes after `day` (YYYY-MM-DD): `earliestDay(d) > day`,
 * as the texts compare, but without making the text (the validator asks it for every date of
 * half a million rows).
 */
export function startsAfter(d: ApproxDate, day: string): boolean {
  const start = dayNumber(earliestParts(d));
  const other = dayNumberOf(day);
  return start >= 0 && other >= 0 ? start > other : earliestDay(d) > day;
}

function earliestParts(d: ApproxDate): [number, number, number] {
  return [d.year, d.month ?? 1, d.day ?? 1];
}

function latestParts(d: ApproxDate): [number, number, number] {
  const month = d.month ?? 12;
  return [d.year, month, d.day ?? daysInMonth(d.year, month)];
}

/**
 * year × 10000 + month × 100 + day, which orders days as their YYYY-MM-DD texts do when each
 * part fills its width exactly (4, 2 and 2 digits); -1 when one would not.
 */
function dayNumber([year, month, day]: [number, number, number]): number {
  return fits(year, 1000, 9999) && fits(month, 0, 99) && fits(day, 0, 99) ? year * 10000 + month * 100 + day : -1;
}

function fits(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

let lastDay = '';
let lastDayNumber = -1;

/** The number the digits from..to of a text spell, or -1 when one is not a digit 0–9 (no parsing, no allocation). */
export function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** dayNumber of a YYYY-MM-DD text (of digits only), else -1. The last one is kept: it is mostly "today". */
function dayNumberOf(day: string): number {
  if (day === lastDay) return lastDayNumber;
  const year = digitsAt(day, 0, 4);
  const month = digitsAt(day, 5, 7);
  const dayOfMonth = digitsAt(day, 8, 10);
  const ok = day.length === 10 && day[4] === '-' && day[7] === '-' && year >= 1000 && month >= 0 && dayOfMonth >= 0;
  lastDay = day;
  lastDayNumber = ok ? year * 10000 + month * 100 + dayOfMonth : -1;
  return lastDayNumber;
}

/** Sort key: approximate dates sort at the start of their span, coarser before finer on ties. */
export function compareApproxDates(a: ApproxDate, b: ApproxDate): number {
  const byStart = earliestDay(a).localeCompare(earliestDay(b));
  if (byStart !== 0) return byStart;
  return precisionRank(a.precision) - precisionRank(b.precision);
}

function precisionRank(p: DatePrecision): number {
  return p === 'year' ? 0 : p === 'month' ? 1 : 2;
}

const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2024年" / "2024年4月" / "2024年8月14日". */
export function formatDateZh(d: ApproxDate): string {
  if (d.precision === 'year') return `${d.year}年`;
  if (d.precision === 'month') return `${d.year}年${d.month}月`;
  return `${d.year}年${d.month}月${d.day}日`;
}

/** "2024" / "April 2024" / "14 August 2024". */
export function formatDateEn(d: ApproxDate): string {
  if (d.precision === 'year') return String(d.year);
  const month = EN_MONTHS[(d.month ?? 1) - 1];
  if (d.precision === 'month') return `${month} ${d.year}`;
  return `${d.day} ${month} ${d.year}`;
}

const FORMATS = { zh: formatDateZh, en: formatDateEn };

/** A date in a language at its own precision (the catalogues' sentences and every page write dates with this). */
export function formatDate(d: ApproxDate, lang: 'zh' | 'en'): string {
  return FORMATS[lang](d);
}

/** A calendar day (YYYY-MM-DD) as an ApproxDate, for "today" passed in from outside. */
export function dayOf(isoDay: string): ApproxDate {
  const parsed = parseApproxDate(isoDay);
  if (!parsed.ok || parsed.date.precision !== 'day') throw new Error(`not a calendar day: ${isoDay}`);
  return parsed.date;
}
