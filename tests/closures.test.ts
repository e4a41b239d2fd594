/**
 * The closures browser's pure logic (URL state, filters, facet counts, sorting, CSV export,
 * wire format) and its view models, the timeline's and the region charts', on the site
 * fixture plus tests/fixtures/closures/.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closuresCsv, csvCell, csvFileName } from '../src/closures/csv.ts';
import { dateSortKey, facetCounts, filterRows, inRange, periodsInRange, sortRows } from '../src/closures/filter.ts';
import { presentRow } from '../src/closures/present.ts';
import { comparePeriodsDesc, decodeRow, encodeRow, periodOf, type ClosureRow } from '../src/closures/row.ts';
import { emptyState, isFiltered, parseState, serializeState, withFacet, withRange, withSort } from '../src/closures/state.ts';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import type { PageContext } from '../src/site/i18n.ts';
import {
  closureData, closuresIndexView, closuresManifest, closuresPeriodPaths, closuresPeriodView, closuresShard, FIRST_SCREEN_ROWS, PERIOD_PAGE_ROWS, SHARD_ROWS, shardFiles,
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
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const c of ['+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(c).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('2024-08')).toBe('2024-08');
    expect(csvCell('plain')).toBe('plain');
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

describe('the wire format', () => {
  it('round-trips every field', () => {
    const full = row({
      id: 'q', nameEn: 'Q', closed: '2024-04', announced: '2024-03-28', regionNameEn: 'Rongcheng', agencyEn: 'PSB',
      destination: { kind: 'url', target: 'https://x.gov.cn/', name: 'x.gov.cn' }, moreDestinations: 2, source: { title: 'T', href: 'https://s/' }, moreSources: 1,
    });
    expect(decodeRow(JSON.parse(JSON.stringify(encodeRow(full))))).toEqual(full);
    const bare = row({ id: 'r', status: 'closing', reason: undefined });
    expect(decodeRow(encodeRow(bare))).toEqual(Object.fromEntries(Object.entries(bare).filter(([, v]) => v !== undefined)));
  });

  it('splits a long period into several shard files', () => {
    expect(shardFiles('2024-06', 3)).toEqual(['2024-06.json']);
    expect(shardFiles('2024', SHARD_ROWS * 2 + 1)).toEqual(['2024.json', '2024.2.json', '2024.3.json']);
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

  it('writes a manifest whose counts match the shards', () => {
    const manifest = closuresManifest(registry, { dataVersion: 'v1', dataUpdated: '2026-11-01' });
    expect(manifest.total).toBe(10);
    const shardRows = manifest.periods.flatMap((p) => closuresShard(registry, p.key).rows);
    expect(shardRows).toHaveLength(10);
    for (const p of manifest.periods) expect(closuresShard(registry, p.key).rows).toHaveLength(p.count);
    expect(manifest.facets.province).toEqual({ '370000': 5, '440000': 4 });
    expect(manifest.facets.status).toEqual({ closed: 8, closing: 2 });
    expect(manifest.areas['440300']).toEqual(['深圳市', 'Shenzhen', '440000']);
  });

  it('renders the first screen and a link to every month, in both languages', () => {
    const view = closuresIndexView(registry, zh);
    expect(view.groups.flatMap((g) => g.rows)).toHaveLength(Math.min(10, FIRST_SCREEN_ROWS));
    expect(view.years.flatMap((y) => y.periods).map((p) => p.href)).toContain('/closures/2024-06/');
    expect(view.years.map((y) => y.label)).toEqual(['2026年', '2025年', '2024年', '2023年']);
    const enView = closuresIndexView(registry, en);
    expect(enView.years.flatMap((y) => y.periods).find((p) => p.key === '2025')?.label).toBe('2025 (month unknown)');
    expect(enView.manifestHref).toBe('/r/closures/data/index.json');
    const province = enView.filters.provinces.options.find((o) => o.value === '440000');
    expect(province).toMatchObject({ label: 'Guangdong', count: 4 });
  });

  it('shows a row with its date precision, region path, destination and source', () => {
    const [r] = closuresPeriodView(registry, en, '2024-04').rows;
    expect(r!.cells.date).toMatchObject({ text: 'April 2024', datetime: '2024-04' });
    expect(r!.cells.region.sub).toBe('Shandong · Weihai');
    expect(r!.cells.channel).toMatchObject({ text: 'Rongcheng Police', original: '荣成公安', href: '/r/en/channels/rongcheng-police-weibo/' });
    expect(r!.cells.destination.href).toBe('/r/en/channels/weihai-police-wechat/');
    const closing = presentRow(closureData(registry).rows.find((x) => x.id === 'rongcheng-culture-wechat')!, { lang: 'zh', base: '/', areaName: () => undefined });
    expect(closing.cells.date).toMatchObject({ text: '2024年8月14日', sub: '宣布日期' });
  });

  it('pages a long month and links neighbouring months', () => {
    expect(closuresPeriodPaths(registry)).toHaveLength(8);
    const view = closuresPeriodView(registry, zh, '2024-06');
    expect(view.rows).toHaveLength(3);
    expect(view.pages).toEqual([]);
    expect(view.newer?.key).toBe('2024-08');
    expect(view.older?.key).toBe('2024-04');
    expect(PERIOD_PAGE_ROWS).toBeGreaterThanOrEqual(100);
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
