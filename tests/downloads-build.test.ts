/**
 * Builds the site fixture (plus a row full of formula-looking cells) and reads back what a
 * journalist or a program takes away: the CSV, JSON, per-province CSV and datapackage.json
 * must hold every source row unaltered; the CSV must not start any cell with a formula; the
 * feeds must be valid; the sitemaps, robots.txt, the API and the /data/ and /changes/ pages
 * must be there.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { CHANNEL_COLUMNS } from '../src/domain/schemas/channel.ts';
import { CHANNEL_EXPORT_COLUMNS, originalCell } from '../src/downloads/csv-export.ts';
import { shardFor, type Shard } from '../src/downloads/json-api.ts';
import { cellText } from '../src/publish/data-diff.ts';
import { buildSite, type BuildResult } from './helpers/build-site.ts';

const BASE = '/registry/';
const tmp = mkdtempSync(join(tmpdir(), 'downloads-build-'));
const dataset = join(tmp, 'dataset');
const out = join(tmp, 'out');
let result: BuildResult;
let registry: Registry;

const EVIL_ROW =
  'formula-test-weibo,"=HYPERLINK(""http://evil.example/"",""点击"")",+1 English,@机构,-agency,100000,central,weibo,-handle,,active,,,,,,,,,https://example.org/evidence,,"=1+2, then ""quoted"", and a\nline break"\n';

const read = (path: string) => readFileSync(join(out, path), 'utf8');
const csvRows = (path: string) => {
  const text = read(path);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CHANNEL_EXPORT_COLUMNS]);
  return parsed.data;
};

/** The source row's cells as the contributor wrote them (after the loader's trimming). */
const sourceCells = (id: string) => {
  const c = registry.channelsById.get(id)!;
  return Object.fromEntries(CHANNEL_COLUMNS.map((f) => [f, cellText(c[f])]));
};

