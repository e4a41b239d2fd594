/**
 * The closures browser's pure logic (URL state, filters, facet counts, sorting, CSV export,
 * wire format) and its view models, the timeline's and the region charts', on the site
 * fixture plus tests/fixtures/closures/.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closuresCsv, csvFileName } from '../src/closures/csv.ts';
import { csvField } from '../src/format/csv.ts';
import { dateSortKey, facetCounts, filterRows, inRange, periodsInRange, sortRows } from '../src/closures/filter.ts';
import { dateText, regionText, rowHtml, tableHtml } from '../src/closures/present.ts';
import { shortUrl } from '../src/format/url.ts';
import { comparePeriodsDesc, decodeRow, encodeRow, impliedAreas, impliedPage, periodOf, type ClosureRow, type WireContext } from '../src/closures/row.ts';
import { emptyState, isFiltered, parseState, serializeState, withFacet, withRange, withSort } from '../src/closures/state.ts';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import type { PageContext } from '../src/site/i18n.ts';
import { channelHref } from '../src/site/views/hrefs.ts';
import {
  closureData, closuresIndexView, closuresManifest, closuresPeriodPaths, closuresPeriodView, type closuresShard, closuresShardFile, FIRST_SCREEN_ROWS, PERIOD_PAGE_ROWS, SHARD_ROWS, shardFiles,
} from '../src/site/views/closures-view.ts';
import { regionChartsView, subtreeChannels } from '../src/site/views/region-charts.ts';
import { timelineView } from '../src/site/views/timeline-view.ts';

const zh: PageContext = { lang: 'zh', base: '/' };
const en: PageContext = { lang: 'en', base: '/r/' };
const META = { today: '2026-11-21', dataUpdated: '2026-11-01', dataVersion: 'abc1234' };

function row(fields: Partial<ClosureRow> & { id: string }): ClosureRow {
  return {
    name: fields.id, status: 'closed', region: '371082', regionName: '荣成市', province: '370000', prefecture: '371000',
    agency: '荣成市公安局', platform: 'weibo', level: 'county', reason: 'discontinued', ...fields,
    page: fields.page ?? impliedPage(fields.region ?? '371082'),
  };
}

const ROWS: ClosureRow[] = [
  row({ id: 'a', closed: '2024-04', platform: 'weibo' }),
  row({ id: 'b', closed: '2024-06-15', platform: 'wechat', reason: 'merged' }),
  row({ id: 'c', closed: '2024', platform: 'weibo' }),
  row({ id: 'd', status: 'closing', announced: '2024-08-14', platform: 'douyin', region: '440305', province: '440000', prefecture: '440300' }),
  row({ id: 'e', status: 'closing', platform: 'weibo' }),
  row({ id: 'f', closed: '2025-02', level: 'central', region: '100000', province: undefined, prefecture: undefined }),
];

describe('the view state in the URL', () => {
  it('round-trips canonically: sorted values, defaults omitted', () => {
    let s = withFacet(emptyState(), 'platform', ['wechat', 'weibo']);
    s = withRange(s, '2024-01', '2024-06');
    s = withFacet(s, 'province', ['370000']);
    s = withSort(s, 'region');
    const q = serializeState(s);
    expect(q).toBe('?from=2024-01&to=2024-06&province=370000&platform=wechat,weibo&sort=region');
    expect(parseState(q)).toEqual(s);
    expect(serializeState(emptyState())).toBe('');
  });

  it('reads what a plain form submission writes, and drops what it does not know', () => {
    const s = parseState('?from=&to=2024-13&province=370000&platform=weibo&platform=nope&level=county&status=closed&sort=-bogus&x=1');
    expect(s.from).toBeUndefined();
    expect(s.to).toBeUndefined();
    expect(s.facets.platform).toEqual(['weibo']);
    expect(s.facets.level).toEqual(['county']);
    expect(s.sort).toBe('date');
    expect(s.dir).toBe('desc');
    expect(isFiltered(s)).toBe(true);
    expect(isFiltered(parseState('?sort=agency'))).toBe(false);
  });

  it('swaps a reversed range and keeps prefectures inside the chosen province', () => {
    expect(parseState('?from=2025-01&to=2024-01')).toMatchObject({ from: '2024-01', to: '2025-01' });
    const s = withFacet(withFacet(emptyState(), 'prefecture', ['371000', '440300']), 'province', ['440000']);
    expect(s.facets.prefecture).toEqual(['440300']);
  });

  it('sorts a new column in its natural direction and flips the same one', () => {
    const s = withSort(emptyState(), 'agency');
    expect([s.sort, s.dir]).toEqual(['agency', 'asc']);
    expect(withSort(s, 'agency').dir).toBe('desc');
    expect(withSort(emptyState(), 'date').dir).toBe('asc');
  });
});

describe('filtering', () => {
  it('puts an approximate date in a range only when all of it is inside', () => {
    expect(inRange('2024', '2024-01', '2024-12')).toBe(true);
    expect(inRange('2024', '2024-03', '2024-05')).toBe(false);
    expect(inRange('2024-04-30', '2024-04', '2024-04')).toBe(true);
    expect(inRange(undefined, '2024-01', undefined)).toBe(false);
    expect(inRange(undefined, undefined, undefined)).toBe(true);
  });

  it('filters by date, facets and status together', () => {
    const ids = (s: ReturnType<typeof emptyState>) => filterRows(ROWS, s).map((r) => r.id);
    expect(ids(withRange(emptyState(), '2024-01', '2024-12'))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(withRange(emptyState(), '2024-03', '2024-07'))).toEqual(['a', 'b']);
    expect(ids(withFacet(emptyState(), 'platform', ['weibo']))).toEqual(['a', 'c', 'e', 'f']);
    expect(ids(withFacet(withFacet(emptyState(), 'platform', ['weibo']), 'status', ['closing']))).toEqual(['e']);
    expect(ids(withFacet(emptyState(), 'province', ['440000']))).toEqual(['d']);
  });

  it('counts each facet over the rows matching the other filters', () => {
    const s = withFacet(withRange(emptyState(), '2024-01', '2024-12'), 'platform', ['weibo']);
    const counts = facetCounts(ROWS, s);
    // platform counts ignore the platform filter: every platform in 2024
    expect(Object.fromEntries(counts.platform)).toEqual({ weibo: 2, wechat: 1, douyin: 1 });
    // other facets count only the weibo rows of 2024 (a and c)
    expect(Object.fromEntries(counts.status)).toEqual({ closed: 2 });
    expect(Object.fromEntries(counts.province)).toEqual({ '370000': 2 });
  });

  it('loads only the periods a date range can touch', () => {
    const periods = ['2025-02', '2024-08', '2024-06', '2024-04', '2024', 'undated'];
    expect(periodsInRange(periods, '2024-05', '2024-08')).toEqual(['2024-08', '2024-06']);
    expect(periodsInRange(periods, '2024-01', '2024-12')).toEqual(['2024-08', '2024-06', '2024-04', '2024']);
    expect(periodsInRange(periods, undefined, undefined)).toEqual(periods);
  });
});

describe('sorting', () => {
  it('sorts dates newest first by default, year-only before its months on ties, undated last', () => {
    expect(sortRows(ROWS, emptyState(), 'zh').map((r) => r.id)).toEqual(['f', 'd', 'b', 'a', 'c', 'e']);
    expect(sortRows(ROWS, { sort: 'date', dir: 'asc' }, 'zh').map((r) => r.id)).toEqual(['c', 'a', 'b', 'd', 'f', 'e']);
    expect(dateSortKey('2024') < dateSortKey('2024-01')).toBe(true);
  });

  it('sorts other columns with ties newest first', () => {
    expect(sortRows(ROWS, { sort: 'platform', dir: 'asc' }, 'zh').map((r) => r.id)).toEqual(['f', 'a', 'c', 'e', 'b', 'd']);
    expect(sortRows(ROWS, { sort: 'platform', dir: 'desc' }, 'zh').map((r) => r.id)).toEqual(['d', 'b', 'f', 'a', 'c', 'e']);
    expect(sortRows(ROWS, { sort: 'status', dir: 'asc' }, 'zh').map((r) => r.id)).toEqual(['d', 'e', 'f', 'b', 'a', 'c']);
  });
});

describe('CSV export', () => {
  it('neutralises formula-looking cells and quotes what needs quoting', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const c of ['+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(csvField(c).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('2024-08')).toBe('2024-08');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes the rows in order with a BOM, CRLF and absolute links', () => {
    const rows = [row({ id: 'x', name: '=cmd|', closed: '2024-04', destination: { kind: 'channel', target: 'y', name: '新号' } }), row({ id: 'z', status: 'closing', announced: '2024' })];
    const csv = closuresCsv(rows, { lang: 'en', siteUrl: 'https://example.org/reg/', areaName: (c) => ({ '370000': 'Shandong', '371000': 'Weihai' })[c] });
    expect(csv.startsWith('\uFEFFdate,date_precision,status,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[1]).toContain("2024-04,month,Closed,'=cmd|,x,Weibo,Shandong,Weihai,");
    expect(lines[1]).toContain('https://example.org/reg/en/channels/y/');
    expect(lines[1]).toContain('https://example.org/reg/en/channels/x/');
    expect(lines[2]).toContain('2024,year (announced),Closing');
  });

  it('names the file after the range and the data version', () => {
    expect(csvFileName('2024-01', undefined, 'abc')).toBe('closures-2024-01_end-abc.csv');
    expect(csvFileName(undefined, undefined, undefined)).toBe('closures.csv');
  });
});

describe('the table HTML', () => {
  const ctx = (lang: 'zh' | 'en') => ({ lang, base: '/r/', areaName: (c: string) => ({ '370000': ['山东省', 'Shandong'], '371000': ['威海市', 'Weihai'] })[c]?.[lang === 'zh' ? 0 : 1] });

  it('writes a lean row: seven cells, links to the channel and where to go instead', () => {
    const r = row({ id: 'rongcheng-police-weibo', name: '荣成公安', nameEn: 'Rongcheng Police', closed: '2024-04', agencyEn: 'Rongcheng PSB', regionNameEn: 'Rongcheng', destination: { kind: 'channel', target: 'weihai-police-wechat', page: '371000', name: '威海公安' } });
    expect(rowHtml(r, ctx('zh'))).toBe(
      '<tr><td>2024-04<th><a href="/r/regions/371082/#c-rongcheng-police-weibo">荣成公安</a><td>微博<td>山东省威海市荣成市<td>荣成市公安局<td>已关停<td><a href="/r/regions/371000/#c-weihai-police-wechat">威海公安</a>',
    );
    expect(rowHtml(r, ctx('en'))).toBe(
      '<tr><td>2024-04<th><a href="/r/en/regions/371082/#c-rongcheng-police-weibo">Rongcheng Police</a> (<span lang="zh-Hans">荣成公安</span>)<td>Weibo<td>Rongcheng, Weihai, Shandong<td>Rongcheng PSB<td>Closed<td><a href="/r/en/regions/371000/#c-weihai-police-wechat" lang="zh-Hans">威海公安</a>',
    );
  });

  it('marks Chinese text on English pages, closing rows, and more destinations', () => {
    const r = row({ id: 'x', status: 'closing', announced: '2024', destination: { kind: 'url', target: 'https://www.example.gov.cn/a/very/long/path/that/goes/on/and/on/', name: '' }, moreDestinations: 1 });
    const html = rowHtml(r, ctx('en'));
    expect(html.startsWith('<tr class="closing"><td>2024 (announced)')).toBe(true);
    expect(html).toContain('<td lang="zh-Hans">荣成市公安局');
    expect(html).toContain('<a href="https://www.example.gov.cn/a/very/long/path/that/goes/on/and/on/">example.gov.cn/a/very/long/path/that/go…</a> +1 more');
    expect(rowHtml(r, ctx('zh'))).toContain('</a> 等2处');
    expect(shortUrl('https://www.x.gov.cn/')).toBe('x.gov.cn');
  });

  it('escapes every value from the data', () => {
    const r = row({ id: 'e', name: '<script>alert(1)</script>', agency: 'A & "B"', destination: { kind: 'url', target: 'https://x.cn/?a=1&b="2"', name: '' } });
    const html = tableHtml([r], ctx('zh'), { caption: '<caption>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &amp; &quot;B&quot;');
    expect(html).toContain('href="https://x.cn/?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('<caption class="visually-hidden">&lt;caption&gt;</caption>');
  });

  it('says the province once on a page grouped by province', () => {
    const r = row({ id: 'a', closed: '2024-04' });
    expect(regionText(r, ctx('zh'), 'province')).toEqual(['威海市荣成市', '']);
    expect(regionText(row({ id: 'b', region: '371000', regionName: '威海市' }), ctx('zh'))).toEqual(['山东省威海市', '']);
  });
});

describe('the wire format', () => {
  const AREAS: WireContext['areas'] = { '370000': ['山东省', 'Shandong'], '371000': ['威海市', 'Weihai', '370000'], '440000': ['广东省', 'Guangdong'] };

  function roundTrip(r: ClosureRow): ClosureRow {
    const sources: [string, string?][] = [];
    const ctx: WireContext = { areas: AREAS, sources };
    const w = encodeRow(r, ctx, (title, href) => sources.push(href ? [title, href] : [title]) - 1);
    return decodeRow(JSON.parse(JSON.stringify(w)), { areas: AREAS, sources: JSON.parse(JSON.stringify(sources)) });
  }
  const defined = (r: ClosureRow) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));

  it('round-trips every field the browser uses', () => {
    const full = row({
      id: 'q', nameEn: 'Q', closed: '2024-04', regionNameEn: 'Rongcheng', agencyEn: 'PSB',
      destination: { kind: 'url', target: 'https://x.gov.cn/a/', name: 'x.gov.cn/a' }, moreDestinations: 2, source: { title: 'T', href: 'https://s/' }, moreSources: 1,
    });
    expect(roundTrip(full)).toEqual(full);
    const channel = row({ id: 'c', closed: '2024', destination: { kind: 'channel', target: 'new-one', name: '新号', nameEn: 'New' }, source: { title: 'Print only' } });
    expect(roundTrip(channel)).toEqual(channel);
  });

  it('keeps only the date a closure is filed under, and whether it is just the announcement', () => {
    // Both dates known: the effective one is what pages, filters and sorting use.
    expect(roundTrip(row({ id: 'x', closed: '2024-04', announced: '2024-03-28' }))).toMatchObject({ closed: '2024-04', announced: undefined });
    const announced = roundTrip(row({ id: 'y', status: 'closing', announced: '2024-08-14' }));
    expect(announced).toMatchObject({ status: 'closing', closed: undefined, announced: '2024-08-14' });
    expect(dateText(announced, 'en')).toBe('2024-08-14 (announced)');
  });

  it('leaves out the province and prefecture when the region code implies them, and only then', () => {
    expect(impliedAreas('371082', AREAS)).toEqual({ province: '370000', prefecture: '371000' });
    expect(impliedAreas('440305', AREAS)).toEqual({ province: '440000', prefecture: undefined });
    expect(impliedAreas('100000', AREAS)).toEqual({});
    const sources: [string, string?][] = [];
    const encode = (r: ClosureRow) => encodeRow(r, { areas: AREAS, sources }, () => 0);
    expect(encode(row({ id: 'a', reason: undefined }))).toHaveLength(12); // trailing defaults dropped
    // An override in regions.csv put this county under another prefecture: the row says so.
    const moved = row({ id: 'm', region: '371082', province: '370000', prefecture: '370200' });
    expect(encode(moved).at(-1)).toBe('370000,370200');
    expect(roundTrip(moved)).toMatchObject({ province: '370000', prefecture: '370200' });
    const bare = row({ id: 'r', status: 'closing', reason: undefined });
    expect(roundTrip(bare)).toEqual(defined(bare));
    // a township's entry is on its county's page; a page the code does not imply travels with the row
    expect(impliedPage('371082105')).toBe('371082');
    const township = row({ id: 't', region: '371082105', destination: { kind: 'channel', target: 'd', page: '371000', name: 'D' } });
    expect(roundTrip(township)).toEqual(defined(township));
    // Dongguan's towns hang from the prefecture itself: still implied, nothing to carry
    expect(encode(row({ id: 'u', region: '441900003', province: '440000', prefecture: undefined }))).toHaveLength(13);
    expect(roundTrip(row({ id: 'v', region: '371082105', page: '371000' }))).toMatchObject({ page: '371000' });
    const central = row({ id: 'f', closed: '2025-02', level: 'central', region: '100000', province: undefined, prefecture: undefined });
    expect(roundTrip(central)).toEqual(defined(central));
  });

  it('splits a long period into several shard files', () => {
    expect(shardFiles('2024-06', 3)).toEqual(['2024-06.json.gz']);
    expect(shardFiles('2024', SHARD_ROWS * 2 + 1)).toEqual(['2024.json.gz', '2024.2.json.gz', '2024.3.json.gz']);
  });

  it('files rows by month, year or undated, newest first', () => {
    expect(['2024', 'undated', '2024-01', '2025-02', '2024-12'].map(periodOf)).toEqual(['2024', 'undated', '2024-01', '2025-02', '2024-12']);
    expect(periodOf('2024-08-14')).toBe('2024-08');
    expect(['2024', 'undated', '2024-01', '2025-02', '2024-12'].sort(comparePeriodsDesc)).toEqual(['2025-02', '2024-12', '2024-01', '2024', 'undated']);
  });
});

describe('view models on the fixture', () => {
  let registry: Registry;

  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'closures-fixture-'));
    cpSync('tests/fixtures/site', root, { recursive: true });
    cpSync('tests/fixtures/closures/data', join(root, 'data'), { recursive: true });
    const { diagnostics, dataset } = checkDataset({ dataDir: join(root, 'data'), contentDir: join(root, 'content') }, { today: '2026-11-21' });
    expect(diagnostics.sorted().filter((d) => d.severity === 'error')).toEqual([]);
    registry = new Registry(dataset);
  });

  it('lists every closing and closed channel once, in periods newest first', () => {
    const { rows, periods } = closureData(registry);
    const closures = registry.channels.filter((c) => c.status === 'closing' || c.status === 'closed');
    expect(rows.map((r) => r.id).sort()).toEqual(closures.map((c) => c.id).sort());
    expect([...periods.keys()]).toEqual(['2026-10', '2025-02', '2025', '2024-11', '2024-08', '2024-06', '2024-04', '2023']);
    const weibo = rows.find((r) => r.id === 'rongcheng-police-weibo')!;
    expect(weibo).toMatchObject({ province: '370000', prefecture: '371000', closed: '2024-04', announced: '2024-03-28', reason: 'merged' });
    // the redirect chain is followed to its live end
    expect(weibo.destination).toMatchObject({ kind: 'channel', target: 'weihai-police-wechat' });
    expect(rows.find((r) => r.id === 'guangdong-culture-kuaishou')).toMatchObject({ moreDestinations: 1, prefecture: undefined });
  });

  it('writes a manifest whose counts match the gzipped shards', () => {
    const manifest = closuresManifest(registry, { dataVersion: 'v1', dataUpdated: '2026-11-01' });
    expect(manifest.total).toBe(10);
    const decoded = manifest.periods.flatMap((p) => {
      const shard = JSON.parse(gunzipSync(closuresShardFile(registry, p.key)).toString('utf8')) as ReturnType<typeof closuresShard>;
      expect(shard.rows).toHaveLength(p.count);
      expect(p.files).toEqual([`${p.key}.json.gz`]);
      return shard.rows.map((w) => decodeRow(w, { areas: manifest.areas, sources: shard.sources }));
    });
    expect(decoded).toHaveLength(10);
    // what the browser decodes is what the build knows, to the fields it uses
    const built = new Map(closureData(registry).rows.map((r) => [r.id, r]));
    for (const r of decoded) {
      const b = built.get(r.id)!;
      expect({ ...r, announced: undefined, closed: undefined }).toEqual({ ...b, announced: undefined, closed: undefined });
      expect(r.closed ?? r.announced).toBe(b.closed ?? b.announced);
    }
    expect(manifest.facets.province).toEqual({ '370000': 5, '440000': 4 });
    expect(manifest.facets.status).toEqual({ closed: 8, closing: 2 });
    expect(manifest.areas['440300']).toEqual(['深圳市', 'Shenzhen', '440000']);
  });

  it('renders the first screen and a link to every month, in both languages', () => {
    const view = closuresIndexView(registry, zh);
    expect(view.groups.reduce((n, g) => n + g.rowCount, 0)).toBe(Math.min(10, FIRST_SCREEN_ROWS));
    expect(view.groups[0]!.tableHtml).toContain('<table class="closures-table">');
    expect(view.years.flatMap((y) => y.periods).map((p) => p.href)).toContain('/closures/2024-06/');
    expect(view.years.map((y) => y.label)).toEqual(['2026年', '2025年', '2024年', '2023年']);
    const enView = closuresIndexView(registry, en);
    expect(enView.years.flatMap((y) => y.periods).find((p) => p.key === '2025')?.label).toBe('2025 (month unknown)');
    expect(enView.manifestHref).toBe('/r/closures/data/index.json');
    const province = enView.filters.provinces.options.find((o) => o.value === '440000');
    expect(province).toMatchObject({ label: 'Guangdong', count: 4 });
  });

  it('links each row to the channel’s entry, as the rest of the site does (no JavaScript needed)', () => {
    const present = { lang: 'en' as const, base: '/r/', areaName: () => undefined };
    for (const r of closureData(registry).rows) {
      const c = registry.channelsById.get(r.id)!;
      expect(rowHtml(r, present)).toContain(`<th><a href="${channelHref(registry, c, en)}"`);
      const d = r.destination;
      if (d?.kind === 'channel') expect(rowHtml(r, present)).toContain(`href="${channelHref(registry, registry.channelsById.get(d.target)!, en)}"`);
    }
  });

  it('lists a period by province, each row without its province', () => {
    const view = closuresPeriodView(registry, en, '2024-04');
    expect(view.tableHtml).toContain('<tr class="group"><th colspan="7" scope="rowgroup" id="p-370000">Shandong</th></tr>');
    expect(view.tableHtml).toContain('<a href="/r/en/regions/371082/#c-rongcheng-police-weibo">Rongcheng Police</a> (<span lang="zh-Hans">荣成公安</span>)');
    expect(view.tableHtml).toContain('<td>Rongcheng, Weihai<td>');
    expect(view.tableHtml).toContain('<a href="/r/en/regions/371000/#c-weihai-police-wechat"');
    expect(view.summary).toMatch(/by province/);
  });

  it('pages a long month and links neighbouring months', () => {
    expect(closuresPeriodPaths(registry)).toHaveLength(8);
    const view = closuresPeriodView(registry, zh, '2024-06');
    expect(view.rowCount).toBe(3);
    expect(view.pages).toEqual([]);
    expect(view.newer?.key).toBe('2024-08');
    expect(view.older?.key).toBe('2024-04');
    expect(PERIOD_PAGE_ROWS).toBeGreaterThanOrEqual(100);
  });

  it('splits a month at a fixed row count, each page under its province heading', () => {
    // Two rows a page: 2024-06 (two rows in Shandong, one in Guangdong) takes two pages.
    expect(closuresPeriodPaths(registry, 2).filter((p) => p.period === '2024-06')).toEqual([{ period: '2024-06', page: undefined }, { period: '2024-06', page: '2' }]);
    const first = closuresPeriodView(registry, zh, '2024-06', 1, 2);
    const second = closuresPeriodView(registry, zh, '2024-06', 2, 2);
    expect([first.rowCount, second.rowCount]).toEqual([2, 1]);
    expect(second.title).toBe('2024年6月的关停 (2/2)');
    expect(first.tableHtml).toContain('id="p-370000">山东省</th>');
    expect(second.tableHtml).toContain('id="p-440000">广东省</th>');
    // the first page lists every province, linking to the page each starts on
    expect(first.provinces).toEqual([
      { label: '山东省', href: '#p-370000', countText: '2' },
      { label: '广东省', href: '/closures/2024-06/2/#p-440000', countText: '1' },
    ]);
    expect(second.provinces).toEqual([]);
    expect(second.pages.map((p) => [p.href, p.current, p.range])).toEqual([['/closures/2024-06/', false, '山东省'], ['/closures/2024-06/2/', true, '广东省']]);
    const ids = (html: string) => [...html.matchAll(/<th><a href="\/regions\/\d+\/#c-([^"]+)"/g)].map((m) => m[1]);
    expect([...ids(first.tableHtml), ...ids(second.tableHtml)].sort()).toEqual(closureData(registry).periods.get('2024-06')!.map((r) => r.id).sort());
    // a province cut by a page break is headed again on the next page
    expect(closuresPeriodView(registry, en, '2024-06', 2, 1).tableHtml).toContain('id="p-370000">Shandong</th>');
    expect(() => closuresPeriodView(registry, zh, '2024-06', 3, 2)).toThrow(/no page 3/);
  });

  it('builds the timeline charts in two layouts with tables, captions and milestones', () => {
    const view = timelineView(registry, zh, META);
    expect(view.charts.map((c) => c.id)).toEqual(['timeline-monthly', 'timeline-live', 'timeline-platforms', 'timeline-map', 'timeline-ranked']);
    for (const c of view.charts) {
      expect(c.wideSvg).toContain('role="img"');
      expect(c.narrowSvg).toContain(`id="${c.id}-narrow-svg"`);
      expect(c.caption).toContain('abc1234');
      expect(c.caption).toContain('2026年11月1日');
      expect(c.table.rows.length).toBeGreaterThan(0);
    }
    const monthly = view.charts[0]!;
    expect(monthly.wideSvg).toContain('中央网信办部署整治');
    expect(monthly.foldTable).toBe(true);
    expect(monthly.table.notes.join('')).toMatch(/只知道年份/);
    const ranked = timelineView(registry, en, META).charts[4]!;
    expect(ranked.table.rows.map((r) => r[0])).toEqual(['Shandong', 'Guangdong']);
  });

  it('charts a region from its own subtree, with its children ranked when they have channels', () => {
    expect(subtreeChannels(registry, '370000').length).toBe(10);
    expect(subtreeChannels(registry, '440000').length).toBe(4);
    const shandong = regionChartsView(registry, '370000', en, META)!;
    expect(shandong.charts.map((c) => c.id)).toEqual(['region-370000-monthly', 'region-370000-children']);
    expect(shandong.charts[0]!.title).toContain('Shandong');
    expect(shandong.charts[1]!.table.rows.map((r) => r[0])).toEqual(['Weihai', 'Jinan']);
    const county = regionChartsView(registry, '440305', zh, META)!;
    expect(county.charts).toHaveLength(1);
    expect(regionChartsView(registry, '650000', zh, META)).toBeUndefined();
  });
});
