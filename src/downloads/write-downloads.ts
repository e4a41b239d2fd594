/**
 * Writes everything people and programs take away into the built site: the CSV downloads
 * (ZIP per province, closures), datapackage.json, the JSON API, the feeds, the sitemaps,
 * robots.txt and CITATION.cff. What is published and why is in plan.ts and json-api.ts.
 *
 * At national scale the text behind these files is ~470 MB, so rows go to the compressors
 * (archive.ts) a batch at a time; a file's text is held whole only to look it up in the
 * compression cache, when given one (PARALLEL_FILES at most at once). Several files are
 * compressed at once on zlib's thread pool while the main thread builds the next rows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isClosure, type Channel, type Registry } from '../domain/model.ts';
import { NATION_CODE } from '../domain/regions.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { localePath, routes } from '../routes/routes.ts';
import type { SiteConfig } from '../routes/site-config.ts';
import { stringsFor } from '../strings/index.ts';
import type { DerivedCache } from '../build-cache/derived-cache.ts';
import type { Changelog } from './changelog.ts';
import { runPooled, writeGzip, writeZip, type ArchiveOptions } from './archive.ts';
import { citationCff } from './citation.ts';
import { channelCsvHeader, channelCsvLine, eventsCsv, sourcesCsv } from './csv-export.ts';
import { API_SCHEMAS, jsonSchemaOf, type ApiSchemaFile } from './api-schemas.ts';
import { dataPackage } from './datapackage.ts';
import { channelsParquet } from './parquet.ts';
import { feedEntries, feedReleases } from './feed-releases.ts';
import { atomFeed, FEED_LIMIT, jsonFeed, PROVINCE_FEED_LIMIT, type FeedMeta } from './feeds.ts';
import {
  channelJson,
  channelsByShard,
  closureJson,
  closuresNewestFirst,
  eventJson,
  FILE_BYTE_LIMIT,
  publishedRegions,
  regionJson,
  SHARD_HEX_DIGITS,
  SHARDS,
  sourceJson,
  type Json,
} from './json-api.ts';
import { DOWNLOADS_DIR, downloadPlan, exportOrder, FILES, pageLinks, provinceLookup, provinceName } from './plan.ts';
import { buildSitemaps, pageUrls, robotsTxt, SITEMAP_INDEX } from './sitemap.ts';

export interface PublishContext {
  readonly registry: Registry;
  readonly config: SiteConfig;
  /** Base path with a trailing slash. */
  readonly base: string;
  readonly dataUpdated: string;
  /** YYYY-MM-DD, the day the data is judged on (as the pages are): the feeds' sentences are in its tense. */
  readonly today: string;
  readonly dataVersion?: string;
  /** Pathnames of the pages the build wrote (for the sitemaps). */
  readonly pages: readonly string[];
  /** The data's recent versions (git), which date the feeds' entries; absent or without history: one undated-by-git entry. */
  readonly changelog?: Changelog;
}

export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
}

/** Compressed files being written at once: enough to keep both cores busy, few enough to bound memory. */
const PARALLEL_FILES = 4;

