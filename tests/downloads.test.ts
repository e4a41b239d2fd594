/**
 * The generators behind the downloads, feeds, sitemaps and changelog, on small datasets:
 * the CSV formula-injection guard, splitting into parts, shard lookup, feed validity, the
 * sitemap limit, the data package's descriptions, and the changelog from a real git history.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { channelSchema } from '../src/domain/schemas/channel.ts';
import { buildChangelog } from '../src/downloads/changelog.ts';
import { CHANNEL_EXPORT_COLUMNS, channelCsvHeader, channelCsvLine, csvField, neutraliseCell, originalCell, partNames, planParts } from '../src/downloads/csv-export.ts';
import { dataPackage } from '../src/downloads/datapackage.ts';
import { atomFeed, feedEntries, jsonFeed, xmlEscape, type FeedMeta } from '../src/downloads/feeds.ts';
import { channelsById, planShards, shardFor, type Shard } from '../src/downloads/json-api.ts';
import { downloadPlan, pageLinks } from '../src/downloads/plan.ts';
import { buildSitemaps, pageUrls, robotsTxt } from '../src/downloads/sitemap.ts';
import { metaHtml, metaView, provinceFeedFor } from '../src/site/views/meta-view.ts';
import { CHANNEL_HEADER, channelRow, checkRows, TODAY, writeDataset } from './helpers/dataset.ts';

const links = pageLinks('https://example.org', '/r/');

function registryOf(rows: Record<string, string>[]): Registry {
  const checked = checkRows(rows);
  expect(checked.diagnostics.errorCount, JSON.stringify(checked.diagnostics.sorted())).toBe(0);
  return new Registry(checked.dataset);
}

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
    const text = channelCsvHeader() + channelCsvLine(registry.channelsById.get('evil')!, registry.regions);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0]!)).toEqual([...CHANNEL_EXPORT_COLUMNS]);
    for (const cell of Object.values(rows[0]!)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[0]!.name).toBe('\'=HYPERLINK("http://evil.example","点击")');
    expect(originalCell(rows[0]!.notes!)).toBe('+1, -1');
  });

  it('splits rows into parts under the limit, each part with the header', () => {
    expect(planParts([10, 10, 10], 5, 100)).toEqual([3]);
    expect(planParts([10, 10, 10, 10], 5, 26)).toEqual([2, 2]);
    expect(planParts([50, 10], 5, 30)).toEqual([1, 1]);
    expect(planParts([], 5, 30)).toEqual([0]);
    expect(partNames('downloads/channels', 'csv', 1)).toEqual(['downloads/channels.csv']);
    expect(partNames('downloads/channels', 'csv', 2)).toEqual(['downloads/channels-1.csv', 'downloads/channels-2.csv']);
  });

  it('plans the same files the writer writes, split when over the limit', () => {
    const registry = registryOf(Array.from({ length: 30 }, (_, i) => ({ id: `c-${String(i).padStart(2, '0')}`, name: `账号${i}` })));
    const whole = downloadPlan(registry, links);
    expect(whole.csv.map((f) => f.path)).toEqual(['downloads/channels.csv']);
    const split = downloadPlan(registry, links, 2000);
    expect(split.csv.length).toBeGreaterThan(1);
    expect(split.csv.reduce((n, f) => n + f.rows, 0)).toBe(30);
    for (const f of [...split.csv, ...split.json]) expect(f.bytes).toBeLessThanOrEqual(2000);
    expect(split.provinces.map((p) => p.code)).toEqual(['370000']);
  });
});

describe('channel shards', () => {
  it('finds every channel by binary search over the shards\' first ids', () => {
    const ids = Array.from({ length: 57 }, (_, i) => `id-${(i * 7919) % 1000}`);
    const sorted = channelsById(ids.map((id) => ({ id }) as never)).map((c) => (c as { id: string }).id);
    const ranges = planShards(sorted, () => 10, 10, 1e9);
    expect(ranges).toHaveLength(6);
    const shards: Shard[] = ranges.map((r, i) => ({ file: `${i}`, first: sorted[r.start]!, last: sorted[r.end - 1]!, count: r.end - r.start }));
    for (const [i, r] of ranges.entries()) for (let j = r.start; j < r.end; j++) expect(shardFor(shards, sorted[j]!)?.file).toBe(`${i}`);
    expect(shardFor(shards, 'a')).toBeUndefined();
    expect(shardFor(shards, 'zzz')).toBeUndefined();
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
    closedRow('new', '2025-06-02', { name: 'Evil <b>&amp; "x"\u0001', redirect: 'live' }),
    closedRow('undated', '', { status: 'closing', closed: '', announced: '' }),
    { id: 'closing-one', name: '注销中', status: 'closing', announced: '2024-08-14', reason: 'moved', redirect: 'https://www.example.gov.cn/' },
    { id: 'live', name: '活着的账号' },
  ]);

  it('is well-formed Atom with the required elements, newest first, linking channel pages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const xml = atomFeed(meta(lang), feedEntries(registry, registry.channels, lang, 'https://example.org', links));
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      for (const key of ['id', 'title', 'updated', 'author']) expect(feed[key], key).toBeDefined();
      const entries = feed.entry as { id: string; title: string; updated: string; link: { '@_href': string }; summary: { '#text': string } }[];
      expect(entries.map((e) => e.link['@_href'])).toEqual([
        `https://example.org/r/${lang === 'en' ? 'en/' : ''}channels/new/`,
        `https://example.org/r/${lang === 'en' ? 'en/' : ''}channels/closing-one/`,
        `https://example.org/r/${lang === 'en' ? 'en/' : ''}channels/old/`,
      ]);
      for (const e of entries) {
        expect(e.id).toMatch(/^tag:example\.org,2024:closure\/(zh|en)\/[a-z0-9-]+\/(closed|closing)$/);
        expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      }
      expect(entries[0]!.summary['#text']).toContain(lang === 'zh' ? '2025年6月2日' : '2 June 2025');
      expect(entries[0]!.summary['#text']).toContain('活着的账号');
      expect(entries[1]!.summary['#text']).toContain('https://www.example.gov.cn/');
    }
  });

  it('keeps entry ids stable across builds and distinct per status', () => {
    const a = feedEntries(registry, registry.channels, 'zh', 'https://example.org', links).map((e) => e.id);
    const b = feedEntries(registry, registry.channels, 'zh', 'https://example.org', links).map((e) => e.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('is a JSON Feed 1.1 with items carrying the closure', () => {
    const feed = JSON.parse(jsonFeed(meta('en'), feedEntries(registry, registry.channels, 'en', 'https://example.org', links)));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('T & <registry>');
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toMatchObject({ url: 'https://example.org/r/en/channels/new/', date_published: '2025-06-02T00:00:00Z', _registry: { channel: 'new', status: 'closed', closed: '2025-06-02', destinations: [{ channel: 'live', via: [] }] } });
  });

  it('caps the number of entries', () => {
    const many = registryOf(Array.from({ length: 120 }, (_, i) => closedRow(`c${i}`, `2024-${String((i % 12) + 1).padStart(2, '0')}`)));
    expect(feedEntries(many, many.channels, 'zh', 'https://example.org', links)).toHaveLength(100);
  });

  it('escapes markup and drops characters XML forbids', () => {
    expect(xmlEscape('a & <b> "c" \'d\'\u0000\u0008\uFFFE')).toBe('a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;');
  });
});

describe('sitemaps and robots.txt', () => {
  it('splits URLs into sitemaps of at most the limit, listed in a well-formed index', () => {
    const urls = Array.from({ length: 25 }, (_, i) => `https://example.org/r/channels/c${i}/`);
    const files = buildSitemaps(urls, 'https://example.org/r/', TODAY, 10);
    expect(files.sitemaps.map((s) => s.count)).toEqual([10, 10, 5]);
    expect(XMLValidator.validate(files.index)).toBe(true);
    for (const s of files.sitemaps) expect(XMLValidator.validate(s.xml)).toBe(true);
    expect(files.index).toContain('<loc>https://example.org/r/sitemaps/sitemap-3.xml</loc>');
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
  it('describes every column from the schemas\' own descriptions', () => {
    const pkg = dataPackage({
      name: 'x',
      title: 'X',
      description: 'd',
      homepage: 'https://example.org/',
      version: 'abc1234',
      created: TODAY,
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      channelFiles: [{ path: 'downloads/channels.csv', bytes: 1, rows: 1 }],
      sourcesFile: { path: 'downloads/sources.csv', bytes: 1 },
      eventsFile: { path: 'downloads/events.csv', bytes: 1 },
    }) as { $schema: string; resources: { name: string; schema: { fields: { name: string; description: string; type: string; constraints?: { required?: boolean } }[] } }[] };
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    const channels = pkg.resources.find((r) => r.name === 'channels')!;
    expect(channels.schema.fields.map((f) => f.name)).toEqual([...CHANNEL_EXPORT_COLUMNS]);
    for (const f of channels.schema.fields) expect(f.description.length, f.name).toBeGreaterThan(10);
    const name = channels.schema.fields.find((f) => f.name === 'name')!;
    expect(name.description).toBe((channelSchema.shape.name.meta() as { description: string }).description);
    expect(name.constraints?.required).toBe(true);
    expect(channels.schema.fields.find((f) => f.name === 'followers')!.type).toBe('integer');
    expect(pkg.resources.map((r) => r.name)).toEqual(['channels', 'sources', 'events']);
  });
});

describe('Open Graph tags', () => {
  it('give title, description, url, site name and locale, and no image', () => {
    const view = metaView({ ctx: { lang: 'en', base: '/r/' }, siteName: 'S', title: 'T', description: 'D', url: 'https://example.org/r/en/' });
    const tags = Object.fromEntries(view.og.map((m) => [m.property, m.content]));
    expect(tags).toMatchObject({ 'og:title': 'T', 'og:description': 'D', 'og:url': 'https://example.org/r/en/', 'og:site_name': 'S', 'og:locale': 'en_US' });
    expect(Object.keys(tags).some((k) => k.startsWith('og:image'))).toBe(false);
    expect(view.feeds.map((f) => f.href)).toEqual(['/r/en/feed.xml', '/r/en/feed.json']);
    const province = metaView({ ctx: { lang: 'zh', base: '/' }, siteName: 'S', title: 'T', description: 'D', provinceFeed: provinceFeedFor('/regions/370000/', () => 3) });
    expect(province.feeds.map((f) => f.href)).toEqual(['/feed.xml', '/feed.json', '/feeds/370000.xml', '/feeds/370000.json']);
    expect(provinceFeedFor('/regions/370000/', () => 0)).toBeUndefined();
    expect(provinceFeedFor('/regions/371000/', () => 3)).toBeUndefined();
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
