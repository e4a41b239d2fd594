/**
 * The date comparisons that skip making YYYY-MM-DD texts must answer exactly as comparing
 * those texts does, for every date the registry can hold and for odd values too.
 */
import { describe, expect, it } from 'vitest';
import { daysInMonth, earliestDay, isCertainlyBefore, latestDay, parseApproxDate, startsAfter, type ApproxDate } from '../src/domain/approx-date.ts';

const parsed = (text: string): ApproxDate => {
  const r = parseApproxDate(text);
  if (!r.ok) throw new Error(r.message);
  return r.date;
};

const dates: ApproxDate[] = [
  ...['1990', '2000', '2024', '2100', '2024-02', '2023-02', '2024-12', '2024-01', '2024-02-29', '2023-02-28', '2024-12-31', '2024-01-01', '2026-11-21', '2026-11-22', '2026-11', '2026'].map(parsed),
  // hand-made ones the parser never gives
  { value: 'x', precision: 'year', year: 999 },
  { value: 'x', precision: 'year', year: 10000 },
  { value: 'x', precision: 'month', year: 2024, month: 100 },
  { value: 'x', precision: 'month', year: 2024, month: 13 },
  { value: 'x', precision: 'day', year: 2024, month: 2, day: 0 },
  { value: 'x', precision: 'day', year: 2024.5, month: 2, day: 3 },
];

describe('date comparisons without texts', () => {
  it('startsAfter(d, day) is earliestDay(d) > day', () => {
    const days = ['2026-11-21', '2024-02-29', '1990-01-01', '2100-12-31', '2026-1-5', '2026-11-21x', 'abc', '', '0999-01-01', '2026/11/21', '2026-11-2a'];
    for (const day of days) for (const d of dates) expect(startsAfter(d, day), `${JSON.stringify(d)} after ${day}`).toBe(earliestDay(d) > day);
  });

  it('isCertainlyBefore(a, b) is latestDay(a) < earliestDay(b)', () => {
    for (const a of dates) for (const b of dates) expect(isCertainlyBefore(a, b)).toBe(latestDay(a) < earliestDay(b));
  });

  it('daysInMonth counts as Date does', () => {
    for (const year of [0, 4, 99, 100, 400, 1900, 1990, 2000, 2023, 2024, 2100, 2400]) {
      for (let month = -1; month <= 13; month++) expect(daysInMonth(year, month), `${year}-${month}`).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
    }
  });
});
