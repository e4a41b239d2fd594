/**
 * Builds the site fixture (plus a row full of formula-looking cells) and reads back what a
 * journalist or a program takes away: the per-province CSV (in ZIPs, read by an independent
 * unzipper), the closures CSV, the JSON Lines and datapackage.json must hold every source
 * row unaltered; the CSV must not start any cell with a formula; the feeds must be valid;
 * the sitemaps, robots.txt, the API and the /data/ and /changes/ pages must be there.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isClosure, Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { CHANNEL_COLUMNS } from '../src/domain/schemas/channel.ts';
import { CHANNEL_EXPORT_COLUMNS } from '../src/downloads/csv-export.ts';
import { originalCell } from '../src/format/csv.ts';
import { cellText } from '../src/domain/data-diff.ts';
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
/** The one file inside a published ZIP, as text. */
const unzipped = (path: string) => {
  const files = unzipSync(readFileSync(join(out, path)));
  expect(Object.keys(files)).toHaveLength(1);
  return Buffer.from(Object.values(files)[0]!).toString('utf8');
};
const jsonLines = (path: string) =>
  gunzipSync(readFileSync(join(out, path)))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const csvRows = (path: string) => {
  const text = unzipped(path);
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

  it('CSV: every source row once across the province ZIPs, unaltered once the formula guard is undone, no cell starting a formula', () => {
    const files = readdirSync(join(out, 'downloads')).filter((f) => f.endsWith('.zip')).sort();
    expect(files).toEqual(['channels-100000.zip', 'channels-370000.zip', 'closures.zip']);
    const fileOf = new Map<string, string>();
    const rows = ['channels-100000.zip', 'channels-370000.zip'].flatMap((f) => csvRows(`downloads/${f}`).map((r) => (fileOf.set(r.id!, f), r)));
    expect(rows.map((r) => r.id).sort()).toEqual(registry.channels.map((c) => c.id).sort());
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const restored = Object.fromEntries(CHANNEL_COLUMNS.map((f) => [f, originalCell(row[f]!)]));
      expect(restored).toEqual(sourceCells(row.id!));
      expect(fileOf.get(row.id!)).toBe(`channels-${row.province}.zip`);
    }
    expect(fileOf.get('rongcheng-police-weibo')).toBe('channels-370000.zip');
    const evil = rows.find((r) => r.id === 'formula-test-weibo')!;
    expect(fileOf.get(evil.id!)).toBe('channels-100000.zip');
    expect(evil.name).toBe('\'=HYPERLINK("http://evil.example/","点击")');
    expect(evil.notes).toBe('\'=1+2, then "quoted", and a\nline break');
    expect(evil.agency).toBe("'@机构");
  });

  it('closures CSV: every closing and closed row, the same cells as the province files', () => {
    const rows = csvRows('downloads/closures.zip');
    expect(rows.map((r) => r.id).sort()).toEqual(registry.channels.filter(isClosure).map((c) => c.id).sort());
    const all = new Map(csvRows('downloads/channels-370000.zip').map((r) => [r.id, r]));
    for (const row of rows) expect(row).toEqual(all.get(row.id!));
  });

  it('JSON Lines: every source row once, values unchanged, each in the file its id hashes to', () => {
    const files = readdirSync(join(out, 'api/v1/channels')).sort();
    expect(files).toHaveLength(256);
    expect(files[0]).toBe('00.jsonl.gz');
    const fileOf = new Map<unknown, string>();
    const channels = files.flatMap((f) => jsonLines(`api/v1/channels/${f}`).map((c) => (fileOf.set(c, f), c)));
    expect(channels.map((c) => c.id).sort()).toEqual(registry.channels.map((c) => c.id).sort());
    for (const c of channels) {
      expect(fileOf.get(c)).toBe(`${createHash('sha256').update(c.id as string).digest('hex').slice(0, 2)}.jsonl.gz`);
      const restored = Object.fromEntries(CHANNEL_COLUMNS.map((f) => [f, cellText(c[f] as never)]));
      expect(restored).toEqual(sourceCells(c.id as string));
    }
    const evil = channels.find((c) => c.id === 'formula-test-weibo')!;
    expect(evil.name).toBe('=HYPERLINK("http://evil.example/","点击")');
    const rongcheng = channels.find((c) => c.id === 'rongcheng-police-weibo')!;
    expect(rongcheng).toMatchObject({ closed: '2024-04', followers: 500, source: ['cd-2024-08-28'], province: '370000' });
    expect(rongcheng.destinations).toEqual([{ channel: 'weihai-police-wechat', via: ['weihai-police-weibo'] }]);
    // the 256 files joined are one gzip stream of the whole dataset
    const joined = gunzipSync(Buffer.concat(files.map((f) => readFileSync(join(out, 'api/v1/channels', f))))).toString('utf8');
    expect(joined.trim().split('\n')).toHaveLength(registry.channels.length);
  });

  it('datapackage.json describes every published column and points at files that exist', () => {
    const pkg = JSON.parse(read('datapackage.json'));
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
    for (const r of pkg.resources) {
      for (const path of [r.path].flat()) expect(existsSync(join(out, path)), path).toBe(true);
      if (typeof r.path === 'string') expect(r.bytes).toBe(readFileSync(join(out, r.path)).length);
    }
    const names = pkg.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual(['channels-100000', 'channels-370000', 'closures', 'sources', 'events', 'api-index', 'api-regions', 'api-closures-index', 'api-events', 'api-sources']);
    const channels = pkg.resources.find((r: { name: string }) => r.name === 'channels-370000');
    expect(channels.path).toBe('downloads/channels-370000.csv.gz');
    const text = gunzipSync(readFileSync(join(out, channels.path))).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(false);
    const header = Papa.parse<string[]>(text, { preview: 1 }).data[0];
    expect(channels.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    for (const f of channels.schema.fields) expect(f.description, f.name).not.toBe('');
    // the .csv.gz has the ZIP's rows exactly, only without the byte-order mark
    expect(text).toBe(unzipped('downloads/channels-370000.zip').slice(1));
    // every download the writer made is described: the tables as resources, the other forms in the description
    const described = new Set(pkg.resources.flatMap((r: { path: string | string[] }) => [r.path].flat()));
    for (const f of readdirSync(join(out, 'downloads'))) {
      if (f.endsWith('.csv.gz') || f.endsWith('.csv')) expect(described.has(`downloads/${f}`), f).toBe(true);
      else if (f.endsWith('.parquet')) expect(pkg.description).toContain(`downloads/${f}`);
      else expect(f).toMatch(/\.zip$/);
    }
  });

  it('the API finds every channel by its id\'s hash, and lists regions and closures', () => {
    const index = JSON.parse(read('api/v1/index.json'));
    expect(index.counts.total).toBe(registry.channels.length);
    expect(index.channels).toMatchObject({ file: 'api/v1/channels/{shard}.jsonl.gz', shards: 256 });
    expect(index.channel_page).toBe('https://example.org/registry/channels/{id}/');
    expect(index.channel_entry).toMatch(/^\{page\}#c-\{id\}/);
    for (const c of registry.channels) {
      const shard = createHash('sha256').update(c.id).digest('hex').slice(0, 2);
      expect(jsonLines(index.channels.file.replace('{shard}', shard)).some((h) => h.id === c.id), c.id).toBe(true);
    }
    const regions = JSON.parse(read('api/v1/regions.json')).regions as { code: string; counts: { total: number }; page: string }[];
    expect(regions.find((r) => r.code === '100000')!.counts.total).toBe(registry.channels.length);
    expect(regions.find((r) => r.code === '371000')!).toMatchObject({ page: 'https://example.org/registry/regions/371000/' });
    const local = JSON.parse(read('api/v1/regions/370000.json')).regions as { code: string; counts: { total: number } }[];
    expect(local.find((r) => r.code === '371082')!.counts.total).toBe(4);
    const closuresIndex = JSON.parse(read('api/v1/closures/index.json'));
    expect(closuresIndex.files.map((f: { file: string }) => f.file)).toEqual(['api/v1/closures/370000.jsonl.gz']);
    const closures = jsonLines('api/v1/closures/370000.jsonl.gz') as { id: string; date?: string }[];
    expect(closures.map((c) => c.id)).toContain('rongcheng-police-weibo');
    expect(closuresIndex.total).toBe(closures.length);
    const dates = closures.map((c) => c.date ?? '');
    expect(dates.filter(Boolean)).toEqual([...dates.filter(Boolean)].sort().reverse());
  });

  it('feeds are valid Atom and JSON Feed, nationally and per province, in both languages, honest about time', () => {
    for (const path of ['feed.xml', 'en/feed.xml', 'feeds/370000.xml', 'en/feeds/370000.xml']) {
      const xml = read(path);
      expect(XMLValidator.validate(xml), path).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      for (const key of ['id', 'title', 'updated', 'author', 'entry']) expect(feed[key], `${path} ${key}`).toBeDefined();
      const entries = [feed.entry].flat() as { id: string; link: { '@_href': string }; updated: string; content: { '#text': string } }[];
      // the dataset was copied outside git: one entry of every closure, dated the data's day, never a closure's widened date
      expect(entries).toHaveLength(1);
      const closures = registry.channels.filter(isClosure);
      for (const c of closures) expect(entries[0]!.content['#text']).toContain(`#c-${c.id}"`);
      expect(new Set(entries.map((e) => e.updated)).size).toBe(entries.length);
      expect(entries[0]!.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(entries[0]!.updated).toBe(feed.updated);
      expect(entries[0]!.content['#text']).not.toContain('2024-04-01');
    }
    // province feeds are titled with the province's name
    expect(new XMLParser().parse(read('feeds/370000.xml')).feed.title).toContain('山东');
    expect(new XMLParser().parse(read('en/feeds/370000.xml')).feed.title).toContain('Shandong');
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
    expect(sitemap).toContain('<loc>https://example.org/registry/regions/371082/</loc>');
    // channel permalinks forward to their region's page: not pages to index
    expect(sitemap).not.toContain('/channels/');
    expect(sitemap).toContain('<loc>https://example.org/registry/en/data/</loc>');
    expect(sitemap).not.toMatch(/registry\/404/);
    expect(read('robots.txt')).toContain('Sitemap: https://example.org/registry/sitemap-index.xml');
    expect(read('CITATION.cff')).toMatch(/^cff-version: 1\.2\.0$/m);
  });

  it('has /data/ and /changes/ in both languages, with Open Graph tags and feed links', () => {
    for (const lang of ['', 'en/']) {
      const data = read(`${lang}data/index.html`);
      expect(data).toContain(`href="${BASE}downloads/channels-370000.zip"`);
      expect(data).toContain(`href="${BASE}downloads/closures.zip"`);
      expect(data).toContain('api/v1/channels/{shard}.jsonl.gz');
      expect(data).toContain(`href="${BASE}datapackage.json"`);
      expect(data).toContain(`href="${BASE}downloads/channels.parquet"`);
      expect(data).toContain(`href="${BASE}api/v1/schemas/channel.schema.json"`);
      expect(data).toContain('https://example.org/registry/downloads/channels.parquet');
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
