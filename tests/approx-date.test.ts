import { describe, expect, it } from 'vitest';
import {
  compareApproxDates,
  earliestDay,
  formatDateEn,
  formatDateZh,
  isCertainlyBefore,
  latestDay,
  parseApproxDate,
  type ApproxDate,
} from '../src/domain/approx-date.ts';

const d = (text: string): ApproxDate => {
  const r = parseApproxDate(text);
  if (!r.ok) throw new Error(r.message);
  return r.date;
};

describe('approximate dates', () => {
  it('keeps the precision it was given', () => {
    expect(d('2024')).toMatchObject({ precision: 'year', year: 2024 });
    expect(d('2024-04')).toMatchObject({ precision: 'month', year: 2024, month: 4 });
    expect(d('2024-08-14')).toMatchObject({ precision: 'day', year: 2024, month: 8, day: 14 });
  });

  it('formats in Chinese and English without inventing a day', () => {
    expect(formatDateZh(d('2024'))).toBe('2024年');
    expect(formatDateZh(d('2024-04'))).toBe('2024年4月');
    expect(formatDateZh(d('2024-08-14'))).toBe('2024年8月14日');
    expect(formatDateEn(d('2024'))).toBe('2024');
    expect(formatDateEn(d('2024-04'))).toBe('April 2024');
    expect(formatDateEn(d('2024-08-14'))).toBe('14 August 2024');
  });

  it('rejects malformed and impossible dates with distinct codes', () => {
    for (const bad of ['2024/04/01', '24-04', '2024-4', '2024-04-1', 'April 2024', '2024-04-01T00:00']) {
      expect(parseApproxDate(bad)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    }
    for (const impossible of ['2024-02-30', '2023-02-29', '2024-13', '2024-00', '2024-04-31', '1889']) {
      expect(parseApproxDate(impossible)).toMatchObject({ ok: false, code: 'DATE_IMPOSSIBLE' });
    }
    expect(parseApproxDate('2024-02-29').ok).toBe(true);
  });

  it('spans the whole period it may mean', () => {
    expect(earliestDay(d('2024'))).toBe('2024-01-01');
    expect(latestDay(d('2024'))).toBe('2024-12-31');
    expect(latestDay(d('2024-02'))).toBe('2024-02-29');
  });

  it('calls one date before another only when it certainly is', () => {
    expect(isCertainlyBefore(d('2014-05'), d('2014-06'))).toBe(true);
    expect(isCertainlyBefore(d('2014'), d('2014-06'))).toBe(false);
    expect(isCertainlyBefore(d('2014-06-30'), d('2014-06'))).toBe(false);
    expect(isCertainlyBefore(d('2013-12-31'), d('2014'))).toBe(true);
  });

  it('sorts by the start of the span, coarser first on ties', () => {
    const sorted = ['2024-08-14', '2024', '2023-12', '2024-01'].map(d).sort(compareApproxDates).map((x) => x.value);
    expect(sorted).toEqual(['2023-12', '2024', '2024-01', '2024-08-14']);
  });
});
