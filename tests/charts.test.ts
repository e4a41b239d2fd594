import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseApproxDate } from '../src/domain/approx-date.ts';
import { totalsByArea, provinceCodes, type AreaBreakdown } from '../src/domain/aggregate/area-totals.ts';
import type { DatedChannel } from '../src/domain/aggregate/dated-channel.ts';
import { liveSeries } from '../src/domain/aggregate/live-series.ts';
import { monthlySeries } from '../src/domain/aggregate/monthly-series.ts';
import { RegionIndex, builtinRegionEntries } from '../src/domain/regions.ts';
import type { Chart } from '../src/charts/chart-frame.ts';
import { CHINA_TILE_GRID, TILE_COLUMNS, TILE_ROWS, tileOf } from '../src/charts/china-tile-grid.ts';
import { liveChart } from '../src/charts/live-chart.ts';
import { monthlyChart } from '../src/charts/monthly-chart.ts';
import { BACKGROUND, contrastRatio, INK, inkOn, LINE_COLOURS, MUTED_INK, SEQUENTIAL, SERIES } from '../src/charts/palette.ts';
import { provinceTileMap } from '../src/charts/province-tile-map.ts';
import { rankedBars } from '../src/charts/ranked-bars.ts';
import { barsPath, PathData, polylinePath, stepAfterPath } from '../src/charts/path-data.ts';
import { escapeXml } from '../src/format/escape.ts';
import { num, wrapText } from '../src/charts/svg.ts';
import { chartTableHtml } from '../src/site/render/chart-table.ts';
import { chartView } from '../src/site/views/chart-view.ts';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');

function date(text: string | undefined) {
  if (text === undefined) return undefined;
  const parsed = parseApproxDate(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.date;
}

function channel(status: DatedChannel['status'], platform: DatedChannel['platform'], region: string, opened?: string, announced?: string, closed?: string): DatedChannel {
  return { status, platform, region, opened: date(opened), announced: date(announced), closed: date(closed) };
}

// A dozen channels covering every case the charts must show honestly.
const CHANNELS: DatedChannel[] = [
  channel('closed', 'weibo', '370000', '2013-05', '2018-11', '2018-12-20'),
  channel('closed', 'weibo', '371082', '2014', '2024-07', '2024-08-14'),
  channel('closed', 'wechat', '371082', '2014-06', undefined, '2024-08'),
  channel('closed', 'wechat', '440300', '2015-02', '2024', '2024'), // known only to the year
  channel('closed', 'douyin', '440300', '2019-09', '2023-12-05', '2024-01'),
  channel('closing', 'douyin', '110000', '2019-10', '2024-09'), // no effective date yet
  channel('closing', 'toutiao', '110000', '2018-04', '2024-09', '2024-12'), // scheduled after the window
  channel('active', 'weibo', '110000', '2013-11'),
  channel('active', 'wechat', '370000', '2016'),
  channel('active', 'wechat', '440300'), // opening date unknown
  channel('dormant', 'bilibili', '650000', '2020-03'),
  channel('closed', 'weibo', '100000', '2013-12', '2024-02', '2024-03'), // a central body
];

const EVENTS = [
  { date: date('2013-10')!, title: '国务院办公厅要求积极利用政务微博', title_en: 'State Council urges government Weibo use' },
  { date: date('2018-12')!, title: '国务院办公厅关于推进政务新媒体健康有序发展的意见', title_en: 'State Council opinion on government new media' },
  { date: date('2023-12')!, title: '中央网信办部署整治"指尖上的形式主义"', title_en: 'CCAC directive on <formalism> & "fingertips"' },
  { date: date('2024-08')!, title: '《关于防治"指尖上的形式主义"的若干规定》', title_en: 'Regulations on "formalism on fingertips"' },
  { date: date('2030-01')!, title: '窗口之外', title_en: 'Outside the window' },
];

const WINDOW = { start: '2013-01', end: '2024-10' };
const TODAY = '2024-10-31';
const SOURCE = { source: 'Registry <test> & fixtures', asOf: '2024-10-31' };
const TILE_CODES = CHINA_TILE_GRID.map((p) => p.code).sort();
const provinceOfCode = (code: string) => (code === '100000' ? undefined : `${code.slice(0, 2)}0000`);

function provinces(): AreaBreakdown {
  return totalsByArea(CHANNELS, TILE_CODES, provinceOfCode);
}

function charts(): Record<string, Chart> {
  const monthly = monthlySeries(CHANNELS, WINDOW, TODAY);
  const live = liveSeries(CHANNELS, WINDOW, TODAY);
  const breakdown = provinces();
  return {
    'monthly-zh-wide': monthlyChart(monthly, { id: 'timeline', lang: 'zh', ...SOURCE, events: EVENTS }),
    'monthly-en-narrow': monthlyChart(monthly, { id: 'timeline', lang: 'en', layout: 'narrow', ...SOURCE, events: EVENTS }),
    'live-overall-en-wide': liveChart(live, { id: 'live', lang: 'en', ...SOURCE }),
    'live-platforms-zh-narrow': liveChart(live, { id: 'live-platforms', lang: 'zh', layout: 'narrow', mode: 'platforms', maxLines: 2, ...SOURCE }),
    'live-platforms-en-wide': liveChart(live, { id: 'live-platforms', lang: 'en', mode: 'platforms', ...SOURCE }),
    'tiles-closures-zh-wide': provinceTileMap(breakdown, { id: 'provinces', lang: 'zh', ...SOURCE }),
    'tiles-share-en-narrow': provinceTileMap(breakdown, { id: 'provinces-share', lang: 'en', layout: 'narrow', measure: 'share', ...SOURCE }),
    'ranked-closures-en-wide': rankedBars(breakdown, { id: 'ranked', lang: 'en', nameOf: (c) => tileOf(c)!.en, ...SOURCE }),
    'ranked-share-zh-narrow': rankedBars(breakdown, { id: 'ranked-share', lang: 'zh', layout: 'narrow', measure: 'share', limit: 2, nameOf: (c) => tileOf(c)!.zh, ...SOURCE }),
  };
}

/** Tag balance and attribute quoting: enough to catch broken markup without a DOM. */
function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  // Every "<" starts a tag we recognised: no raw text "<" slipped through.
  const tags = [...svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)].length;
  expect((svg.match(/</g) ?? []).length).toBe(tags);
  expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
}