export async function writeDownloads(outDir: string, ctx: PublishContext, options: { readonly cache?: DerivedCache } = {}): Promise<WrittenFile[]> {
  const { registry, config, base } = ctx;
  // compressing is half the writer's time; a one-row change alters only a few files' text
  const archive: ArchiveOptions = { cache: options.cache };
  const written: WrittenFile[] = [];
  const origin = config.siteUrl.replace(/\/+$/, '');
  const siteRoot = origin + base;
  const links = pageLinks(registry, config.siteUrl, base);
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
    written.push({ path, bytes: Buffer.byteLength(text) });
  };
  const putJson = (path: string, value: unknown) => put(path, `${JSON.stringify(value)}\n`);
  const plan = downloadPlan(registry);
  const provinceOf = provinceLookup(registry);

  // the rows of each file, grouped once
  const byProvince = new Map<string, Channel[]>(plan.provinces.map((p) => [p.code, []]));
  for (const c of exportOrder(registry)) byProvince.get(provinceOf(c))!.push(c);
  const closures = closuresNewestFirst(registry.channels);
  const closuresByProvince = new Map<string, Channel[]>();
  for (const c of closures) {
    const p = provinceOf(c);
    let list = closuresByProvince.get(p);
    if (!list) closuresByProvince.set(p, (list = []));
    list.push(c);
  }
  const closureProvinces = plan.provinces.map((p) => p.code).filter((code) => closuresByProvince.has(code));
  // the closures CSV in the channel files' order (province, region, id): a spreadsheet sorts
  // by date in a click, and rows of one place side by side compress ~15 % smaller
  const closureRows = plan.provinces.flatMap((p) => byProvince.get(p.code)!.filter(isClosure));
  const shards = channelsByShard(registry.channels);

  function* csvRows(list: readonly Channel[], bom: boolean): Generator<string> {
    yield channelCsvHeader(bom);
    for (const c of list) yield channelCsvLine(c, registry.regions);
  }
  function* jsonLines(list: readonly Channel[], shape: (c: Channel) => Record<string, Json>): Generator<string> {
    for (const c of list) yield `${JSON.stringify(shape(c))}\n`;
  }
  const at = (path: string) => join(outDir, path);
  const day = ctx.dataUpdated;
  const jobs: (() => Promise<WrittenFile>)[] = [
    // the largest single file first, so it is not left running alone at the end
    async () => ({ path: FILES.closuresZip, bytes: (await writeZip(at(FILES.closuresZip), FILES.closuresCsv, csvRows(closureRows, true), day, archive)).bytes }),
    async () => ({ path: FILES.closuresCsvGz, bytes: (await writeGzip(at(FILES.closuresCsvGz), csvRows(closureRows, false), archive)).bytes }),
    ...plan.provinces.flatMap((p) => [
      async () => {
        const path = FILES.provinceZip(p.code);
        return { path, bytes: (await writeZip(at(path), FILES.provinceCsv(p.code), csvRows(byProvince.get(p.code)!, true), day, archive)).bytes };
      },
      async () => {
        const path = FILES.provinceCsvGz(p.code);
        return { path, bytes: (await writeGzip(at(path), csvRows(byProvince.get(p.code)!, false), archive)).bytes };
      },
    ]),
    ...SHARDS.map((shard) => async () => {
      const path = FILES.api.channelShard(shard);
      return { path, bytes: (await writeGzip(at(path), jsonLines(shards.get(shard)!, (c) => channelJson(registry, c)), archive)).bytes };
    }),
    ...closureProvinces.map((province) => async () => {
      const path = FILES.api.closures(province);
      return { path, bytes: (await writeGzip(at(path), jsonLines(closuresByProvince.get(province)!, (c) => closureJson(registry, c)), archive)).bytes };
    }),
  ];
  written.push(...(await runPooled(jobs, PARALLEL_FILES)));
  // Parquet: the whole table in one file, in the CSV's order (province, region, id)
  const putBytes = (path: string, bytes: Uint8Array) => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), bytes);
    written.push({ path, bytes: bytes.length });
  };
  putBytes(FILES.channelsParquet, channelsParquet(plan.provinces.flatMap((p) => byProvince.get(p.code)!), registry.regions));
  putBytes(FILES.closuresParquet, channelsParquet(closureRows, registry.regions));
  byProvince.clear();
  shards.clear();

  put(FILES.sourcesCsv, sourcesCsv(registry.sources.values()));
  put(FILES.eventsCsv, eventsCsv(registry.events));

  // the JSON API's contract, then the rest of its files, each naming its schema
  const schemaUrl = (file: ApiSchemaFile) => siteRoot + FILES.api.schema(file);
  for (const file of Object.keys(API_SCHEMAS) as ApiSchemaFile[]) putJson(FILES.api.schema(file), jsonSchemaOf(file, schemaUrl(file)));
  const regionFiles = publishedRegions(registry);
  const localRegions: { province: string; file: string; count: number }[] = [];
  for (const [province, list] of [...regionFiles.byProvince].sort(([a], [b]) => a.localeCompare(b))) {
    const file = FILES.api.provinceRegions(province);
    putJson(file, { $schema: schemaUrl('province-regions.schema.json'), province, regions: list.map((r) => regionJson(registry, r, links)) });
    localRegions.push({ province, file, count: list.length });
  }
  putJson(FILES.api.regions, { $schema: schemaUrl('regions.schema.json'), regions: regionFiles.top.map((r) => regionJson(registry, r, links)), local: localRegions });
  putJson(FILES.api.events, { $schema: schemaUrl('events.schema.json'), events: registry.events.map(eventJson) });
  putJson(FILES.api.sources, { $schema: schemaUrl('sources.schema.json'), sources: [...registry.sources.values()].map(sourceJson) });
  putJson(FILES.api.closuresIndex, {
    $schema: schemaUrl('closures-index.schema.json'),
    total: closures.length,
    files: closureProvinces.map((province) => ({ province, file: FILES.api.closures(province), count: closuresByProvince.get(province)!.length })),
    line_schema: schemaUrl('closure.schema.json'),
  });
  putJson(FILES.api.index, {
    $schema: schemaUrl('index.schema.json'),
    api: 'v1',
    dataset: { version: ctx.dataVersion ?? null, updated: ctx.dataUpdated, licence: config.dataLicence, synthetic: registry.synthetic },
    counts: registry.countsIn(NATION_CODE),
    files: {
      regions: FILES.api.regions,
      events: FILES.api.events,
      sources: FILES.api.sources,
      closures: FILES.api.closuresIndex,
      datapackage: FILES.datapackage,
      schemas: FILES.api.schemas,
    },
    channels: {
      file: FILES.api.channels,
      shard: `the first ${SHARD_HEX_DIGITS} hex digits (lower case) of the SHA-256 digest of the channel id (UTF-8)`,
      shards: SHARDS.length,
      format: 'JSON Lines (one channel per line, sorted by id), gzip-compressed',
      line_schema: schemaUrl('channel.schema.json'),
    },
    // a channel's page is its entry on its region's page; the permalink finds it too, through
    // the site's not-found page (which needs JavaScript)
    channel_entry: '{page}#c-{id}, where {page} is the page (or page_en) of the channel\'s region in the regions files',
    channel_page: links.permalink.zh,
    channel_page_en: links.permalink.en,
  });

  // feeds: the nation and every province with closures, in both languages, by data release
  const releases = feedReleases(ctx.changelog, registry, ctx.dataUpdated);
  for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
    const t = stringsFor(lang);
    const siteName = t.site.name;
    const feed = (province: string | undefined, placeName: string) => {
      const atomFile = FILES.feeds.atom(lang, province);
      const jsonFile = FILES.feeds.json(lang, province);
      const meta = (self: string): FeedMeta => ({
        lang,
        title: placeName ? `${siteName} · ${placeName}` : siteName,
        subtitle: t.feeds.subtitle(placeName),
        selfUrl: siteRoot + self,
        atomUrl: siteRoot + atomFile,
        jsonUrl: siteRoot + jsonFile,
        homeUrl: origin + localePath({ lang, base }, province ? routes.region(province) : routes.home()),
        siteUrl: siteRoot,
        author: siteName,
        rights: `${config.dataLicence.name} ${config.dataLicence.url}`,
        dataUpdated: ctx.dataUpdated,
      });
      const homeUrl = origin + localePath({ lang, base }, province ? routes.region(province) : routes.home());
      const scope = { province, provinceOf, changesUrl: origin + localePath({ lang, base }, routes.changes()), homeUrl };
      const entries = feedEntries(registry, releases, scope, lang, config.siteUrl, links, province ? PROVINCE_FEED_LIMIT : FEED_LIMIT, ctx.today);
      put(atomFile, atomFeed(meta(atomFile), entries));
      put(jsonFile, jsonFeed(meta(jsonFile), entries));
    };
    feed(undefined, '');
    for (const province of closureProvinces) feed(province, provinceName(registry, province, lang));
  }

  // sitemaps and robots.txt
  const sitemaps = buildSitemaps(pageUrls(ctx.pages, origin, base), siteRoot, ctx.dataUpdated);
  for (const s of sitemaps.sitemaps) put(s.file, s.xml);
  put(SITEMAP_INDEX, sitemaps.index);
  put('robots.txt', robotsTxt(siteRoot + SITEMAP_INDEX));

  put(FILES.citation, citationCff({ version: ctx.dataVersion, date: ctx.dataUpdated, url: siteRoot, repoUrl: config.repoUrl }));

  // last: it gives every other file's size
  const size = (path: string) => written.find((w) => w.path === path)!.bytes;
  putJson(
    FILES.datapackage,
    dataPackage({
      name: 'gov-new-media-channel-registry',
      title: `${stringsFor('en').site.name} · ${stringsFor('zh').site.name}`,
      description: stringsFor('en').site.tagline,
      homepage: siteRoot,
      version: ctx.dataVersion,
      created: ctx.dataUpdated,
      licence: config.dataLicence,
      provinceFiles: plan.provinces.map((p) => ({ code: p.code, name: p.nameEn, path: FILES.provinceCsvGz(p.code), bytes: size(FILES.provinceCsvGz(p.code)), rows: p.channels })),
      closuresFile: { path: FILES.closuresCsvGz, bytes: size(FILES.closuresCsvGz), rows: closures.length },
      sourcesFile: { path: FILES.sourcesCsv, bytes: size(FILES.sourcesCsv) },
      eventsFile: { path: FILES.eventsCsv, bytes: size(FILES.eventsCsv) },
      jsonFiles: [
        { name: 'api-index', title: 'JSON API: index', description: 'The JSON API\'s entry point: data version, totals, where every file is and the rule that finds a channel by id.', path: FILES.api.index, schema: FILES.api.schema('index.schema.json') },
        { name: 'api-regions', title: 'JSON API: regions', description: `The nation, every province and every prefecture with counts; the counties and townships are in ${FILES.api.provinceRegions('<province>')}, listed under local.`, path: FILES.api.regions, schema: FILES.api.schema('regions.schema.json') },
        { name: 'api-closures-index', title: 'JSON API: closure files', description: 'The closures\' JSON Lines files, one per province-level division, with counts.', path: FILES.api.closuresIndex, schema: FILES.api.schema('closures-index.schema.json') },
        { name: 'api-events', title: 'JSON API: policy events', description: 'Policy milestones, as JSON.', path: FILES.api.events, schema: FILES.api.schema('events.schema.json') },
        { name: 'api-sources', title: 'JSON API: sources', description: 'The sources rows cite, as JSON.', path: FILES.api.sources, schema: FILES.api.schema('sources.schema.json') },
      ].map((f) => ({ ...f, bytes: size(f.path) })),
      alsoAs: {
        zips: `${DOWNLOADS_DIR}/channels-<province>.zip, ${FILES.closuresZip}`,
        channelsParquet: FILES.channelsParquet,
        closuresParquet: FILES.closuresParquet,
        channelsJsonLines: FILES.api.channels,
        schemas: FILES.api.schemas,
      },
      dataPage: origin + localePath({ lang: 'en', base }, routes.data()),
    }),
  );

  const tooBig = written.filter((w) => w.bytes > FILE_BYTE_LIMIT);
  if (tooBig.length > 0) throw new Error(`files over ${FILE_BYTE_LIMIT} bytes: ${tooBig.map((w) => `${w.path} (${w.bytes})`).join(', ')}`);
  return written;
}
