/**
 * Calendar months as integers (year × 12 + month − 1), so a window of months is an array
 * index range and every per-month tally is one array increment.
 */
import type { ApproxDate } from '../approx-date.ts';

/** A month written YYYY-MM. */
export type MonthKey = string;

export function monthNumber(year: number, month: number): number {
  return year * 12 + (month - 1);
}

export function parseMonthKey(key: MonthKey): number {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new Error(`not a month (YYYY-MM): ${key}`);
  return monthNumber(Number(m[1]), month);
}

export function monthKeyOf(n: number): MonthKey {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function yearOfMonth(n: number): number {
  return Math.floor(n / 12);
}

/** First and last month a date can fall in: a year-only date spans January to December. */
export function monthSpan(d: ApproxDate): { first: number; last: number } {
  if (d.precision === 'year') return { first: monthNumber(d.year, 1), last: monthNumber(d.year, 12) };
  const n = monthNumber(d.year, d.month!);
  return { first: n, last: n };
}

/** Months from `first` to `last` inclusive, as YYYY-MM. */
export function monthKeysBetween(first: number, last: number): MonthKey[] {
  const keys: MonthKey[] = [];
  for (let n = first; n <= last; n++) keys.push(monthKeyOf(n));
  return keys;
}

export interface MonthWindow {
  /** First month shown (YYYY-MM); by default the earliest month the data mentions. */
  readonly start?: MonthKey;
  /** Last month shown (YYYY-MM), usually the month of "today", passed in by the caller. */
  readonly end: MonthKey;
}

/** The window as month numbers; `fallbackStart` is used when no start is given. */
export function resolveWindow(window: MonthWindow, fallbackStart: number | undefined): { first: number; last: number } {
  const last = parseMonthKey(window.end);
  const first = window.start !== undefined ? parseMonthKey(window.start) : Math.min(fallbackStart ?? last, last);
  if (first > last) throw new Error(`month window starts (${window.start}) after it ends (${window.end})`);
  return { first, last };
}