beforeAll(async () => {
  cpSync('tests/fixtures/site', dataset, { recursive: true });
  appendFileSync(join(dataset, 'data/channels/central.csv'), EVIL_ROW);
  const checked = checkDataset({ dataDir: join(dataset, 'data'), contentDir: join(dataset, 'content') }, { today: '2026-11-21' });
  expect(checked.diagnostics.errorCount).toBe(0);
  registry = new Registry(checked.dataset);
  result = await buildSite({ DATA_DIR: join(dataset, 'data'), CONTENT_DIR: join(dataset, 'content'), OUT_DIR: out, BASE_PATH: BASE, SITE_URL: 'https://example.org' });
  if (result.code !== 0) console.error(result.output);
}, 240_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the published data', () => {
  it('builds', () => {
    expect(result.code).toBe(0);
    expect(registry.channels.length).toBe(9);
  });

  it('CSV: every source row, unaltered once the formula guard is undone, and no cell starts a formula', () => {
    const rows = csvRows('downloads/channels.csv');
    expect(rows.map((r) => r.id).sort()).toEqual(registry.channels.map((c) => c.id).sort());
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const restored = Object.fromEntries(CHANNEL_COLUMNS.map((f) => [f, originalCell(row[f]!)]));
      expect(restored).toEqual(sourceCells(row.id!));
    }
    const evil = rows.find((r) => r.id === 'formula-test-weibo')!;
    expect(evil.name).toBe('\'=HYPERLINK("http://evil.example/","点击")');
    expect(evil.notes).toBe('\'=1+2, then "quoted", and a\nline break');
    expect(evil.agency).toBe("'@机构");
  });

  it('per-province CSV files together hold every row once', () => {
    const files = readdirSync(join(out, 'downloads/provinces')).sort();
    expect(files).toEqual(['100000.csv', '370000.csv']);
    const ids = files.flatMap((f) => csvRows(`downloads/provinces/${f}`).map((r) => `${f}:${r.id}`));
    expect(ids.map((x) => x.split(':')[1]).sort()).toEqual(registry.channels.map((c) => c.id).sort());
    expect(ids).toContain('370000.csv:rongcheng-police-weibo');
    expect(ids).toContain('100000.csv:formula-test-weibo');
  });

  it('JSON: every source row with its values unchanged', () => {
    const channels = JSON.parse(read('downloads/channels.json')) as Record<string, unknown>[];
    expect(channels).toHaveLength(registry.channels.length);
    for (const c of channels) {
      const restored = Object.fromEntries(CHANNEL_COLUMNS.map((f) => [f, cellText(c[f] as never)]));
      expect(restored).toEqual(sourceCells(c.id as string));
      expect(c.page).toBe(`https://example.org${BASE}channels/${c.id}/`);
    }
    const rongcheng = channels.find((c) => c.id === 'rongcheng-police-weibo')!;
    expect(rongcheng).toMatchObject({ closed: '2024-04', followers: 500, source: ['cd-2024-08-28'], province: '370000' });
    expect(rongcheng.destinations).toEqual([{ channel: 'weihai-police-wechat', via: ['weihai-police-weibo'] }]);
  });

  it('datapackage.json describes every published column and points at files that exist', () => {
    const pkg = JSON.parse(read('datapackage.json'));
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
    for (const r of pkg.resources) {
      expect(existsSync(join(out, r.path)), r.path).toBe(true);
      expect(r.bytes).toBe(readFileSync(join(out, r.path)).length);
    }
    const channels = pkg.resources.find((r: { name: string }) => r.name === 'channels');
    const header = Papa.parse<string[]>(read(channels.path).slice(1), { preview: 1 }).data[0];
    expect(channels.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    for (const f of channels.schema.fields) expect(f.description, f.name).not.toBe('');
  });

  it('the API finds every channel through the shard index, and lists regions and closures', () => {
    const index = JSON.parse(read('api/v1/index.json'));
    expect(index.counts.total).toBe(registry.channels.length);
    for (const c of registry.channels) {
      const shard = shardFor(index.channel_shards as Shard[], c.id);
      expect(shard, c.id).toBeDefined();
      const held = JSON.parse(read(shard!.file)).channels as { id: string }[];
      expect(held.some((h) => h.id === c.id)).toBe(true);
    }
    const regions = JSON.parse(read('api/v1/regions.json')).regions as { code: string; counts: { total: number } }[];
    expect(regions.find((r) => r.code === '100000')!.counts.total).toBe(registry.channels.length);
    expect(regions.find((r) => r.code === '371000')!.counts.total).toBeGreaterThan(0);
    const local = JSON.parse(read('api/v1/regions/370000.json')).regions as { code: string; counts: { total: number } }[];
    expect(local.find((r) => r.code === '371082')!.counts.total).toBe(4);
    const closures = JSON.parse(read('api/v1/closures/370000.json')).closures as { id: string; date?: string }[];
    expect(closures.map((c) => c.id)).toContain('rongcheng-police-weibo');
    expect(JSON.parse(read('api/v1/closures/index.json')).total).toBe(closures.length);
  });

  it('feeds are valid Atom and JSON Feed, nationally and per province, in both languages', () => {
    for (const path of ['feed.xml', 'en/feed.xml', 'feeds/370000.xml', 'en/feeds/370000.xml']) {
      const xml = read(path);
      expect(XMLValidator.validate(xml), path).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      for (const key of ['id', 'title', 'updated', 'author', 'entry']) expect(feed[key], `${path} ${key}`).toBeDefined();
      const entries = [feed.entry].flat() as { id: string; link: { '@_href': string }; updated: string }[];
      for (const e of entries) expect(e.link['@_href']).toMatch(/^https:\/\/example\.org\/registry\/(en\/)?channels\/[a-z0-9-]+\/$/);
      const dates = entries.map((e) => e.updated);
      expect([...dates].sort().reverse()).toEqual(dates);
    }
    for (const path of ['feed.json', 'en/feed.json', 'feeds/370000.json']) {
      const feed = JSON.parse(read(path));
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.items.length).toBeGreaterThan(0);
    }
  });

  it('has a sitemap index, sitemaps listing the pages, robots.txt and CITATION.cff', () => {
    const index = read('sitemap-index.xml');
    expect(XMLValidator.validate(index)).toBe(true);
    const sitemap = read('sitemaps/sitemap-1.xml');
    expect(XMLValidator.validate(sitemap)).toBe(true);
    expect(sitemap).toContain('<loc>https://example.org/registry/channels/rongcheng-police-weibo/</loc>');
    expect(sitemap).toContain('<loc>https://example.org/registry/en/data/</loc>');
    expect(sitemap).not.toMatch(/registry\/404/);
    expect(read('robots.txt')).toContain('Sitemap: https://example.org/registry/sitemap-index.xml');
    expect(read('CITATION.cff')).toMatch(/^cff-version: 1\.2\.0$/m);
  });

  it('has /data/ and /changes/ in both languages, with Open Graph tags and feed links', () => {
    for (const lang of ['', 'en/']) {
      const data = read(`${lang}data/index.html`);
      expect(data).toContain(`href="${BASE}downloads/channels.csv"`);
      expect(data).toContain(`href="${BASE}datapackage.json"`);
      expect(data).toContain(lang ? 'single quote' : '单引号');
      expect(data).toContain('id="cite"');
      expect(data).toContain(`<meta property="og:url" content="https://example.org${BASE}${lang}data/">`);
      expect(data).toContain(`<meta property="og:locale" content="${lang ? 'en_US' : 'zh_CN'}">`);
      expect(data).toContain(`type="application/atom+xml"`);
      expect(read(`${lang}regions/370000/index.html`)).toContain(`href="${BASE}${lang}feeds/370000.xml"`);
      const changes = read(`${lang}changes/index.html`);
      // the dataset was copied outside the repository: no history, and the page says so
      expect(changes).toContain(lang ? 'not in a git repository' : '不在 git 仓库中');
    }
  });
});
