/**
 * Time is honest: a closure is "closed" only once it is in effect on the day the data is
 * judged; a closure set for later this month is listed apart as scheduled, in the domain, the
 * lists (home page, region pages, /closures/) and the feeds.
 */
import { describe, expect, it } from 'vitest';
import { closureStage } from '../src/domain/closure-stage.ts';
import { Registry } from '../src/domain/model.ts';
import { parseApproxDate } from '../src/domain/approx-date.ts';
import { checkRows, TODAY } from './helpers/dataset.ts';

const day = (text: string) => {
  const parsed = parseApproxDate(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.date;
};

/** Judged on 21 November 2026 (TODAY): one closure took effect on the 5th, one is due on the 28th. */
export const SPLIT_ROWS: Record<string, string>[] = [
  { id: 'done-weibo', name: '荣成公安', status: 'closed', opened: '2015', announced: '2026-11-01', closed: '2026-11-05', reason: 'discontinued' },
  { id: 'later-wechat', name: '荣成发布', platform: 'wechat', status: 'closing', opened: '2015', announced: '2026-11-10', closed: '2026-11-28', reason: 'discontinued' },
  { id: 'soon-douyin', name: '荣成文旅', platform: 'douyin', status: 'closing', opened: '2016', announced: '2026-11-12', closed: '2026-11-22', reason: 'discontinued' },
  { id: 'older-toutiao', name: '荣成头条', platform: 'toutiao', status: 'closed', opened: '2016', closed: '2024-08', reason: 'discontinued' },
  { id: 'live-app', name: '荣成App', platform: 'app', status: 'active', opened: '2016' },
];

export function splitRegistry(): Registry {
  const checked = checkRows(SPLIT_ROWS);
  expect(checked.diagnostics.errorCount).toBe(0);
  return new Registry(checked.dataset);
}

describe('closureStage', () => {
  it('calls a closing channel scheduled whatever its dates, a closed one effective', () => {
    expect(closureStage({ status: 'closing', closed: day('2026-11-28') }, TODAY)).toBe('scheduled');
    expect(closureStage({ status: 'closing', closed: day('2026-11-01') }, TODAY)).toBe('scheduled');
    expect(closureStage({ status: 'closing', closed: undefined }, TODAY)).toBe('scheduled');
    expect(closureStage({ status: 'closed', closed: day('2026-11-21') }, TODAY)).toBe('effective');
    expect(closureStage({ status: 'closed', closed: undefined }, TODAY)).toBe('effective');
    expect(closureStage({ status: 'active', closed: undefined }, TODAY)).toBeUndefined();
    expect(closureStage({ status: 'dormant', closed: undefined }, TODAY)).toBeUndefined();
  });

  it('never calls a closed channel dated after today effective (a dataset judged on an earlier day)', () => {
    expect(closureStage({ status: 'closed', closed: day('2026-11-22') }, TODAY)).toBe('scheduled');
    // a month that has begun may already hold the day
    expect(closureStage({ status: 'closed', closed: day('2026-11') }, TODAY)).toBe('effective');
    expect(closureStage({ status: 'closed', closed: day('2026-12') }, TODAY)).toBe('scheduled');
  });
});

describe('Registry: recent and scheduled closures', () => {
  it('lists only closures in effect as recent, newest first', () => {
    const registry = splitRegistry();
    expect(registry.recentClosures(10, TODAY).map((c) => c.id)).toEqual(['done-weibo', 'older-toutiao']);
  });

  it('lists the closure later this month apart, soonest first', () => {
    const registry = splitRegistry();
    expect(registry.scheduledClosures(10, TODAY).map((c) => c.id)).toEqual(['soon-douyin', 'later-wechat']);
    expect(registry.scheduledClosures(1, TODAY).map((c) => c.id)).toEqual(['soon-douyin']);
  });

  it('judges on the day passed in, not on the clock', () => {
    const registry = splitRegistry();
    expect(registry.recentClosures(10, '2024-09-01').map((c) => c.id)).toEqual(['older-toutiao']);
    expect(registry.scheduledClosures(10, '2024-09-01').map((c) => c.id)).toEqual(['done-weibo', 'soon-douyin', 'later-wechat']);
  });
});
