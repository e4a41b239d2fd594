/**
 * Writes everything people take away into the built site: the CSV and JSON downloads, the
 * per-province CSV files, datapackage.json, the JSON API, the feeds, the sitemaps,
 * robots.txt and CITATION.cff. Streams rows to disk (a national dataset is hundreds of
 * megabytes of text in all) and refuses to publish a file over FILE_BYTE_LIMIT.
 */
import { closeSync, mkdirSync, openSync, statSync, writeSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isClosure, type Channel, type Registry } from '../domain/model.ts';
import { NATION_CODE } from '../domain/regions.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { localePath, routes, ui } from '../site/i18n.ts';
import type { SiteConfig } from '../site/config.ts';
import { citationCff } from './citation.ts';
import { channelCsvHeader, channelCsvLine, eventsCsv, provinceCodeOf, sourcesCsv } from './csv-export.ts';
import { dataPackage } from './datapackage.ts';
import { atomFeed, feedEntries, jsonFeed, type FeedMeta } from './feeds.ts';
import {
  API_DIR,
  CHANNELS_PER_SHARD,
  channelJson,
  channelsById,
  closureJson,
  closureProvinces,
  closuresNewestFirst,
  eventJson,
  FILE_BYTE_LIMIT,
  planShards,
  publishedRegions,
  regionJson,
  SHARD_BYTE_LIMIT,
  sourceJson,
  type Json,
  type Shard,
} from './json-api.ts';
import { DOWNLOADS_DIR, downloadPlan, JSON_CLOSE, JSON_OPEN, JSON_SEPARATOR, pageLinks, type PlannedFile } from './plan.ts';
import { buildSitemaps, pageUrls, robotsTxt, SITEMAP_INDEX } from './sitemap.ts';

export interface PublishContext {
  readonly registry: Registry;
  readonly config: SiteConfig;
  /** Base path with a trailing slash. */
  readonly base: string;
  readonly dataUpdated: string;
  readonly dataVersion?: string;
  /** Pathnames of the pages the build wrote (for the sitemaps). */
  readonly pages: readonly string[];
}

export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
}

/** A file written in chunks, so no file's whole text is ever held at once. */
class StreamedFile {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;
  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export const FEED_FILES = {
  atom: (lang: Lang, province?: string) => `${lang === 'en' ? 'en/' : ''}${province ? `feeds/${province}.xml` : 'feed.xml'}`,
  json: (lang: Lang, province?: string) => `${lang === 'en' ? 'en/' : ''}${province ? `feeds/${province}.json` : 'feed.json'}`,
};

export const API_FILES = {
  index: `${API_DIR}/index.json`,
  regions: `${API_DIR}/regions.json`,
  provinceRegions: (province: string) => `${API_DIR}/regions/${province}.json`,
  events: `${API_DIR}/events.json`,
  sources: `${API_DIR}/sources.json`,
  closuresIndex: `${API_DIR}/closures/index.json`,
  closures: (province: string) => `${API_DIR}/closures/${province}.json`,
  channelShard: (n: number) => `${API_DIR}/channels/${String(n).padStart(4, '0')}.json`,
};

export const DATAPACKAGE_FILE = 'datapackage.json';
export const SOURCES_CSV = `${DOWNLOADS_DIR}/sources.csv`;
export const EVENTS_CSV = `${DOWNLOADS_DIR}/events.csv`;
export const CITATION_FILE = 'CITATION.cff';

export function writeDownloads(outDir: string, ctx: PublishContext): WrittenFile[] {
  const { registry, config, base } = ctx;
  const written: WrittenFile[] = [];
  const origin = config.siteUrl.replace(/\/+$/, '');
  const siteRoot = origin + base;
  const links = pageLinks(config.siteUrl, base);
  const record = (path: string) => written.push({ path, bytes: statSync(join(outDir, path)).size });
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
    record(path);
  };
  const putJson = (path: string, value: unknown) => put(path, `${JSON.stringify(value)}\n`);

  // CSV and JSON downloads, in parts as planned
  const plan = downloadPlan(registry, links);
  const writeCsvParts = (files: readonly PlannedFile[], rows: readonly Channel[]) => {
    let at = 0;
    for (const f of files) {
      const out = new StreamedFile(join(outDir, f.path));
      out.write(channelCsvHeader());
      for (let i = at; i < at + f.rows; i++) out.write(channelCsvLine(rows[i]!, registry.regions));
      out.close();
      record(f.path);
      at += f.rows;
    }
  };
  writeCsvParts(plan.csv, plan.channels);
  let at = 0;
  for (const f of plan.json) {
    const out = new StreamedFile(join(outDir, f.path));
    out.write(JSON_OPEN);
    for (let i = at; i < at + f.rows; i++) out.write((i > at ? JSON_SEPARATOR : '') + JSON.stringify(channelJson(registry, plan.channels[i]!, links)));
    out.write(JSON_CLOSE);
    out.close();
    record(f.path);
    at += f.rows;
  }
  let start = 0;
  for (const p of plan.provinces) {
    writeCsvParts(p.files, plan.channels.slice(start, start + p.channels));
    start += p.channels;
  }
  put(SOURCES_CSV, sourcesCsv(registry.sources.values()));
  put(EVENTS_CSV, eventsCsv(registry.events));

  const size = (path: string) => written.find((w) => w.path === path)!.bytes;
  const t = ui('en');
  putJson(
    DATAPACKAGE_FILE,
    dataPackage({
      name: 'gov-new-media-channel-registry',
      title: `${t.siteName} · ${ui('zh').siteName}`,
      description: t.siteTagline,
      homepage: siteRoot,
      version: ctx.dataVersion,
      created: ctx.dataUpdated,
      licence: config.dataLicence,
      channelFiles: plan.csv.map((f) => ({ path: f.path, bytes: size(f.path), rows: f.rows })),
      sourcesFile: { path: SOURCES_CSV, bytes: size(SOURCES_CSV) },
      eventsFile: { path: EVENTS_CSV, bytes: size(EVENTS_CSV) },
    }),
  );

