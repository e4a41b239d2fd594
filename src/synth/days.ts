/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), and writing a day at the
 * precision the registry records it: some closures are known to the day, some only to the
 * month or the year.
 */
import type { DatePrecision } from '../domain/approx-date.ts';

const MS_PER_DAY = 86_400_000;

export function dayNumber(isoDay: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) throw new Error(`not a YYYY-MM-DD day: ${isoDay}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

const isoCache = new Map<number, string>();

export function isoDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** The day written as YYYY, YYYY-MM or YYYY-MM-DD. Coarser forms only ever start earlier. */
export function formatDay(day: number, precision: DatePrecision): string {
  const iso = isoDay(day);
  return precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

export function yearOf(day: number): number {
  return Number(isoDay(day).slice(0, 4));
}

/** 1–4 */
export function quarterOf(day: number): number {
  return Math.floor((Number(isoDay(day).slice(5, 7)) - 1) / 3) + 1;
}