describe('golden SVGs', () => {
  const built = charts();
  for (const [name, chart] of Object.entries(built)) {
    // a changed chart is accepted with `npx vitest run tests/charts.test.ts -u`
    it(`${name} matches tests/golden/${name}.svg`, async () => {
      await expect(`${chart.svg}\n`).toMatchFileSnapshot(join(GOLDEN_DIR, `${name}.svg`));
    });
  }
});

describe('every chart', () => {
  const built = charts();
  for (const [name, chart] of Object.entries(built)) {
    it(`${name} is an accessible, escaped, rounded, responsive image`, () => {
      const { svg } = chart;
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain('role="img"');
      expect(svg).toContain('width="100%"');
      expect(svg).toMatch(/viewBox="0 0 (760|360) [\d.]+"/);
      const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(' ');
      expect(labelledBy).toHaveLength(2);
      expect(svg).toContain(`<title id="${labelledBy[0]}">${escapeXml(chart.title)}</title>`);
      expect(svg).toContain(`<desc id="${labelledBy[1]}">${escapeXml(chart.description)}</desc>`);
      expect(chart.description.length).toBeGreaterThan(20);
      // The caption names the source and the date, escaped, inside the image too.
      expect(chart.caption).toContain('Registry <test> & fixtures');
      expect(chart.caption).toMatch(/2024年10月31日|31 October 2024/);
      expect(svg).toContain('Registry &lt;test&gt; &amp; fixtures');
      expect(svg).not.toContain('<test>');
      expectWellFormed(svg);
      expect(svg).not.toMatch(/\d\.\d{2,}/);
      expect(svg).not.toContain('NaN');
      expect(svg).not.toContain('undefined');
      // Ids derive from the chart id, so two charts on a page cannot clash.
      const prefix = chart.id.replace(/[^a-z0-9-]/g, '-');
      for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) expect(id!.startsWith(`${prefix}-`)).toBe(true);
      expect(chart.table.caption).toBe(chart.caption);
      for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.columns.length);
    });
  }

  it('builds the same bytes every time', () => {
    expect(charts()).toEqual(charts());
  });
});