  // JSON API
  const byId = channelsById(registry.channels);
  const texts = byId.map((c) => JSON.stringify(channelJson(registry, c, links)));
  const shards: Shard[] = planShards(texts, (s) => Buffer.byteLength(s, 'utf8'), CHANNELS_PER_SHARD, SHARD_BYTE_LIMIT).map((r, i) => {
    const file = API_FILES.channelShard(i + 1);
    const out = new StreamedFile(join(outDir, file));
    out.write('{"channels":[\n');
    for (let j = r.start; j < r.end; j++) out.write((j > r.start ? ',\n' : '') + texts[j]);
    out.write('\n]}\n');
    out.close();
    record(file);
    return { file, first: byId[r.start]!.id, last: byId[r.end - 1]!.id, count: r.end - r.start };
  });
  texts.length = 0;
  const regionFiles = publishedRegions(registry);
  const localRegions: { province: string; file: string; count: number }[] = [];
  for (const [province, list] of [...regionFiles.byProvince].sort(([a], [b]) => a.localeCompare(b))) {
    const file = API_FILES.provinceRegions(province);
    putJson(file, { province, regions: list.map((r) => regionJson(registry, r, links)) });
    localRegions.push({ province, file, count: list.length });
  }
  putJson(API_FILES.regions, { regions: regionFiles.top.map((r) => regionJson(registry, r, links)), local: localRegions });
  putJson(API_FILES.events, { events: registry.events.map(eventJson) });
  putJson(API_FILES.sources, { sources: [...registry.sources.values()].map(sourceJson) });
  const closures = closuresNewestFirst(registry.channels);
  const closureFiles: { province: string; file: string; count: number }[] = [];
  for (const province of closureProvinces(registry)) {
    const list = closures.filter((c) => provinceCodeOf(registry.regions, c.region) === province);
    const file = API_FILES.closures(province);
    putJson(file, { province, closures: list.map((c) => closureJson(registry, c, links)) });
    closureFiles.push({ province, file, count: list.length });
  }
  putJson(API_FILES.closuresIndex, { total: closures.length, files: closureFiles });
  putJson(API_FILES.index, {
    api: 'v1',
    dataset: { version: ctx.dataVersion ?? null, updated: ctx.dataUpdated, licence: config.dataLicence, synthetic: registry.synthetic },
    counts: registry.countsIn(NATION_CODE),
    files: {
      regions: API_FILES.regions,
      events: API_FILES.events,
      sources: API_FILES.sources,
      closures: API_FILES.closuresIndex,
      datapackage: DATAPACKAGE_FILE,
    },
    channel_lookup: 'Find the last shard whose "first" is <= the id (ids compare as plain ASCII strings); the channel is in that shard if the id is <= its "last".',
    channel_shards: shards,
  });

  // feeds: the nation and every province with closures, in both languages
  for (const lang of ['zh', 'en'] as const) {
    const s = ui(lang);
    const feed = (province: string | undefined, channels: Iterable<Channel>, placeName: string) => {
      const atomFile = FEED_FILES.atom(lang, province);
      const jsonFile = FEED_FILES.json(lang, province);
      const meta = (self: string): FeedMeta => ({
        lang,
        title: placeName ? `${s.siteName} · ${placeName}` : s.siteName,
        subtitle: lang === 'zh' ? `最近关停的政务新媒体账号${placeName ? `（${placeName}）` : ''}` : `Recently closed government channels${placeName ? ` (${placeName})` : ''}`,
        selfUrl: siteRoot + self,
        atomUrl: siteRoot + atomFile,
        jsonUrl: siteRoot + jsonFile,
        homeUrl: origin + localePath({ lang, base }, province ? routes.region(province) : routes.home()),
        siteUrl: siteRoot,
        author: s.siteName,
        rights: `${config.dataLicence.name} ${config.dataLicence.url}`,
        dataUpdated: ctx.dataUpdated,
      });
      const entries = feedEntries(registry, channels, lang, config.siteUrl, links);
      put(atomFile, atomFeed(meta(atomFile), entries));
      put(jsonFile, jsonFeed(meta(jsonFile), entries));
    };
    feed(undefined, closures, '');
    for (const { province } of closureFiles) {
      const region = registry.regions.get(province);
      const placeName = province === NATION_CODE ? (lang === 'zh' ? '中央' : 'Central') : lang === 'zh' ? (region?.name ?? province) : (region?.nameEn ?? province);
      feed(province, closures.filter((c) => isClosure(c) && provinceCodeOf(registry.regions, c.region) === province), placeName);
    }
  }

  // sitemaps and robots.txt
  const sitemaps = buildSitemaps(pageUrls(ctx.pages, origin, base), siteRoot, ctx.dataUpdated);
  for (const s of sitemaps.sitemaps) put(s.file, s.xml);
  put(SITEMAP_INDEX, sitemaps.index);
  put('robots.txt', robotsTxt(siteRoot + SITEMAP_INDEX));

  put(CITATION_FILE, citationCff({ version: ctx.dataVersion, date: ctx.dataUpdated, url: siteRoot, repoUrl: config.repoUrl }));

  const tooBig = written.filter((w) => w.bytes > FILE_BYTE_LIMIT);
  if (tooBig.length > 0) throw new Error(`files over ${FILE_BYTE_LIMIT} bytes: ${tooBig.map((w) => `${w.path} (${w.bytes})`).join(', ')}`);
  return written;
}

export type { Json };
