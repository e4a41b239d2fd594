import { describe, expect, it } from 'vitest';
import { parseApproxDate } from '../src/domain/approx-date.ts';
import { provinceCodes, totalsByArea, totalsByChild, totalsByProvince } from '../src/domain/aggregate/area-totals.ts';
import type { DatedChannel } from '../src/domain/aggregate/dated-channel.ts';
import { liveSeries } from '../src/domain/aggregate/live-series.ts';
import { monthKeyOf, monthSpan, parseMonthKey } from '../src/domain/aggregate/months.ts';
import { monthlySeries } from '../src/domain/aggregate/monthly-series.ts';
import { groupBySubtree } from '../src/domain/aggregate/subtree-groups.ts';
import { RegionIndex } from '../src/domain/regions.ts';

function date(text: string | undefined) {
  if (text === undefined) return undefined;
  const parsed = parseApproxDate(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.date;
}

interface Spec {
  status?: DatedChannel['status'];
  platform?: DatedChannel['platform'];
  region?: string;
  opened?: string;
  announced?: string;
  closed?: string;
}

function channel(spec: Spec): DatedChannel {
  return {
    status: spec.status ?? 'active',
    platform: spec.platform ?? 'weibo',
    region: spec.region ?? '371082',
    opened: date(spec.opened),
    announced: date(spec.announced),
    closed: date(spec.closed),
  };
}

/** Long after every date below, unless a test says otherwise. */
const TODAY = '2030-01-01';

const regions = new RegionIndex([
  { code: '100000', name: '中国' },
  { code: '370000', name: '山东省', parent: '100000' },
  { code: '371000', name: '威海市', parent: '370000' },
  { code: '371082', name: '荣成市', parent: '371000' },
  { code: '371002', name: '环翠区', parent: '371000' },
  { code: '370100', name: '济南市', parent: '370000' },
  { code: '440000', name: '广东省', parent: '100000' },
  { code: '440300', name: '深圳市', parent: '440000' },
  { code: '810000', name: '香港特别行政区', parent: '100000' },
]);

describe('months', () => {
  it('round-trips month keys and spans year-only dates over the whole year', () => {
    expect(monthKeyOf(parseMonthKey('2024-04'))).toBe('2024-04');
    expect(monthKeyOf(parseMonthKey('2023-12') + 1)).toBe('2024-01');
    const span = monthSpan(date('2024')!);
    expect([monthKeyOf(span.first), monthKeyOf(span.last)]).toEqual(['2024-01', '2024-12']);
    expect(() => parseMonthKey('2024-13')).toThrow();
  });
});

describe('monthlySeries', () => {
  const window = { start: '2023-11', end: '2024-03' };

  it('counts announced and effective closures and openings in their months', () => {
    const s = monthlySeries(
      [
        channel({ status: 'closed', announced: '2023-12-20', closed: '2024-01-15', opened: '2023-11' }),
        channel({ status: 'closed', announced: '2024-01', closed: '2024-02' }),
        channel({ opened: '2024-02-29' }),
      ],
      window,
      TODAY,
    );
    expect(s.months).toEqual(['2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
    expect(s.years).toEqual([2023, 2024]);
    expect(s.announced.byMonth).toEqual([0, 1, 1, 0, 0]);
    expect(s.effective.byMonth).toEqual([0, 0, 1, 1, 0]);
    expect(s.opened.byMonth).toEqual([1, 0, 0, 1, 0]);
  });

  it('never puts a year-only date in January: it is counted per year', () => {
    const s = monthlySeries([channel({ status: 'closed', closed: '2024', announced: '2023', opened: '2023' })], window, TODAY);
    expect(s.effective.byMonth).toEqual([0, 0, 0, 0, 0]);
    expect(s.effective.yearOnly).toEqual([0, 1]);
    expect(s.announced.yearOnly).toEqual([1, 0]);
    expect(s.opened.yearOnly).toEqual([1, 0]);
  });

  it('counts what it cannot place: undated, pending, before and after the window', () => {
    const s = monthlySeries(
      [
        channel({ status: 'closed', closed: '2024-02' }), // no announcement date
        channel({ status: 'closing', announced: '2024-03' }), // no effective date yet
        channel({ status: 'closing', announced: '2024-03', closed: '2024-06' }), // scheduled: counted as announced only
        channel({ status: 'closed', closed: '2022-05', announced: '2021' }), // before the window
        channel({ status: 'active', opened: '2019' }),
      ],
      window,
      TODAY,
    );
    expect(s.announced.undated).toBe(1);
    expect(s.scheduled).toBe(2);
    expect(s.effective.afterWindow).toBe(0);
    expect(s.effective.beforeWindow).toBe(1);
    expect(s.announced.beforeWindow).toBe(1);
    expect(s.opened.undated).toBe(4);
    expect(s.opened.beforeWindow).toBe(1);
    // Every closure is accounted for exactly once per series.
    for (const counts of [s.announced, s.effective, s.opened]) {
      const placed = counts.byMonth.reduce((a, b) => a + b, 0) + counts.yearOnly.reduce((a, b) => a + b, 0);
      expect(placed + counts.undated + counts.beforeWindow + counts.afterWindow).toBe(counts.total);
    }
    expect(s.announced.total).toBe(4);
    expect(s.effective.total).toBe(2);
    expect(s.opened.total).toBe(5);
  });

  it('ignores announcement dates of channels that are not closing or closed', () => {
    const s = monthlySeries([channel({ status: 'dormant', announced: '2024-01' })], window, TODAY);
    expect(s.announced.total).toBe(0);
  });

  it('starts at the earliest month in the data when no start is given', () => {
    const s = monthlySeries([channel({ opened: '2022' }), channel({ status: 'closed', closed: '2023-05' })], { end: '2023-06' }, TODAY);
    expect(s.months[0]).toBe('2022-01');
    expect(s.months.at(-1)).toBe('2023-06');
    expect(s.opened.yearOnly).toEqual([1, 0]);
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => monthlySeries([], { start: '2024-05', end: '2024-01' }, TODAY)).toThrow(/after it ends/);
  });
});

describe('a closure later this month is scheduled, not effective', () => {
  // judged on 3 December 2026: one closure took effect on the 1st, one is set for the 20th
  const today = '2026-12-03';
  const window = { start: '2026-10', end: '2026-12' };
  const done = channel({ status: 'closed', opened: '2015', announced: '2026-11-10', closed: '2026-12-01' });
  const later = channel({ status: 'closing', opened: '2015', announced: '2026-11-25', closed: '2026-12-20' });

  it('monthlySeries counts it as announced and scheduled, never as taking effect', () => {
    const s = monthlySeries([done, later], window, today);
    expect(s.announced.byMonth).toEqual([0, 2, 0]);
    expect(s.effective.byMonth).toEqual([0, 0, 1]);
    expect(s.effective.total).toBe(1);
    expect(s.scheduled).toBe(1);
  });

  it('monthlySeries counts the same closure as effective once its day has come and the data says closed', () => {
    const closed = channel({ status: 'closed', opened: '2015', announced: '2026-11-25', closed: '2026-12-20' });
    const s = monthlySeries([closed], { start: '2026-10', end: '2026-12' }, '2026-12-21');
    expect([s.effective.byMonth, s.scheduled]).toEqual([[0, 0, 1], 0]);
  });

  it('liveSeries keeps it open this month, and drops the one that took effect', () => {
    const s = liveSeries([done, later], window, today);
    expect(s.overall).toEqual([2, 2, 1]);
  });
});

describe('liveSeries', () => {
  const window = { start: '2020-01', end: '2020-08' };

  it('counts a channel from its opening month until the month it closed', () => {
    const s = liveSeries([channel({ opened: '2020-03-10', status: 'closed', closed: '2020-06-02' })], window, TODAY);
    expect(s.overall).toEqual([0, 0, 1, 1, 1, 0, 0, 0]);
  });

  it('counts year-only openings from December and drops year-only closures from January', () => {
    const s = liveSeries(
      [channel({ opened: '2019' }), channel({ opened: '2018-05', status: 'closed', closed: '2020' })],
      { start: '2019-11', end: '2020-02' },
      TODAY,
    );
    // Nov 2019: only the 2018 channel; Dec 2019: both; from Jan 2020 the 2020 closure may have happened.
    expect(s.overall).toEqual([1, 2, 1, 1]);
  });

  it('leaves out and counts channels with an unknown opening date', () => {
    const s = liveSeries([channel({}), channel({ opened: '2020-01' }), channel({ status: 'closed', opened: '2020-01' })], window, TODAY);
    expect(s.openedUnknown).toBe(1);
    expect(s.closedUnknown).toBe(1);
    expect(s.overall).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(s.counted).toBe(1);
  });

  it('keeps closing channels open until their closure takes effect', () => {
    const s = liveSeries(
      [channel({ opened: '2010', status: 'closing', announced: '2020-02' }), channel({ opened: '2010', status: 'closing', closed: '2020-05' })],
      window,
      TODAY,
    );
    expect(s.overall).toEqual([2, 2, 2, 2, 1, 1, 1, 1]);
  });

  it('splits by platform, largest first, summing to the overall line', () => {
    const s = liveSeries(
      [
        channel({ platform: 'douyin', opened: '2020-02' }),
        channel({ platform: 'wechat', opened: '2020-01' }),
        channel({ platform: 'wechat', opened: '2020-04' }),
        channel({ platform: 'weibo', opened: '2020-01', status: 'closed', closed: '2020-03' }),
      ],
      window,
      TODAY,
    );
    expect(s.platforms.map((p) => p.platform)).toEqual(['wechat', 'douyin', 'weibo']);
    expect(s.platforms[0]!.values).toEqual([1, 1, 1, 2, 2, 2, 2, 2]);
    expect(s.platforms[2]!.values).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    const summed = s.months.map((_, i) => s.platforms.reduce((sum, p) => sum + p.values[i]!, 0));
    expect(summed).toEqual(s.overall);
  });

  it('starts by default at the first month a channel had certainly opened', () => {
    const s = liveSeries([channel({ opened: '2015' }), channel({ opened: '2016-03' })], { end: '2016-04' }, TODAY);
    expect(s.months[0]).toBe('2015-12');
    expect(s.overall).toEqual([1, 1, 1, 2, 2]);
  });
});

describe('area totals', () => {
  const channels = [
    channel({ region: '371082', status: 'closed', closed: '2024' }),
    channel({ region: '371082', status: 'active' }),
    channel({ region: '371002', status: 'closing' }),
    channel({ region: '370000', status: 'dormant' }),
    channel({ region: '440300', status: 'active' }),
    channel({ region: '100000', status: 'closed', closed: '2024' }),
  ];

  it('totals channels and closures per province, central bodies outside', () => {
    const { areas, outside } = totalsByProvince(channels, regions);
    expect(provinceCodes(regions)).toEqual(['370000', '440000', '810000']);
    expect(areas.map((a) => [a.code, a.total, a.closures])).toEqual([
      ['370000', 4, 2],
      ['440000', 1, 0],
      ['810000', 0, 0],
    ]);
    expect(areas[0]!.byStatus).toEqual({ active: 1, dormant: 1, closing: 1, closed: 1 });
    expect(areas[0]!.shareClosed).toBe(0.5);
    expect(areas[1]!.shareClosed).toBe(0);
    expect(areas[2]!.shareClosed).toBeUndefined();
    expect(outside).toBe(1);
  });

  it('totals per child region; the parent’s own bodies are outside', () => {
    const { areas, outside } = totalsByChild(channels, regions, '370000');
    expect(areas.map((a) => [a.code, a.total, a.closures])).toEqual([
      ['370100', 0, 0],
      ['371000', 3, 2],
    ]);
    // 370000's own channel, plus the Guangdong and central ones not below it.
    expect(outside).toBe(3);
  });

  it('looks each distinct region up once', () => {
    const asked: string[] = [];
    totalsByArea(channels, ['37'], (code) => {
      asked.push(code);
      return code.slice(0, 2);
    });
    expect(asked.sort()).toEqual(['100000', '370000', '371002', '371082', '440300']);
  });
});

describe('groupBySubtree', () => {
  it('puts each channel under its region and every region above it', () => {
    const a = channel({ region: '371082' });
    const b = channel({ region: '440300' });
    const groups = groupBySubtree([a, b], regions);
    expect(groups.get('100000')).toEqual([a, b]);
    expect(groups.get('370000')).toEqual([a]);
    expect(groups.get('371000')).toEqual([a]);
    expect(groups.get('371082')).toEqual([a]);
    expect(groups.get('440000')).toEqual([b]);
    expect(groups.has('371002')).toBe(false);
  });
});
