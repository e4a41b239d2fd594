/**
 * The generators behind the downloads, feeds, sitemaps and changelog, on small datasets:
 * the CSV formula-injection guard, the ZIP and gzip writers (read back by an independent
 * implementation), the plan and the id-hash shards, feed validity, the sitemap limit, the
 * data package's descriptions, and the changelog from a real git history.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { channelSchema } from '../src/domain/schemas/channel.ts';
import { dosDateTime, runPooled, writeGzip, writeZip } from '../src/downloads/archive.ts';
import { buildChangelog } from '../src/downloads/changelog.ts';
import { CHANNEL_EXPORT_COLUMNS, channelCsvHeader, channelCsvLine } from '../src/downloads/csv-export.ts';
import { csvField, neutraliseCell, originalCell } from '../src/format/csv.ts';
import { dataPackage } from '../src/downloads/datapackage.ts';
import { feedEntries, feedReleases } from '../src/downloads/feed-releases.ts';
import { atomFeed, jsonFeed, type FeedMeta } from '../src/downloads/feeds.ts';
import type { Changelog } from '../src/downloads/changelog.ts';
import { escapeXml } from '../src/format/escape.ts';
import { channelsByShard, shardOf, SHARDS } from '../src/downloads/json-api.ts';
import { downloadPlan, exportOrder, FILES, pageLinks, provinceLookup } from '../src/downloads/plan.ts';
import { buildSitemaps, pageUrls, robotsTxt } from '../src/downloads/sitemap.ts';
import { metaHtml, metaView, provinceFeedFor } from '../src/site/views/meta-view.ts';
import { CHANNEL_HEADER, channelRow, checkRows, TODAY, writeDataset } from './helpers/dataset.ts';

function registryOf(rows: Record<string, string>[]): Registry {
  const checked = checkRows(rows);
  expect(checked.diagnostics.errorCount, JSON.stringify(checked.diagnostics.sorted())).toBe(0);
  return new Registry(checked.dataset);
}

const linksOf = (registry: Registry) => pageLinks(registry, 'https://example.org', '/r/');

const closedRow = (id: string, closed: string, extra: Record<string, string> = {}) => ({ id, name: `账号${id}`, status: 'closed', closed, reason: 'discontinued', ...extra });

describe('CSV export', () => {
  it('neutralises every cell a spreadsheet would run as a formula, and only those', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil.example","x")']) {
      expect(neutraliseCell(bad)).toBe(`'${bad}`);
      expect(originalCell(neutraliseCell(bad))).toBe(bad);
    }
    for (const fine of ['荣成公安', 'a=b', '1-2', "'quoted", '', 'https://x.org/?a=1']) {
      expect(neutraliseCell(fine)).toBe(fine);
      expect(originalCell(fine)).toBe(fine);
    }
  });

  it('quotes fields with commas, quotes and line breaks, after neutralising', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1,2')).toBe('"\'=1,2"');
    const parsed = Papa.parse<string[]>(['x', csvField('line\nbreak'), csvField('-5')].join(','), { header: false }).data[0]!;
    expect(parsed).toEqual(['x', 'line\nbreak', "'-5"]);
  });

  it('writes a row with formula-looking cells so that no parsed cell starts a formula', () => {
    const registry = registryOf([{ id: 'evil', name: '=HYPERLINK("http://evil.example","点击")', agency: '@机构', notes: '+1, -1', handle: '-h' }]);
    const text = channelCsvHeader(true) + channelCsvLine(registry.channelsById.get('evil')!, registry.regions);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0]!)).toEqual([...CHANNEL_EXPORT_COLUMNS]);
    for (const cell of Object.values(rows[0]!)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[0]!.name).toBe('\'=HYPERLINK("http://evil.example","点击")');
    expect(originalCell(rows[0]!.notes!)).toBe('+1, -1');
  });

});

describe('ZIP and gzip files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archive-'));
  const rows = ['\uFEFFid,name\r\n', ...Array.from({ length: 5000 }, (_, i) => `id-${i},账号${i}\r\n`)];

  it('writes a ZIP holding one file that another implementation reads back byte for byte', async () => {
    const path = join(dir, 'a.zip');
    const result = await writeZip(path, 'a.csv', rows, '2026-11-21');
    const bytes = readFileSync(path);
    expect(result.bytes).toBe(bytes.length);
    expect(result.rawBytes).toBe(Buffer.byteLength(rows.join('')));
    expect(bytes.length).toBeLessThan(result.rawBytes / 3);
    const files = unzipSync(bytes); // checks the CRC too
    expect(Object.keys(files)).toEqual(['a.csv']);
    expect(Buffer.from(files['a.csv']!).toString('utf8')).toBe(rows.join(''));
    // the same text gives the same bytes (fixed timestamp, no random fields)
    await writeZip(join(dir, 'b.zip'), 'a.csv', rows, '2026-11-21');
    expect(readFileSync(join(dir, 'b.zip')).equals(bytes)).toBe(true);
  });

  it('writes an empty ZIP entry, and refuses non-ASCII entry names', async () => {
    await writeZip(join(dir, 'e.zip'), 'e.csv', [], '2026-11-21');
    expect(Buffer.from(unzipSync(readFileSync(join(dir, 'e.zip')))['e.csv']!).length).toBe(0);
    await expect(writeZip(join(dir, 'x.zip'), '账号.csv', [], '2026-11-21')).rejects.toThrow(/ASCII/);
  });

  it('dates ZIP entries with the data\'s day in MS-DOS form', () => {
    expect(dosDateTime('2026-11-21')).toEqual({ date: ((2026 - 1980) << 9) | (11 << 5) | 21, time: 0 });
  });

  it('keeps rows whole across batches, including a row larger than a batch', async () => {
    const big = ['a,', '长'.repeat(400_000), '\r\n', ...rows, 'x'.repeat(1 << 20)];
    await writeGzip(join(dir, 'big.gz'), big);
    expect(gunzipSync(readFileSync(join(dir, 'big.gz'))).toString('utf8')).toBe(big.join(''));
  });

  it('writes gzip files that join into one stream', async () => {
    await writeGzip(join(dir, '1.gz'), ['{"a":1}\n', '{"a":2}\n']);
    await writeGzip(join(dir, '2.gz'), ['{"a":3}\n']);
    await writeGzip(join(dir, '3.gz'), []);
    const joined = Buffer.concat(['1.gz', '3.gz', '2.gz'].map((f) => readFileSync(join(dir, f))));
    expect(gunzipSync(joined).toString()).toBe('{"a":1}\n{"a":2}\n{"a":3}\n');
  });

  it('runs jobs a few at a time and keeps their order', async () => {
    let running = 0;
    let most = 0;
    const jobs = Array.from({ length: 10 }, (_, i) => async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return i;
    });
    expect(await runPooled(jobs, 3)).toEqual([...Array(10).keys()]);
    expect(most).toBe(3);
  });
});

describe('download plan', () => {
  const registry = registryOf([
    { id: 'c-01', name: '账号1' },
    closedRow('c-02', '2024-05'),
    { id: 'gov', name: '国务院', agency: '国务院办公厅', region: '100000', level: 'central' },
    { id: 'jn', name: '济南', agency: '济南市政府', region: '370100', level: 'prefectural' },
  ]);

  it('counts channels and closures per province, central bodies first, under addresses named by code', () => {
    const plan = downloadPlan(registry);
    expect(plan.provinces.map((p) => [p.code, p.channels, p.closures])).toEqual([
      ['100000', 1, 0],
      ['370000', 3, 1],
    ]);
    expect(plan).toMatchObject({ channels: 4, closures: 1 });
    expect(FILES.provinceZip('370000')).toBe('downloads/channels-370000.zip');
    expect(FILES.api.channelShard('0a')).toBe(FILES.api.channels.replace('{shard}', '0a'));
  });

  it('orders the CSV rows by province, region and id', () => {
    expect(exportOrder(registry).map((c) => c.id)).toEqual(['gov', 'jn', 'c-01', 'c-02']);
  });
});

describe('channel shards', () => {
  it('files a channel under the first two hex digits of the SHA-256 of its id', () => {
    const sha = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');
    for (const id of ['rongcheng-police-weibo', 'a', 'gov-cn-weibo']) expect(shardOf(id)).toBe(sha(id).slice(0, 2));
    expect(SHARDS).toHaveLength(256);
    expect(SHARDS[0]).toBe('00');
    expect(SHARDS[255]).toBe('ff');
  });

  it('puts every channel in exactly its shard, sorted by id, and has every shard', () => {
    const registry = registryOf(Array.from({ length: 300 }, (_, i) => ({ id: `c-${i}`, name: `账号${i}` })));
    const shards = channelsByShard(registry.channels);
    expect([...shards.keys()]).toEqual(SHARDS);
    const seen = [...shards].flatMap(([shard, list]) => {
      for (const c of list) expect(shardOf(c.id)).toBe(shard);
      expect(list.map((c) => c.id)).toEqual(list.map((c) => c.id).sort());
      return list.map((c) => c.id);
    });
    expect(seen.sort()).toEqual(registry.channels.map((c) => c.id).sort());
  });
});

describe('feeds', () => {
  const meta = (lang: 'zh' | 'en'): FeedMeta => ({
    lang,
    title: 'T & <registry>',
    subtitle: 's',
    selfUrl: 'https://example.org/r/feed.xml',
    atomUrl: 'https://example.org/r/feed.xml',
    jsonUrl: 'https://example.org/r/feed.json',
    homeUrl: 'https://example.org/r/',
    siteUrl: 'https://example.org/r/',
    author: 'A',
    rights: 'CC BY 4.0',
    dataUpdated: TODAY,
  });
  const registry = registryOf([
    closedRow('old', '2023-02'),
    closedRow('new', '2025-06-02', { name: 'Evil <b>&amp; "x"', redirect: 'live' }),
    closedRow('undated', '', { status: 'closing', closed: '', announced: '' }),
    { id: 'closing-one', name: '注销中', status: 'closing', announced: '2024-08-14', reason: 'moved', redirect: 'https://www.example.gov.cn/' },
    { id: 'live', name: '活着的账号' },
  ]);

  const scope = (r: Registry, province?: string) => ({ province, provinceOf: provinceLookup(r), changesUrl: 'https://example.org/r/changes/', homeUrl: 'https://example.org/r/' });
  const noHistory = (r: Registry) => feedReleases(undefined, r, TODAY);

  it('without git history: one entry of every closure (undated ones too), dated the data\'s day, closure dates in the text at their precision', () => {
    for (const lang of ['zh', 'en'] as const) {
      const xml = atomFeed(meta(lang), feedEntries(registry, noHistory(registry), scope(registry), lang, 'https://example.org', linksOf(registry), 100, TODAY));
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      for (const key of ['id', 'title', 'updated', 'author']) expect(feed[key], key).toBeDefined();
      const entry = feed.entry as { id: string; title: string; updated: string; link: { '@_href': string }; summary: { '#text': string }; content: { '#text': string } };
      expect(entry.updated).toBe(`${TODAY}T00:00:00Z`);
      expect(feed.updated).toBe(`${TODAY}T00:00:00Z`);
      expect(entry.id).toMatch(/^tag:example\.org,2024:closures\/(zh|en)\/all\/[0-9a-f]{16}$/);
      const text = entry.summary['#text'];
      // newest closure first, the undated one last; a month stays a month
      expect(text.split('\n')).toHaveLength(4);
      expect(text).toContain(lang === 'zh' ? '2025年6月2日' : '2 June 2025');
      expect(text).toContain(lang === 'zh' ? '2023年2月' : 'February 2023');
      expect(text).not.toMatch(/2023-02-01|T00:00/);
      expect(text.indexOf('账号undated')).toBeGreaterThan(text.indexOf('https://www.example.gov.cn/'));
      // the HTML links each closure to its entry, every value escaped
      expect(entry.content['#text']).toContain(`<a href="https://example.org/r/${lang === 'en' ? 'en/' : ''}regions/371082/#c-new">`);
      expect(entry.content['#text']).toContain('Evil &lt;b&gt;&amp;amp; &quot;x&quot;');
    }
  });

  it('with history: one entry per release that recorded closures, newest first, dated by the commit, never sharing a time', () => {
    const releases = feedReleases(
      {
        shallow: false,
        capped: false,
        reachedStart: true,
        versions: [
          { instant: '2026-11-20T10:00:05+08:00', shortCommit: 'c3', recorded: [{ id: 'new', status: 'closed', province: '370000' }] },
          { instant: '2026-11-20T02:00:05Z', shortCommit: 'c2', recorded: [{ id: 'closing-one', status: 'closing', province: '370000' }, { id: 'live', status: 'closed', province: '370000' }] },
          { instant: '2026-11-19T09:00:00Z', shortCommit: 'c1', recorded: [{ id: 'old', status: 'closed', province: '370000' }, { id: 'undated', status: 'closing', province: '370000' }] },
        ] as unknown as Changelog['versions'],
        first: { shortCommit: 'c0', instant: '2026-11-01T08:00:00Z', recorded: [{ id: 'gone-since', status: 'closed', province: '370000' }] },
      },
      registry,
      TODAY,
    );
    // c3 and c2 were committed in the same second: one release
    expect(releases.map((r) => [r.version, r.instant])).toEqual([
      ['c3', '2026-11-20T02:00:05Z'],
      ['c1', '2026-11-19T09:00:00Z'],
      ['c0', '2026-11-01T08:00:00Z'],
    ]);
    const entries = feedEntries(registry, releases, scope(registry), 'en', 'https://example.org', linksOf(registry), 100, TODAY);
    // the live channel (reopened since) and the removed one are no longer closures: not listed
    expect(entries.map((e) => e.closures.map((c) => c.channel.id))).toEqual([['new', 'closing-one'], ['old', 'undated']]);
    expect(new Set(entries.map((e) => e.updated)).size).toBe(entries.length);
    expect(entries[0]).toMatchObject({ id: 'tag:example.org,2024:release/en/all/c3', url: 'https://example.org/r/changes/#v-c3', updated: '2026-11-20T02:00:05Z', title: '2 channels closed or closing (data version c3)' });
    // a closing channel is described as closing
    expect(entries[0]!.closures[1]!.title).toMatch(/closing$/);
    const one = feedEntries(registry, releases.slice(0, 1), scope(registry), 'zh', 'https://example.org', linksOf(registry), 1, TODAY);
    expect(one[0]).toMatchObject({ url: 'https://example.org/r/changes/#v-c3', more: 1 });
    expect(one[0]!.closures[0]!.url).toBe('https://example.org/r/regions/371082/#c-new');
    expect(one[0]!.text).toContain('另有 1 个');
    const json = JSON.parse(jsonFeed(meta('en'), entries));
    expect(json.items[0]).toMatchObject({ date_published: '2026-11-20T02:00:05Z', date_modified: '2026-11-20T02:00:05Z', _registry: { version: 'c3' } });
    expect(json.items[0]._registry.closures[0]).toMatchObject({ channel: 'new', status: 'closed', closed: '2025-06-02', destinations: [{ channel: 'live', via: [] }] });
  });

  it('says what the channel\'s entry says, in the tense of its status and of the day the data is judged on: a closing channel is never said to have closed', () => {
    const r = registryOf([
      { id: 'due', name: '将关停', status: 'closing', announced: '2026-10-01', closed: '2027-03', reason: 'discontinued' },
      { id: 'overdue', name: '已过期', status: 'closing', announced: '2025-01-01', closed: '2025-06', reason: 'merged', redirect: 'live' },
      { id: 'announced', name: '已宣布', status: 'closing', announced: '2026-10-01', reason: 'moved', redirect: 'https://www.example.gov.cn/' },
      closedRow('done', '2025-06-02'),
      { id: 'live', name: '活着的账号' },
    ]);
    const text = (lang: 'zh' | 'en', id: string) =>
      feedEntries(r, noHistory(r), scope(r), lang, 'https://example.org', linksOf(r), 100, TODAY).flatMap((e) => e.closures).find((c) => c.channel.id === id)!.text;
    expect(TODAY < '2027-03').toBe(true);
    expect(text('zh', 'due')).toBe('将关停（荣成市公安局，微博）：该账号将于2027年3月停止运营并注销。');
    expect(text('en', 'due')).toBe('将关停 (荣成市公安局, Weibo): In March 2027, this account will stop operating and close.');
    expect(text('zh', 'overdue')).toBe('已过期（荣成市公安局，微博）：该账号原定于2025年6月并入“活着的账号”，目前尚未确认是否已完成。');
    expect(text('en', 'announced')).toBe('已宣布 (荣成市公安局, Weibo): On 1 October 2026, it was announced that this account will close and move its information to https://www.example.gov.cn/.');
    for (const id of ['due', 'overdue', 'announced']) {
      expect(text('zh', id)).not.toMatch(/已关停|已停止运营|已于\d{4}年\d+月(\d+日)?(停止|关停)/);
      expect(text('en', id)).not.toMatch(/\bclosed\b|stopped operating/);
    }
    expect(text('zh', 'done')).toBe('账号done（荣成市公安局，微博）：该账号已于2025年6月2日停止运营。');
  });

  it('a province\'s feed holds its own closures only, undated ones included', () => {
    const mixed = registryOf([closedRow('here', '', { status: 'closing', closed: '', announced: '' }), closedRow('there', '2024-01', { region: '110000', level: 'provincial' })]);
    const entries = feedEntries(mixed, noHistory(mixed), scope(mixed, '370000'), 'zh', 'https://example.org', linksOf(mixed), 50, TODAY);
    expect(entries.flatMap((e) => e.closures.map((c) => c.channel.id))).toEqual(['here']);
  });

  it('keeps entry ids stable across builds, and caps the closures a feed lists', () => {
    const a = feedEntries(registry, noHistory(registry), scope(registry), 'zh', 'https://example.org', linksOf(registry), 100, TODAY).map((e) => e.id);
    const b = feedEntries(registry, noHistory(registry), scope(registry), 'zh', 'https://example.org', linksOf(registry), 100, TODAY).map((e) => e.id);
    expect(a).toEqual(b);
    const many = registryOf(Array.from({ length: 120 }, (_, i) => closedRow(`c${i}`, `2024-${String((i % 12) + 1).padStart(2, '0')}`)));
    const capped = feedEntries(many, noHistory(many), scope(many), 'zh', 'https://example.org', linksOf(many), 100, TODAY);
    expect(capped[0]!.closures).toHaveLength(100);
    expect(capped[0]!.more).toBe(20);
  });

  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml('a & <b> "c" \'d\'\u0000\u0008\uFFFE')).toBe('a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;');
  });
});

describe('sitemaps and robots.txt', () => {
  it('splits URLs into sitemaps of at most the limit, listed in a well-formed index', () => {
    const urls = Array.from({ length: 25 }, (_, i) => `https://example.org/r/channels/c${i}/`);
    const files = buildSitemaps(urls, 'https://example.org/r/', TODAY, 10);
    expect(files.sitemaps.map((s) => s.count)).toEqual([10, 10, 5]);
    expect(XMLValidator.validate(files.index)).toBe(true);
    for (const s of files.sitemaps) expect(XMLValidator.validate(s.xml)).toBe(true);
    expect(files.index).toContain('<loc>https://example.org/r/sitemaps/sitemap-3.xml</loc><lastmod>2026-11-21</lastmod>');
    // a URL is its address only: no dates that all move together, no alternates
    expect(files.sitemaps[2]!.xml).toContain('<url><loc>https://example.org/r/channels/c9/</loc></url>');
    expect(files.sitemaps[2]!.xml).not.toMatch(/lastmod|xhtml/);
    expect(robotsTxt('https://example.org/r/sitemap-index.xml')).toMatch(/^User-agent: \*\n[\s\S]*Sitemap: https:\/\/example\.org\/r\/sitemap-index\.xml\n$/);
  });

  it('lists pages, not the 404 or files', () => {
    expect(pageUrls(['', 'en/', 'channels/a/', '404', 'feed.xml'], 'https://example.org', '/r/')).toEqual([
      'https://example.org/r/',
      'https://example.org/r/en/',
      'https://example.org/r/channels/a/',
    ]);
  });
});

describe('datapackage.json', () => {
  type Resource = { name: string; path: string | string[]; compression?: string; format: string; schema?: { fields: { name: string; description: string; type: string; constraints?: { required?: boolean } }[] } };
  const input = {
    name: 'x',
    title: 'X',
    description: 'd',
    homepage: 'https://example.org/',
    version: 'abc1234',
    created: TODAY,
    licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    provinceFiles: [
      { code: '100000', name: 'Central', path: 'downloads/channels-100000.csv.gz', bytes: 1, rows: 1 },
      { code: '370000', name: 'Shandong', path: 'downloads/channels-370000.csv.gz', bytes: 1, rows: 2 },
    ],
    closuresFile: { path: 'downloads/closures.csv.gz', bytes: 1, rows: 1 },
    sourcesFile: { path: 'downloads/sources.csv', bytes: 1 },
    eventsFile: { path: 'downloads/events.csv', bytes: 1 },
    jsonFiles: [{ name: 'api-index', title: 'Index', description: 'd', path: 'api/v1/index.json', bytes: 1, schema: 'api/v1/schemas/index.schema.json' }],
    alsoAs: { zips: 'downloads/*.zip', channelsParquet: 'downloads/channels.parquet', closuresParquet: 'downloads/closures.parquet', channelsJsonLines: 'api/v1/channels/{shard}.jsonl.gz', schemas: 'api/v1/schemas/' },
    dataPage: 'https://example.org/en/data/',
  };

  it('describes every column from the schemas\' own descriptions', () => {
    const pkg = dataPackage(input) as { $schema: string; resources: Resource[] };
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    const channels = pkg.resources.find((r) => r.name === 'channels-370000')!;
    expect(channels.schema!.fields.map((f) => f.name)).toEqual([...CHANNEL_EXPORT_COLUMNS]);
    for (const f of channels.schema!.fields) expect(f.description.length, f.name).toBeGreaterThan(10);
    const name = channels.schema!.fields.find((f) => f.name === 'name')!;
    expect(name.description).toBe((channelSchema.shape.name.meta() as { description: string }).description);
    expect(name.constraints?.required).toBe(true);
    expect(channels.schema!.fields.find((f) => f.name === 'followers')!.type).toBe('integer');
  });

  it('lists each table once, as gzip or plain CSV, then the JSON files with their JSON Schemas; the other forms only in the description', () => {
    const pkg = dataPackage(input) as { description: string; resources: (Resource & { jsonSchema?: string })[] };
    expect(pkg.resources.map((r) => r.name)).toEqual(['channels-100000', 'channels-370000', 'closures', 'sources', 'events', 'api-index']);
    const byName = Object.fromEntries(pkg.resources.map((r) => [r.name, r]));
    expect(byName['closures']).toMatchObject({ path: 'downloads/closures.csv.gz', compression: 'gz', format: 'csv' });
    expect(byName['sources']!.compression).toBeUndefined();
    expect(byName['api-index']).toMatchObject({ path: 'api/v1/index.json', format: 'json', jsonSchema: 'api/v1/schemas/index.schema.json' });
    expect(byName['api-index']!.schema).toBeUndefined();
    for (const other of ['downloads/channels.parquet', 'downloads/closures.parquet', 'api/v1/schemas/']) expect(pkg.description).toContain(other);
  });

  it('types every field with a Table Schema v2 type: the ;-separated lists are strings with a pattern', () => {
    const pkg = dataPackage(input) as { resources: Resource[] };
    const fields = pkg.resources.find((r) => r.name === 'closures')!.schema!.fields as { name: string; type: string; constraints?: { pattern?: string } }[];
    for (const f of fields) expect(['string', 'integer'], f.name).toContain(f.type);
    const redirect = fields.find((f) => f.name === 'redirect')!;
    expect(redirect.type).toBe('string');
    const pattern = new RegExp(redirect.constraints!.pattern!);
    expect(pattern.test('a-b;https://x.org/')).toBe(true);
    expect(pattern.test('a;;b')).toBe(false);
  });
});

describe('Open Graph tags', () => {
  it('give title, description, url, site name and locale, and no image', () => {
    const view = metaView({ ctx: { lang: 'en', base: '/r/' }, siteName: 'S', title: 'T', description: 'D', url: 'https://example.org/r/en/' });
    const tags = Object.fromEntries(view.og.map((m) => [m.property, m.content]));
    expect(tags).toMatchObject({ 'og:title': 'T', 'og:description': 'D', 'og:url': 'https://example.org/r/en/', 'og:site_name': 'S', 'og:locale': 'en_US' });
    expect(Object.keys(tags).some((k) => k.startsWith('og:image'))).toBe(false);
    expect(view.feeds.map((f) => f.href)).toEqual(['/r/en/feed.xml', '/r/en/feed.json']);
    const province = metaView({ ctx: { lang: 'zh', base: '/' }, siteName: 'S', title: 'T', description: 'D', provinceFeed: provinceFeedFor('/regions/370000/', () => 3, () => '山东省') });
    expect(province.feeds.map((f) => f.href)).toEqual(['/feed.xml', '/feed.json', '/feeds/370000.xml', '/feeds/370000.json']);
    // named by the province, not by its code
    expect(province.feeds[2]!.title).toMatch(/ · 山东省$/);
    expect(province.feeds.some((f) => f.title.includes('370000'))).toBe(false);
    expect(provinceFeedFor('/regions/370000/', () => 0, () => '山东省')).toBeUndefined();
    expect(provinceFeedFor('/regions/371000/', () => 3, () => '威海市')).toBeUndefined();
    expect(metaHtml(metaView({ ctx: { lang: 'zh', base: '/' }, siteName: 'S', title: '<script>"x"&', description: 'D' }))).toContain('content="&lt;script&gt;&quot;x&quot;&amp;"');
  });
});

describe('changelog', () => {
  const csv = (...rows: Record<string, string>[]) => [CHANNEL_HEADER, ...rows.map(channelRow)].join('\n') + '\n';
  const a = { id: 'a-weibo', name: '甲' };
  const b = { id: 'b-weibo', name: '乙' };

  it('lists what changed between consecutive data commits, newest first', () => {
    const { root } = writeDataset({ 'data/channels/shandong.csv': csv(a) });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: root, stdio: 'pipe' }).toString();
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    writeFileSync(join(root, 'data/channels/shandong.csv'), csv(a, b));
    git('commit', '-q', '-am', 'add b');
    writeFileSync(join(root, 'README'), 'not data');
    git('add', '.');
    git('commit', '-q', '-m', 'docs only');
    writeFileSync(join(root, 'data/channels/shandong.csv'), csv({ ...a, status: 'closed', closed: '2025-01', reason: 'discontinued' }, { ...b, name: '乙乙' }));
    git('commit', '-q', '-am', 'close a');

    let now = 0;
    const log = buildChangelog({ paths: { dataDir: 'data', contentDir: 'content' }, today: TODAY, repoDir: root, clock: () => now });
    expect(log.problem).toBeUndefined();
    expect(log.shallow).toBe(false);
    expect(log.versions).toHaveLength(2);
    expect(log.versions[0]!.channels.map((c) => `${c.kind}:${c.id}`)).toEqual(['closed:a-weibo', 'changed:b-weibo']);
    expect(log.versions[0]!.channels[1]!.fields).toEqual(['name']);
    expect(log.versions[1]!.channels.map((c) => `${c.kind}:${c.id}`)).toEqual(['added:b-weibo']);
    expect(log.reachedStart).toBe(true);
    // what the feeds carry: closures each version recorded, at the commit's second; the first version's closures
    expect(log.versions[0]!.recorded).toEqual([{ id: 'a-weibo', status: 'closed', province: log.versions[0]!.channels[0]!.province }]);
    expect(log.versions[1]!.recorded).toEqual([]);
    expect(log.versions[0]!.instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/);
    expect(log.first).toMatchObject({ recorded: [] });
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: root }).toString()).toBe('');

    const capped = buildChangelog({ paths: { dataDir: 'data', contentDir: 'content' }, today: TODAY, repoDir: root, maxVersions: 1, clock: () => now });
    expect(capped.versions).toHaveLength(1);
    expect(capped.capped).toBe(true);

    const outOfTime = buildChangelog({ paths: { dataDir: 'data', contentDir: 'content' }, today: TODAY, repoDir: root, timeBudgetMs: 10, clock: () => (now += 100) });
    expect(outOfTime.capped).toBe(true);
    expect(outOfTime.versions.length).toBeLessThan(2);
  });

  it('says so when there is no git history', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-git-'));
    const log = buildChangelog({ paths: { dataDir: 'data', contentDir: 'content' }, today: TODAY, repoDir: dir, clock: () => 0 });
    expect(log.problem).toBe('no-git');
    expect(log.versions).toEqual([]);
  });
});
