/**
 * Which download files a build publishes and where, decided once from the registry so the
 * /data/ page (which lists them, rendered before the files exist) and the writer (which
 * writes them) always agree. Cheap on purpose: counts, no file contents.
 *
 * What is published, and why (a national registry is ~160 MB of CSV and ~230 MB of JSON,
 * and no file may pass 25 MB):
 * - the channels as CSV twice over, one file per province: a ZIP (with a byte-order mark,
 *   for spreadsheets: it opens with a double click) and a .csv.gz (no byte-order mark, for
 *   programs: the tables of datapackage.json, which stock Data Package readers open); per
 *   province because one national CSV would not fit under the limit even compressed, and
 *   because province codes never change, so the addresses stay the same as the data grows;
 * - the closures (closing and closed channels) the same two ways: the table most readers want;
 * - the channels and the closures as Parquet, one file each (parquet.ts), for analysts who
 *   query over HTTP (DuckDB, pandas, R);
 * - the channels as JSON Lines once, in the JSON API's 256 gzip files by id hash (json-api.ts);
 * - sources and events as plain CSV (small).
 */
import type { Channel, Registry } from '../domain/model.ts';
import { isClosure } from '../domain/model.ts';
import { NATION_CODE } from '../domain/regions.ts';
import { localePath, routes } from '../routes/routes.ts';
import { stringsFor } from '../strings/index.ts';
import { localText } from '../strings/local-name.ts';
import { provinceCodeOf } from './csv-export.ts';
import { SCHEMAS_DIR, type ApiSchemaFile } from './api-schemas.ts';
import { API_DIR, type PageLinks } from './json-api.ts';

export const DOWNLOADS_DIR = 'downloads';

/** Every path the writer publishes, relative to the site's output folder. */
export const FILES = {
  /** A province's channels: a ZIP holding provinceCsv(code). */
  provinceZip: (code: string) => `${DOWNLOADS_DIR}/channels-${code}.zip`,
  provinceCsv: (code: string) => `channels-${code}.csv`,
  /** The same table for programs: gzip'd CSV without a byte-order mark. */
  provinceCsvGz: (code: string) => `${DOWNLOADS_DIR}/channels-${code}.csv.gz`,
  closuresZip: `${DOWNLOADS_DIR}/closures.zip`,
  closuresCsv: 'closures.csv',
  closuresCsvGz: `${DOWNLOADS_DIR}/closures.csv.gz`,
  channelsParquet: `${DOWNLOADS_DIR}/channels.parquet`,
  closuresParquet: `${DOWNLOADS_DIR}/closures.parquet`,
  sourcesCsv: `${DOWNLOADS_DIR}/sources.csv`,
  eventsCsv: `${DOWNLOADS_DIR}/events.csv`,
  datapackage: 'datapackage.json',
  citation: 'CITATION.cff',
  api: {
    index: `${API_DIR}/index.json`,
    /** {shard} is replaced by shardOf(id). */
    channels: `${API_DIR}/channels/{shard}.jsonl.gz`,
    channelShard: (shard: string) => `${API_DIR}/channels/${shard}.jsonl.gz`,
    regions: `${API_DIR}/regions.json`,
    provinceRegions: (province: string) => `${API_DIR}/regions/${province}.json`,
    events: `${API_DIR}/events.json`,
    sources: `${API_DIR}/sources.json`,
    closuresIndex: `${API_DIR}/closures/index.json`,
    closures: (province: string) => `${API_DIR}/closures/${province}.jsonl.gz`,
    schemas: `${API_DIR}/${SCHEMAS_DIR}/`,
    schema: (file: ApiSchemaFile) => `${API_DIR}/${SCHEMAS_DIR}/${file}`,
  },
  feeds: {
    // in the language's folder, as its pages are (relative to the site's base)
    atom: (lang: 'zh' | 'en', province?: string) => localePath({ lang, base: '' }, province ? `/feeds/${province}.xml` : '/feed.xml'),
    json: (lang: 'zh' | 'en', province?: string) => localePath({ lang, base: '' }, province ? `/feeds/${province}.json` : '/feed.json'),
  },
};

export interface ProvinceDownload {
  /** Province-level code; 100000 for central bodies. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly channels: number;
  readonly closures: number;
}

export interface DownloadPlan {
  /** Provinces with channels, central bodies first, then by code. */
  readonly provinces: readonly ProvinceDownload[];
  readonly channels: number;
  readonly closures: number;
}

export function pageLinks(registry: Registry, siteUrl: string, base: string): PageLinks {
  const origin = siteUrl.replace(/\/+$/, '');
  const abs = (lang: 'zh' | 'en', route: string) => origin + localePath({ lang, base }, route);
  const both = (route: string) => ({ zh: abs('zh', route), en: abs('en', route) });
  return {
    entry: (c) => both(routes.channelEntry(registry.pageOf(c.region), c.id)),
    region: (code) => both(routes.regionAt(registry.pageOf(code), code)),
    permalink: both(routes.channel('{id}')),
  };
}

/** A province-level division's name in a language (the catalogue's name of central bodies for 100000). */
export function provinceName(registry: Registry, code: string, lang: 'zh' | 'en'): string {
  if (code === NATION_CODE) return stringsFor(lang).places.central;
  const region = registry.regions.get(code);
  return region ? localText(region.name, region.nameEn, lang) : code;
}

/** Central bodies first, then province codes in order. */
export const provinceOrder = (a: string, b: string): number => (a === b ? 0 : a === NATION_CODE ? -1 : b === NATION_CODE ? 1 : a < b ? -1 : 1);

/** A cached channel → province-code lookup (one region lookup per region, not per channel). */
export function provinceLookup(registry: Registry): (c: Channel) => string {
  const byRegion = new Map<string, string>();
  return (c) => {
    let p = byRegion.get(c.region);
    if (p === undefined) byRegion.set(c.region, (p = provinceCodeOf(registry.regions, c.region)));
    return p;
  };
}

/** Channels in the order the CSV files list them: by province, region, id. */
export function exportOrder(registry: Registry): Channel[] {
  const province = provinceLookup(registry);
  return [...registry.channels].sort((a, b) => {
    const pa = province(a);
    const pb = province(b);
    if (pa !== pb) return provinceOrder(pa, pb);
    if (a.region !== b.region) return a.region < b.region ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

const cache = new WeakMap<Registry, DownloadPlan>();

export function downloadPlan(registry: Registry): DownloadPlan {
  const hit = cache.get(registry);
  if (hit) return hit;
  const province = provinceLookup(registry);
  const counts = new Map<string, { channels: number; closures: number }>();
  let closures = 0;
  for (const c of registry.channels) {
    const code = province(c);
    let n = counts.get(code);
    if (!n) counts.set(code, (n = { channels: 0, closures: 0 }));
    n.channels++;
    if (isClosure(c)) {
      n.closures++;
      closures++;
    }
  }
  const provinces = [...counts.keys()].sort(provinceOrder).map((code) => {
    const region = registry.regions.get(code);
    return {
      code,
      name: code === NATION_CODE ? '中央' : (region?.name ?? code),
      nameEn: code === NATION_CODE ? 'Central' : (region?.nameEn ?? code),
      ...counts.get(code)!,
    };
  });
  const plan = { provinces, channels: registry.channels.length, closures };
  cache.set(registry, plan);
  return plan;
}
