/**
 * Dates that may be known only to the year or month ("2024", "2024-04", "2024-08-14").
 * The precision is part of the value and survives to every page: a closure known as
 * "2024-04" is shown as "2024年4月", never as a made-up day.
 */

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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseApproxDate(text: string): DateParseResult {
  const m = DATE_RE.exec(text);
  if (!m) {
    return {
      ok: false,
      code: 'DATE_FORMAT',
      message: `"${text}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-04, 2024-08-14)`,
    };
  }
  const year = Number(m[1]);
  if (year < 1990 || year > 2100) {
    return { ok: false, code: 'DATE_IMPOSSIBLE', message: `year ${year} in "${text}" is outside 1990–2100` };
  }
  if (m[2] === undefined) return { ok: true, date: { value: text, precision: 'year', year } };
  const month = Number(m[2]);
  if (month < 1 || month > 12) {
    return { ok: false, code: 'DATE_IMPOSSIBLE', message: `"${text}" has no month ${m[2]}` };
  }
  if (m[3] === undefined) return { ok: true, date: { value: text, precision: 'month', year, month } };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, code: 'DATE_IMPOSSIBLE', message: `"${text}" does not exist: ${year}-${m[2]} has ${daysInMonth(year, month)} days` };
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
  return latestDay(a) < earliestDay(b);
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

export function formatDate(d: ApproxDate, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? formatDateZh(d) : formatDateEn(d);
}

/** A calendar day (YYYY-MM-DD) as an ApproxDate, for "today" passed in from outside. */
export function dayOf(isoDay: string): ApproxDate {
  const parsed = parseApproxDate(isoDay);
  if (!parsed.ok || parsed.date.precision !== 'day') throw new Error(`not a calendar day: ${isoDay}`);
  return parsed.date;
}