describe('monthly chart', () => {
  const series = monthlySeries(CHANNELS, WINDOW, TODAY);
  const chart = monthlyChart(series, { id: 'timeline', lang: 'en', ...SOURCE, events: EVENTS });

  it('has a table with the same numbers as the aggregates, leaving out the months with nothing and saying so', () => {
    const rows = chart.table.rows;
    expect(chart.table.columns.map((c) => c.label)).toEqual(['Month', 'Closures announced', 'Closures taking effect', 'Channels opened']);
    const monthName = (key: string) => new Date(`${key}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const shown: string[] = [];
    series.months.forEach((key, i) => {
      const numbers = [series.announced.byMonth[i], series.effective.byMonth[i], series.opened.byMonth[i]];
      const row = rows.find((r) => r[0] === monthName(key));
      if (numbers.every((n) => n === 0)) {
        expect(row, key).toBeUndefined();
      } else {
        expect(row?.slice(1), key).toEqual(numbers);
        shown.push(monthName(key));
      }
    });
    // the months that had something come first, in order; most of the window had nothing
    expect(rows.slice(0, shown.length).map((r) => r[0])).toEqual(shown);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(series.months.length / 2);
    expect(chart.table.notes).toContain('Months with no closures or openings are left out.');
    const august = rows.find((r) => r[0] === 'August 2024')!;
    expect(august).toEqual(['August 2024', 0, 2, 0]);
    expect(rows.find((r) => r[0] === '2024 (year only)')).toEqual(['2024 (year only)', 1, 1, 0]);
    expect(rows.find((r) => r[0] === '2014 (year only)')).toEqual(['2014 (year only)', 0, 0, 1]);
    // the closure scheduled for December 2024 is announced, not taking effect: nothing after the window
    expect(rows.find((r) => r[0] === 'After October 2024')).toBeUndefined();
    expect(rows.find((r) => r[0] === 'No date')).toEqual(['No date', 1, 0, 1]);
    expect(rows.at(-1)).toEqual(['Total', series.announced.total, series.effective.total, series.opened.total]);
  });

  it('does not put the year-only closure in January 2024', () => {
    const january = chart.table.rows.find((r) => r[0] === 'January 2024')!;
    expect(january).toEqual(['January 2024', 0, 1, 0]); // the one dated 2024-01, not the "2024" one
    expect(chart.svg).toContain('Took effect, year only:');
  });

  it('states what it could not place', () => {
    const notes = chart.table.notes.join(' ');
    expect(notes).toContain('Dates known only to the year are not put in any month');
    expect(notes).toContain('1 closure with no announcement date');
    expect(notes).toContain('1 channel with no opening date');
    expect(notes).toContain('2 more channels are scheduled to close and not closed yet: counted as announced, not as taking effect.');
    expect(notes).not.toContain('after October 2024');
  });

  it('numbers the milestones inside the window and escapes their titles', () => {
    expect(chart.events.map((e) => [e.number, e.date])).toEqual([
      [1, 'October 2013'],
      [2, 'December 2018'],
      [3, 'December 2023'],
      [4, 'August 2024'],
    ]);
    expect(chart.svg).toContain('CCAC directive on &lt;formalism&gt; &amp; &quot;fingertips&quot;');
    expect(chart.svg).not.toContain('Outside the window');
  });

  it('uses Chinese labels in Chinese', () => {
    const zh = monthlyChart(series, { id: 'timeline', lang: 'zh', ...SOURCE, events: EVENTS });
    expect(zh.table.rows.find((r) => r[0] === '2024年（仅知年份）')).toBeDefined();
    expect(zh.table.rows.find((r) => r[0] === '2024年8月')).toEqual(['2024年8月', 0, 2, 0]);
    expect(zh.table.notes).toContain('没有任何关停或开通的月份不列出。');
    expect(zh.svg).toContain('2018年12月');
    expect(zh.svg).toContain('lang="zh-Hans"');
  });
});

describe('live chart', () => {
  const series = liveSeries(CHANNELS, WINDOW, TODAY);

  it('tabulates the overall line month by month', () => {
    const chart = liveChart(series, { id: 'live', lang: 'en', ...SOURCE });
    expect(chart.table.rows.map((r) => r[1])).toEqual(series.overall);
    expect(chart.table.notes.join(' ')).toContain('1 channel with an unknown opening date is not counted');
  });

  it('sums platforms beyond maxLines into one line, keeping the total', () => {
    const chart = liveChart(series, { id: 'live', lang: 'en', mode: 'platforms', maxLines: 2, ...SOURCE });
    const labels = chart.table.columns.map((c) => c.label);
    // One open channel each at the end: ties keep the vocabulary's order.
    expect(labels.slice(0, 3)).toEqual(['End of month', 'Weibo', 'WeChat official account']);
    expect(labels[3]).toMatch(/^\d+ other platforms$/);
    chart.table.rows.forEach((row, i) => {
      const sum = (row.slice(1) as number[]).reduce((a, b) => a + b, 0);
      expect(sum).toBe(series.overall[i]);
    });
  });
});

describe('province tile map and ranked bars', () => {
  const breakdown = provinces();

  it('tabulates every province with the aggregate numbers', () => {
    const chart = provinceTileMap(breakdown, { id: 'p', lang: 'en', ...SOURCE });
    expect(chart.table.rows).toHaveLength(34);
    const shandong = chart.table.rows.find((r) => r[0] === 'Shandong')!;
    const totals = breakdown.areas.find((a) => a.code === '370000')!;
    expect(shandong).toEqual(['Shandong', totals.total, totals.closures, '75%']);
    expect(chart.table.rows.find((r) => r[0] === 'Tibet')).toEqual(['Tibet', 0, 0, 'n/a']);
    expect(chart.table.notes.join(' ')).toContain('1 channel of central bodies belongs to no province');
    // The tile prints its number, not only its colour.
    const x = /<text x="([\d.]+)"[^>]*>Shandong<\/text>/.exec(chart.svg)![1];
    expect(chart.svg).toMatch(new RegExp(`<text x="${x}"[^>]*>3</text>`));
  });

  it('ranks areas with channels, highest first, ties by code', () => {
    const chart = rankedBars(breakdown, { id: 'r', lang: 'en', nameOf: (c) => tileOf(c)!.en, ...SOURCE });
    expect(chart.table.rows.map((r) => [r[0], r[2]])).toEqual([
      ['Shandong', 3],
      ['Beijing', 2], // 110000 before 440000 on a tie
      ['Guangdong', 2],
      ['Xinjiang', 0],
    ]);
    expect(chart.table.notes.join(' ')).toContain('30 areas with no channels recorded are not listed');
  });
});

describe('china tile grid', () => {
  it('places each of the 34 province-level divisions once, on distinct cells inside the grid', () => {
    expect(CHINA_TILE_GRID).toHaveLength(34);
    const regions = new RegionIndex(builtinRegionEntries());
    expect(TILE_CODES).toEqual(provinceCodes(regions).sort());
    const cells = new Set(CHINA_TILE_GRID.map((p) => `${p.col},${p.row}`));
    expect(cells.size).toBe(34);
    for (const p of CHINA_TILE_GRID) {
      expect(p.col).toBeGreaterThanOrEqual(0);
      expect(p.col).toBeLessThan(TILE_COLUMNS);
      expect(p.row).toBeLessThan(TILE_ROWS);
    }
  });

  it('keeps recognisable neighbours', () => {
    const at = (code: string) => tileOf(code)!;
    expect(at('230000').row).toBe(0); // Heilongjiang at the top
    expect(at('650000').col).toBe(0); // Xinjiang in the west
    expect(at('110000').row).toBeLessThan(at('130000').row); // Beijing above Hebei
    expect(at('810000').row).toBe(TILE_ROWS - 1); // Hong Kong at the bottom
    expect(at('310000').col).toBeGreaterThan(at('320000').col); // Shanghai east of Jiangsu
  });
});

describe('colours and text helpers', () => {
  it('series colours reach 3:1 against white and text reaches 4.5:1', () => {
    for (const colour of [...Object.values(SERIES), ...LINE_COLOURS]) expect(contrastRatio(colour, BACKGROUND)).toBeGreaterThanOrEqual(3);
    for (const colour of [INK, MUTED_INK]) expect(contrastRatio(colour, BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    for (const fill of SEQUENTIAL) expect(contrastRatio(fill, inkOn(fill))).toBeGreaterThanOrEqual(4.5);
  });

  it('distinguishes announced from effective closures by more than a hair of hue', () => {
    expect(SERIES.announced).not.toBe(SERIES.effective);
    expect(contrastRatio(SERIES.announced, SERIES.effective)).toBeGreaterThan(1.2);
  });

  it('rounds to one decimal without negative zero', () => {
    expect(num(1 / 3)).toBe('0.3');
    expect(num(248.75)).toBe('248.8');
    expect(num(-0.04)).toBe('0');
    expect(num(12)).toBe('12');
  });

  it('wraps Latin at spaces and Chinese between characters', () => {
    expect(wrapText('one two three four', 60, 10)).toEqual(['one two', 'three four']);
    const zh = wrapText('国务院办公厅关于推进政务新媒体健康有序发展的意见', 100, 10);
    expect(zh.length).toBeGreaterThan(1);
    expect(zh.join('')).toBe('国务院办公厅关于推进政务新媒体健康有序发展的意见');
  });
});

describe('path data', () => {
  it('draws a step line by its corners only, dropping the points along straight runs', () => {
    // zero, zero, zero, two, two, zero: one rise and one fall
    const points: [number, number][] = [[10, 100], [12, 100], [14, 100], [16, 80], [18, 80], [20, 100], [22, 100]];
    expect(stepAfterPath(points)).toBe('M10 100h6V80h4v20h2');
  });

  it('keeps every corner of a line that changes at each step', () => {
    expect(stepAfterPath([[0, 10], [1, 5], [2, 10], [3, 10]])).toBe('M0 10H1V5H2v5H3');
  });

  it('draws nothing for no points and only a move for one', () => {
    expect(stepAfterPath([])).toBe('');
    expect(polylinePath([])).toBe('');
    expect(stepAfterPath([[24.301, 248.749]])).toBe('M24.3 248.7');
  });

  it('treats points that round to the same place as the same point', () => {
    expect(stepAfterPath([[0, 50], [1.01, 50.04], [2, 49.96], [3, 50]])).toBe('M0 50H3');
  });

  it('merges only runs in the same direction: a path that doubles back keeps its turn', () => {
    expect(polylinePath([[0, 0], [5, 0], [10, 0], [4, 0]])).toBe('M0 0H10H4');
    expect(polylinePath([[0, 0], [0, 3], [0, 9], [0, 1]])).toBe('M0 0V9V1');
  });

  it('writes each command absolute or relative, whichever is shorter, from rounded points', () => {
    const bars = new PathData();
    for (const left of [221.04, 222.65, 224.26]) bars.moveTo(left, 248.75).lineTo(left + 1.61, 248.75).lineTo(left + 1.61, 208.75).lineTo(left, 208.75).close();
    // relative steps between rounded points: each bar ends where the next begins, with no drift
    expect(bars.toString()).toBe('M221 248.8h1.7v-40H221Zm1.7 0h1.6v-40h-1.6Zm1.6 0h1.6v-40h-1.6Z');
    expect(polylinePath([[100, 100], [101.5, 98], [300, 20]])).toBe('M100 100l1.5-2L300 20');
  });

  it('draws abutting bars as one skyline, equal neighbours merged, and a gap as a new outline', () => {
    const bars = [
      { left: 10, right: 12, top: 80 },
      { left: 12, right: 14, top: 80 },
      { left: 14, right: 16, top: 90 },
      { left: 20, right: 22, top: 60 },
    ];
    expect(barsPath(bars, 100)).toBe('M10 100V80h4V90h2v10Zm10 0V60h2v40Z');
    expect(barsPath([], 100)).toBe('');
  });
});

describe('chart table', () => {
  const meta = { lang: 'en' as const, dataUpdated: '2024-10-31' };
  const chart = chartView('m', 'Per month', meta, (layout, id) => monthlyChart(monthlySeries(CHANNELS, WINDOW, TODAY), { id, lang: 'en', layout, ...SOURCE }), true);

  it('writes every row and note, numbers bare, row headers by position, inferred end tags left out', () => {
    const html = chartTableHtml(chart);
    expect(html).toContain('<caption>Government channels closed and opened per month</caption>');
    expect(html).toContain('<thead><tr><th scope="col">Month</th><th scope="col">Closures announced</th>');
    expect(html).toContain('<tr><th>August 2024<td>0<td>2<td>0<tr>');
    expect(html.match(/<tr>/g)).toHaveLength(chart.tableRows.length + 1);
    expect(html).not.toContain('class="num"');
    expect(html).not.toContain('scope="row"');
    expect(html).toContain('<li>Months with no closures or openings are left out.</ul>');
  });

  it('marks a text column after the first, and escapes', () => {
    const table = { ...chart.table, columns: [{ label: 'A & B', numeric: false }, { label: 'Note', numeric: false }], notes: [] };
    const html = chartTableHtml({ ...chart, title: '<T>', table, tableRows: [['x', '<y>']] });
    expect(html).toContain('<th scope="col">A &amp; B</th><th scope="col" class="text">Note</th>');
    expect(html).toContain('<tr><th>x<td class="text">&lt;y&gt;</tbody>');
    expect(html).toContain('aria-label="&lt;T&gt;"');
    expect(html).not.toContain('chart-notes');
  });
});
